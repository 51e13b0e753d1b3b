package org.ssdbench.engine.trt;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.Pointer;

/**
 * Calls {@code delete} on a TensorRT object that TensorRT created (builder, network, config, host memory, timing cache,
 * runtime, engine, execution context, engine inspector).
 *
 * <p>Why this exists: the JavaCPP 1.5.11 bindings return such objects without a deallocator, so their
 * {@code close()} and {@code deallocate()} only forget the address; the C++ destructor never runs and the builder's
 * and engine's GPU memory stays taken until the process ends. TensorRT 10 removed {@code destroy()} in favour of
 * {@code delete}. The bindings do compile, for every interface class with a public constructor, a function that calls
 * {@code delete} on a pointer of that class (the one a Java-allocated instance is freed with); its address is read once
 * per class from a throwaway instance, and {@link #delete} calls it on the object, through JavaCPP's own native
 * deallocator. The destructors are virtual, so the object's real class is destroyed.
 *
 * <p>{@code -Dssdbench.trt.delete=false} turns this off (objects then live until the process ends, as before).
 */
final class TrtDelete {
  static final String PROPERTY = "ssdbench.trt.delete";
  private static final Map<Class<?>, Long> DELETERS = new ConcurrentHashMap<>();

  private TrtDelete() {}

  static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true"));
  }

  /** Deletes {@code object} (as a {@code type}) and nulls it; a null or already-null pointer is left alone. */
  static void delete(Pointer object, Class<? extends Pointer> type) {
    if (object == null || object.isNull()) {
      return;
    }
    if (enabled()) {
      try {
        Constructor<?> nativeDeallocator = Class.forName(Pointer.class.getName() + "$NativeDeallocator")
            .getDeclaredConstructor(Pointer.class, long.class, long.class);
        nativeDeallocator.setAccessible(true);
        Object deallocator = nativeDeallocator.newInstance(object, object.address(), deleter(type));
        Method deallocate = deallocator.getClass().getDeclaredMethod("deallocate");
        deallocate.setAccessible(true);
        deallocate.invoke(deallocator); // zeroes its addresses after the call: it cannot free twice
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot delete the TensorRT " + type.getSimpleName()
            + " (JavaCPP internals changed?); run with -D" + PROPERTY + "=false to leave it to the process", e);
      }
    }
    object.setNull();
  }

  /** The address of the bindings' {@code delete} function for {@code type}, read from a throwaway instance. */
  private static long deleter(Class<? extends Pointer> type) {
    return DELETERS.computeIfAbsent(type, t -> {
      try {
        Pointer probe = (Pointer) t.getConstructor().newInstance();
        try {
          Method getter = Pointer.class.getDeclaredMethod("deallocator");
          getter.setAccessible(true);
          Object deallocator = getter.invoke(probe);
          Method address = deallocator.getClass().getDeclaredMethod("deallocatorAddress");
          address.setAccessible(true);
          long value = (Long) address.invoke(deallocator);
          if (value == 0) {
            throw new IllegalStateException("the bindings have no delete function for " + t.getSimpleName());
          }
          return value;
        } finally {
          probe.close();
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot find the delete function of " + t.getSimpleName()
            + "; run with -D" + PROPERTY + "=false to leave TensorRT objects to the process", e);
      }
    });
  }
}
