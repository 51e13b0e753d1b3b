package org.ssdbench.cli;

/**
 * The suite's exit codes, also listed in README.md.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>done: everything asked for ran (what this machine cannot run is skipped with a reason)</td></tr>
 *   <tr><td>1</td><td>a bad input file (model, image, run folder, JMH JSON) or another error; the message names it</td></tr>
 *   <tr><td>2</td><td>a usage error: unknown command, option, configuration or profile, a bad number, contradicting flags</td></tr>
 *   <tr><td>3</td><td>the run finished but some configuration has no result (its trial failed) or the report failed;
 *   or a report or diff was written without its charts (this machine cannot draw them)</td></tr>
 *   <tr><td>4</td><td>nothing ran: every configuration asked for was skipped on this machine</td></tr>
 * </table>
 */
final class ExitCodes {
  static final int OK = 0;
  static final int BAD_INPUT = 1;
  static final int USAGE = 2;
  static final int INCOMPLETE = 3;
  static final int NOTHING_RAN = 4;

  private ExitCodes() {}
}
