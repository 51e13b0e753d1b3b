/** A run's folder and its files: layout, the environment probe, placement counts, traces. */
package org.ssdbench.results;
