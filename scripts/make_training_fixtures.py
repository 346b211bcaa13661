#!/usr/bin/env python3
"""Reference values for the metrics and callbacks layer, from real Keras 3 and
scikit-learn.

Usage (from the repository root):

    scripts/venv full && .venv/bin/python scripts/make_training_fixtures.py

Writes fixtures/metrics/{binary,categorical,regression}.json and
fixtures/callbacks/{early_stopping,reduce_lr_on_plateau,model_checkpoint,
csv_logger,fit_logs}.json. Everything is seeded (numpy default_rng); re-running
gives the same files. Results added later are appended to each case's list, and
cases to the end of each file, so that existing values keep their place.

Number encoding ("T", a tensor):

    {"dtype": "float64"|"float32"|"int64", "shape": [..],
     "dec": ["<%.17g>", ...], "hex": ["<16 hex digits>", ...]}   floats
    {"dtype": "int64", "shape": [..], "int": [<int>, ...]}          integers

Values are flattened row-major. "dec" is the value printed with 17 significant
digits ("%.17g", which parses back to the same float64) or "nan"/"inf"/"-inf";
"hex" is the IEEE-754 float64 bit pattern of the same value. "dtype" says in
which precision the producer computed: Keras metrics and learning rates are
float32 (widened exactly to float64 here), scikit-learn is float64. Float
inputs are rounded to float32 first, so both libraries see the same numbers.

metrics/<family>.json:

    {"producer", "versions", "cases": [
      {"name", "description",
       "inputs": {"y_true": T, "y_pred": T, ["labels": T], ["sample_weight": T]},
       "batches": [[start, end], ...],          # update_state slices, in order
       "results": [
         {"library": "keras", "metric": "<keras.metrics class>",
          "config": {<constructor arguments>}, "input": "<which inputs>",
          "value": T,                           # result() after the last batch
          "after_each_batch": [T, ...]},        # result() after each batch
         {"library": "sklearn", "metric": "<sklearn.metrics function>",
          "config": {...}, "value": T | null, "error": str | null,
          "warnings": [str, ...]}]}]}

callbacks/<callback>.json:

    {"producer", "versions", "cases": [
      {"name", "description", "callback": "<keras.callbacks class>",
       "config": {<every constructor argument but verbose, defaults filled in>},
       "monitor": "<logs key>",
       "initial_lr": T, "sequence": T,          # monitored value per epoch
       "stopped_epoch": int | null,             # epoch (0-based) after which
                                                # model.stop_training was set
       "epochs_run": int,
       "best_epoch": int | null,                # EarlyStopping.best_epoch
       "restored_epoch": int | null,            # weights set at on_train_end
       "lr_after_epoch": T,                     # optimizer LR after each epoch
       "saved_epochs": [int, ...]}]}            # ModelCheckpoint saves

callbacks/csv_logger.json (keras.callbacks.CSVLogger fed scripted logs, one
instance per run: on_train_begin, on_epoch_end per epoch, on_train_end):

    {"producer", "versions", "cases": [
      {"name", "description", "separator",
       "runs": [{"append": bool,
                 "epochs": [{"epoch": int, "logs": [[key, "<hex>"], ...]}]}],
       "csv_after_each_run": ["<the file's exact text>", ...]}]}

callbacks/fit_logs.json (a real model.fit with ReduceLROnPlateau, CSVLogger,
validation_freq=2 and verbose=2; names only, as timings and values vary):

    {"producer", "versions", "cases": [
      {"name", "description", "epochs", "steps_per_epoch", "validation_freq",
       "progress_metric_names": [[name, ...] per epoch line, in printed order],
       "history_keys": [...], "csv_header": [...],
       "csv_na_columns": [[columns holding NA] per row]}]}
"""

import importlib.metadata
import inspect
import json
import math
import os
import struct
import sys
import warnings

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["KERAS_BACKEND"] = "tensorflow"

import numpy as np  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_METRICS = os.path.join(REPO, "fixtures", "metrics")
OUT_CALLBACKS = os.path.join(REPO, "fixtures", "callbacks")


# ---------------------------------------------------------------------------
# Encoding


def hex64(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def dec(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return "%.17g" % x


def T(x, dtype=None):
    arr = np.asarray(x)
    if dtype is None:
        dtype = str(arr.dtype) if arr.dtype.kind == "f" else "int64"
    flat = arr.reshape(-1)
    out = {"dtype": dtype, "shape": [int(d) for d in arr.shape]}
    if arr.dtype.kind in "iub":
        out["int"] = [int(v) for v in flat]
    else:
        out["dec"] = [dec(v) for v in flat]
        out["hex"] = [hex64(v) for v in flat]
    return out


def versions():
    out = {"python": "%d.%d.%d" % sys.version_info[:3]}
    for d in ["keras", "tensorflow-cpu", "scikit-learn", "numpy"]:
        out[d] = importlib.metadata.version(d)
    return out


def pretty(x, indent=0):
    """Indented JSON, with tensors and short lists of plain values on one line."""

    def one(v):
        return json.dumps(v, ensure_ascii=False, allow_nan=False)

    pad = " " * (indent + 1)
    if isinstance(x, dict) and "dtype" in x and "shape" in x:
        return one(x)
    if isinstance(x, dict):
        if not x:
            return "{}"
        items = ["%s%s: %s" % (pad, one(k), pretty(v, indent + 1)) for k, v in x.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(x, list):
        if all(not isinstance(v, (dict, list)) for v in x) or all(
            isinstance(v, list) and all(not isinstance(w, (dict, list)) for w in v) for v in x
        ):
            return one(x)
        return "[\n" + ",\n".join(pad + pretty(v, indent + 1) for v in x) + "\n" + " " * indent + "]"
    return one(x)


def write(path, cases):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    doc = {"producer": "scripts/make_training_fixtures.py", "versions": versions(), "cases": cases}
    text = pretty(doc) + "\n"
    assert json.loads(text) == doc
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def f32(a):
    return np.asarray(a, dtype=np.float32)


# ---------------------------------------------------------------------------
# Metrics


def keras_result(make, batches, args_fn):
    """Fresh metric; update_state per batch; result() after each batch."""
    m = make()
    after = []
    for start, end in batches:
        m.update_state(*args_fn(start, end))
        after.append(np.asarray(m.result()))
    last = after[-1]
    return {"value": T(last, "float32"), "after_each_batch": [T(a, "float32") for a in after]}


def sk_result(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn()
            error = None
        except Exception as e:  # recorded, not hidden
            value, error = None, "%s: %s" % (type(e).__name__, e)
    msgs = sorted({"%s: %s" % (w.category.__name__, w.message) for w in caught})
    return {
        "value": None if value is None else T(np.asarray(value, dtype=np.float64) if np.asarray(value).dtype.kind == "f" else np.asarray(value)),
        "error": error,
        "warnings": msgs,
    }


def binary_cases():
    import keras
    from sklearn import metrics as skm

    rng = np.random.default_rng(1001)
    specs = []
    n = 100
    specs.append(
        (
            "random",
            "y_true ~ Bernoulli(0.4), y_pred ~ U(0,1) rounded to float32; batches of 32 and a last batch of 4",
            rng.binomial(1, 0.4, n),
            f32(rng.random(n)),
            [[0, 32], [32, 64], [64, 96], [96, 100]],
        )
    )
    n = 60
    specs.append(
        (
            "ties",
            "y_pred on a 0.1 grid (many ties, values exactly at the 0.5 and 0.7 thresholds); uneven batches incl. a batch of 1",
            rng.binomial(1, 0.5, n),
            f32(rng.integers(0, 11, n) / 10.0),
            [[0, 1], [1, 25], [25, 60]],
        )
    )
    n = 40
    specs.append(
        (
            "all_negative_labels",
            "every y_true is 0: recall, AUC and AP are 0/0",
            np.zeros(n, dtype=np.int64),
            f32(rng.random(n)),
            [[0, 16], [16, 32], [32, 40]],
        )
    )
    n = 40
    specs.append(
        (
            "all_positive_labels",
            "every y_true is 1",
            np.ones(n, dtype=np.int64),
            f32(rng.random(n)),
            [[0, 20], [20, 40]],
        )
    )
    n = 50
    specs.append(
        (
            "no_positive_predictions",
            "every y_pred is below 0.45: precision is 0/0 at thresholds 0.5 and 0.7",
            rng.binomial(1, 0.5, n),
            f32(rng.random(n) * 0.45),
            [[0, 25], [25, 50]],
        )
    )
    n = 17
    specs.append(
        (
            "single_batch",
            "17 samples in one batch, with exact 0.0 and 1.0 predictions",
            rng.binomial(1, 0.5, n),
            f32(np.concatenate([[0.0, 1.0, 1.0, 0.0], rng.random(n - 4)])),
            [[0, 17]],
        )
    )
    n = 48
    specs.append(
        (
            "weighted",
            "sample weights in {0, 0.5, 1, 2, 3}; y_true ~ Bernoulli(0.4), y_pred ~ U(0,1); batches 20/28",
            rng.binomial(1, 0.4, n),
            f32(rng.random(n)),
            [[0, 20], [20, 48]],
            f32(rng.choice([0.0, 0.5, 1.0, 2.0, 3.0], n)),
        )
    )

    cases = []
    for name, desc, y_true, y_pred, batches, *rest in specs:
        sw = rest[0] if rest else None
        y_true = np.asarray(y_true, dtype=np.int64)
        yt = y_true.astype(np.float32)
        yt2, yp2 = yt.reshape(-1, 1), y_pred.reshape(-1, 1)

        def args1(s, e):
            return (yt[s:e], y_pred[s:e]) if sw is None else (yt[s:e], y_pred[s:e], sw[s:e])

        def args2(s, e):
            return (yt2[s:e], yp2[s:e]) if sw is None else (yt2[s:e], yp2[s:e], sw[s:e])

        w64 = None if sw is None else sw.astype(np.float64)

        results = []

        def k(metric, config, make, args=args1, input_desc="y_true, y_pred (shape [n])"):
            r = {"library": "keras", "metric": metric, "config": config, "input": input_desc}
            r.update(keras_result(make, batches, args))
            results.append(r)

        def s(metric, config, fn):
            r = {"library": "sklearn", "metric": metric, "config": config}
            r.update(sk_result(fn))
            results.append(r)

        # Mean of the per-batch loss, weighted by the batch's sample count (as
        # Keras 3's fit does for "loss").
        bce = keras.losses.BinaryCrossentropy()
        batch_losses = f32([float(np.asarray(bce(yt2[a:b], yp2[a:b]))) for a, b in batches])
        batch_sizes = np.array([b - a for a, b in batches], dtype=np.float32)
        m = keras.metrics.Mean()
        after = []
        for i in range(len(batches)):
            m.update_state(batch_losses[i], sample_weight=batch_sizes[i])
            after.append(np.asarray(m.result()))
        results.append(
            {
                "library": "keras",
                "metric": "Mean",
                "config": {},
                "input": "per-batch keras.losses.BinaryCrossentropy() of y_true, y_pred as [n, 1] (given below as batch_losses), sample_weight = batch size",
                "batch_losses": T(batch_losses, "float32"),
                "value": T(after[-1], "float32"),
                "after_each_batch": [T(a, "float32") for a in after],
            }
        )

        for th in (0.5, 0.7):
            k("BinaryAccuracy", {"threshold": th}, lambda th=th: keras.metrics.BinaryAccuracy(threshold=th))
        k("Precision", {}, lambda: keras.metrics.Precision())
        k("Precision", {"thresholds": 0.7}, lambda: keras.metrics.Precision(thresholds=0.7))
        k("Precision", {"thresholds": [0.3, 0.5, 0.7]}, lambda: keras.metrics.Precision(thresholds=[0.3, 0.5, 0.7]))
        k("Recall", {}, lambda: keras.metrics.Recall())
        k("Recall", {"thresholds": 0.7}, lambda: keras.metrics.Recall(thresholds=0.7))
        k("Recall", {"thresholds": [0.3, 0.5, 0.7]}, lambda: keras.metrics.Recall(thresholds=[0.3, 0.5, 0.7]))
        for avg in (None, "micro", "macro"):
            k(
                "F1Score",
                {"average": avg, "threshold": 0.5},
                lambda avg=avg: keras.metrics.F1Score(average=avg, threshold=0.5),
                args2,
                "y_true, y_pred as [n, 1]",
            )
        k("AUC", {"curve": "ROC", "num_thresholds": 200}, lambda: keras.metrics.AUC(curve="ROC"))
        k("AUC", {"curve": "PR", "num_thresholds": 200}, lambda: keras.metrics.AUC(curve="PR"))

        for th in (0.5, 0.7):
            pred = (y_pred > th).astype(np.int64)
            cfg = {"threshold": th, "rule": "y_pred > threshold"}
            s("accuracy_score", cfg, lambda pred=pred: skm.accuracy_score(y_true, pred, sample_weight=w64))
            s("precision_score", dict(cfg, zero_division=0.0), lambda pred=pred: skm.precision_score(y_true, pred, zero_division=0.0, sample_weight=w64))
            s("recall_score", dict(cfg, zero_division=0.0), lambda pred=pred: skm.recall_score(y_true, pred, zero_division=0.0, sample_weight=w64))
            for avg in ("binary", "micro", "macro"):
                s(
                    "f1_score",
                    dict(cfg, average=avg, zero_division=0.0, labels=[0, 1]),
                    lambda pred=pred, avg=avg: skm.f1_score(y_true, pred, average=avg, zero_division=0.0, labels=[0, 1], sample_weight=w64),
                )
            s("confusion_matrix", dict(cfg, labels=[0, 1]), lambda pred=pred: skm.confusion_matrix(y_true, pred, labels=[0, 1], sample_weight=w64))
        s("roc_auc_score", {}, lambda: skm.roc_auc_score(y_true, y_pred.astype(np.float64), sample_weight=w64))
        s(
            "average_precision_score",
            {},
            lambda: skm.average_precision_score(y_true, y_pred.astype(np.float64), sample_weight=w64),
        )

        # Added later (appended, so that the results above keep their place).
        k(
            "F1Score",
            {"average": "weighted", "threshold": 0.5},
            lambda: keras.metrics.F1Score(average="weighted", threshold=0.5),
            args2,
            "y_true, y_pred as [n, 1]",
        )
        for curve, nt in (("ROC", 13), ("PR", 13), ("ROC", 50)):
            k(
                "AUC",
                {"curve": curve, "num_thresholds": nt},
                lambda curve=curve, nt=nt: keras.metrics.AUC(curve=curve, num_thresholds=nt),
            )
        for th in (0.5,):
            pred = (y_pred > th).astype(np.int64)
            for fn in ("precision_score", "recall_score", "f1_score"):
                for avg in ("micro", "macro", "weighted"):
                    s(
                        fn,
                        {"threshold": th, "rule": "y_pred > threshold", "average": avg, "zero_division": 0.0, "labels": [0, 1]},
                        lambda pred=pred, fn=fn, avg=avg: getattr(skm, fn)(
                            y_true, pred, average=avg, zero_division=0.0, labels=[0, 1], sample_weight=w64
                        ),
                    )

        inputs = {"y_true": T(y_true), "y_pred": T(y_pred.astype(np.float64), "float32")}
        if sw is not None:
            inputs["sample_weight"] = T(sw.astype(np.float64), "float32")
        cases.append({"name": name, "description": desc, "inputs": inputs, "batches": batches, "results": results})
    return cases


def softmax32(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return f32(e / e.sum(axis=1, keepdims=True))


def categorical_cases():
    import keras
    from sklearn import metrics as skm

    rng = np.random.default_rng(2002)
    specs = []
    n, k = 90, 5
    specs.append(
        (
            "random",
            "5 classes, softmax of N(0, 1.5) logits, uniform labels; batches 32/32/26",
            rng.integers(0, k, n),
            softmax32(rng.normal(scale=1.5, size=(n, k))),
            [[0, 32], [32, 64], [64, 90]],
        )
    )
    n, k = 12, 5
    tied = f32(
        [
            [0.25, 0.25, 0.25, 0.25, 0.0],  # four-way tie for the top
            [0.1, 0.3, 0.3, 0.2, 0.1],  # tie at the top between 1 and 2
            [0.4, 0.2, 0.2, 0.2, 0.0],  # classes 1,2,3 tie across the top-3 boundary
            [0.2, 0.2, 0.2, 0.2, 0.2],  # all equal
            [0.0, 0.0, 0.0, 0.0, 1.0],
            [0.5, 0.5, 0.0, 0.0, 0.0],
            [0.1, 0.1, 0.1, 0.1, 0.6],
            [0.3, 0.1, 0.3, 0.1, 0.2],
            [0.0, 0.25, 0.25, 0.25, 0.25],
            [0.6, 0.1, 0.1, 0.1, 0.1],
            [0.2, 0.2, 0.2, 0.2, 0.2],
            [0.1, 0.2, 0.3, 0.2, 0.2],
        ]
    )
    specs.append(
        (
            "ties",
            "hand-made rows with tied scores, at the arg-max and across the top-3 boundary",
            np.array([1, 2, 3, 4, 4, 1, 0, 2, 0, 0, 0, 3]),
            tied,
            [[0, 5], [5, 12]],
        )
    )
    n, k = 30, 4
    specs.append(
        (
            "absent_class",
            "4 classes; class 3 never occurs in y_true and is never the arg-max; batches 10/1/19",
            rng.integers(0, 3, n),
            f32(np.concatenate([softmax32(rng.normal(size=(n, 3)) * 2.0) * 0.9, np.full((n, 1), 0.01)], axis=1)),
            [[0, 10], [10, 11], [11, 30]],
        )
    )
    n, k = 60, 4
    specs.append(
        (
            "weighted",
            "4 classes, softmax of N(0, 1.5) logits; sample weights in {0, 0.5, 1, 2, 3}; batches 25/35",
            rng.integers(0, k, n),
            softmax32(rng.normal(scale=1.5, size=(n, k))),
            [[0, 25], [25, 60]],
            f32(rng.choice([0.0, 0.5, 1.0, 2.0, 3.0], n)),
        )
    )
    n, k = 24, 3
    specs.append(
        (
            "out_of_range_labels",
            "3 classes; labels -1 and 3 (no class: an all-zero one-hot row) among valid ones; batches 10/14",
            np.concatenate([[-1, 3, 0, 1, 2, 3, -1], rng.integers(0, k, n - 7)]),
            softmax32(rng.normal(scale=1.5, size=(n, k))),
            [[0, 10], [10, 24]],
        )
    )

    cases = []
    for name, desc, labels, y_pred, batches, *rest in specs:
        sw = rest[0] if rest else None
        w64 = None if sw is None else sw.astype(np.float64)
        labels = np.asarray(labels, dtype=np.int64)
        k = y_pred.shape[1]
        onehot = np.vstack([np.eye(k, dtype=np.float32), np.zeros((1, k), dtype=np.float32)])[
            np.where((labels >= 0) & (labels < k), labels, k)
        ]
        results = []

        def kk(metric, config, make, args, input_desc):
            r = {"library": "keras", "metric": metric, "config": config, "input": input_desc}
            r.update(keras_result(make, batches, args))
            results.append(r)

        def s(metric, config, fn):
            r = {"library": "sklearn", "metric": metric, "config": config}
            r.update(sk_result(fn))
            results.append(r)

        def oh(a, b):
            return (onehot[a:b], y_pred[a:b]) if sw is None else (onehot[a:b], y_pred[a:b], sw[a:b])

        def sp(a, b):
            return (labels[a:b], y_pred[a:b]) if sw is None else (labels[a:b], y_pred[a:b], sw[a:b])

        kk("CategoricalAccuracy", {}, keras.metrics.CategoricalAccuracy, oh, "one-hot y_true, y_pred")
        kk("SparseCategoricalAccuracy", {}, keras.metrics.SparseCategoricalAccuracy, sp, "labels, y_pred")
        kk("SparseTopKCategoricalAccuracy", {"k": 3}, lambda: keras.metrics.SparseTopKCategoricalAccuracy(k=3), sp, "labels, y_pred")
        for avg in (None, "micro", "macro"):
            kk("F1Score", {"average": avg, "threshold": None}, lambda avg=avg: keras.metrics.F1Score(average=avg), oh, "one-hot y_true, y_pred")
        kk("CategoricalCrossentropy", {}, keras.metrics.CategoricalCrossentropy, oh, "one-hot y_true, y_pred")

        pred = np.argmax(y_pred, axis=1)
        rule = {"y_pred_label": "argmax (first maximum)"}
        s("accuracy_score", rule, lambda: skm.accuracy_score(labels, pred, sample_weight=w64))
        for avg in (None, "micro", "macro"):
            s(
                "f1_score",
                dict(rule, average=avg, zero_division=0.0, labels=list(range(k))),
                lambda avg=avg: skm.f1_score(
                    labels, pred, average=avg, zero_division=0.0, labels=list(range(k)), sample_weight=w64
                ),
            )
        s(
            "confusion_matrix",
            dict(rule, labels=list(range(k))),
            lambda: skm.confusion_matrix(labels, pred, labels=list(range(k)), sample_weight=w64),
        )
        s(
            "top_k_accuracy_score",
            {"k": 3, "labels": list(range(k))},
            lambda: skm.top_k_accuracy_score(
                labels, y_pred.astype(np.float64), k=3, labels=list(range(k)), sample_weight=w64
            ),
        )

        # Added later (appended, so that the results above keep their place).
        kk("TopKCategoricalAccuracy", {"k": 3}, lambda: keras.metrics.TopKCategoricalAccuracy(k=3), oh, "one-hot y_true, y_pred")
        kk(
            "F1Score",
            {"average": "weighted", "threshold": None},
            lambda: keras.metrics.F1Score(average="weighted"),
            oh,
            "one-hot y_true, y_pred",
        )
        for curve in ("ROC", "PR"):
            kk(
                "AUC",
                {"curve": curve, "num_thresholds": 200, "multi_label": False},
                lambda curve=curve: keras.metrics.AUC(curve=curve),
                oh,
                "one-hot y_true, y_pred (multi_label=False: every cell is one binary decision)",
            )
        # Keras's multi-class precision and recall: the top-1 class is the prediction (thresholds -inf).
        for cls in ("Precision", "Recall"):
            kk(cls, {"top_k": 1}, lambda cls=cls: getattr(keras.metrics, cls)(top_k=1), oh, "one-hot y_true, y_pred")
            for c in range(k):
                kk(
                    cls,
                    {"top_k": 1, "class_id": c},
                    lambda cls=cls, c=c: getattr(keras.metrics, cls)(top_k=1, class_id=c),
                    oh,
                    "one-hot y_true, y_pred",
                )
        for fn in ("precision_score", "recall_score", "f1_score"):
            for avg in ((None, "micro", "macro", "weighted") if fn != "f1_score" else ("weighted",)):
                s(
                    fn,
                    dict(rule, average=avg, zero_division=0.0, labels=list(range(k))),
                    lambda fn=fn, avg=avg: getattr(skm, fn)(
                        labels, pred, average=avg, zero_division=0.0, labels=list(range(k)), sample_weight=w64
                    ),
                )
        inputs = {"labels": T(labels), "y_true": T(onehot, "float32"), "y_pred": T(y_pred.astype(np.float64), "float32")}
        if sw is not None:
            inputs["sample_weight"] = T(sw.astype(np.float64), "float32")
        cases.append({"name": name, "description": desc, "inputs": inputs, "batches": batches, "results": results})
    cases.append(non_finite_label_case())
    return cases


def non_finite_label_case():
    """Sparse accuracies on labels that are no class index: NaN, infinities, too large, negative, fractional.
    Keras casts labels to int32 for top-k (2.5 is class 2, -0.5 class 0) and compares them as floats with the
    arg-max otherwise; each such sample counts."""
    import keras

    labels = f32([np.nan, np.inf, -np.inf, 1e20, -1.0, 3.0, 2.5, -0.5, 0.0, 1.0, 2.0, 1.0])
    y_pred = f32(
        [
            [0.2, 0.5, 0.3], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4], [0.7, 0.2, 0.1], [0.2, 0.2, 0.6],
            [0.1, 0.3, 0.6], [0.5, 0.4, 0.1], [0.6, 0.3, 0.1], [0.4, 0.5, 0.1], [0.3, 0.3, 0.4], [0.6, 0.3, 0.1],
        ]
    )
    batches = [[0, 5], [5, 12]]
    results = []
    sp = lambda a, b: (labels[a:b], y_pred[a:b])  # noqa: E731
    for metric, config, make in (
        ("SparseCategoricalAccuracy", {}, keras.metrics.SparseCategoricalAccuracy),
        ("SparseTopKCategoricalAccuracy", {"k": 2}, lambda: keras.metrics.SparseTopKCategoricalAccuracy(k=2)),
    ):
        r = {"library": "keras", "metric": metric, "config": config, "input": "labels (float32), y_pred"}
        r.update(keras_result(make, batches, sp))
        results.append(r)
    return {
        "name": "non_finite_labels",
        "description": "labels NaN, inf, -inf, 1e20, -1, 3 (no class of 3), 2.5, -0.5 and valid ones: counted, never a crash",
        "inputs": {"labels": T(labels.astype(np.float64), "float32"), "y_pred": T(y_pred.astype(np.float64), "float32")},
        "batches": batches,
        "results": results,
    }


def regression_cases():
    import keras
    from sklearn import metrics as skm

    rng = np.random.default_rng(3003)
    specs = []
    n = 50
    yt = f32(rng.normal(size=n) * 3.0)
    specs.append(("random", "y_pred = y_true + N(0, 1) noise; batches 16/16/16/2", yt, f32(yt + rng.normal(size=n)), None, [[0, 16], [16, 32], [32, 48], [48, 50]]))
    n = 20
    yt = f32(rng.normal(size=n))
    specs.append(
        (
            "weighted",
            "sample weights in {0, 0.5, 1, 2}; batches 7/13",
            yt,
            f32(yt * 0.5 + 0.1),
            f32(rng.choice([0.0, 0.5, 1.0, 2.0], n)),
            [[0, 7], [7, 20]],
        )
    )
    n = 10
    yt = f32(np.arange(n) * 1e6)
    specs.append(("large_values", "targets up to 9e6 (float32 rounding shows)", yt, f32(yt + 0.5), None, [[0, 10]]))

    cases = []
    for name, desc, y_true, y_pred, sw, batches in specs:
        yt2, yp2 = y_true.reshape(-1, 1), y_pred.reshape(-1, 1)
        results = []

        def args(a, b):
            if sw is None:
                return yt2[a:b], yp2[a:b]
            return yt2[a:b], yp2[a:b], sw[a:b]

        for metric in ("MeanAbsoluteError", "MeanSquaredError"):
            r = {"library": "keras", "metric": metric, "config": {}, "input": "y_true, y_pred as [n, 1]" + ("" if sw is None else ", sample_weight [n]")}
            r.update(keras_result(getattr(keras.metrics, metric), batches, args))
            results.append(r)
        y64t, y64p = y_true.astype(np.float64), y_pred.astype(np.float64)
        w64 = None if sw is None else sw.astype(np.float64)
        for metric in ("mean_absolute_error", "mean_squared_error"):
            r = {"library": "sklearn", "metric": metric, "config": {"sample_weight": sw is not None}}
            r.update(sk_result(lambda metric=metric: getattr(skm, metric)(y64t, y64p, sample_weight=w64)))
            results.append(r)
        inputs = {"y_true": T(y_true.astype(np.float64), "float32"), "y_pred": T(y_pred.astype(np.float64), "float32")}
        if sw is not None:
            inputs["sample_weight"] = T(sw.astype(np.float64), "float32")
        cases.append({"name": name, "description": desc, "inputs": inputs, "batches": batches, "results": results})
    return cases


# ---------------------------------------------------------------------------
# Callbacks


class DummyModel:
    """Just enough of a keras.Model for the callbacks: weights that name the
    epoch they come from, a real Keras optimizer (so the learning rate is a
    float32 variable, as in training), and save() that records the epoch."""

    def __init__(self, lr):
        import keras

        self.optimizer = keras.optimizers.SGD(learning_rate=lr)
        self.stop_training = False
        self.epoch = -1  # weights "as of the end of" this epoch
        self.restored = []
        self.saved = []

    def get_weights(self):
        return [np.array(self.epoch)]

    def set_weights(self, weights):
        self.restored.append(int(weights[0]))

    def save(self, filepath, overwrite=True):
        self.saved.append(self.epoch)

    def save_weights(self, filepath, overwrite=True):
        self.saved.append(self.epoch)


def run_callback(cls_name, config, monitor, sequence, lr=0.1, extra_logs=None):
    import keras

    cls = getattr(keras.callbacks, cls_name)
    kwargs = dict(config)
    if cls_name == "ModelCheckpoint":
        kwargs.setdefault("filepath", "model_{epoch:02d}.keras")
    cb = cls(**kwargs)
    model = DummyModel(lr)
    cb.set_model(model)
    cb.set_params({"epochs": len(sequence), "verbose": 0, "steps": 1})
    cb.on_train_begin()
    stopped = None
    lrs = []
    epochs_run = 0
    for epoch, value in enumerate(sequence):
        cb.on_epoch_begin(epoch)
        model.epoch = epoch
        logs = {monitor: float(value)}
        if extra_logs:
            logs.update(extra_logs)
        cb.on_epoch_end(epoch, logs)
        lrs.append(float(np.asarray(model.optimizer.learning_rate)))
        epochs_run = epoch + 1
        if model.stop_training:
            stopped = epoch
            break
    cb.on_train_end()
    # Every constructor argument, the defaults filled in.
    cfg = {}
    for pname, param in inspect.signature(cls.__init__).parameters.items():
        if pname in ("self", "verbose") or param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL):
            continue
        cfg[pname] = kwargs.get(pname, param.default)
    return {
        "callback": cls_name,
        "config": cfg,
        "monitor": monitor,
        "initial_lr": T(np.float32(lr), "float32"),
        "sequence": T(np.asarray(sequence, dtype=np.float64)),
        "stopped_epoch": stopped,
        "epochs_run": epochs_run,
        "best_epoch": int(cb.best_epoch) if hasattr(cb, "best_epoch") else None,
        "restored_epoch": model.restored[-1] if model.restored else None,
        "lr_after_epoch": T(np.asarray(lrs, dtype=np.float64), "float32"),
        "saved_epochs": list(model.saved),
    }


NAN = float("nan")
INF = float("inf")


def decreasing_then_plateau(n_down, n_flat, start=1.0, step=0.1, flat=None):
    seq = [start - step * i for i in range(n_down)]
    seq += [seq[-1] if flat is None else flat] * n_flat
    return seq


def early_stopping_cases():
    rng = np.random.default_rng(4004)
    noisy = list(np.round(1.0 / np.arange(1, 21) + rng.normal(scale=0.02, size=20), 6))
    C = []

    def add(name, desc, config, monitor, seq):
        C.append(dict(name=name, description=desc, **run_callback("EarlyStopping", config, monitor, seq)))

    add("plateau_patience3", "val_loss falls for 6 epochs, then stays equal (equal is not better)",
        {"monitor": "val_loss", "patience": 3}, "val_loss", decreasing_then_plateau(6, 14))
    add("noisy_patience2_restore", "noisy 1/x curve; restore_best_weights",
        {"monitor": "val_loss", "patience": 2, "restore_best_weights": True}, "val_loss", noisy)
    add("noisy_patience5_restore", "noisy 1/x curve, longer patience; restore_best_weights",
        {"monitor": "val_loss", "patience": 5, "restore_best_weights": True}, "val_loss", noisy)
    add("min_delta_small_improvements", "steps of 0.004, smaller than min_delta=0.01; the drop is measured from the best value, so every third epoch counts and patience 3 is never used up",
        {"monitor": "val_loss", "patience": 3, "min_delta": 0.01, "restore_best_weights": True}, "val_loss",
        [1.0, 0.9, 0.8] + [0.8 - 0.004 * i for i in range(1, 18)])
    add("min_delta_small_improvements_patience2", "the same steps of 0.004 with patience 2: stops",
        {"monitor": "val_loss", "patience": 2, "min_delta": 0.01, "restore_best_weights": True}, "val_loss",
        [1.0, 0.9, 0.8] + [0.8 - 0.004 * i for i in range(1, 18)])
    add("min_delta_exact", "improvements exactly equal to min_delta=0.125 (binary-exact values)",
        {"monitor": "val_loss", "patience": 2, "min_delta": 0.125}, "val_loss",
        [2.0, 1.875, 1.75, 1.625, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5])
    add("mode_max_accuracy", "val_accuracy, mode max",
        {"monitor": "val_accuracy", "mode": "max", "patience": 2, "restore_best_weights": True}, "val_accuracy",
        [0.5, 0.6, 0.65, 0.7, 0.69, 0.7, 0.68, 0.71, 0.70, 0.70, 0.69, 0.69, 0.7, 0.7, 0.7])
    add("mode_auto_loss", "mode auto on 'loss' (minimised)",
        {"monitor": "loss", "patience": 1}, "loss", [3.0, 2.0, 2.5, 1.5, 1.6, 1.7, 1.0, 0.9, 0.8, 0.7])
    add("baseline_never_reached", "baseline 0.5 (min mode) is never beaten: stops after patience although the value improves",
        {"monitor": "val_loss", "patience": 3, "baseline": 0.5, "restore_best_weights": True}, "val_loss",
        [0.9, 0.8, 0.7, 0.65, 0.6, 0.58, 0.57, 0.56, 0.55, 0.54, 0.53, 0.52])
    add("baseline_reached", "baseline 0.5 beaten at epoch 4, then a plateau",
        {"monitor": "val_loss", "patience": 3, "baseline": 0.5}, "val_loss",
        [0.9, 0.8, 0.6, 0.55, 0.45, 0.4, 0.41, 0.42, 0.43, 0.44, 0.45, 0.46])
    add("start_from_epoch", "epochs before 5 are ignored (even a bad early plateau)",
        {"monitor": "val_loss", "patience": 2, "start_from_epoch": 5, "restore_best_weights": True}, "val_loss",
        [1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.85, 0.86, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75])
    add("patience0", "patience 0: the first epoch without improvement stops (but never epoch 0)",
        {"monitor": "val_loss", "patience": 0}, "val_loss", [1.0, 0.9, 0.8, 0.85, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
    add("nan_in_middle", "NaN values are never an improvement",
        {"monitor": "val_loss", "patience": 3, "restore_best_weights": True}, "val_loss",
        [1.0, 0.9, NAN, 0.85, NAN, NAN, NAN, 0.5, 0.4, 0.3, 0.2, 0.1])
    add("nan_first", "NaN at epoch 0 becomes 'best' (the first value always is); nothing beats it afterwards",
        {"monitor": "val_loss", "patience": 3, "restore_best_weights": True}, "val_loss",
        [NAN, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
    add("inf_values", "+inf then finite values",
        {"monitor": "val_loss", "patience": 2}, "val_loss", [INF, INF, 5.0, 4.0, INF, 3.0, 3.5, 3.6, 3.7, 3.8])
    add("float32_resolution", "improvements of 1e-9 on 0.5: below float32 resolution (Keras compares with keras.ops in float32)",
        {"monitor": "val_loss", "patience": 3}, "val_loss",
        [0.5 - 1e-9 * i for i in range(12)])
    add("never_stops_restore", "steady improvement: training runs all 15 epochs; restore_best_weights still restores at the end",
        {"monitor": "val_loss", "patience": 2, "restore_best_weights": True}, "val_loss",
        [1.0 / (i + 1) for i in range(15)])
    add("restore_without_improvement", "the best epoch is 0; restore_best_weights",
        {"monitor": "val_loss", "patience": 4, "restore_best_weights": True}, "val_loss",
        [0.1, 0.2, 0.3, 0.2, 0.15, 0.12, 0.11, 0.105, 0.1, 0.1])
    return C


def reduce_lr_cases():
    rng = np.random.default_rng(5005)
    noisy = list(np.round(1.0 / np.sqrt(np.arange(1, 31)) + rng.normal(scale=0.01, size=30), 6))
    C = []

    def add(name, desc, config, monitor, seq, lr=0.1):
        C.append(dict(name=name, description=desc, **run_callback("ReduceLROnPlateau", config, monitor, seq, lr=lr)))

    add("plateau_factor_half", "falls for 5 epochs, then flat for 15; factor 0.5, patience 2",
        {"monitor": "val_loss", "factor": 0.5, "patience": 2}, "val_loss", decreasing_then_plateau(5, 15))
    add("cooldown", "flat from the start; factor 0.5, patience 2, cooldown 3",
        {"monitor": "val_loss", "factor": 0.5, "patience": 2, "cooldown": 3}, "val_loss", [1.0] * 20)
    add("min_lr", "flat; factor 0.1, patience 1, min_lr 1e-4 (clamped, then no more reductions)",
        {"monitor": "val_loss", "factor": 0.1, "patience": 1, "min_lr": 1e-4}, "val_loss", [1.0] * 15)
    add("min_delta_default", "steps of 5e-5, below the default min_delta 1e-4 (the drop is measured from the best value, so some epochs still count)",
        {"monitor": "val_loss", "factor": 0.5, "patience": 3}, "val_loss", [1.0 - 5e-5 * i for i in range(16)])
    add("min_delta_large", "min_delta 0.05, steps of 0.03, patience 1: every second epoch is an improvement, the others reduce",
        {"monitor": "val_loss", "factor": 0.2, "patience": 1, "min_delta": 0.05, "min_lr": 1e-6}, "val_loss",
        [1.0 - 0.03 * i for i in range(20)])
    add("mode_max", "val_accuracy, mode max, with a plateau and a late improvement",
        {"monitor": "val_accuracy", "mode": "max", "factor": 0.5, "patience": 2, "min_delta": 0.0}, "val_accuracy",
        [0.5, 0.6, 0.7, 0.7, 0.7, 0.7, 0.75, 0.75, 0.74, 0.73, 0.8, 0.8, 0.8, 0.8, 0.8])
    add("noisy_cooldown1", "noisy 1/sqrt(x) curve; factor 0.3 (0.1*0.3 is not exact in float32), patience 3, cooldown 1",
        {"monitor": "val_loss", "factor": 0.3, "patience": 3, "cooldown": 1}, "val_loss", noisy)
    add("nan_values", "NaN values count as no improvement",
        {"monitor": "val_loss", "factor": 0.5, "patience": 2}, "val_loss",
        [1.0, 0.9, NAN, NAN, 0.8, NAN, NAN, NAN, 0.7, 0.6, NAN, NAN])
    add("patience0", "patience 0: every epoch without improvement reduces",
        {"monitor": "val_loss", "factor": 0.5, "patience": 0, "min_delta": 0.0}, "val_loss",
        [1.0, 1.1, 0.9, 0.95, 0.96, 0.8, 0.81, 0.82, 0.83, 0.7])
    add("lr_at_min_lr", "initial lr 0.001 with min_lr 0.001: never reduced",
        {"monitor": "val_loss", "factor": 0.5, "patience": 1, "min_lr": 0.001}, "val_loss", [1.0] * 10, lr=0.001)
    add("mode_auto_loss", "mode auto on 'loss'",
        {"monitor": "loss", "factor": 0.5, "patience": 2, "cooldown": 2, "min_lr": 0.01}, "loss",
        [2.0, 1.5, 1.4, 1.45, 1.5, 1.6, 1.3, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37, 1.38, 1.39, 1.4, 1.41, 1.42, 1.43])
    return C


def model_checkpoint_cases():
    rng = np.random.default_rng(6006)
    noisy = list(np.round(1.0 / np.arange(1, 26) + rng.normal(scale=0.03, size=25), 6))
    C = []

    def add(name, desc, config, monitor, seq):
        C.append(dict(name=name, description=desc, **run_callback("ModelCheckpoint", config, monitor, seq)))

    add("noisy_val_loss", "save_best_only on a noisy val_loss",
        {"monitor": "val_loss", "save_best_only": True}, "val_loss", noisy)
    add("equal_values", "equal values are not an improvement",
        {"monitor": "val_loss", "save_best_only": True}, "val_loss", [1.0, 1.0, 0.9, 0.9, 0.9, 0.8, 0.8, 0.85, 0.8, 0.7])
    add("mode_max", "val_accuracy, mode max",
        {"monitor": "val_accuracy", "mode": "max", "save_best_only": True}, "val_accuracy",
        [0.3, 0.5, 0.4, 0.5, 0.6, 0.6, 0.59, 0.7, 0.65, 0.71, 0.71, 0.72])
    add("initial_value_threshold", "initial_value_threshold 0.5: nothing is saved until the value beats it",
        {"monitor": "val_loss", "save_best_only": True, "initial_value_threshold": 0.5}, "val_loss",
        [0.9, 0.7, 0.6, 0.5, 0.45, 0.47, 0.4, 0.41, 0.39, 0.39])
    add("nan_values", "NaN values are never saved; the first value is always saved",
        {"monitor": "val_loss", "save_best_only": True}, "val_loss",
        [1.0, NAN, 0.9, NAN, 0.95, 0.8, NAN, 0.7, 0.75, 0.6])
    add("nan_first", "NaN at epoch 0 is saved and becomes 'best'; nothing beats it",
        {"monitor": "val_loss", "save_best_only": True}, "val_loss", [NAN, 1.0, 0.5, 0.25, 0.1, 0.05, 0.01, 0.005, 0.001, 0.0])
    add("weights_only_auto_loss", "save_weights_only, mode auto on 'loss'",
        {"monitor": "loss", "save_best_only": True, "save_weights_only": True, "filepath": "w_{epoch:02d}.weights.h5"}, "loss",
        [5.0, 4.0, 4.5, 3.0, 3.0, 2.9999, 3.1, 2.0, 2.5, 1.0])
    add("float32_resolution", "improvements of 1e-9 on 0.5 (below float32 resolution)",
        {"monitor": "val_loss", "save_best_only": True}, "val_loss", [0.5 - 1e-9 * i for i in range(10)])
    return C


def hexlogs(logs):
    return [[key, hex64(value)] for key, value in logs.items()]


def csv_logger_cases():
    """Scripted logs fed to keras.callbacks.CSVLogger (one instance per run, each run on_train_begin, then
    on_epoch_end per epoch, then on_train_end); the file's exact bytes after each run."""
    import tempfile

    import keras

    def train(epoch, loss):
        return {"loss": loss, "accuracy": 1.0 - loss / 2, "learning_rate": 0.10000000149011612}

    def val(loss):
        return {"val_loss": loss + 0.0625, "val_accuracy": 0.9 - loss / 4}

    every2 = [
        dict(train(e, 1.0 / (e + 1)), **(val(1.0 / (e + 1)) if e % 2 == 1 else {})) for e in range(7)
    ]
    specials = [
        {"loss": 1e-05, "tiny": 5e-324, "big": 1e16, "fixed": 1e15, "third": 1.0 / 3, "neg_zero": -0.0},
        {"loss": float("nan"), "tiny": 0.0001, "big": 1.7976931348623157e308, "fixed": 123456789.125, "third": 2.0 / 3, "neg_zero": float("inf")},
        {"loss": 0.1, "tiny": 1.5e-07, "big": 1e22, "fixed": 9007199254740993.0, "third": -1e-300, "neg_zero": float("-inf")},
    ]
    specs = [
        (
            "validation_every_2_epochs_then_resume",
            "validation metrics at odd epochs only (the first epoch has none, so Keras adds val_<key> for every "
            "key, val_learning_rate included, and writes NA where a value is missing); then a resumed run "
            "appends epochs 4-6 to the same file without a header",
            ",",
            [(False, list(range(0, 4))), (True, list(range(4, 7)))],
            every2,
        ),
        (
            "validation_from_the_first_epoch",
            "the first epoch has validation metrics; later epochs that lack them get NA",
            ",",
            [(False, [0, 1, 2])],
            [dict(train(0, 0.5), **val(0.5)), train(1, 0.25), dict(train(2, 0.125), **val(0.125))],
        ),
        (
            "semicolon_separator_and_number_texts",
            "separator ';'; values whose text Python's repr decides (exponents, 17 digits, nan, inf, -0.0)",
            ";",
            [(False, [0, 1, 2])],
            specials,
        ),
    ]
    cases = []
    for name, desc, sep, runs, logs_by_epoch in specs:
        path = tempfile.mktemp(suffix=".csv")
        texts = []
        runs_out = []
        for append, epochs in runs:
            cb = keras.callbacks.CSVLogger(path, separator=sep, append=append)
            cb.on_train_begin()
            for epoch in epochs:
                cb.on_epoch_end(epoch, dict(logs_by_epoch[epoch]))
            cb.on_train_end()
            with open(path, "rb") as f:
                texts.append(f.read().decode("utf-8"))
            runs_out.append(
                {"append": append, "epochs": [{"epoch": e, "logs": hexlogs(logs_by_epoch[e])} for e in epochs]}
            )
        os.remove(path)
        cases.append({"name": name, "description": desc, "separator": sep, "runs": runs_out, "csv_after_each_run": texts})
    return cases


def fit_logs():
    """What a real model.fit shows of its logs: the metric names of each verbose=2 progress line, the History
    keys, and the CSVLogger file's header and NA cells, with ReduceLROnPlateau (which adds learning_rate to the
    logs) and validation every 2 epochs. Timings and values are left out (the names are what is compared)."""
    import contextlib
    import io
    import re
    import tempfile

    import keras

    keras.utils.set_random_seed(7)
    rng = np.random.default_rng(7007)
    x = rng.normal(size=(32, 4)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.float32)
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="binary_crossentropy", metrics=["accuracy"])
    path = tempfile.mktemp(suffix=".csv")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        history = model.fit(
            x, y, batch_size=8, epochs=4, validation_data=(x, y), validation_freq=2, verbose=2,
            callbacks=[keras.callbacks.ReduceLROnPlateau(monitor="loss", patience=1), keras.callbacks.CSVLogger(path)],
        )
    lines = [line for line in out.getvalue().splitlines() if not line.startswith("Epoch ")]
    names = [re.findall(r" - ([A-Za-z_]+): ", line) for line in lines]
    with open(path, newline="") as f:
        rows = [line.split(",") for line in f.read().split("\r\n") if line]
    os.remove(path)
    return [
        {
            "name": "fit_validation_every_2_epochs_reduce_lr",
            "description": "Sequential Dense(1, sigmoid), 32 samples, batch 8 (4 steps), 4 epochs, validation_freq=2, "
            "callbacks [ReduceLROnPlateau(monitor='loss', patience=1), CSVLogger], verbose=2",
            "epochs": 4,
            "steps_per_epoch": 4,
            "validation_freq": 2,
            "progress_metric_names": names,
            "history_keys": list(history.history.keys()),
            "csv_header": rows[0],
            "csv_na_columns": [[rows[0][i] for i, cell in enumerate(row) if cell == "NA"] for row in rows[1:]],
        }
    ]


def main():
    import keras

    keras.utils.set_random_seed(0)
    warnings.filterwarnings("ignore", module="keras")
    write(os.path.join(OUT_METRICS, "binary.json"), binary_cases())
    write(os.path.join(OUT_METRICS, "categorical.json"), categorical_cases())
    write(os.path.join(OUT_METRICS, "regression.json"), regression_cases())
    write(os.path.join(OUT_CALLBACKS, "early_stopping.json"), early_stopping_cases())
    write(os.path.join(OUT_CALLBACKS, "reduce_lr_on_plateau.json"), reduce_lr_cases())
    write(os.path.join(OUT_CALLBACKS, "model_checkpoint.json"), model_checkpoint_cases())
    write(os.path.join(OUT_CALLBACKS, "csv_logger.json"), csv_logger_cases())
    write(os.path.join(OUT_CALLBACKS, "fit_logs.json"), fit_logs())
    return 0


if __name__ == "__main__":
    sys.exit(main())
