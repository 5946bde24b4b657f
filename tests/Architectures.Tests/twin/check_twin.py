#!/usr/bin/python3
"""Checks a PyTorch twin against what Gen's C# model computed (run by TwinParityTests, Debian's python3-torch).

Gen wrote, in each --dir (one in float32, one in float64): weights.safetensors (the model's state dict) and io.safetensors:
  input, output_weight          the images and the fixed weights g of the loss sum(output * g)
  eval.output, eval.features.N  eval mode: forward and forward_features
  train.output                  train mode (batch statistics), after torch.manual_seed(seed)
  train.input_grad              d loss / d input
  train.grad.<key>              d loss / d parameter, for every trainable parameter
  train.after.<key>             every buffer after the train-mode forward (running statistics)
This script builds the twin, loads the weights strictly, repeats each computation and prints one
JSON object: the state-dict keys' agreement and the largest error of each group, each error being
max |twin - gen| / max |gen| of one tensor. For a parameter's gradient the scale is at least 1e-3 of the
largest parameter gradient: some gradients are zero in exact arithmetic (a bias under a softmax that
it shifts uniformly, as CoT's attention_embed.3.bias), and both sides then hold only rounding noise,
whose ratio means nothing. Exit code 0 when every error is within --tolerance.
"""
import argparse
import importlib.util
import json
import os
import sys

import torch


def load_twin(path):
    spec = importlib.util.spec_from_file_location("twin_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def relative(actual, expected, floor=0.0):
    """max |actual - expected| / max |expected|, the scale no smaller than floor."""
    if actual.shape != expected.shape:
        return float("inf")
    actual, expected = actual.detach().double(), expected.detach().double()
    scale = max(expected.abs().max().item() if expected.numel() else 0.0, floor)
    error = (actual - expected).abs().max().item() if expected.numel() else 0.0
    return error / scale if scale > 0 else error


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--twin", required=True, help="the twin's .py file")
    parser.add_argument("--model", required=True, help="the model class in it")
    parser.add_argument("--dir", required=True, action="append", help="a folder with weights.safetensors and io.safetensors (repeatable: one report line each)")
    parser.add_argument("--seed", type=int, default=7, help="torch.manual_seed before the train-mode forward (as Gen's side)")
    parser.add_argument("--tolerance", type=float, default=1e-5)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    twin = load_twin(args.twin)
    checked = [check(twin, args, folder) for folder in args.dir]
    reports = [report for report, _ in checked]
    if len(args.dir) == 2 and [r["dtype"] for r in reports] == ["float32", "float64"]:
        reports[0]["float32_rounding"] = rounding(twin, args.dir, [results for _, results in checked])
    for report in reports:
        print(json.dumps(report))
    return 0 if all(report["ok"] for report in reports) else 1


def rounding(twin, folders, results):
    """
    Per group, how far float32 can put the twin from Gen: Gen's own float32 result against its
    float64 one, plus the twin's own. Both float64 results agree to ~1e-14, so by the triangle
    inequality |twin32 - gen32| stays within that sum (per tensor, then the worst tensor).
    """
    gen = [twin.load_safetensors(os.path.join(folder, "io.safetensors")) for folder in folders]
    grads = [key for key in gen[1] if key.startswith("train.grad.")]
    scale = max((gen[1][key].abs().max().item() for key in grads), default=0.0)

    def both(key, floor=0.0):
        return relative(gen[0][key], gen[1][key], floor) + relative(results[0][key], results[1][key], floor)

    return {
        "eval.output": both("eval.output"),
        "eval.features": max(both(k) for k in gen[1] if k.startswith("eval.features.")),
        "train.output": both("train.output"),
        "train.input_grad": both("train.input_grad"),
        "train.parameter_grads": max((both(k, 1e-3 * scale) for k in grads), default=0.0),
    }


def check(twin, args, folder):
    weights = twin.load_safetensors(os.path.join(folder, "weights.safetensors"))
    io = twin.load_safetensors(os.path.join(folder, "io.safetensors"))
    model = getattr(twin, args.model)()
    dtype = io["input"].dtype
    if dtype == torch.float64:
        model.double()
    report = {"model": args.model, "dtype": str(dtype).replace("torch.", ""), "keys_in_order": list(model.state_dict().keys()) == list(weights.keys())}
    model.load_state_dict(weights, strict=True)

    errors, results = {}, {}
    model.eval()
    with torch.no_grad():
        results["eval.output"] = model(io["input"])
        errors["eval.output"] = relative(results["eval.output"], io["eval.output"])
        features = model.forward_features(io["input"])
        results.update({f"eval.features.{i}": f for i, f in enumerate(features)})
        errors["eval.features"] = max(relative(f, io[f"eval.features.{i}"]) for i, f in enumerate(features))
        report["features"] = len(features) == len([k for k in io if k.startswith("eval.features.")])

    model.train()
    x = io["input"].clone().requires_grad_(True)
    torch.manual_seed(args.seed)
    output = model(x)
    (output * io["output_weight"]).sum().backward()
    results["train.output"], results["train.input_grad"] = output.detach(), x.grad
    errors["train.output"] = relative(output, io["train.output"])
    errors["train.input_grad"] = relative(x.grad, io["train.input_grad"])
    grads = {name: (p.grad if p.grad is not None else torch.zeros_like(p), io["train.grad." + name]) for name, p in model.named_parameters()}
    results.update({"train.grad." + name: actual for name, (actual, _) in grads.items()})
    scale = max((expected.abs().max().item() for _, expected in grads.values() if expected.numel()), default=0.0)
    per_tensor = {name: relative(actual, expected, floor=1e-3 * scale) for name, (actual, expected) in grads.items()}
    worst = max(per_tensor, key=per_tensor.get) if per_tensor else None
    errors["train.parameter_grads"] = per_tensor[worst] if worst else 0.0
    report["worst_parameter"] = worst
    report["parameters"] = len(grads) == len([k for k in io if k.startswith("train.grad.")])
    buffers = [relative(b, io["train.after." + name]) for name, b in model.named_buffers()]
    errors["train.buffers"] = max(buffers) if buffers else 0.0

    report["errors"] = errors
    report["worst"] = max(errors.values())
    report["ok"] = report["keys_in_order"] and report["features"] and report["parameters"] and report["worst"] <= args.tolerance
    return report, results


if __name__ == "__main__":
    sys.exit(main())
