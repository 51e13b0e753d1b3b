package org.ssdbench.results;

/**
 * What a run measured on: written as {@code env.json} into every run folder and joined into the report's CSV rows.
 * Unknown values are {@code null} (serialised as JSON null), never guessed.
 *
 * @param gpuName e.g. "NVIDIA H100 80GB HBM3"; null without a GPU
 * @param gpuDriver e.g. "580.159.04"
 * @param cudaRuntime e.g. "12.6"
 * @param cudnn e.g. "9.14.0"
 * @param computeCapability e.g. "9.0"
 * @param gpuMemoryMiB total memory of the card
 * @param gpuClocks e.g. "sm 1980 MHz, mem 2619 MHz" (max clocks)
 * @param tensorrt e.g. "10.6.0"; null when TensorRT was not loaded
 * @param tfThreads TF's intra-op and inter-op thread pools as the sessions were configured, e.g. "intra-op 0, inter-op 0
 *     (0: TF's default, one thread per core)"
 * @param suiteCommit the commit the suite was built from (recorded at build time, 12 hex digits); null when unknown
 * @param modelSource "generated(seed=…,batch=…,…)" or the file path
 * @param modelSha256 SHA-256 of the GraphDef bytes that ran
 * @param timestamp ISO-8601 start of the run
 */
public record Environment(
    String host,
    String gpuName,
    String gpuDriver,
    String cudaRuntime,
    String cudnn,
    String computeCapability,
    Long gpuMemoryMiB,
    String gpuClocks,
    String cpuModel,
    Integer cpuCores,
    String os,
    String jvm,
    String tensorflow,
    String tensorrt,
    String tfThreads,
    String suiteCommit,
    String modelSource,
    String modelSha256,
    String timestamp) {}
