#!/usr/bin/env bash
# Builds the application part of a GPU payload for the TensorRT smoke test and benchmark: the suite's classes as a jar
# plus its runtime dependencies with the -Pgpu JNI jars (cuda, tensorrt, javacpp for linux-x86_64), without any
# *-redist jar (the CUDA 12 and TensorRT 10 libraries travel separately, see the GPU notes).
# Usage: scripts/trt-app-payload.sh OUT_DIR   -> OUT_DIR/app/*.jar
# With SKIP_TF_NATIVE=1 the 526 MB TensorFlow GPU native jar is left out (stage it once with the big payload's app/).
set -euo pipefail
out=${1:?usage: scripts/trt-app-payload.sh OUT_DIR}
cd "$(dirname "$0")/.."
mkdir -p "$out/app"
mvn -o -q -Pgpu compile
jar --create --file "$out/app/ssd-gpu-bench-classes.jar" -C target/classes .
mvn -o -q -Pgpu dependency:copy-dependencies -DincludeScope=runtime -DexcludeClassifiers=linux-x86_64-redist \
  -DoutputDirectory="$out/app"
if [[ "${SKIP_TF_NATIVE:-0}" == 1 ]]; then
  rm -f "$out"/app/tensorflow-core-native-*-linux-x86_64-gpu.jar
fi
echo "Wrote $(ls "$out/app" | wc -l) jars to $out/app ($(du -sh "$out/app" | cut -f1))"
