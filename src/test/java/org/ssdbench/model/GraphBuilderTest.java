package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

final class GraphBuilderTest {
  @Test
  void namesAreMadeUniqueAsTensorFlowDoes() {
    GraphBuilder b = new GraphBuilder();
    Ref x = b.scalar("x", 1f);
    assertThat(b.same("Neg", "Neg", x).name()).isEqualTo("Neg");
    assertThat(b.same("Neg", "Neg", x).name()).isEqualTo("Neg_1");
    try (GraphBuilder.Scope s = b.scope("Neg")) {
      assertThat(s.name()).isEqualTo("Neg_2");
    }
    try (GraphBuilder.Scope s = b.scope("block")) {
      assertThat(b.same("Neg", "Neg", x).name()).isEqualTo("block/Neg");
    }
    try (GraphBuilder.Scope s = b.scope("block")) {
      assertThat(s.name()).isEqualTo("block_1");
    }
  }

  @Test
  void arrayConstantsAreLittleEndianTensorContent() {
    GraphBuilder b = new GraphBuilder();
    b.floats("w", new float[] {1.5f, -2f}, 2);
    GraphDef g = b.build();
    var tensor = g.getNode(0).getAttrOrThrow("value").getTensor();
    assertThat(tensor.getDtype()).isEqualTo(DataType.DT_FLOAT);
    ByteBuffer buf = tensor.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertThat(buf.getFloat(0)).isEqualTo(1.5f);
    assertThat(buf.getFloat(4)).isEqualTo(-2f);
  }

  @Test
  void opsWithoutInputsInsideALoopBodyDependOnThePivot() {
    GraphBuilder b = new GraphBuilder();
    Ref zero = b.scalar("zero", 0);
    WhileLoop loop = WhileLoop.open(b, "while", 10, zero);
    Ref limit = loop.constant("Less/Enter", b.scalar("limit", 3));
    loop.condition(b.op("Less", "Less").in(loop.merges()[0]).in(limit).attr("T", DataType.DT_INT32)
        .build(DataType.DT_BOOL));
    Ref one = b.scalar("add/y", 1);
    Ref[] exits = loop.close(b.same("Add", "add", loop.body()[0], one));
    GraphDef g = b.build();
    var y = g.getNodeList().stream().filter(n -> n.getName().equals("while/add/y")).findFirst().orElseThrow();
    assertThat(y.getInputList()).containsExactly("^while/Identity");
    var merge = g.getNodeList().stream().filter(n -> n.getName().equals("while/Merge")).findFirst().orElseThrow();
    assertThat(merge.getInputList()).containsExactly("while/Enter", "while/NextIteration");
    assertThat(exits[0].name()).isEqualTo("while/Exit");
  }
}
