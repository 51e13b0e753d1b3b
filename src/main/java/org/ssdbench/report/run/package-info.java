/**
 * Loads one run folder ({@link org.ssdbench.results.RunFolder}) for reporting: its environment and every JMH result, as
 * one immutable {@link org.ssdbench.report.run.RunData}. Reads only; never runs anything.
 */
package org.ssdbench.report.run;
