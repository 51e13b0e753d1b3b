/**
 * Per-op CPU-vs-GPU measurements with the shapes the model really sees: signature extraction from a model's graph (static
 * shapes, completed by one traced run), single-op graphs built from a signature with realistic data, and the per-op report
 * ({@code ops-report.csv}) that sets measured per-call times beside the end-to-end trace. Pure Java except where a TF
 * session is named.
 */
package org.ssdbench.ops;
