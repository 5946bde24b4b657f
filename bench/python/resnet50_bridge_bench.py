#!/usr/bin/python3
"""PyTorch side of bench/Gen.Bench.Torch: a ResNet-50 (torchvision's layout, written out here because
Debian has no python3-torchvision), driven over stdin/stdout so that the C# harness can alternate single
measurements between the bridge and PyTorch inside one invocation.

    /usr/bin/python3 bench/python/resnet50_bridge_bench.py --threads N [--batch 8] [--image 224] [--classes 1000]

Protocol: prints "ready <parameter count> <BLAS_INFO>" once the model is built, then answers each line
  forward   -> "<seconds>"  one eval-mode forward under no_grad
  train     -> "<seconds>"  one SGD training step (train mode: zero_grad, forward, cross_entropy, backward, step)
  quit      -> exits
Inputs are fixed random tensors made once; only the timed call is measured (time.perf_counter).
"""
import argparse
import re
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return self.relu(out + identity)


class ResNet50(nn.Module):
    def __init__(self, classes=1000):
        super().__init__()
        self.inplanes = 64
        self.conv1 = nn.Conv2d(3, 64, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = self._make_layer(64, 3, 1)
        self.layer2 = self._make_layer(128, 4, 2)
        self.layer3 = self._make_layer(256, 6, 2)
        self.layer4 = self._make_layer(512, 3, 2)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(2048, classes)

    def _make_layer(self, planes, blocks, stride):
        downsample = None
        if stride != 1 or self.inplanes != planes * 4:
            downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes * 4, 1, stride=stride, bias=False),
                                       nn.BatchNorm2d(planes * 4))
        layers = [Bottleneck(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * 4
        layers += [Bottleneck(self.inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, required=True)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--image", type=int, default=224)
    ap.add_argument("--classes", type=int, default=1000)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = ResNet50(args.classes)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    x = torch.randn(args.batch, 3, args.image, args.image)
    y = torch.randint(0, args.classes, (args.batch,))
    blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    print(f"ready {sum(p.numel() for p in model.parameters())} {blas.group(1) if blas else '?'} {torch.get_num_threads()}", flush=True)

    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "forward":
            model.eval()
            with torch.no_grad():
                t = time.perf_counter()
                model(x)
                dt = time.perf_counter() - t
        elif cmd == "train":
            model.train()
            t = time.perf_counter()
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            dt = time.perf_counter() - t
        elif cmd == "quit":
            break
        else:
            print(f"error unknown command {cmd!r}", flush=True)
            continue
        print(f"{dt:.9f}", flush=True)


if __name__ == "__main__":
    main()
