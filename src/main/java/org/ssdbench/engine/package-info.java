/** What runs the model: one small interface over TensorFlow sessions and TensorRT engines, and the correctness gate. */
package org.ssdbench.engine;
