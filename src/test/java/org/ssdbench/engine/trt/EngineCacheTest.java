package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EngineCacheTest {
  @TempDir Path dir;

  private static EngineKey key(String gpu, String trt) {
    return new EngineKey("ab".repeat(32), gpu, "9.0", trt, "fp16", 1, 0.3f, true, TrtNetworkBuilder.Options.DEFAULT_LEVEL, EngineKey.FORMAT);
  }

  private static Optional<String> decode(byte[] b) {
    String s = new String(b, StandardCharsets.UTF_8);
    return s.startsWith("plan") ? Optional.of(s) : Optional.empty();
  }

  @Test
  void storesThePlanWithItsKeyAndLoadsItBackWithoutBuilding() throws Exception {
    EngineCache cache = new EngineCache(dir);
    AtomicInteger builds = new AtomicInteger();
    EngineKey key = key("NVIDIA H100 80GB HBM3", "10.6.0");
    var first = cache.getOrBuild(key, EngineCacheTest::decode, () -> {
      builds.incrementAndGet();
      return "plan-1".getBytes(StandardCharsets.UTF_8);
    });
    var second = cache.getOrBuild(key, EngineCacheTest::decode, () -> {
      builds.incrementAndGet();
      return "plan-2".getBytes(StandardCharsets.UTF_8);
    });
    assertThat(first.source()).isEqualTo(EngineCache.Source.BUILT);
    assertThat(first.reason()).isEqualTo("no cached plan");
    assertThat(second.source()).isEqualTo(EngineCache.Source.CACHE);
    assertThat(second.value()).isEqualTo("plan-1");
    assertThat(builds).hasValue(1);
    assertThat(Files.readString(cache.sidecar(key))).contains("\"gpuName\" : \"NVIDIA H100 80GB HBM3\"")
        .contains("\"tensorrtVersion\" : \"10.6.0\"").contains("\"precision\" : \"fp16\"");
  }

  @Test
  void rebuildsAnEngineMadeForAnotherGpuOrTensorRtVersion() {
    EngineCache cache = new EngineCache(dir);
    EngineKey t4 = key("Tesla T4", "10.6.0");
    EngineKey h100 = key("NVIDIA H100 80GB HBM3", "10.6.0");
    assertThat(cache.planFile(t4)).isEqualTo(cache.planFile(h100));
    cache.write(t4, "plan-t4".getBytes(StandardCharsets.UTF_8));
    var entry = cache.getOrBuild(h100, EngineCacheTest::decode, () -> "plan-h100".getBytes(StandardCharsets.UTF_8));
    assertThat(entry.source()).isEqualTo(EngineCache.Source.BUILT);
    assertThat(entry.value()).isEqualTo("plan-h100");
    assertThat(entry.reason()).contains("another key").contains("Tesla T4");
    assertThat(cache.read(h100)).isPresent();
    assertThat(cache.read(key("NVIDIA H100 80GB HBM3", "10.7.0"))).isEmpty();
  }

  @Test
  void rebuildsWhenTheCachedPlanFailsToDeserialize() {
    EngineCache cache = new EngineCache(dir);
    EngineKey key = key("NVIDIA H100 80GB HBM3", "10.6.0");
    cache.write(key, "garbage".getBytes(StandardCharsets.UTF_8));
    var entry = cache.getOrBuild(key, EngineCacheTest::decode, () -> "plan-new".getBytes(StandardCharsets.UTF_8));
    assertThat(entry.source()).isEqualTo(EngineCache.Source.BUILT);
    assertThat(entry.reason()).isEqualTo("cached plan failed to deserialize");
    assertThat(cache.read(key)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("plan-new"));
  }

  @Test
  void rebuildsWhenTheKeySidecarIsMissing() throws Exception {
    EngineCache cache = new EngineCache(dir);
    EngineKey key = key("NVIDIA H100 80GB HBM3", "10.6.0");
    cache.write(key, "plan-old".getBytes(StandardCharsets.UTF_8));
    Files.delete(cache.sidecar(key));
    var entry = cache.getOrBuild(key, EngineCacheTest::decode, () -> "plan-new".getBytes(StandardCharsets.UTF_8));
    assertThat(entry.source()).isEqualTo(EngineCache.Source.BUILT);
    assertThat(entry.reason()).contains("no key sidecar");
  }

  @Test
  void differentThresholdsGetDifferentFiles() {
    EngineCache cache = new EngineCache(dir);
    EngineKey a = key("g", "10.6.0");
    EngineKey b = new EngineKey(a.modelSha256(), "g", "9.0", "10.6.0", "fp16", 1, 1e-8f, true, TrtNetworkBuilder.Options.DEFAULT_LEVEL, EngineKey.FORMAT);
    assertThat(cache.planFile(a)).isNotEqualTo(cache.planFile(b));
  }

  @Test
  void differentBuilderLevelsGetDifferentFiles() {
    EngineCache cache = new EngineCache(dir);
    EngineKey a = key("g", "10.6.0");
    EngineKey b = new EngineKey(a.modelSha256(), "g", "9.0", "10.6.0", "fp16", 1, 0.3f, true, 1, EngineKey.FORMAT);
    assertThat(cache.planFile(a)).isNotEqualTo(cache.planFile(b));
  }

  private static EngineKey int8(String calibration) {
    return new EngineKey("ab".repeat(32), "g", "9.0", "10.6.0", "int8", 1, 0.3f, false, 1, EngineKey.FORMAT, "u8",
        "auto", "auto", calibration);
  }

  @Test
  void anInt8EngineCalibratedOnGeneratedImagesIsNotServedToARunCalibratingOnPhotos() {
    EngineCache cache = new EngineCache(dir);
    EngineKey generated = int8(null);
    EngineKey photos = int8("photos:32:sha256=" + "cd".repeat(32));
    AtomicInteger builds = new AtomicInteger();

    cache.getOrBuild(generated, EngineCacheTest::decode, () -> "plan-generated".getBytes(StandardCharsets.UTF_8));
    var onPhotos = cache.getOrBuild(photos, EngineCacheTest::decode, () -> {
      builds.incrementAndGet();
      return "plan-photos".getBytes(StandardCharsets.UTF_8);
    });

    assertThat(generated.calibration()).isEqualTo(CalibrationSet.of(null).id());
    assertThat(photos.fileStem()).isNotEqualTo(generated.fileStem());
    assertThat(onPhotos.source()).isEqualTo(EngineCache.Source.BUILT);
    assertThat(onPhotos.value()).isEqualTo("plan-photos");
    assertThat(builds).hasValue(1);
  }

  @Test
  void cachedEnginesKeepTheirFilesAndSidecarsFromBeforeTheCalibrationWasKeyed() throws Exception {
    EngineKey generated = int8(null);
    // the stem before the field: 8 hex of "threshold|probes|level"
    String variant = org.ssdbench.model.LoadedModel.sha256("0.3|false|1".getBytes(StandardCharsets.UTF_8));
    assertThat(generated.fileStem()).isEqualTo("int8-u8-b1-" + "ab".repeat(6) + "-" + variant.substring(0, 8));

    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.valueToTree(generated);
    node.remove("calibration");
    assertThat(json.treeToValue(node, EngineKey.class)).isEqualTo(generated);
    assertThat(key("g", "10.6.0").calibration()).isEqualTo(EngineKey.NO_CALIBRATION);
  }
}
