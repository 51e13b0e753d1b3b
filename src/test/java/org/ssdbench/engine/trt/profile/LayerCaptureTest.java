package org.ssdbench.engine.trt.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LayerCaptureTest {
  @TempDir
  Path run;

  /** Three inferences of: copy in, two kernels, copy out; listed out of order, as CUPTI's buffers may give them. */
  private static List<GpuActivity> threeInferences() {
    List<GpuActivity> all = new ArrayList<>();
    for (int i = 2; i >= 0; i--) {
      long t = 1_000_000L * i;
      all.add(new GpuActivity(GpuActivity.Type.KERNEL, "conv_" + i, t + 100, t + 300, 0));
      all.add(new GpuActivity(GpuActivity.Type.MEMCPY, "memcpy HtoD", t, t + 50, 270_000));
      all.add(new GpuActivity(GpuActivity.Type.KERNEL, "nms_" + i, t + 400, t + 450, 0));
      all.add(new GpuActivity(GpuActivity.Type.MEMCPY, "memcpy DtoH", t + 500, t + 520, 2_000));
    }
    return all;
  }

  @Test
  void takesTheLastInferenceInStartOrder() {
    assertThat(LayerCapture.lastInference(threeInferences(), 3)).extracting(GpuActivity::name)
        .containsExactly("memcpy HtoD", "conv_2", "nms_2", "memcpy DtoH");
  }

  @Test
  void writesTheLayerListAndTheSequenceFromTheInferencesStart() throws Exception {
    List<Path> written = LayerCapture.write(run, "trt-fp16-graph", 1, "{\"Layers\":[]}", threeInferences(), 3);
    assertThat(written).containsExactly(run.resolve("trt-layers/trt-fp16-graph-b1.layers.json"),
        run.resolve("trt-layers/trt-fp16-graph-b1.sequence.csv"));
    assertThat(Files.readString(written.get(0))).isEqualTo("{\"Layers\":[]}");
    assertThat(Files.readAllLines(written.get(1))).containsExactly(
        "order,type,name,start_ns,duration_ns,bytes",
        "0,MEMCPY,memcpy HtoD,0,50,270000",
        "1,KERNEL,conv_2,100,200,0",
        "2,KERNEL,nms_2,400,50,0",
        "3,MEMCPY,memcpy DtoH,500,20,2000");
    assertThat(run.resolve("trt-layers")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void fewerActivitiesThanInferencesGiveNone() {
    assertThat(LayerCapture.lastInference(threeInferences().subList(0, 2), 3)).isEmpty();
  }
}
