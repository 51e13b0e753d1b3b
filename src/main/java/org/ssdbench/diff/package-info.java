/**
 * Compares two or more run folders (another GPU, another version, before and after a change): aligns benchmarks by name,
 * mode and params, gives each the ratio of medians with a bootstrap confidence interval and a Mann-Whitney U test on the
 * raw samples, and writes a table, a CSV and a chart. Reuses {@code report}'s readers and chart style.
 */
package org.ssdbench.diff;
