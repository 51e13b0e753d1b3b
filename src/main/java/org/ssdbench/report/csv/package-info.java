/**
 * The run's results as one CSV file with a stable schema ({@link org.ssdbench.report.csv.ResultsCsv}): one row per
 * benchmark, parameter set and mode, joined with the run's environment. Written with Apache Commons CSV.
 */
package org.ssdbench.report.csv;
