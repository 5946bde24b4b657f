#!/usr/bin/env bash
# Installs what Gen needs on a fresh Debian 12 machine, once: the system libtorch the bridge runs on,
# the tools that build its native shim, OpenBLAS as the BLAS behind libtorch, and the Fashion-MNIST
# data set for the main job. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(libtorch-dev cmake g++ libopenblas0-pthread dataset-fashion-mnist)
if [[ "${GEN_WITH_PYTHON:-0}" == "1" ]]; then
  # Only for regenerating fixtures and for the benchmarks: Debian's PyTorch matching libtorch.
  packages+=(python3-torch)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if (( ${#missing[@]} > 0 )); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null || { echo "setup: the .NET SDK (dotnet) is not on PATH" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
