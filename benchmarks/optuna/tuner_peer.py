#!/usr/bin/python3
"""Optuna 3.1's figures on this machine, side by side with HyperTune's tuner suite.

Same functions, trial counts, seeds and statistics as benchmarks/HyperTune.Benchmarks/Tuning/:
Branin (50 trials) and Hartmann-6 (100 trials), median and quartiles (numpy's linear
interpolation) of best-so-far over 20 seeds at 10/25/50/100 trials, for random search, Optuna's
default TPE (univariate) and TPE(multivariate=True); then the sampler's overhead per trial (ask +
tell around a free objective) at 100 and 1,000 trials in memory.

Run: /usr/bin/python3 benchmarks/optuna/tuner_peer.py [--quality] [--overhead] [--seeds 20]
     [--repeats 3] [--samplers Random,TPE,TPE-multivariate]
"""
import argparse
import math
import sys
import time

import numpy as np
import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)

CHECKPOINTS = (10, 25, 50, 100)

A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
P = np.array([[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
              [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
              [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]])
ALPHA = (1.0, 1.2, 3.0, 3.2)


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float(f"x{j + 1}", 0, 1) for j in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(A[i, j] * (x[j] - P[i, j]) ** 2 for j in range(6))
        total += ALPHA[i] * math.exp(-inner)
    return -total


FUNCTIONS = {"Branin": (branin, 50), "Hartmann6": (hartmann6, 100)}


def make_sampler(kind, seed):
    if kind == "Random":
        return optuna.samplers.RandomSampler(seed=seed)
    if kind == "TPE":
        return optuna.samplers.TPESampler(seed=seed)
    if kind == "TPE-multivariate":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    raise ValueError(kind)


def best_so_far(kind, function, trials, seed):
    study = optuna.create_study(sampler=make_sampler(kind, seed))
    study.optimize(function, n_trials=trials)
    values = [t.value for t in study.trials]
    return np.minimum.accumulate(values)


def quality(seeds):
    print("| Function | Sampler | Trials | Q1 | Median | Q3 |")
    print("|---|---|---|---|---|---|")
    for name, (function, trials) in FUNCTIONS.items():
        for kind in ("Random", "TPE", "TPE-multivariate"):
            runs = np.array([best_so_far(kind, function, trials, seed) for seed in range(seeds)])
            for checkpoint in CHECKPOINTS:
                if checkpoint > trials:
                    continue
                column = runs[:, checkpoint - 1]
                q1, median, q3 = np.percentile(column, [25, 50, 75])
                print(f"| {name} | Optuna {kind} | {checkpoint} | {q1:.4g} | {median:.4g} | {q3:.4g} |")
            sys.stdout.flush()


def overhead(repeats, kinds):
    """ms per trial of ask + tell in thread CPU time (as the .NET suite measures; the objective is included, a few microseconds)."""
    print("| Function | Sampler | Trials | ms/trial (mean over the study) | ms/trial (last 10% of trials) |")
    print("|---|---|---|---|---|")
    for name, (function, _) in FUNCTIONS.items():
        for kind in kinds:
            for trials in (100, 1000):
                means, lasts = [], []
                for seed in range(repeats):
                    study = optuna.create_study(sampler=make_sampler(kind, seed))
                    times = []
                    for _ in range(trials):
                        start = time.thread_time()
                        trial = study.ask()
                        value = function(trial)
                        study.tell(trial, value)
                        times.append(time.thread_time() - start)
                    means.append(1000 * np.mean(times))
                    lasts.append(1000 * np.mean(times[-trials // 10:]))
                print(f"| {name} | Optuna {kind} | {trials} | {np.median(means):.3g} | {np.median(lasts):.3g} |")
                sys.stdout.flush()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--overhead", action="store_true")
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--samplers", default="Random,TPE,TPE-multivariate")
    args = parser.parse_args()
    print(f"Optuna {optuna.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}")
    if args.quality or not args.overhead:
        quality(args.seeds)
    if args.overhead or not args.quality:
        overhead(args.repeats, args.samplers.split(","))
