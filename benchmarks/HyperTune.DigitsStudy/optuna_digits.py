"""The peer of the digits whole-study benchmark (issue 8): Optuna 3.1's TPE + Hyperband driving
scikit-learn's MLPClassifier, one trial at a time on one core, until 1,200 epochs are spent.

Writes the stratified 70/30 split (pixels / 16) it uses to <out>/train.csv and <out>/validation.csv
so that HyperTune trains on exactly the same rows, and prints one JSON line per seed:
best validation log-loss once the budget is spent, wall time, trials, epochs.

Run with Debian's Python (python3-optuna 3.1, python3-sklearn 1.2):
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 optuna_digits.py <digits.csv> <out dir> <seed>...
"""
import json
import sys
import time
import warnings

import numpy as np
import optuna
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

BUDGET_EPOCHS = 1200
MAX_EPOCHS = 30


def load(path, out):
    data = np.loadtxt(path, delimiter=",")
    x, y = data[:, :-1] / 16.0, data[:, -1].astype(int)
    x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.3, stratify=y, random_state=0)
    for name, xs, ys in (("train", x_train, y_train), ("validation", x_val, y_val)):
        np.savetxt(f"{out}/{name}.csv", np.column_stack([xs, ys]), delimiter=",", fmt="%.10g")
    return x_train, x_val, y_train, y_val


def run(seed, x_train, x_val, y_train, y_val):
    spent = {"epochs": 0}
    classes = np.arange(10)

    def objective(trial):
        lr = trial.suggest_float("learning_rate", 1e-5, 1e-1, log=True)
        batch = trial.suggest_categorical("batch_size", [32, 64, 128, 256])
        units = trial.suggest_int("units", 16, 256, log=True)
        layers = trial.suggest_int("layers", 1, 3)
        alpha = trial.suggest_float("l2", 1e-6, 1e-2, log=True)
        model = MLPClassifier(hidden_layer_sizes=(units,) * layers, solver="adam", learning_rate_init=lr,
                              batch_size=batch, alpha=alpha, random_state=trial.number + 1000 * seed)
        best = float("inf")
        for epoch in range(1, MAX_EPOCHS + 1):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model.partial_fit(x_train, y_train, classes=classes)
            spent["epochs"] += 1
            loss = log_loss(y_val, model.predict_proba(x_val), labels=classes)
            best = min(best, loss)
            trial.report(loss, epoch)
            if trial.should_prune():
                raise optuna.TrialPruned()
        return best

    def stop_at_budget(study, trial):
        if spent["epochs"] >= BUDGET_EPOCHS:
            study.stop()

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(
        sampler=optuna.samplers.TPESampler(seed=seed),
        pruner=optuna.pruners.HyperbandPruner(min_resource=1, max_resource=MAX_EPOCHS, reduction_factor=3))
    start = time.perf_counter()
    study.optimize(objective, callbacks=[stop_at_budget])
    wall = time.perf_counter() - start
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    best = min(t.value for t in complete) if complete else float("nan")
    # A pruned trial's best intermediate loss is a validation loss it reached too (what HyperTune's
    # built-in objective reports as a trial's value): count it, as HyperTune's figure does.
    reached = min(min(t.intermediate_values.values()) for t in study.trials if t.intermediate_values)
    print(json.dumps({"tool": "optuna", "seed": seed, "best_complete": best, "best_reached": reached,
                      "wall_s": round(wall, 2), "trials": len(study.trials), "epochs": spent["epochs"]}), flush=True)


if __name__ == "__main__":
    digits, out, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]] or [0]
    split = load(digits, out)
    for s in seeds:
        run(s, *split)
