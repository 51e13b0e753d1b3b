/**
 * Statistics on JMH results that both the report and {@code diff} use: the independent measurements of a benchmark (its
 * iteration scores, across forks), score units brought to one scale, an exact Wilcoxon-Mann-Whitney rank-sum test for
 * small samples and the confidence intervals built on them. Pure functions on numbers; see docs/statistics.md.
 */
package org.ssdbench.report.stats;
