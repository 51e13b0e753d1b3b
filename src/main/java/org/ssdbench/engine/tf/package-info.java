/** TensorFlow sessions: CUDA library preload, device list, session settings, the engine, and traced runs. */
package org.ssdbench.engine.tf;
