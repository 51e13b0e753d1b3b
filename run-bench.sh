#!/usr/bin/env bash
# Runs the SSD MobileNet V2 benchmark suite on this machine and writes a new folder under results/.
#
#   ./run-bench.sh            quick profile (minutes): batch 1, one fork
#   ./run-bench.sh --full     every batch size (1, 8, 32), two forks, longer iterations
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
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
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
  echo "Building: mvn -B -q package -DskipTests ${profiles[*]:-}"
  mvn -B -q package -DskipTests "${profiles[@]}"
fi
jar=target/benchmarks.jar
[ -f "$jar" ] || { echo "run-bench.sh: $jar is missing; build with 'mvn package' or drop --no-build" >&2; exit 2; }

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

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || commit="$commit-dirty"

export CUDA_CACHE_PATH=${CUDA_CACHE_PATH:-$HOME/.cache/ssdbench/cuda} CUDA_CACHE_MAXSIZE=${CUDA_CACHE_MAXSIZE:-4294967296}
log=$(mktemp -t ssdbench-run.XXXXXX)
set +e
java -Xmx8g -Djava.awt.headless=true -Dssdbench.commit="$commit" -jar "$jar" run \
  --profile "$profile" --model "$model" --jvm-arg=-Dssdbench.commit="$commit" "${extra[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
run_dir=$(sed -n 's/^Results in //p' "$log" | tail -n 1)
rm -f "$log"

# The PyTorch peer (peers/torch_ssd.py): the same network, eager and CUDA graph, in the same run on the same GPU.
peer_skip=""
if [ -z "$run_dir" ]; then
  peer_skip="no run folder was written"
elif [ -z "$gpu" ]; then
  peer_skip="no GPU found by nvidia-smi"
elif ! command -v python3 >/dev/null; then
  peer_skip="python3 not found"
elif ! why=$(python3 -c 'import torch, torchvision' 2>&1); then
  peer_skip="python3 cannot import torch and torchvision ($(printf '%s' "$why" | tail -n 1))"
fi
if [ -n "$peer_skip" ]; then
  echo "SKIPPED peer torch: $peer_skip"
else
  peer_batches=1
  [ "$profile" = full ] && peer_batches=1,8,32,128,256
  if python3 peers/torch_ssd.py --out "$run_dir" --batches "$peer_batches"; then
    case " ${extra[*]:-} " in
      *" --no-report "*) ;;
      *) java -Xmx2g -Djava.awt.headless=true -jar "$jar" report "$run_dir" --force || status=$? ;;
    esac
  else
    echo "PEER FAILED: peers/torch_ssd.py exited non-zero; the suite's own results in $run_dir are kept"
  fi
fi
exit "$status"
