#!/usr/bin/env bash
# Installs what Gen needs on a fresh Debian 12 machine, once: the Fashion-MNIST data set for the
# main job (Debian's dataset-fashion-mnist). The engine, TorchSharp with libtorch 2.10, comes from
# NuGet with the build; nothing native is compiled. Safe to run again: it installs only what is
# missing. GEN_WITH_PYTHON=1 also installs python3-torch (Debian's PyTorch 1.13.1) with OpenBLAS as
# its BLAS (Debian's default is the slow reference BLAS), which only the fixture scripts and the
# benchmarks use.
set -euo pipefail

packages=(dataset-fashion-mnist)
if [[ "${GEN_WITH_PYTHON:-0}" == "1" ]]; then
  packages+=(python3-torch libopenblas0-pthread)
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
