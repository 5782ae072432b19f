#!/usr/bin/python3
"""Feeds scripted intermediate values to Optuna 3.1's own pruners and prints every decision.

The output is committed as optuna-3.1-pruners.txt next to this script; OptunaCrossCheckTests replays
the same events through HyperTune's pruners and compares each decision, so the test needs no Python.

Regenerate (Debian: apt-get install python3-optuna, which is 3.1.0):
    /usr/bin/python3 optuna_pruners.py > optuna-3.1-pruners.txt

Each scenario simulates a study with a few asynchronous workers: each worker runs one trial at a time,
the workers take turns reporting one step each (so trials interleave and reach rungs out of number
order), a trial stops when Optuna says prune (told PRUNED), when it has reported its last step (told
COMPLETE with its last value), or, rarely, fails after a report (told FAIL). Steps count from 1, as
HyperTune's do. Values are drawn from a seeded generator; some scenarios round them to create ties,
some report only every other step or a random subset of steps.

Format, one event a line:
    scenario <name> pruner=<median|sh|hyperband> <key>=<value>... direction=<minimize|maximize> study=<name>
    trial <number> bracket=<id|none>
    report <number> <step> <value, Python repr> <prune: 0|1>
    finish <number> <complete|pruned|failed>
    end
    brackets study=<name> min=<r> max=<R> eta=<η> <bracket of trial 0> <of trial 1> ...
"""

import math
import random
import sys

import optuna
from optuna.trial import TrialState

if not optuna.__version__.startswith("3.1."):
    sys.exit("This fixture is Optuna 3.1's; found Optuna " + optuna.__version__)

optuna.logging.set_verbosity(optuna.logging.ERROR)


def make_pruner(kind, params):
    if kind == "median":
        return optuna.pruners.MedianPruner(
            n_startup_trials=params["startup"],
            n_warmup_steps=params["warmup"],
            interval_steps=params["interval"],
        )
    if kind == "sh":
        return optuna.pruners.SuccessiveHalvingPruner(
            min_resource=params["min"],
            reduction_factor=params["eta"],
            min_early_stopping_rate=params["rate"],
        )
    if kind == "hyperband":
        return optuna.pruners.HyperbandPruner(
            min_resource=params["min"], max_resource=params["max"], reduction_factor=params["eta"]
        )
    raise ValueError(kind)


def steps_of(rng, pattern, length):
    if pattern == "every":
        return list(range(1, length + 1))
    if pattern == "even":
        return list(range(2, length + 1, 2))
    if pattern == "mixed":
        # Most trials report every step; some every other step; some a random subset.
        roll = rng.random()
        if roll < 0.6:
            return list(range(1, length + 1))
        if roll < 0.8:
            return list(range(2, length + 1, 2))
        return sorted(rng.sample(range(1, length + 1), max(1, length // 2)))
    raise ValueError(pattern)


def curve(rng, direction, steps, decimals):
    """A learning curve: a trial-level quality, an exponential approach, and noise."""
    level = rng.uniform(0.0, 1.0)
    speed = rng.uniform(0.05, 0.5)
    values = []
    for step in steps:
        loss = level + (1.5 - level) * math.exp(-speed * step) + rng.gauss(0.0, 0.03)
        value = loss if direction == "minimize" else 1.0 - loss
        if decimals is not None:
            value = round(value, decimals)
        values.append(value)
    return values


def run(name, kind, params, direction, trials, workers, length, pattern, seed, decimals=None, fail_rate=0.0):
    rng = random.Random(seed)
    study_name = "fixture-" + name
    pruner = make_pruner(kind, params)
    study = optuna.create_study(
        study_name=study_name,
        direction=direction,
        pruner=pruner,
        sampler=optuna.samplers.RandomSampler(seed=seed),
    )
    if kind == "hyperband":
        pruner._try_initialization(study)
    print(
        "scenario {} pruner={} {} direction={} study={}".format(
            name, kind, " ".join("{}={}".format(k, v) for k, v in params.items()), direction, study_name
        )
    )

    started = 0
    active = []  # [trial, steps, values, next index]
    while started < trials or active:
        while len(active) < workers and started < trials:
            trial = study.ask()
            bracket = pruner._get_bracket_id(study, trial) if kind == "hyperband" else "none"
            print("trial {} bracket={}".format(trial.number, bracket))
            steps = steps_of(rng, pattern, rng.randint(max(1, length // 2), length))
            active.append([trial, steps, curve(rng, direction, steps, decimals), 0])
            started += 1
        for slot in list(active):
            trial, steps, values, index = slot
            step, value = steps[index], values[index]
            trial.report(value, step)
            prune = trial.should_prune()
            print("report {} {} {!r} {}".format(trial.number, step, value, int(prune)))
            slot[3] = index + 1
            if prune:
                study.tell(trial, state=TrialState.PRUNED)
                print("finish {} pruned".format(trial.number))
            elif rng.random() < fail_rate:
                study.tell(trial, state=TrialState.FAIL)
                print("finish {} failed".format(trial.number))
            elif slot[3] == len(steps):
                study.tell(trial, value)
                print("finish {} complete".format(trial.number))
            else:
                continue
            active.remove(slot)
    print("end")


def brackets(study_name, min_resource, max_resource, eta, count):
    pruner = optuna.pruners.HyperbandPruner(
        min_resource=min_resource, max_resource=max_resource, reduction_factor=eta
    )
    study = optuna.create_study(study_name=study_name, pruner=pruner)
    pruner._try_initialization(study)

    class Numbered:
        def __init__(self, number):
            self.number = number

    ids = [str(pruner._get_bracket_id(study, Numbered(n))) for n in range(count)]
    print(
        "brackets study={} min={} max={} eta={} {}".format(
            study_name, min_resource, max_resource, eta, " ".join(ids)
        )
    )


def main():
    median = {"startup": 5, "warmup": 0, "interval": 1}
    run("median-min", "median", median, "minimize", 40, 3, 12, "every", 1)
    run("median-max", "median", median, "maximize", 40, 3, 12, "every", 2)
    run("median-warmup-interval", "median", {"startup": 3, "warmup": 4, "interval": 3}, "minimize", 40, 4, 16, "mixed", 3, fail_rate=0.03)
    run("median-ties-max", "median", {"startup": 2, "warmup": 2, "interval": 2}, "maximize", 40, 2, 10, "mixed", 4, decimals=1)
    run("median-serial", "median", {"startup": 0, "warmup": 1, "interval": 1}, "minimize", 25, 1, 8, "every", 5)

    run("sh-eta3-min", "sh", {"min": 1, "eta": 3, "rate": 0}, "minimize", 60, 4, 27, "every", 11)
    run("sh-eta3-max", "sh", {"min": 1, "eta": 3, "rate": 0}, "maximize", 60, 4, 27, "every", 12)
    run("sh-eta2-rate1", "sh", {"min": 2, "eta": 2, "rate": 1}, "minimize", 60, 3, 32, "every", 13)
    run("sh-eta4-skips", "sh", {"min": 1, "eta": 4, "rate": 0}, "minimize", 60, 4, 20, "mixed", 14, fail_rate=0.03)
    run("sh-eta3-even-ties", "sh", {"min": 1, "eta": 3, "rate": 0}, "maximize", 60, 5, 27, "even", 15, decimals=1)

    run("hyperband-min", "hyperband", {"min": 1, "max": 30, "eta": 3}, "minimize", 150, 4, 30, "every", 21)
    run("hyperband-max-skips", "hyperband", {"min": 1, "max": 30, "eta": 3}, "maximize", 150, 4, 30, "mixed", 22, fail_rate=0.02)
    run("hyperband-eta2", "hyperband", {"min": 2, "max": 40, "eta": 2}, "minimize", 120, 3, 40, "every", 23)

    brackets("digits", 1, 30, 3, 300)
    brackets("hypertune", 1, 81, 3, 300)
    brackets("fixture-hyperband-eta2", 2, 40, 2, 300)


if __name__ == "__main__":
    main()
