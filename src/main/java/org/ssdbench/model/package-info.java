/**
 * SSD MobileNet V2: the generated frozen graph, the loader for the real export, inputs, and the graph's description. Knows
 * nothing of devices or timing.
 */
package org.ssdbench.model;
