/**
 * The report of one run folder: {@link org.ssdbench.report.ReportWriter} reads the folder and writes {@code report/}
 * (results.csv, charts as PNG and SVG, report.md, a self-contained report.html); {@link org.ssdbench.report.PlotCopier}
 * copies the charts to a shared plots folder. Subpackages: {@code jmh} (JMH JSON), {@code run} (run folder), {@code csv},
 * {@code analysis}, {@code chart}, {@code doc} (Markdown and HTML).
 */
package org.ssdbench.report;
