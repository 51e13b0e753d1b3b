/**
 * XChart charts of a run: end-to-end latency and speedup per configuration, per-op CPU vs GPU, latency percentiles. Each
 * chart class builds a chart from records; {@link org.ssdbench.report.chart.ChartFiles} writes it as PNG and SVG.
 * Rendering needs no display: {@code java.awt.headless} is set to true before any chart is built.
 */
package org.ssdbench.report.chart;
