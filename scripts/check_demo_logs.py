"""Checks the logs of a train-demo run with TensorBoard's own Python loader.

    .venv/bin/python scripts/check_demo_logs.py RUN_DIRECTORY

RUN_DIRECTORY is <logdir>/<name> of a train-demo run. Loaded with TensorBoard's plugin_event_multiplexer, it
must hold the runs `train` and `validation` (and `.`, the run's hparams), named and tagged as Keras's TensorBoard
callback names them (compare fixtures/peers/keras_fit): for every column of the run's training.csv (the Keras
CSVLogger format) an `epoch_<metric>` scalar series in `train` (or, for `val_<metric>`, in `validation`) whose
points are the CSV's values at steps 0, 1, 2, ... as 32-bit floats; `epoch_learning_rate` and
`epoch_steps_per_second` in `train`; `batch_*` series at global batch steps; weight histograms named
`<layer>/<weight>/histogram`; `evaluation_<metric>_vs_iterations` in `validation`; and an hparams session with
the run's hyperparameters. Exits 1 listing every problem.
"""

import csv
import os
import struct
import sys


def as_float32(value):
    return struct.unpack("<f", struct.pack("<f", float(value)))[0]


def main(argv):
    if len(argv) != 1:
        print(__doc__)
        return 2
    run_directory = argv[0]
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea
    from tensorboard.backend.event_processing import plugin_event_multiplexer as pem
    from tensorboard.plugins.hparams import plugin_data_pb2
    from tensorboard.util import tensor_util

    mux = pem.EventMultiplexer(size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE, tensor_size_guidance={})
    mux.AddRunsFromDirectory(run_directory)
    mux.Reload()
    runs = mux.Runs()
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    check(set(runs) == {".", "train", "validation"}, "runs are %s, expected ., train, validation" % sorted(runs))

    def series(run, plugin):
        tags = runs.get(run, {}).get(pea.TENSORS, [])
        return {tag for tag in tags if mux.SummaryMetadata(run, tag).plugin_data.plugin_name == plugin}

    def scalar_points(run, tag):
        return [(event.step, tensor_util.make_ndarray(event.tensor_proto).item()) for event in mux.Tensors(run, tag)]

    with open(os.path.join(run_directory, "training.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    check(rows, "training.csv has no rows")
    columns = [c for c in (rows[0].keys() if rows else []) if c != "epoch"]
    train_scalars = series("train", "scalars")
    validation_scalars = series("validation", "scalars")
    for column in columns:
        run, name = ("validation", column[4:]) if column.startswith("val_") else ("train", column)
        tag = "epoch_" + name
        check(tag in (validation_scalars if run == "validation" else train_scalars), "%s/%s missing" % (run, tag))
        want = [(int(row["epoch"]), as_float32(row[column])) for row in rows if row[column] != ""]
        got = scalar_points(run, tag) if tag in runs.get(run, {}).get(pea.TENSORS, []) else []
        check(got == want, "%s/%s: got %s, want the CSV's %s" % (run, tag, got[:4], want[:4]))
        if run == "validation":
            check("evaluation_%s_vs_iterations" % name in validation_scalars, "validation/evaluation_%s_vs_iterations missing" % name)
        else:
            check("batch_" + name in train_scalars, "train/batch_%s missing" % name)
    for tag in ("epoch_learning_rate", "epoch_steps_per_second", "batch_steps_per_second"):
        check(tag in train_scalars, "train/%s missing" % tag)
    extra = train_scalars - {"epoch_" + c for c in columns} - {"batch_" + c for c in columns if not c.startswith("val_")} \
        - {"epoch_learning_rate", "epoch_steps_per_second", "batch_steps_per_second"}
    check(not extra, "train has tags Keras would not write: %s" % sorted(extra))
    histograms = series("train", "histograms")
    check(histograms and all(tag.endswith("/histogram") for tag in histograms), "train weight histograms: %s" % sorted(histograms))

    content = mux.PluginRunToTagToContent("hparams").get(".", {})
    start = plugin_data_pb2.HParamsPluginData.FromString(content.get("_hparams_/session_start_info", b""))
    check(len(start.session_start_info.hparams) > 0, "no hparams session in run '.'")
    for run, tags in sorted(runs.items()):
        print("%-12s %3d series" % (run, len(tags.get(pea.TENSORS, []))))
    if problems:
        print("%d problems:" % len(problems))
        for problem in problems:
            print("  " + problem)
        return 1
    print("TensorBoard's loader reads the demo's runs and tags as Keras's TensorBoard callback writes them.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
