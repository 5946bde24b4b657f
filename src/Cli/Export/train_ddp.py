#!/usr/bin/env python3
"""Trains {{MODEL}} on Fashion-MNIST with PyTorch's DistributedDataParallel, beyond one machine.

Written by `gen export pytorch {{MODEL}} --train-script`, beside its PyTorch twin {{MODULE}}.py (this
script imports it). Every process trains on its own shard of the training split (DistributedSampler);
gradients are averaged by DDP over gloo (CPU) or NCCL (GPU). Rank 0 writes the checkpoint with Gen's
state-dict keys, atomically: <out>/last.safetensors and its record <out>/last.json (the input
normalization), which `gen eval {{MODEL}} --checkpoint <out>/last.safetensors` reads.

Start it with torchrun (one or many hosts):
    torchrun --nproc_per_node=2 {{SCRIPT}} --epochs 1 --out runs/ddp
    torchrun --nnodes=2 --nproc_per_node=8 --rdzv_backend=c10d --rdzv_endpoint=HOST:29400 --rdzv_id=job1 {{SCRIPT}} --out runs/ddp
or without a launcher, as N local processes (torch.multiprocessing.spawn):
    python3 {{SCRIPT}} --nprocs 2 --epochs 1 --out runs/ddp
"""
import argparse
import datetime
import gzip
import json
import math
import os
import struct
import sys
import tempfile
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from {{MODULE}} import {{MODEL}} as Model, save_safetensors  # noqa: E402

DEFAULT_DATA = os.environ.get("GEN_FASHION_MNIST") or "/usr/share/datasets/fashion-mnist"


def read_idx(folder, name):
    """An IDX file of Fashion-MNIST (gzipped or not) as a uint8 tensor."""
    path = os.path.join(folder, name)
    opener = gzip.open if os.path.exists(path + ".gz") else open
    with opener(path + ".gz" if opener is gzip.open else path, "rb") as file:
        data = file.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def load_split(folder, train, limit=None):
    prefix = "train" if train else "t10k"
    images = read_idx(folder, f"{prefix}-images-idx3-ubyte").unsqueeze(1)
    labels = read_idx(folder, f"{prefix}-labels-idx1-ubyte").long()
    return (images[:limit], labels[:limit]) if limit else (images, labels)


def statistics(images):
    """Mean and standard deviation of the pixels in [0, 1], in float64, as Gen's InputPipeline.Statistics."""
    values = images.double() / 255.0
    mean = values.mean().item()
    return mean, math.sqrt(max((values * values).mean().item() - mean * mean, 1e-12))


def input_size(data_size):
    """The model's input size: the declared one when its attention fixes it, else the data's (Gen's rule)."""
    return tuple(Model.IMAGE_SIZE) if Model.FIXED_INPUT_SIZE else data_size


def prepare(images, mean, std, size):
    """uint8 N x 1 x H x W to the model's input, as Gen's InputPipeline.Prepare: scale, normalize, repeat channels, resize."""
    x = (images.float() / 255.0 - mean) / std
    if x.shape[1] != Model.IN_CHANNELS:
        x = x.expand(x.shape[0], Model.IN_CHANNELS, x.shape[2], x.shape[3]).contiguous()
    if tuple(x.shape[2:]) != tuple(size):
        x = F.interpolate(x, size=size, mode="bilinear", align_corners=False)
    return x


def write_json_atomically(record, path):
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    with os.fdopen(handle, "w") as file:
        json.dump(record, file, indent=2)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def worker(rank, world_size, args):
    torchrun = "RANK" in os.environ and "WORLD_SIZE" in os.environ
    if torchrun:
        rank, world_size = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
        local_rank = int(os.environ.get("LOCAL_RANK", 0))
    else:
        local_rank = rank
    cuda = torch.cuda.is_available() and not args.cpu
    backend = args.backend or ("nccl" if cuda else "gloo")
    init = "env://" if torchrun else args.init
    dist.init_process_group(backend, init_method=init, rank=rank, world_size=world_size, timeout=datetime.timedelta(minutes=10))
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
    if cuda:
        torch.cuda.set_device(device)
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    images, labels = load_split(args.data_dir, True, args.limit)
    mean, std = statistics(load_split(args.data_dir, True)[0])
    size = input_size(tuple(images.shape[2:]))
    train = TensorDataset(images, labels)
    sampler = DistributedSampler(train, num_replicas=world_size, rank=rank, shuffle=True, seed=args.seed, drop_last=True)
    loader = DataLoader(train, batch_size=args.batch, sampler=sampler, drop_last=True)

    model = Model(num_classes=10).to(device)
    ddp = DistributedDataParallel(model, device_ids=[local_rank] if cuda else None)
    optimizer = torch.optim.SGD(ddp.parameters(), lr=args.lr, momentum=0.9, weight_decay=args.weight_decay, nesterov=True)
    steps_per_epoch = min(len(loader), args.steps) if args.steps else len(loader)
    total = steps_per_epoch * args.epochs
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 0.5 * (1 + math.cos(math.pi * min(step, total) / max(total, 1))))
    os.makedirs(args.out, exist_ok=True)
    if rank == 0:
        print(f"{Model.__name__}: {world_size} process(es), backend {backend}, {len(train)} training images, "
              f"{steps_per_epoch} steps an epoch of {args.batch} images a process, input {Model.IN_CHANNELS}x{size[0]}x{size[1]}", flush=True)

    step, start = 0, time.time()
    for epoch in range(args.epochs):
        sampler.set_epoch(epoch)
        ddp.train()
        seen, loss_sum, correct = 0, 0.0, 0
        for batch, (x, y) in enumerate(loader):
            if batch >= steps_per_epoch:
                break
            x, y = prepare(x, mean, std, size).to(device), y.to(device)
            logits = ddp(x)
            loss = F.cross_entropy(logits, y)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
            seen += y.numel()
            loss_sum += loss.item() * y.numel()
            correct += (logits.argmax(1) == y).sum().item()
        totals = torch.tensor([seen, loss_sum, correct], dtype=torch.float64, device=device)
        dist.all_reduce(totals)
        if rank == 0:
            print(f"epoch {epoch + 1}/{args.epochs}: loss {totals[1] / totals[0]:.4f}, train accuracy {100 * totals[2] / totals[0]:.2f}% "
                  f"({int(totals[0])} images, {time.time() - start:.0f} s)", flush=True)
            save(model, args, mean, std, size, epoch + 1, step, world_size, backend)
        dist.barrier()

    if rank == 0 and args.eval_limit != 0:
        accuracy = evaluate(model, args, mean, std, size, device)
        print(f"test accuracy in PyTorch: {100 * accuracy:.2f}%", flush=True)
    dist.barrier()
    dist.destroy_process_group()


def save(model, args, mean, std, size, epochs, steps, world_size, backend):
    """Rank 0's checkpoint: Gen's keys and order (the twin's state dict), written atomically, and its record."""
    path = os.path.join(args.out, "last.safetensors")
    save_safetensors(model.state_dict(), path, metadata={"format": "pt", "backbone": Model.__name__})
    write_json_atomically({
        "backbone": Model.__name__,
        "trainer": "pytorch-ddp",
        "checkpoint": path,
        "input": {"mean": mean, "std": std, "channels": Model.IN_CHANNELS, "height": size[0], "width": size[1]},
        "epochs": epochs,
        "steps": steps,
        "worldSize": world_size,
        "backend": backend,
        "batchPerProcess": args.batch,
        "lr": args.lr,
        "seed": args.seed,
    }, os.path.join(args.out, "last.json"))


@torch.no_grad()
def evaluate(model, args, mean, std, size, device):
    images, labels = load_split(args.data_dir, False, args.eval_limit if args.eval_limit > 0 else None)
    model.eval()
    correct = 0
    for start in range(0, len(labels), 500):
        x = prepare(images[start:start + 500], mean, std, size).to(device)
        correct += (model(x).argmax(1).cpu() == labels[start:start + 500]).sum().item()
    return correct / len(labels)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog="\n".join(__doc__.splitlines()[1:]))
    parser.add_argument("--data-dir", default=DEFAULT_DATA, help="folder with the Fashion-MNIST IDX files (default: GEN_FASHION_MNIST, else %(default)s)")
    parser.add_argument("--out", default="runs/ddp", help="checkpoint folder (default: %(default)s)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--steps", type=int, default=0, help="at most this many steps an epoch (0: the whole split)")
    parser.add_argument("--batch", type=int, default=64, help="images a step in each process (default: %(default)s)")
    parser.add_argument("--lr", type=float, default=0.05)
    parser.add_argument("--weight-decay", type=float, default=5e-4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N training images")
    parser.add_argument("--eval-limit", type=int, default=-1, help="test images rank 0 evaluates at the end (-1: all, 0: none)")
    parser.add_argument("--nprocs", type=int, default=1, help="without torchrun: local processes to spawn (default: %(default)s)")
    parser.add_argument("--init", default="tcp://127.0.0.1:29500", help="without torchrun: the rendezvous address of the spawned processes")
    parser.add_argument("--backend", choices=["gloo", "nccl"], default=None, help="default: nccl on GPUs, gloo on CPUs")
    parser.add_argument("--cpu", action="store_true", help="train on CPUs even where CUDA is available")
    parser.add_argument("--threads", type=int, default=0, help="torch threads a process (0: torch's default)")
    args = parser.parse_args()
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:
        worker(0, 0, args)
    else:
        mp.spawn(worker, args=(args.nprocs, args), nprocs=args.nprocs, join=True)


if __name__ == "__main__":
    main()
