package org.ssdbench.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.ssdbench.report.jmh.JmhFormatException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How failures reach the user: a usage error is one line naming the value and where to look ({@link ExitCodes#USAGE});
 * a bad input file or any other failure is one line too ({@link ExitCodes#BAD_INPUT}), the stack trace only with
 * {@code --verbose}.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
  static void install(CommandLine commandLine) {
    CliErrors handler = new CliErrors();
    commandLine.setParameterExceptionHandler(handler);
    commandLine.setExecutionExceptionHandler(handler);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    if (e instanceof ParameterException p) {
      return handleParseException(p, new String[0]);
    }
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    err.println(name + ": " + describe(e));
    if (verbose(parsed)) {
      e.printStackTrace(err);
    } else if (!(e instanceof BadInputException || e instanceof JmhFormatException)) {
      err.println("(run again with --verbose for the stack trace)");
    }
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  static String describe(Throwable e) {
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied (" + (a.getReason() == null ? "not writable" : a.getReason()) + ")";
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
    }
    if (e instanceof BadInputException || e instanceof JmhFormatException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.toString() : message;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
