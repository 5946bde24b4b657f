#!/usr/bin/python3
"""PyTorch side of Gen's model benchmarks (issue 4, item 7).

Times the PyTorch transcriptions in tests/fixtures/models/reference_models.py at full size:
  cotnet50     CoTNet-50, 224x224, 1000 classes            (seed 000)
  resnet50nam  ResNet-50-NAM, 32x32, 100 classes, CIFAR stem (seed 002)
  epsanet50    EPSANet-50, 224x224, 1000 classes            (seed 003)
  coatnet0     CoAtNet-0, 224x224, 1000 classes             (coatnet-pytorch, seed 004)
  resnet50     torchvision-layout ResNet-50, 224x224        (baseline)
(also cotnet101, resnet18nam, epsanet101, coatnet1..4).

Measurements:
  forward  eval mode under torch.no_grad(), batch 1 and 8 (--batches)
  train    one SGD step (lr 0.01, momentum 0.9, no weight decay) at batch 8 (--train-batch), train
           mode: zero_grad(set_to_none) + forward + cross_entropy(out, fixed labels) + backward +
           step
Each measurement: --warmup untimed runs, then --runs timed runs; median and min in ms.
  train-memory  one untimed training step (fresh optimizer) between a reset of the peak resident
           set ("5" to /proc/self/clear_refs, after malloc_trim) and a read of VmHWM: reports the
           peak minus the resident set before (--serve only; Gen.Bench does the same in .NET).
Output: one JSON object per line on stdout (nothing else goes to stdout), e.g.
  {"event": "measurement", "impl": "pytorch", "model": "cotnet50", "mode": "forward",
   "batch": 8, "image": 224, "classes": 1000, "threads": 2, "warmup": 2, "runs": 5,
   "median_ms": 812.3, "min_ms": 799.0, "times_ms": [...], "params": 33783464}
plus a first {"event": "environment", ...} line (torch version, threads, BLAS library loaded).

Two ways to drive it from a C# harness (run it with /usr/bin/python3: Debian's python3-torch):
  1. one shot:  bench_models.py --threads 2 --models cotnet50,coatnet0 --runs 5
  2. --serve:   models stay built; the harness writes one request per line on stdin,
                "<model> <forward|train> <batch> [runs] [warmup]", and reads one JSON line back
                per request ({"event": "ready"} is printed first; "quit" or EOF ends). This lets
                the harness alternate Gen and PyTorch measurements in one invocation.
Threads: --threads N sets torch.set_num_threads(N), one inter-op thread, and (unless already set)
OMP_NUM_THREADS / OPENBLAS_NUM_THREADS / MKL_NUM_THREADS = N before torch is imported; the C#
side must use the same N (GEN_THREADS) and the same libblas.so.3.
"""
import argparse
import ctypes
import gc
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "fixtures", "models"))

# name -> (builder name in reference_models, image size, classes)
MODELS = {
    "resnet50": ("resnet50", 224, 1000),
    "cotnet50": ("cotnet50", 224, 1000),
    "cotnet101": ("cotnet101", 224, 1000),
    "resnet50nam": ("resnet50_nam", 32, 100),
    "resnet18nam": ("resnet18_nam", 32, 100),
    "epsanet50": ("epsanet50", 224, 1000),
    "epsanet101": ("epsanet101", 224, 1000),
    "coatnet0": ("coatnet0", 224, 1000),
    "coatnet1": ("coatnet1", 224, 1000),
    "coatnet2": ("coatnet2", 224, 1000),
    "coatnet3": ("coatnet3", 224, 1000),
    "coatnet4": ("coatnet4", 224, 1000),
}
DEFAULT_MODELS = ["cotnet50", "resnet50nam", "epsanet50", "coatnet0"]


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def loaded_blas():
    """The BLAS shared objects actually mapped into this process (after a matmul)."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
        return sorted(libs)
    except OSError:
        return []


def status_bytes(field):
    """A field of /proc/self/status (VmRSS, VmHWM) in bytes, or None where there is none."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def release_free_memory():
    """Returns the allocator's free pages to the system, so that the resident set is what is live."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


class Bench:
    def __init__(self, torch, rm, threads, seed=0):
        self.torch, self.rm, self.threads, self.seed = torch, rm, threads, seed
        self.models = {}

    def model(self, name):
        if name not in self.models:
            builder, image, classes = MODELS[name]
            self.torch.manual_seed(self.seed)
            if builder.startswith("coatnet"):
                m = self.rm.coatnet(int(builder[-1]))
            else:
                m = getattr(self.rm, builder)(num_classes=classes)
            self.models[name] = m
        return self.models[name]

    def optimizer(self, m):
        """A fresh SGD optimizer per step, as Gen.Bench builds one: the step creates its momentum buffer."""
        return self.torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9)

    def train_step(self, m, x, y, opt):
        """One training step: gradients set to none, forward, cross-entropy, backward, SGD step."""
        opt.zero_grad(set_to_none=True)
        loss = self.torch.nn.functional.cross_entropy(m(x), y)
        loss.backward()
        opt.step()

    def measure(self, name, mode, batch, runs, warmup):
        torch = self.torch
        if name not in MODELS:
            raise ValueError(f"unknown model {name!r}; known: {', '.join(MODELS)}")
        if mode not in ("forward", "train", "train-memory"):
            raise ValueError(f"unknown mode {mode!r}")
        _, image, classes = MODELS[name]
        m = self.model(name)
        g = torch.Generator().manual_seed(self.seed + batch)
        x = torch.randn(batch, 3, image, image, generator=g)
        times = []
        if mode == "forward":
            m.eval()
            with torch.no_grad():
                for i in range(warmup + runs):
                    t0 = time.perf_counter()
                    m(x)
                    t = time.perf_counter() - t0
                    if i >= warmup:
                        times.append(t * 1e3)
        else:
            y = torch.randint(0, classes, (batch,), generator=g)
            # work on a copy so the forward measurements keep the initial weights
            state = {k: v.clone() for k, v in m.state_dict().items()}
            m.train()
            if mode == "train-memory":
                opt = self.optimizer(m)
                release_free_memory()
                before = status_bytes("VmRSS")
                try:
                    with open("/proc/self/clear_refs", "w") as f:
                        f.write("5")
                    reset = True
                except OSError:
                    reset = False
                self.train_step(m, x, y, opt)
                peak = status_bytes("VmHWM")
                m.load_state_dict(state)
                m.zero_grad(set_to_none=True)
                m.eval()
                return {"event": "memory", "impl": "pytorch", "model": name, "batch": batch,
                        "resident_before_bytes": before,
                        "peak_rss_bytes": (peak - before) if reset and peak and before else None}
            for i in range(warmup + runs):
                opt = self.optimizer(m)
                t0 = time.perf_counter()
                self.train_step(m, x, y, opt)
                t = time.perf_counter() - t0
                if i >= warmup:
                    times.append(t * 1e3)
            m.load_state_dict(state)
            m.zero_grad(set_to_none=True)
            m.eval()
        return {"event": "measurement", "impl": "pytorch", "model": name, "mode": mode,
                "batch": batch, "image": image, "classes": classes, "threads": self.threads,
                "warmup": warmup, "runs": runs,
                "median_ms": round(statistics.median(times), 3),
                "min_ms": round(min(times), 3), "times_ms": [round(t, 3) for t in times],
                "params": sum(p.numel() for p in m.parameters())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="intra-op threads (must equal the C# side's GEN_THREADS)")
    ap.add_argument("--models", default=",".join(DEFAULT_MODELS),
                    help=f"comma-separated; known: {','.join(MODELS)}")
    ap.add_argument("--batches", default="1,8", help="forward batch sizes")
    ap.add_argument("--train-batch", type=int, default=8, help="0 = no train step")
    ap.add_argument("--modes", default="forward,train")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--serve", action="store_true", help="read requests from stdin (see above)")
    args = ap.parse_args()

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))
    import torch  # noqa: E402  (after the thread variables)
    sys.path.insert(0, MODELS_DIR)
    import reference_models as rm  # noqa: E402

    torch.set_num_threads(args.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.mm(torch.randn(64, 64), torch.randn(64, 64))  # load the BLAS before reporting it
    emit({"event": "environment", "impl": "pytorch", "torch": torch.__version__,
          "threads": torch.get_num_threads(), "interop_threads": torch.get_num_interop_threads(),
          "blas": loaded_blas(), "python": sys.version.split()[0],
          "env": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                                  "MKL_NUM_THREADS")}})
    bench = Bench(torch, rm, args.threads, args.seed)

    if args.serve:
        emit({"event": "ready"})
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            if parts[0] in ("quit", "exit"):
                break
            try:
                name, mode, batch = parts[0], parts[1], int(parts[2])
                runs = int(parts[3]) if len(parts) > 3 else args.runs
                warmup = int(parts[4]) if len(parts) > 4 else args.warmup
                emit(bench.measure(name, mode, batch, runs, warmup))
            except Exception as e:  # report, keep serving
                emit({"event": "error", "request": line.strip(), "message": str(e)})
        return 0

    modes = [m for m in args.modes.split(",") if m]
    for name in [m for m in args.models.split(",") if m]:
        if "forward" in modes:
            for b in [int(b) for b in args.batches.split(",") if b]:
                emit(bench.measure(name, "forward", b, args.runs, args.warmup))
        if "train" in modes and args.train_batch > 0:
            emit(bench.measure(name, "train", args.train_batch, args.runs, args.warmup))
        bench.models.pop(name, None)  # free memory before the next model
    return 0


if __name__ == "__main__":
    sys.exit(main())
