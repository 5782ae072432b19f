#!/usr/bin/env bash
# The digits whole-study comparison of issue 8: Optuna 3.1 TPE + Hyperband + scikit-learn's MLP
# against HyperTune's TPE + Hyperband + generated loop, same split, space and 1,200-epoch budget,
# one core, fresh processes. Prints one JSON line per tool and seed.
# Usage: benchmarks/HyperTune.DigitsStudy/compare.sh [seeds...]   (default: 0 1 2 3 4)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
seeds=("${@:-0 1 2 3 4}")
split=$(mktemp -d)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 DOTNET_PROCESSOR_COUNT=1
dotnet build -c Release "$here" -v q >/dev/null
taskset -c 0 /usr/bin/python3 "$here/optuna_digits.py" "$root/samples/Digits/data/digits.csv" "$split" ${seeds[@]}
for mode in "Tpe Hyperband" "Tpe None"; do
  taskset -c 0 dotnet "$here/bin/Release/net10.0/HyperTune.DigitsStudy.dll" "$split/train.csv" "$split/validation.csv" $mode ${seeds[@]}
done
