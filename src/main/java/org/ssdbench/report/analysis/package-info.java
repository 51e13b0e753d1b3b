/**
 * Turns a run's JMH results into the figures the report shows: latency per end-to-end configuration, per-op CPU vs GPU
 * times, and the reproduction verdict against the article's claims. Pure functions of records.
 */
package org.ssdbench.report.analysis;
