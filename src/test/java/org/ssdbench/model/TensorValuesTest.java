package org.ssdbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;

final class TensorValuesTest {
  @Test
  void readsWhatTheGeneratorWritesAsTensorContent() {
    float[] values = {0.5f, -1f, 3.25f, 7f, 0f, 2f};
    assertThat(TensorValues.floats(ConstTensors.floats(values, 2, 3))).containsExactly(values);
    assertThat(TensorValues.longs(ConstTensors.ints(new int[] {4, -2, 9}, 3))).containsExactly(4, -2, 9);
    assertThat(TensorValues.floats(ConstTensors.ints(new int[] {4, -2, 9}, 3))).containsExactly(4f, -2f, 9f);
  }

  @Test
  void aSplatFillsItsShape() {
    TensorProto splat = TensorProto.newBuilder().setDtype(DataType.DT_FLOAT)
        .setTensorShape(ConstTensors.shape(2, 2)).addFloatVal(0.001f).build();
    assertThat(TensorValues.floats(splat)).containsExactly(0.001f, 0.001f, 0.001f, 0.001f);
    TensorProto ints = TensorProto.newBuilder().setDtype(DataType.DT_INT64)
        .setTensorShape(ConstTensors.shape(3)).addInt64Val(5).addInt64Val(6).build();
    assertThat(TensorValues.longs(ints)).containsExactly(5, 6, 6);
  }

  @Test
  void aScalarHasOneElement() {
    assertThat(TensorValues.elementCount(ConstTensors.floats(new float[] {0.6f}))).isEqualTo(1);
    assertThat(TensorValues.floats(ConstTensors.floats(new float[] {0.6f}))).containsExactly(0.6f);
  }

  @Test
  void otherDtypesAreRefusedWithTheDtype() {
    TensorProto text = TensorProto.newBuilder().setDtype(DataType.DT_STRING).build();
    assertThat(TensorValues.isNumeric(text)).isFalse();
    assertThatThrownBy(() -> TensorValues.longs(text)).hasMessageContaining("DT_STRING");
  }
}
