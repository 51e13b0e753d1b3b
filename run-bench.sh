#!/usr/bin/env bash
# Runs the SSD MobileNet V2 benchmark suite on this machine and writes a new folder under results/.
#
#   ./run-bench.sh            quick profile (minutes): batch 1, two forks
#   ./run-bench.sh --full     every batch size (1, 8, 32), three forks, longer iterations, the throughput sweep
#   ./run-bench.sh -- --throughput    the quick profile and the throughput sweep (TensorRT and the peer at 1 to 256)
#
# With a GPU (nvidia-smi finds one) it builds with -Pgpu and runs every configuration; without one it runs the CPU parts
# and says what it skipped and why. Options after '--' go to the suite's 'run' command (see: java -jar target/benchmarks.jar run --help).
# With a GPU and python3 with torch it then times the PyTorch peer (peers/torch_ssd.py) into the same run folder and
# rewrites the report with it; otherwise it prints "SKIPPED peer torch: <reason>".
set -euo pipefail
cd "$(dirname "$0")"

profile=quick
model=""
build=1
redist=auto
extra=()
usage() {
  sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  cat <<'USAGE'
Options:
  --full             the full profile instead of the quick one
  --model PATH       benchmark this frozen_inference_graph.pb instead of fetching or generating one
  --generated        use the generated graph even when the real one could be fetched
  --no-build         use target/benchmarks.jar as it is
  --redist | --no-redist
                     force (or forbid) the CUDA/TensorRT redist jars (default: only when no CUDA 12 runtime is installed)
  -h, --help         this help
USAGE
}
while [ $# -gt 0 ]; do
  case "$1" in
    --full) profile=full ;;
    --model) model="$2"; shift ;;
    --generated) model=generated ;;
    --no-build) build=0 ;;
    --redist) redist=yes ;;
    --no-redist) redist=no ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "run-bench.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

command -v java >/dev/null || { echo "run-bench.sh: java not found; install a JDK 17 (e.g. apt-get install openjdk-17-jdk)" >&2; exit 2; }

# Maven's output reduced to progress: each downloaded artifact (name and size), each build step, errors, the result.
build_progress() {
  local downloads=0 rest url
  while IFS= read -r line; do
    case "$line" in
      *"Downloaded from "*)
        downloads=$((downloads + 1))
        rest=${line#*Downloaded from *: }
        url=${rest%% (*}
        echo "  downloaded ($downloads) ${url##*/}${rest#"$url"}" ;;
      *"--- "*":"*" ---"*|*"--- "*" ("*") @"*)
        echo "  ${line#\[INFO\] }" ;;
      *"[ERROR]"*|*"BUILD SUCCESS"*|*"BUILD FAILURE"*|*"Total time:"*)
        echo "  ${line#\[INFO\] }" ;;
    esac
  done
}

has_cuda12_runtime() {
  ldconfig -p 2>/dev/null | grep -q 'libcudart.so.12' && return 0
  local dir
  IFS=: read -ra dirs <<< "${LD_LIBRARY_PATH:-}"
  for dir in "${dirs[@]}"; do [ -n "$dir" ] && [ -e "$dir/libcudart.so.12" ] && return 0; done
  return 1
}

gpu=""
if command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; then
  gpu=$(nvidia-smi --query-gpu=name --format=csv,noheader --id=0 2>/dev/null || true)
fi

profiles=()
if [ -n "$gpu" ]; then
  echo "GPU: $gpu"
  profiles+=(-Pgpu)
  if [ "$redist" = yes ] || { [ "$redist" = auto ] && ! has_cuda12_runtime; }; then
    echo "No CUDA 12 runtime found on this machine: using the redist jars (about 3 GB to download once)"
    profiles+=(-Predist)
  fi
else
  echo "GPU: none found by nvidia-smi; running the CPU configurations only"
fi

if [ "$build" = 1 ]; then
  command -v mvn >/dev/null || { echo "run-bench.sh: mvn not found; install Maven 3.8+ or pass --no-build with a built target/benchmarks.jar" >&2; exit 2; }
  echo "Building: mvn -B package -DskipTests ${profiles[*]:-}"
  if [ ! -d "${HOME}/.m2/repository/org/tensorflow/tensorflow-core-native" ]; then
    echo "  first build: Maven downloads about 210 MB of dependencies once (TensorFlow's native library is most of it;"
    echo "  -Predist adds about 3 GB), typically 2 to 5 minutes; progress below"
  fi
  # Maven's own lines, without colour codes, filtered to what tells progress: downloads (one line per artifact) and
  # each plugin step; the full log is kept in target/build.log.
  mkdir -p target
  set +e
  MAVEN_OPTS="${MAVEN_OPTS:-} -Dstyle.color=never" mvn -B -Dstyle.color=never package -DskipTests "${profiles[@]}" \
    2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee target/build.log | build_progress
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ]; then
    echo "run-bench.sh: the build failed (exit $status); the last lines of target/build.log:" >&2
    tail -n 30 target/build.log >&2
    exit 1
  fi
fi
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "run-bench.sh: $jar is missing; build with 'mvn package' or drop --no-build" >&2; exit 2; }
# With -Predist the CUDA/TensorRT jars stay in the Maven repository; the build lists them in target/redist.classpath and
# they go on the class path beside the suite's jar (JMH's forks inherit it). JavaCPP extracts the libraries it loads into
# ~/.javacpp/cache on first use.
classpath=$jar
case " ${profiles[*]:-} " in
  *" -Predist "*)
    [ -s target/redist.classpath ] || { echo "run-bench.sh: target/redist.classpath is missing; build with -Pgpu -Predist (drop --no-build)" >&2; exit 2; }
    classpath="$jar:$(cat target/redist.classpath)"
    # TensorRT dlopens libnvinfer_builder_resource.so.10.6.0 by file name, and that library's soname
    # (do_not_link_against_nvinfer_builder_resource) keeps the copy JavaCPP already loaded from matching it: the folder
    # JavaCPP unpacks it into must be on the search path. It exists once the run's first JVM has loaded TensorRT, before
    # any fork builds an engine.
    trt_jar=$(tr ':' '\n' < target/redist.classpath | grep -m 1 '/tensorrt-[^/]*-redist\.jar$' || true)
    if [ -n "$trt_jar" ]; then
      export LD_LIBRARY_PATH="$HOME/.javacpp/cache/$(basename "$trt_jar")/org/bytedeco/tensorrt/linux-x86_64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    fi
    if [ ! -d "${HOME}/.javacpp/cache" ]; then
      echo "  first start with the redist jars: JavaCPP unpacks the CUDA, cuDNN and TensorRT libraries into ~/.javacpp/cache once"
    fi ;;
esac

# A part added to a run folder ('-- --add-to DIR') times that folder's model, images and profile: none are passed here.
add_to=""
for ((i = 0; i < ${#extra[@]}; i++)); do
  [ "${extra[$i]}" = --add-to ] && add_to=${extra[$((i + 1))]:-}
done
work=()
if [ -n "$add_to" ]; then
  manifest="$add_to/workload/workload.json"
  [ -f "$manifest" ] || { echo "run-bench.sh: $add_to has no workload/workload.json; --add-to takes a run folder this machine wrote" >&2; exit 2; }
  profile=$(sed -n 's/.*"profile" *: *"\([a-z]*\)".*/\1/p' "$manifest" | head -n 1)
  echo "Adding to $add_to: its model, images and ${profile:-unknown} profile"
else
  # The real model: fetched once into cache/models when this machine is online, checked, else the generated graph.
  if [ -z "$model" ]; then
    model=$(scripts/fetch-model.sh cache/models || true)
    [ -n "$model" ] || model=generated
  fi
  if [ "$model" = generated ]; then
    echo "Model: the suite's generated SSD MobileNet V2 graph (synthetic weights)"
  else
    echo "Model: $model"
  fi
  work=(--profile "$profile" --model "$model")
fi

# TensorFlow's C++ INFO lines would interleave with JMH's; warnings and errors still show. The forks inherit it.
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-1}
export CUDA_CACHE_PATH=${CUDA_CACHE_PATH:-$HOME/.cache/ssdbench/cuda} CUDA_CACHE_MAXSIZE=${CUDA_CACHE_MAXSIZE:-4294967296}
log=$(mktemp -t ssdbench-run.XXXXXX)
set +e
java -Xmx8g -Djava.awt.headless=true -cp "$classpath" org.ssdbench.cli.Main run "${work[@]}" \
  "${extra[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
run_dir=$(sed -n 's/^Results: *//p' "$log" | tail -n 1)
rm -f "$log"

# The PyTorch peer (peers/torch_ssd.py): the same network, eager and CUDA graph, in the same run on the same GPU.
peer_skip=""
if [ -z "$run_dir" ]; then
  peer_skip="no run folder was written"
elif [ -z "$gpu" ]; then
  peer_skip="no GPU found by nvidia-smi"
elif [ -f "$run_dir/jmh-peer-torch.json" ] && [ -n "$add_to" ]; then
  peer_skip="$run_dir has its results already (a part before this one timed it)"
elif ! command -v python3 >/dev/null; then
  peer_skip="python3 not found"
elif ! why=$(python3 -c 'import torch, torchvision' 2>&1); then
  peer_skip="python3 cannot import torch and torchvision ($(printf '%s' "$why" | tail -n 1))"
fi
if [ -n "$peer_skip" ]; then
  echo "SKIPPED peer torch: $peer_skip"
else
  # Batch 1, and the TensorRT sweep's batch sizes where the run sweeps (--full or --throughput): its
  # --throughput-batches, else ThroughputSweep.BATCHES.
  peer_batches=1
  case " $profile ${extra[*]:-} " in
    *" full "*|*" --throughput"*) peer_batches=1,8,32,128,256 ;;
  esac
  for ((i = 0; i < ${#extra[@]}; i++)); do
    case "${extra[i]}" in
      --throughput-batches=*) peer_batches=1,${extra[i]#--throughput-batches=} ;;
      --throughput-batches) peer_batches=1,${extra[i + 1]:-} ;;
    esac
  done
  peer_batches=$(printf '%s' "$peer_batches" | tr ',' '\n' | awk '!seen[$0]++' | paste -sd, -)
  peer_started=$SECONDS
  if python3 peers/torch_ssd.py --out "$run_dir" --batches "$peer_batches"; then
    peer_took=$((SECONDS - peer_started))
    echo "Peer took: $((peer_took / 60)) min $((peer_took % 60)) s (on top of run-time.json's time)"
    case " ${extra[*]:-} " in
      *" --no-report "*) ;;
      *) java -Xmx2g -Djava.awt.headless=true -jar "$jar" report "$run_dir" --force || status=$? ;;
    esac
  else
    echo "PEER FAILED: peers/torch_ssd.py exited non-zero; the suite's own results in $run_dir are kept"
  fi
fi
exit "$status"
