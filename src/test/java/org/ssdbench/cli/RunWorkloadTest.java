package org.ssdbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Param;
import org.ssdbench.bench.EndToEndBenchmark;
import org.ssdbench.bench.InferenceBenchmark;
import org.ssdbench.bench.ModelRequest;
import org.ssdbench.bench.Profile;
import org.ssdbench.bench.TensorRtBenchmark;
import org.ssdbench.bench.WorkloadAccess;
import org.ssdbench.results.RunFolder;
import org.ssdbench.results.WorkloadBatch;
import org.ssdbench.results.WorkloadFolder;
import picocli.CommandLine;

/**
 * One workload for every configuration: a run with {@code --image} and {@code --score-threshold 1e-8} writes its workload
 * once, and the params it hands the TensorFlow and the TensorRT benchmarks name the same work, which both benchmarks then
 * read from the folder (checked without a GPU: loading the workload comes before any engine).
 */
final class RunWorkloadTest {
  @TempDir static Path dir;
  static RunCommand run;
  static Map<String, List<String>> tf;
  static Map<String, List<String>> trt;
  static Path photo;

  @BeforeAll
  static void writeTheWorkloadOfARunWithAnImageAndAThreshold() throws Exception {
    photo = dir.resolve("photo.png");
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 320; x++) {
        image.setRGB(x, y, (x * 7 % 256) << 16 | (y * 5 % 256) << 8 | ((x + y) % 256));
      }
    }
    ImageIO.write(image, "png", photo.toFile());
    run = new RunCommand();
    new CommandLine(run).parseArgs("--image", photo.toString(), "--score-threshold", "1e-8", "--results", dir.toString());
    RunFolder folder = new RunFolder(Files.createDirectories(dir.resolve("run")));
    run.writeWorkload(new ModelRequest(run.model, 1, run.scoreThreshold, run.image).load(), Profile.QUICK, folder);
    tf = run.configParams(List.of("tf-cpu", "tf-gpu"), Profile.QUICK);
    trt = run.configParams(List.of("trt-fp16", "trt-fp16-graph"), Profile.QUICK);
  }

  @Test
  void handsTheSameWorkloadToTheTensorFlowAndTensorRtBenchmarks() {
    Map<String, List<String>> a = new HashMap<>(tf);
    Map<String, List<String>> b = new HashMap<>(trt);
    a.remove("config");
    b.remove("config");
    assertThat(a).isEqualTo(b);
    assertThat(a).containsEntry("scoreThreshold", List.of("1.0E-8"))
        .containsEntry("image", List.of(photo.toString()))
        .containsEntry("workload", List.of(dir.resolve("run").resolve(WorkloadFolder.DIR).toAbsolutePath().toString()));
    for (String param : a.keySet()) {
      assertThat(paramField(EndToEndBenchmark.class, param)).as("EndToEndBenchmark @Param " + param).isNotNull();
      assertThat(paramField(TensorRtBenchmark.class, param)).as("TensorRtBenchmark @Param " + param).isNotNull();
    }
  }

  @Test
  void bothBenchmarksReadTheSameImagesModelAndReferenceFromTheFolder() throws Exception {
    WorkloadBatch viaTf = WorkloadAccess.load(configured(new EndToEndBenchmark(), tf));
    WorkloadBatch viaTrt = WorkloadAccess.load(configured(new TensorRtBenchmark(), trt));
    assertThat(viaTrt.model().sha256()).isEqualTo(viaTf.model().sha256());
    assertThat(viaTf.model().source()).contains("threshold=1.0E-8");
    assertThat(viaTrt.images().pixels()).isEqualTo(viaTf.images().pixels());
    assertThat(viaTf.images().height()).isEqualTo(300);
    assertThat(viaTf.imageNote()).contains("resized from 320x240 to 300x300");
    assertThat(viaTrt.nchw()).isEqualTo(viaTf.nchw());
    assertThat(viaTrt.reference().detections().scores()).isEqualTo(viaTf.reference().detections().scores());
    assertThat(viaTf.reference().hasPreNms()).isTrue();
  }

  @Test
  void aBenchmarkWhoseParamsDescribeOtherWorkIsRefused() throws Exception {
    Map<String, List<String>> other = new HashMap<>(trt);
    other.put("scoreThreshold", List.of("0.3"));
    assertThatThrownBy(() -> WorkloadAccess.load(configured(new TensorRtBenchmark(), other)))
        .hasMessageContaining("scoreThreshold=0.3").hasMessageContaining("applies 1.0E-8");
    other.put("scoreThreshold", trt.get("scoreThreshold"));
    other.put("image", List.of("synthetic"));
    assertThatThrownBy(() -> WorkloadAccess.load(configured(new TensorRtBenchmark(), other)))
        .hasMessageContaining("describe another workload");
  }

  /** Sets each param's first value on the benchmark's field, as JMH does in a fork. */
  private static <T extends InferenceBenchmark> T configured(T bench, Map<String, List<String>> params) throws Exception {
    for (var e : params.entrySet()) {
      Field f = paramField(bench.getClass(), e.getKey());
      String v = e.getValue().get(0);
      if (f.getType() == int.class) {
        f.setInt(bench, Integer.parseInt(v));
      } else if (f.getType() == float.class) {
        f.setFloat(bench, Float.parseFloat(v));
      } else {
        f.set(bench, v);
      }
    }
    return bench;
  }

  private static Field paramField(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        return f.isAnnotationPresent(Param.class) ? f : null;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
