package org.ssdbench.model;

/** One of the six feature maps the box predictor reads: a tensor [batch, size, size, channels]. */
record FeatureMap(Ref tensor, int size, int channels) {}
