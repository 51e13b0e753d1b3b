package org.ssdbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code FeatureExtractor/MobilenetV2}: the MobileNet V2 backbone (depth multiplier 1) and the four extra layer pairs of
 * the SSD feature map generator with depthwise convolutions. Returns the six feature maps: {@code expanded_conv_13/expand}
 * (19x19x576), {@code Conv_1} (10x10x1280) and the extra layers (5x5x512, 3x3x256, 2x2x256, 1x1x128).
 */
final class FeatureExtractorEmitter {
  /** An inverted residual block: expansion t, output channels c, stride s. */
  record Block(int t, int c, int s) {}

  static final List<Block> BLOCKS = List.of(
      new Block(1, 16, 1),
      new Block(6, 24, 2), new Block(6, 24, 1),
      new Block(6, 32, 2), new Block(6, 32, 1), new Block(6, 32, 1),
      new Block(6, 64, 2), new Block(6, 64, 1), new Block(6, 64, 1), new Block(6, 64, 1),
      new Block(6, 96, 1), new Block(6, 96, 1), new Block(6, 96, 1),
      new Block(6, 160, 2), new Block(6, 160, 1), new Block(6, 160, 1),
      new Block(6, 320, 1));

  /** Output channels of the extra layers' 3x3 stride-2 convolutions; their 1x1 layers have half. */
  static final int[] EXTRA_DEPTHS = {512, 256, 256, 128};

  private final GraphBuilder b;
  private final Layers layers;

  FeatureExtractorEmitter(GraphBuilder b, Layers layers) {
    this.b = b;
    this.layers = layers;
  }

  List<FeatureMap> emit(Ref preprocessed, int inputSize) {
    List<FeatureMap> maps = new ArrayList<>();
    try (GraphBuilder.Scope fe = b.scope("FeatureExtractor"); GraphBuilder.Scope mn = b.scope("MobilenetV2")) {
      int size = (inputSize + 1) / 2;
      Ref x = layers.convBn("Conv", preprocessed, 3, 3, 32, 2, true);
      int channels = 32;
      for (int i = 0; i < BLOCKS.size(); i++) {
        Block blk = BLOCKS.get(i);
        String name = i == 0 ? "expanded_conv" : "expanded_conv_" + i;
        try (GraphBuilder.Scope s = b.scope(name)) {
          Ref in = b.identity("input", x);
          Ref y = in;
          int expanded = channels * blk.t();
          if (blk.t() != 1) {
            y = layers.convBn("expand", y, 1, channels, expanded, 1, true);
            if (i == 13) {
              maps.add(new FeatureMap(y, size, expanded));
            }
          }
          y = layers.depthwiseBn("depthwise", y, expanded, blk.s());
          y = layers.convBn("project", y, 1, expanded, blk.c(), 1, false);
          if (blk.s() == 1 && channels == blk.c()) {
            y = b.same("Add", "add", y, in);
          }
          x = b.identity("output", y);
        }
        size = (size + blk.s() - 1) / blk.s();
        channels = blk.c();
      }
      x = layers.convBn("Conv_1", x, 1, channels, 1280, 1, true);
      channels = 1280;
      maps.add(new FeatureMap(x, size, channels));
      for (int k = 0; k < EXTRA_DEPTHS.length; k++) {
        int depth = EXTRA_DEPTHS[k];
        int layer = k + 2;
        String one = "layer_19_1_Conv2d_%d_1x1_%d".formatted(layer, depth / 2);
        String three = "layer_19_2_Conv2d_%d_3x3_s2_%d".formatted(layer, depth);
        x = layers.convBn(one, x, 1, channels, depth / 2, 1, true);
        x = layers.depthwiseBn(three + "_depthwise", x, depth / 2, 2);
        x = layers.convBn(three, x, 1, depth / 2, depth, 1, true);
        size = (size + 1) / 2;
        channels = depth;
        maps.add(new FeatureMap(x, size, channels));
      }
    }
    return maps;
  }
}
