/**
 * Files that every stage writes the same way, below them all: {@link org.ssdbench.io.LockedCsv}, a run folder's CSV
 * that several processes append to under a file lock. The engine (build and kernel-profile CSVs) and the results stage
 * (gate, detections) both write through it, so neither needs the other for that.
 */
package org.ssdbench.io;
