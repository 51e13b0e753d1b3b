/**
 * Compares two or more run folders (another GPU, another version, before and after a change): aligns benchmarks by name,
 * params and mode, and tests each on its iteration scores across forks (the independent measurements): ratio of medians,
 * a 95% Moses interval, an exact Wilcoxon-Mann-Whitney p-value, units normalised, throughput never set against time, and
 * the geometric mean of the ratios. Writes a table, a CSV and a chart, and says which TensorRT rows ran different
 * engines in the two runs ({@link org.ssdbench.diff.EngineComparison}). Reuses {@code report}'s readers, statistics and
 * chart style.
 */
package org.ssdbench.diff;
