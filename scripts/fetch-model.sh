#!/usr/bin/env bash
# Fetches the TF1 model zoo's SSD MobileNet V2 COCO export into a cache folder and prints the path of its
# frozen_inference_graph.pb. Prints nothing (exit 1) when offline or when the download does not check out; the
# caller then falls back to the generated graph.
#
#   scripts/fetch-model.sh CACHE_DIR
set -uo pipefail
cache=${1:-cache/models}
name=ssd_mobilenet_v2_coco_2018_03_29
url="http://download.tensorflow.org/models/object_detection/$name.tar.gz"
# The zoo publishes no checksum; the frozen graph's size and structure (checked again by the suite's loader) stand in.
expected_size=69688296
pb="$cache/$name/frozen_inference_graph.pb"

if [ -f "$pb" ] && [ "$(stat -c %s "$pb")" = "$expected_size" ]; then
  echo "Using cached $pb (sha256 $(sha256sum "$pb" | cut -d' ' -f1))" >&2
  echo "$pb"; exit 0
fi
command -v curl >/dev/null || { echo "fetch-model: curl not found; using the generated graph" >&2; exit 1; }
mkdir -p "$cache"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "Fetching $url" >&2
if ! curl -fsSL --connect-timeout 10 --max-time 600 -o "$tmp/model.tar.gz" "$url"; then
  echo "fetch-model: could not download the zoo model (offline?); using the generated graph" >&2
  exit 1
fi
if ! tar -xzf "$tmp/model.tar.gz" -C "$tmp" "$name/frozen_inference_graph.pb" "$name/pipeline.config" 2>/dev/null; then
  echo "fetch-model: the download is not the expected tarball (no $name/frozen_inference_graph.pb); using the generated graph" >&2
  exit 1
fi
size=$(stat -c %s "$tmp/$name/frozen_inference_graph.pb")
if [ "$size" != "$expected_size" ]; then
  echo "fetch-model: frozen_inference_graph.pb has $size bytes, expected $expected_size; using the generated graph" >&2
  exit 1
fi
mkdir -p "$cache/$name"
mv "$tmp/$name/frozen_inference_graph.pb" "$tmp/$name/pipeline.config" "$cache/$name/"
echo "Cached $pb (sha256 $(sha256sum "$pb" | cut -d' ' -f1))" >&2
echo "$pb"
