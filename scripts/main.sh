#!/usr/bin/env bash
# The main job: installs what is missing, builds gen, and with no arguments trains the
# FashionResNetNam backbone (src/Architectures) on Debian's Fashion-MNIST, evaluates its best
# checkpoint on the test split and says where the checkpoint, the run record and the plots are.
# With arguments it runs gen with them instead: bash scripts/main.sh list, ... summary ResNet50, ...
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build src/Cli -c Release -v quiet -nologo
gen=(dotnet src/Cli/bin/Release/net10.0/gen.dll)
if (( $# > 0 )); then exec "${gen[@]}" "$@"; fi

out="${GEN_MAIN_OUT:-runs/fashion-mnist}"
start=$(date +%s)
"${gen[@]}" train FashionResNetNam --data fashion-mnist --epochs 8 --batch 128 --lr 0.2 --augment flip --out "$out"
"${gen[@]}" eval FashionResNetNam --checkpoint "$out/best.safetensors" --data fashion-mnist
echo
echo "main job: $(( $(date +%s) - start )) s in all"
echo "  checkpoint:  $out/best.safetensors (run record $out/best.json; last epoch: $out/last.safetensors, $out/last.json)"
echo "  plots:       $out/curves.png (loss and accuracy per epoch), $out/confusion.png (confusion matrix)"
