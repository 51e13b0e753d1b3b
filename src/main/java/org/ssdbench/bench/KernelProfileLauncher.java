package org.ssdbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ssdbench.engine.trt.TrtBuildsCsv;

/**
 * Runs {@link KernelProfileMain} for one engine in a child JVM (same java, same class path, the run's JVM arguments
 * and the suite's system properties; the environment, and so the engine cache's {@code SSDBENCH_TRT_CACHE}, is
 * inherited), with a timeout, its output copied to the log line by line with a prefix. The profile has its own
 * process because CUPTI takes one set of activity callbacks per process (TensorFlow's tracer registers its own in the
 * run's JVM) and because a native crash there must not end the run: any failure becomes one line,
 * {@code PROFILE FAILED <config>: <reason>}, and the run goes on.
 */
public final class KernelProfileLauncher {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  private static final String MAIN = KernelProfileMain.class.getName();

  /** One engine to profile. */
  public record Request(Path runDir, String config, int batch, int builderLevel, int runs) {
    public List<String> args() {
      return List.of("--run-dir", runDir.toAbsolutePath().toString(), "--config", config, "--batch",
          Integer.toString(batch), "--builder-level", Integer.toString(builderLevel), "--runs", Integer.toString(runs));
    }
  }

  private final List<String> jvmArgs;
  private final Duration timeout;
  private final PrintStream log;

  /** @param jvmArgs the run's extra JVM arguments (what its benchmark forks get) */
  public KernelProfileLauncher(List<String> jvmArgs, Duration timeout, PrintStream log) {
    this.jvmArgs = List.copyOf(jvmArgs);
    this.timeout = timeout;
    this.log = log;
  }

  /** Profiles each request in turn; returns how many failed. */
  public int profileAll(List<Request> requests) {
    int failed = 0;
    for (int i = 0; i < requests.size(); i++) {
      Request r = requests.get(i);
      log.printf("[profile %d/%d] %s batch %d: per-kernel GPU profile in a child JVM%n", i + 1, requests.size(),
          r.config(), r.batch());
      Optional<String> failure = profile(r);
      if (failure.isPresent()) {
        failed++;
        log.printf("PROFILE FAILED %s: %s%n", r.config(), failure.get());
      }
    }
    return failed;
  }

  /** Runs the child for one engine; empty when it wrote its profile, else why not. */
  public Optional<String> profile(Request request) {
    List<String> command = command(javaBinary(), System.getProperty("java.class.path"), jvmArgs,
        System.getProperties(), request);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return Optional.of("cannot start " + command.get(0) + ": " + e.getMessage());
    }
    OutputCopier copier = new OutputCopier(process, "  [profile " + request.config() + "] ", log);
    copier.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        copier.join(TimeUnit.SECONDS.toMillis(5));
        return Optional.of("timed out after " + timeout.toSeconds() + " s (stopped)");
      }
      copier.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
    return failure(process.exitValue(), copier.lastError(), copier.lastLine());
  }

  /** Why a child that exited with {@code status} failed, empty when it did not. */
  static Optional<String> failure(int status, String lastError, String lastLine) {
    if (status == 0) {
      return Optional.empty();
    }
    String why = !lastError.isEmpty() ? lastError : lastLine.isEmpty() ? "no output" : lastLine;
    String what = status == KernelProfileMain.CACHE_MISS ? "no cached engine"
        : status > 128 ? "exit " + status + " (killed by signal " + (status - 128) + ", a native crash?)"
        : "exit " + status;
    return Optional.of(what + ": " + why);
  }

  /** The child's command line: java, JVM arguments, passed-on properties, class path, main class, arguments. */
  static List<String> command(String java, String classPath, List<String> jvmArgs, Properties properties,
      Request request) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmArgs);
    passedOn(properties).forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(classPath);
    command.add(MAIN);
    command.addAll(request.args());
    return command;
  }

  /**
   * The suite's properties ({@code ssdbench.*}, e.g. the calibration images), JavaCPP's ({@code org.bytedeco.*}) and
   * the library path; not the run folder property, through which an engine would add its row to trt-builds.csv.
   */
  static Map<String, String> passedOn(Properties properties) {
    Map<String, String> passed = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      boolean ours = name.startsWith("ssdbench.") || name.startsWith("org.bytedeco.")
          || name.equals("java.library.path");
      if (ours && !name.equals(TrtBuildsCsv.RUN_DIR_PROPERTY)) {
        passed.put(name, properties.getProperty(name));
      }
    }
    return passed;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Copies the child's output to the log and keeps its last line and last "error: " line. */
  private static final class OutputCopier extends Thread {
    private final Process process;
    private final String prefix;
    private final PrintStream log;
    private volatile String lastLine = "";
    private volatile String lastError = "";

    OutputCopier(Process process, String prefix, PrintStream log) {
      super("kernel-profile-output");
      setDaemon(true);
      this.process = process;
      this.prefix = prefix;
      this.log = log;
    }

    @Override
    public void run() {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          log.println(prefix + line);
          if (!line.isBlank()) {
            lastLine = line.strip();
          }
          if (line.startsWith("error: ")) {
            lastError = line.substring("error: ".length()).strip();
          }
        }
      } catch (IOException e) {
        lastLine = "output unreadable: " + e.getMessage();
      }
    }

    String lastLine() {
      return lastLine;
    }

    String lastError() {
      return lastError;
    }
  }
}
