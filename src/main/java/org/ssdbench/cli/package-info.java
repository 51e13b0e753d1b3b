/** picocli commands that wire the pipeline's stages together; run-bench.sh calls these. */
package org.ssdbench.cli;
