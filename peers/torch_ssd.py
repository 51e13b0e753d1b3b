#!/usr/bin/env python3
"""SSD MobileNet V2 (300x300, 91 classes) rebuilt in PyTorch, timed as a peer of the suite's TensorRT engines.

The network is the suite's: torchvision's MobileNetV2 features (feature map 0 taken after expanded_conv_13's expand
layer, 19x19x576; map 1 after Conv_1, 10x10x1280), the four SSD extra layers (1x1 conv, depthwise 3x3 stride 2,
1x1 pointwise, each with batch norm and ReLU6), and the six 3x3 box and class heads (3, 6, 6, 6, 6, 6 anchors per
location). Synthetic weights. It checks itself before timing: 1917 anchors, 1.875 G conv multiply-adds,
16,837,567 trainable parameters (16.84 M).

What is timed: the network only (no preprocessing, no box decoding, no NMS), input already on the GPU, FP16,
channels_last; "eager" calls the module, "graph" replays one captured CUDA graph. Each call is timed on the host
(perf_counter around the call and a wait for its end event: the primary score, comparable to JMH's SampleTime of the
TensorRT benchmark) and with CUDA events (GPU time, as the secondary metric gpuTimeMs).

Results are written as JMH JSON (benchmark peers.TorchSsd.infer, mode sample, params config and batch), one element
per configuration and batch, into OUT/jmh-peer-torch.json, so the suite's report and diff read them beside TensorRT.
As JMH forks, each of --forks processes (default 2) builds the network and times every configuration; their
iterations are the JSON's forks, so an interval over them holds the spread between processes too.

  python3 peers/torch_ssd.py --out results/RUN                       # batch 1 and the sweep's batches
  python3 peers/torch_ssd.py --out /tmp/p --batches 1 --runs 300      # batch 1 only
  python3 peers/torch_ssd.py --check-only                             # build on the CPU, check the counts, exit
  python3 peers/torch_ssd.py --fixture FILE                           # write the JSON of fixed samples (no torch)

Exit codes: 0 done, 1 a check failed, 2 bad usage, 3 torch or a GPU is missing.
"""

import argparse
import json
import math
import os
import platform
import sys
import time

BENCHMARK = "peers.TorchSsd.infer"
JSON_NAME = "jmh-peer-torch.json"
PERCENTILES = (0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0)
SWEEP = (1, 8, 32, 128, 256)
CONFIGS = ("eager", "graph")

EXPECTED_ANCHORS = 1917
EXPECTED_GMACS = 1.875  # conv multiply-adds, to 3 decimals
EXPECTED_PARAMS = 16_837_567  # conv weights + head biases + batch-norm gamma and beta

NUM_CLASSES = 91
ANCHORS_PER_LOCATION = (3, 6, 6, 6, 6, 6)
EXTRA_LAYERS = ((256, 512), (128, 256), (128, 256), (64, 128))  # (1x1 depth, output depth)


# ---------------------------------------------------------------------------------------------------------------------
# JMH JSON: pure functions of the timings, no torch needed.

def config_name(execution):
    """torch-fp16-eager or torch-fp16-graph."""
    if execution not in CONFIGS:
        raise ValueError("unknown execution '%s'; valid: %s" % (execution, ", ".join(CONFIGS)))
    return "torch-fp16-" + execution


def percentile(sorted_values, p):
    """The p-th percentile (0..100) as JMH computes it (Apache Commons Math's default estimate, position p(n+1)/100)."""
    n = len(sorted_values)
    if n == 0:
        return float("nan")
    if p <= 0:
        return sorted_values[0]
    pos = p * (n + 1) / 100.0
    if pos < 1:
        return sorted_values[0]
    if pos >= n:
        return sorted_values[-1]
    lower = sorted_values[int(math.floor(pos)) - 1]
    upper = sorted_values[int(math.floor(pos))]
    return lower + (pos - math.floor(pos)) * (upper - lower)


def _t_999(dof):
    """Two-sided 99.9% Student t quantile (Cornish-Fisher expansion about the normal's 3.2905), as JMH's error uses."""
    z = 3.2905267314919255
    if dof <= 0:
        return float("nan")
    return (z + (z ** 3 + z) / (4 * dof) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * dof ** 2)
            + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * dof ** 3))


def _number(x):
    return "NaN" if x is None or math.isnan(x) else x


def metric(forks, unit="ms/op"):
    """A JMH SampleTime metric from per-fork lists of per-iteration lists of samples: score (mean of all samples),
    99.9% error, confidence, percentiles, rawData (each fork's iteration means) and rawDataHistogram (each fork's
    iterations' samples as value, count)."""
    if not forks or any(not iterations for iterations in forks):
        raise ValueError("every fork needs at least one iteration, got %s" % [len(f) for f in forks])
    if any(len(it) == 0 for iterations in forks for it in iterations):
        raise ValueError("every iteration needs at least one sample, got %s" % [[len(it) for it in f] for f in forks])
    samples = sorted(v for iterations in forks for it in iterations for v in it)
    n = len(samples)
    mean = sum(samples) / n
    if n > 1:
        sd = math.sqrt(sum((v - mean) ** 2 for v in samples) / (n - 1))
        error = _t_999(n - 1) * sd / math.sqrt(n)
    else:
        error = float("nan")
    histograms = []
    for iterations in forks:
        histogram = []
        for it in iterations:
            counts = {}
            for v in it:
                key = round(v, 4)
                counts[key] = counts.get(key, 0) + 1
            histogram.append([[v, c] for v, c in sorted(counts.items())])
        histograms.append(histogram)
    return {
        "score": mean,
        "scoreError": _number(error),
        "scoreConfidence": [_number(mean - error), _number(mean + error)],
        "scorePercentiles": {str(p): percentile(samples, p) for p in PERCENTILES},
        "scoreUnit": unit,
        "rawData": [[sum(it) / len(it) for it in iterations] for iterations in forks],
        "rawDataHistogram": histograms,
    }


def jmh_result(execution, batch, host_ms, gpu_ms, environment, warmup_calls):
    """One element of JMH's JSON array for one configuration and batch.

    host_ms, gpu_ms: per fork (process), per measured iteration, the per-call times in ms (host wall clock; CUDA
    events). environment: strings describing where it ran (torch, cuda, gpu, python).
    """
    if batch < 1:
        raise ValueError("batch must be >= 1, got %d" % batch)
    if [len(f) for f in host_ms] != [len(f) for f in gpu_ms]:
        raise ValueError("host and GPU timings need the same forks and iterations: %s vs %s"
                         % ([len(f) for f in host_ms], [len(f) for f in gpu_ms]))
    if len({len(f) for f in host_ms}) != 1:
        raise ValueError("every fork needs the same iterations, got %s" % [len(f) for f in host_ms])
    calls = len(host_ms[0][0])
    return {
        "jmhVersion": "peer",
        "benchmark": BENCHMARK,
        "mode": "sample",
        "threads": 1,
        "forks": len(host_ms),
        "jvm": environment.get("python", "python3"),
        "jvmArgs": [],
        "jdkVersion": "torch " + environment.get("torch", "unknown"),
        "vmName": "PyTorch %s, CUDA %s, %s" % (environment.get("torch", "unknown"), environment.get("cuda", "unknown"),
                                                environment.get("gpu", "unknown GPU")),
        "vmVersion": environment.get("python_version", platform.python_version()),
        "warmupIterations": 1,
        "warmupTime": "%d calls" % warmup_calls,
        "warmupBatchSize": 1,
        "measurementIterations": len(host_ms[0]),
        "measurementTime": "%d calls" % calls,
        "measurementBatchSize": 1,
        "params": {"config": config_name(execution), "batch": str(batch)},
        "primaryMetric": metric(host_ms),
        "secondaryMetrics": {"gpuTimeMs": metric(gpu_ms)},
    }


def write_results(out_dir, results):
    """Writes results (a list of jmh_result elements) as OUT/jmh-peer-torch.json and returns the path."""
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, JSON_NAME)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
    return path


def fixture_results():
    """Fixed timings (no torch): the suite's Java test reads the JSON these give, as written by write_results."""
    env = {"torch": "2.11.0", "cuda": "13.0", "gpu": "NVIDIA H200", "python": "python3", "python_version": "3.12.3"}
    results = []
    for execution, base in (("eager", 5.0), ("graph", 1.0)):
        for batch in (1, 128):
            scale = base * (1 if batch == 1 else 8)
            host = [[[scale * (1 + 0.002 * f) + 0.01 * ((i * 7 + k * 3) % 11) for k in range(20)] for i in range(3)]
                    for f in range(2)]
            gpu = [[[v - 0.02 for v in it] for it in fork] for fork in host]
            results.append(jmh_result(execution, batch, host, gpu, env, warmup_calls=10))
    return results


def merge_forks(fork_timings):
    """The timings of several processes, each a list of {"execution", "batch", "host", "gpu"} (host and gpu: per
    iteration, per call ms), as {(execution, batch): (host forks, gpu forks)} for the configurations every process
    timed (one that failed in a process, e.g. out of memory, is left out, and returned in the second value)."""
    keys = None
    for timings in fork_timings:
        mine = {(t["execution"], t["batch"]) for t in timings}
        keys = mine if keys is None else keys & mine
    every = set((t["execution"], t["batch"]) for timings in fork_timings for t in timings)
    merged = {}
    for timings in fork_timings:
        for t in timings:
            key = (t["execution"], t["batch"])
            if key in keys:
                host, gpu = merged.setdefault(key, ([], []))
                host.append(t["host"])
                gpu.append(t["gpu"])
    return merged, sorted(every - keys)


# ---------------------------------------------------------------------------------------------------------------------
# The network (torch imported only here).

def build_model(torch):
    import torch.nn as nn
    from torchvision.models import mobilenet_v2

    def conv_bn_relu6(cin, cout, k, stride=1, groups=1):
        return nn.Sequential(nn.Conv2d(cin, cout, k, stride, (k - 1) // 2, groups=groups, bias=False),
                             nn.BatchNorm2d(cout, eps=0.001), nn.ReLU6(inplace=True))

    class SsdMobileNetV2(nn.Module):
        def __init__(self):
            super().__init__()
            features = mobilenet_v2(weights=None).features
            # features[14] is expanded_conv_13: its expand layer (conv[0]) gives feature map 0, 19x19x576
            self.stem = features[:14]
            self.expand13 = features[14].conv[0]
            self.rest13 = features[14].conv[1:]
            self.tail = features[15:]  # expanded_conv_14 .. _16 and Conv_1 (1280 channels)
            extra = []
            cin = 1280
            for mid, cout in EXTRA_LAYERS:
                extra.append(nn.Sequential(conv_bn_relu6(cin, mid, 1), conv_bn_relu6(mid, mid, 3, 2, groups=mid),
                                           conv_bn_relu6(mid, cout, 1)))
                cin = cout
            self.extra = nn.ModuleList(extra)
            depths = (576, 1280) + tuple(c for _, c in EXTRA_LAYERS)
            self.box = nn.ModuleList(nn.Conv2d(d, a * 4, 3, padding=1) for d, a in zip(depths, ANCHORS_PER_LOCATION))
            self.cls = nn.ModuleList(nn.Conv2d(d, a * NUM_CLASSES, 3, padding=1)
                                     for d, a in zip(depths, ANCHORS_PER_LOCATION))

        def forward(self, x):
            x = self.stem(x)
            map0 = self.expand13(x)
            x = self.tail(self.rest13(map0))
            maps = [map0, x]
            for layer in self.extra:
                x = layer(x)
                maps.append(x)
            n = maps[0].shape[0]
            boxes = [b(m).permute(0, 2, 3, 1).reshape(n, -1, 4) for b, m in zip(self.box, maps)]
            scores = [c(m).permute(0, 2, 3, 1).reshape(n, -1, NUM_CLASSES) for c, m in zip(self.cls, maps)]
            return torch.cat(boxes, 1), torch.sigmoid(torch.cat(scores, 1))

    torch.manual_seed(1234)
    model = SsdMobileNetV2().eval()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):  # synthetic statistics of a trained-looking range
                m.running_mean.uniform_(-0.1, 0.1)
                m.running_var.uniform_(0.5, 1.5)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.1, 0.1)
    return model


def count(torch, model):
    """(anchors, conv multiply-adds, trainable parameters) of one 300x300 image, by running it on the CPU."""
    import torch.nn as nn
    macs = [0]

    def hook(module, inputs, output):
        kh, kw = module.kernel_size
        macs[0] += output.numel() * (module.in_channels // module.groups) * kh * kw

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        boxes, scores = model(torch.zeros(1, 3, 300, 300))
    for h in handles:
        h.remove()
    if tuple(scores.shape) != (1, boxes.shape[1], NUM_CLASSES) or boxes.shape[2] != 4:
        raise RuntimeError("unexpected output shapes %s and %s" % (tuple(boxes.shape), tuple(scores.shape)))
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return boxes.shape[1], macs[0], params


def check_counts(anchors, macs, params):
    """Lines describing the counts and whether each matches the model; (lines, all matched)."""
    checks = [
        ("anchors", anchors, EXPECTED_ANCHORS, anchors == EXPECTED_ANCHORS),
        ("conv multiply-adds", "%.4f G" % (macs / 1e9), "%.3f G" % EXPECTED_GMACS,
         round(macs / 1e9, 3) == EXPECTED_GMACS),
        ("trainable parameters", "%d (%.2f M)" % (params, params / 1e6), EXPECTED_PARAMS, params == EXPECTED_PARAMS),
    ]
    lines = ["%-21s %-22s expected %-12s %s" % (name, got, want, "ok" if ok else "MISMATCH")
             for name, got, want, ok in checks]
    return lines, all(ok for *_, ok in checks)


# ---------------------------------------------------------------------------------------------------------------------
# Timing on the GPU.

def time_calls(torch, fn, warmup, iterations, runs):
    """Warm-up calls, then iterations x runs timed calls: (host ms, CUDA-event ms) per iteration."""
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    start = torch.cuda.Event(enable_timing=True)
    stop = torch.cuda.Event(enable_timing=True)
    host, gpu = [], []
    for _ in range(iterations):
        h, g = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            start.record()
            fn()
            stop.record()
            stop.synchronize()
            h.append((time.perf_counter() - t0) * 1e3)
            g.append(start.elapsed_time(stop))
        host.append(h)
        gpu.append(g)
    return host, gpu


def measure(torch, model, execution, batch, args):
    x = torch.randn(batch, 3, 300, 300, device="cuda", dtype=torch.half).contiguous(memory_format=torch.channels_last)
    with torch.inference_mode():
        if execution == "eager":
            return time_calls(torch, lambda: model(x), args.warmup, args.iterations, args.runs)
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            for _ in range(3):
                model(x)
        torch.cuda.current_stream().wait_stream(side)
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph):
            model(x)
        return time_calls(torch, graph.replay, args.warmup, args.iterations, args.runs)


def percentile_line(execution, batch, host, gpu):
    """host, gpu: per fork, per iteration, per call ms."""
    h = sorted(v for fork in host for it in fork for v in it)
    g = sorted(v for fork in gpu for it in fork for v in it)
    p50 = percentile(h, 50.0)
    return ("%-17s batch %3d: host p50 %.3f ms, p99 %.3f ms; GPU p50 %.3f ms; %.0f images/s at p50"
            % (config_name(execution), batch, p50, percentile(h, 99.0), percentile(g, 50.0), batch / p50 * 1e3))


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--out", help="run folder to write %s into" % JSON_NAME)
    p.add_argument("--batches", default=",".join(map(str, SWEEP)), help="batch sizes (default: %(default)s)")
    p.add_argument("--configs", default=",".join(CONFIGS), help="eager, graph or both (default: %(default)s)")
    p.add_argument("--warmup", type=int, default=50, help="untimed calls first (default: %(default)s)")
    p.add_argument("--iterations", type=int, default=5, help="measured iterations (default: %(default)s)")
    p.add_argument("--runs", type=int, default=200, help="timed calls per iteration (default: %(default)s)")
    p.add_argument("--check-only", action="store_true", help="build on the CPU, check the counts, time nothing")
    p.add_argument("--fixture", help="write the JSON of fixed timings to this file (no torch needed) and exit")
    p.add_argument("--forks", type=int, default=2,
                   help="processes, each timing every configuration, as JMH's forks (default: %(default)s)")
    p.add_argument("--fork-out", help=argparse.SUPPRESS)  # a child process: write its timings here
    args = p.parse_args(argv)
    try:
        args.batches = [int(b) for b in args.batches.split(",") if b.strip()]
    except ValueError:
        p.error("--batches must be whole numbers separated by commas, got '%s'" % args.batches)
    args.configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    bad = [c for c in args.configs if c not in CONFIGS]
    if bad:
        p.error("--configs: unknown %s; valid: %s" % (", ".join(bad), ", ".join(CONFIGS)))
    if not args.batches or min(args.batches) < 1:
        p.error("--batches needs sizes >= 1, got %s" % args.batches)
    if args.warmup < 0 or args.iterations < 1 or args.runs < 2 or args.forks < 1:
        p.error("--warmup >= 0, --iterations >= 1, --runs >= 2 and --forks >= 1 are needed")
    if not (args.fixture or args.check_only or args.out or args.fork_out):
        p.error("--out DIR is needed (or --check-only, or --fixture FILE)")
    return args


def time_all(torch, model, args):
    """This process's timings of every configuration and batch: a list of {execution, batch, host, gpu}."""
    timings = []
    for execution in args.configs:
        for batch in args.batches:
            try:
                host, gpu = measure(torch, model, execution, batch, args)
            except RuntimeError as e:  # e.g. out of memory at a large batch: keep the others
                print("%-17s batch %3d: FAILED: %s" % (config_name(execution), batch, str(e).splitlines()[0]))
                torch.cuda.empty_cache()
                continue
            timings.append({"execution": execution, "batch": batch, "host": host, "gpu": gpu})
    return timings


def child_argv(args, fork_out):
    """The command line of one timing process: this script with the same settings, writing to fork_out."""
    return [sys.executable, os.path.abspath(__file__), "--batches", ",".join(map(str, args.batches)),
            "--configs", ",".join(args.configs), "--warmup", str(args.warmup), "--iterations", str(args.iterations),
            "--runs", str(args.runs), "--forks", "1", "--fork-out", fork_out]


def run_forks(args):
    """Times every configuration in args.forks processes, one after the other; their outputs, and the env."""
    import subprocess
    import tempfile
    outputs = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(args.forks):
            out = os.path.join(tmp, "fork-%d.json" % f)
            print("process %d of %d: timing %s at batch %s" % (f + 1, args.forks, ", ".join(args.configs),
                                                                ",".join(map(str, args.batches))), flush=True)
            code = subprocess.run(child_argv(args, out)).returncode
            if code != 0 or not os.path.exists(out):
                print("process %d of %d FAILED (exit %d): its timings are left out" % (f + 1, args.forks, code))
                continue
            with open(out) as fh:
                outputs.append(json.load(fh))
    return outputs


def main(argv):
    args = parse_args(argv)
    if args.fixture:
        with open(args.fixture, "w") as f:
            json.dump(fixture_results(), f, indent=2)
            f.write("\n")
        print("wrote %s" % args.fixture)
        return 0
    try:
        import torch
        import torchvision  # noqa: F401  (the backbone comes from it)
    except ImportError as e:
        print("SKIPPED peer torch: %s" % e)
        return 3
    model = build_model(torch)
    anchors, macs, params = count(torch, model)
    lines, matched = check_counts(anchors, macs, params)
    if not args.fork_out:  # the parent has said it
        print("SSD MobileNet V2 in PyTorch %s, synthetic weights:" % torch.__version__)
        for line in lines:
            print("  " + line)
    if not matched:
        print("FAILED: the PyTorch network does not match the model's counts")
        return 1
    if args.check_only:
        print("CHECK PASSED (nothing timed)")
        return 0
    if not torch.cuda.is_available():
        print("SKIPPED peer torch: no CUDA device visible to torch")
        return 3
    if args.fork_out or args.forks == 1:
        env = {"torch": torch.__version__, "cuda": str(torch.version.cuda), "gpu": torch.cuda.get_device_name(0),
               "python": sys.executable, "python_version": platform.python_version()}
        if not args.fork_out:
            print("GPU: %s; network only (no preprocessing, no NMS), FP16 channels_last; one process, %d warm-up"
                  " calls, %d x %d timed" % (env["gpu"], args.warmup, args.iterations, args.runs))
        torch.backends.cudnn.benchmark = True
        model = model.cuda().half().to(memory_format=torch.channels_last)
        outputs = [{"env": env, "timings": time_all(torch, model, args)}]
        if args.fork_out:
            with open(args.fork_out, "w") as fh:
                json.dump(outputs[0], fh)
            return 0
    else:
        # No CUDA context here: the processes that time make their own (a GPU in exclusive-process mode takes one).
        print("Network only (no preprocessing, no NMS), FP16 channels_last; %d processes, each %d warm-up calls,"
              " %d x %d timed" % (args.forks, args.warmup, args.iterations, args.runs))
        outputs = run_forks(args)
        if not outputs:
            print("FAILED: no process could time the network")
            return 1
        env = outputs[0]["env"]
        print("GPU: %s" % env["gpu"])
    merged, left_out = merge_forks([o["timings"] for o in outputs])
    for execution, batch in left_out:
        print("%-17s batch %3d: left out, not timed in every process" % (config_name(execution), batch))
    results = []
    for execution in args.configs:
        for batch in args.batches:
            if (execution, batch) in merged:
                host, gpu = merged[(execution, batch)]
                print(percentile_line(execution, batch, host, gpu))
                results.append(jmh_result(execution, batch, host, gpu, env, args.warmup))
    if not results:
        print("FAILED: no configuration could be timed")
        return 1
    print("wrote %s (%d processes)" % (write_results(args.out, results), len(outputs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
