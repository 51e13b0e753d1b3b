/** A traced run (TF step stats) as Chrome trace JSON, an op-type table and copy counts. */
package org.ssdbench.results.trace;
