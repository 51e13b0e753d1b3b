/**
 * Reads JMH's JSON result format ({@code -rf json}, JMH 1.37) into immutable records: {@link
 * org.ssdbench.report.jmh.JmhJsonReader} turns a file into {@link org.ssdbench.report.jmh.BenchmarkResult}s. Works for any
 * JMH benchmark, not only the suite's.
 */
package org.ssdbench.report.jmh;
