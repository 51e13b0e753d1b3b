#!/usr/bin/env bash
# Runs the TensorRT smoke test on a GPU machine from an unpacked payload (jre/, app/, cuda12/, trt/).
# Usage: scripts/trt-smoke.sh PAYLOAD_DIR [TrtSmoke options, e.g. --precision fp16 --batch 1 --runs 500]
# Exit: 0 passed, 1 a correctness gate failed, 2 TensorRT cannot run here.
set -uo pipefail
p=${1:?usage: scripts/trt-smoke.sh PAYLOAD_DIR [options]}
shift
export LD_LIBRARY_PATH="$p/cuda12:$p/trt${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export CUDA_CACHE_PATH=${CUDA_CACHE_PATH:-/root/cudacache} CUDA_CACHE_MAXSIZE=${CUDA_CACHE_MAXSIZE:-4294967296}
export SSDBENCH_TRT_CACHE=${SSDBENCH_TRT_CACHE:-$p/cache/trt}
java=${JAVA:-$p/jre/bin/java}
exec "$java" -Xmx8g -cp "$p/app/*" org.ssdbench.engine.trt.TrtSmoke "$@"
