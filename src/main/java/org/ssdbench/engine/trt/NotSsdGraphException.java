package org.ssdbench.engine.trt;

/** The GraphDef lacks a node or a structure that an SSD MobileNet V2 export has; the message names what and where. */
public final class NotSsdGraphException extends IllegalArgumentException {
  public NotSsdGraphException(String message) {
    super(message);
  }
}
