/**
 * The TensorFlow configurations of the article as pure GraphDef rewrites: which nodes are pinned to the CPU. Knows nothing of
 * sessions or timing.
 */
package org.ssdbench.placement;
