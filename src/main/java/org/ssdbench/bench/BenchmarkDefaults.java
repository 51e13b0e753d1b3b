package org.ssdbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run defaults every end-to-end benchmark shares, in one place so runs stay comparable: SampleTime (every call timed,
 * so p50/p90/p99/p99.9 come out), milliseconds, one fork with a heap large enough for the 67 MB graph and its copies.
 * run-bench.sh's quick and full profiles override iterations and forks with JMH's own options.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public abstract class BenchmarkDefaults {}
