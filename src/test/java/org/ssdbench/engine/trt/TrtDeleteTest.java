package org.ssdbench.engine.trt;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/** The deleting mechanism on a plain JavaCPP allocation (no TensorRT needed); TensorRT objects are checked on a GPU. */
final class TrtDeleteTest {
  /** Stands in for a bindings class with a public constructor that allocates natively. */
  public static final class Allocated extends BytePointer {
    public Allocated() {
      super(16);
    }
  }

  @Test
  void freesTheObjectThroughTheBindingsDeleteFunctionAndForgetsIt() {
    org.tensorflow.TensorFlow.version(); // loads JavaCPP's native library on this classpath
    Pointer object = new Allocated();
    object.deallocate(false); // the Java side no longer owns it, as with an object TensorRT returns
    TrtDelete.delete(object, Allocated.class);
    assertThat(object.isNull()).isTrue();
    TrtDelete.delete(object, Allocated.class); // null already: nothing to do
  }

  @Test
  void turnedOffItOnlyForgetsTheAddress() {
    System.setProperty(TrtDelete.PROPERTY, "false");
    try {
      Pointer object = new BytePointer(8);
      TrtDelete.delete(object, Allocated.class);
      assertThat(object.isNull()).isTrue();
    } finally {
      System.clearProperty(TrtDelete.PROPERTY);
    }
  }
}
