package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssdbench.engine.trt.NetworkDescription.Layer;
import org.ssdbench.model.ImageBatch;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

final class Uint8FrontTest {
  @TempDir Path dir;

  @Test
  void frontEndLayersComputeWhatHostPreprocessingDoes() {
    int batch = 2;
    int h = 5;
    int w = 7;
    Uint8Front front = new Uint8Front("image", 3, h, w);
    byte[] px = new byte[batch * h * w * 3];
    new Random(7).nextBytes(px);
    px[0] = 0;
    px[1] = (byte) 255;
    ImageBatch images = new ImageBatch(px, batch, h, w);

    // The cast is exact (uint8 to float), so the rebuilt graph is fed its output, float NHWC [B, H, W, 3]. The front's
    // layers are wrapped in a description whose input is that tensor: its "channels, height, width" are H, W and 3,
    // which is the NHWC shape DescriptionAsTfGraph gives the placeholder.
    String last = front.output();
    NetworkDescription asGraph = new NetworkDescription(Uint8Front.CAST, h, w, 3, front.layers(), last, last, last,
        new float[0], new NmsSettings(0.3f, 0.6f, 100, 100, "test"), "uint8 front");
    float[] pixels = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      pixels[i] = px[i] & 0xff;
    }
    float[] out;
    try (Graph g = new Graph()) {
      g.importGraphDef(DescriptionAsTfGraph.build(asGraph, batch));
      try (Session s = new Session(g);
          TFloat32 in = TFloat32.tensorOf(Shape.of(batch, h, w, 3), DataBuffers.of(pixels, true, false));
          Result r = s.runner().feed(Uint8Front.CAST, in).fetch(last).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        assertThat(t.shape().asArray()).containsExactly(batch, 3, h, w);
        out = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(out, false, false));
      }
    }
    float[] expected = HostPreprocessing.toNchw(images, h, w);
    assertThat(out).hasSameSizeAs(expected);
    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).as("value %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-6f));
    }
    assertThat(expected[0]).isEqualTo(-1f);
  }

  @Test
  void endsInTheDescriptionsInputWithItsNchwShape() {
    Uint8Front front = new Uint8Front("image", 3, 300, 300);
    List<Layer> layers = front.layers();
    assertThat(layers.get(layers.size() - 1).name()).isEqualTo("image");
    assertThat(front.inputShape(4)).containsExactly(4, 300, 300, 3);
    assertThat(front.shapes(4).get("image")).containsExactly(4, 3, 300, 300);
    assertThat(front.inputBytes(1)).isEqualTo(270_000L).isEqualTo(4L * 3 * 300 * 300 / 4);
    assertThatThrownBy(() -> front.inputShape(0)).hasMessageContaining("batch must be >= 1, got 0");
  }

  @Test
  void inputFormatIsPartOfTheEngineKeyAndFileStem() {
    EngineKey f32 = key(InputFormat.FLOAT_NCHW.id());
    EngineKey u8 = key(InputFormat.UINT8_NHWC.id());
    assertThat(u8).isNotEqualTo(f32);
    assertThat(u8.fileStem()).startsWith("fp16-u8-b1-").isNotEqualTo(f32.fileStem());
    assertThat(f32.fileStem()).startsWith("fp16-b1-");
    assertThat(new EngineKey("ab".repeat(32), "g", "9.0", "10.6.0", "fp16", 1, 0.3f, true, -1, EngineKey.FORMAT))
        .isEqualTo(f32);
    assertThatThrownBy(() -> key("u16")).hasMessageContaining("Unknown input format 'u16'")
        .hasMessageContaining("f32, u8");
  }

  @Test
  void aSidecarWrittenBeforeTheFieldReadsAsTheFloatInput() throws Exception {
    EngineCache cache = new EngineCache(dir);
    EngineKey f32 = key(InputFormat.FLOAT_NCHW.id());
    cache.write(f32, "plan".getBytes(StandardCharsets.UTF_8));
    ObjectMapper json = new ObjectMapper();
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(cache.sidecar(f32).toFile());
    node.remove("inputFormat");
    json.writeValue(cache.sidecar(f32).toFile(), node);
    assertThat(Files.readString(cache.sidecar(f32))).doesNotContain("inputFormat");
    assertThat(cache.read(f32)).isPresent();

    EngineKey u8 = key(InputFormat.UINT8_NHWC.id());
    cache.write(u8, "plan-u8".getBytes(StandardCharsets.UTF_8));
    assertThat(cache.read(u8).map(b -> new String(b, StandardCharsets.UTF_8))).isEqualTo(Optional.of("plan-u8"));
    assertThat(cache.read(f32).map(b -> new String(b, StandardCharsets.UTF_8))).isEqualTo(Optional.of("plan"));
  }

  private static EngineKey key(String input) {
    return new EngineKey("ab".repeat(32), "g", "9.0", "10.6.0", "fp16", 1, 0.3f, true, -1, EngineKey.FORMAT, input);
  }
}
