"""Checks the logs of a train-demo run against a real Keras log, with TensorBoard's own Python loader.

    .venv/bin/python scripts/check_demo_logs.py RUN_DIRECTORY [KERAS_LOG]

RUN_DIRECTORY is <logdir>/<name> of a train-demo run; KERAS_LOG is a Keras `model.fit` log written by
`keras.callbacks.TensorBoard(histogram_freq=1, write_steps_per_second=True, update_freq=2)` with validation
data, fixtures/peers/keras_fit by default (see fixtures/README.md). Both are loaded with TensorBoard's
plugin_event_multiplexer (an EventAccumulator per run). The checks:

1. Runs: the demo has Keras's runs (`train`, `validation`) and, besides, only `.` (its hparams session, which
   Keras does not write).
2. Epoch tags: every `epoch_*` tag of each Keras run is in the demo's run, with the same plugin, dtype and
   shape (Keras: `scalars`, float32, rank 0); so is every other `epoch_*` tag of the demo; all of them at
   steps 0, 1, ... (the epoch), one point per epoch of the demo's training.csv.
3. Batch tags: in `train`, the same kinds of `batch_*` tags as Keras (one per training metric, plus
   `batch_steps_per_second`), with the same plugin and dtype, at the steps Keras uses: the global batch
   number (from 1) every N batches. Keras's log is checked against that convention too (N = 2, 4 steps per
   epoch); the demo's N and steps per epoch come from its configuration text, and every batch tag must have
   exactly the steps N, 2N, ... up to the last batch.
4. Evaluation tags: `evaluation_<metric>_vs_iterations` in `validation` for every validation metric, at the
   global batch number at each epoch's end ((epoch + 1) * steps per epoch), as in Keras's log.
5. Histograms: `<layer>/<weight>/histogram` in `train` with Keras's plugin, dtype and a [k, 3] shape, every
   `histograms every` epochs.
6. Values: for every column of training.csv (the Keras CSVLogger format, `NA` for missing), the `epoch_*`
   scalar of the right run holds the CSV's values as 32-bit floats, epoch for epoch.
7. HParams (run `.`): a session whose hyperparameters are the configuration table's; the experiment lists,
   for each monitored metric, its final value (`validation/epoch_<metric>`) and its best (`best_<key>`); the
   best series holds, at every epoch, the best CSV value so far (the lowest loss, the highest accuracy), and
   the final series' last point is the CSV's last value; the session ended with status success.
8. Configuration: a `configuration` text summary (plugin `text`) holding a Markdown table with a row for each
   hyperparameter and the steps rows used above.

Exits 1 listing every problem, 2 for usage errors.
"""

import csv
import os
import struct
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERAS_LOG = os.path.join(REPO, "fixtures", "peers", "keras_fit")
MONITORED = {"val_loss": min, "val_accuracy": max}  # the demo's TensorBoardLogger monitoredMetrics


def as_float32(value):
    return struct.unpack("<f", struct.pack("<f", float(value)))[0]


class Log:
    """One log directory as TensorBoard's loader reads it: run -> tag -> plugin, dtype, shape, steps, values."""

    def __init__(self, directory):
        from tensorboard.backend.event_processing import plugin_event_accumulator as pea
        from tensorboard.backend.event_processing import plugin_event_multiplexer as pem
        from tensorboard.util import tensor_util

        self.mux = pem.EventMultiplexer(size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE, tensor_size_guidance={})
        self.mux.AddRunsFromDirectory(directory)
        self.mux.Reload()
        self.runs = {}
        for run, tags in self.mux.Runs().items():
            self.runs[run] = {}
            for tag in tags.get(pea.TENSORS, []):
                events = self.mux.Tensors(run, tag)
                arrays = [tensor_util.make_ndarray(event.tensor_proto) for event in events]
                self.runs[run][tag] = {
                    "plugin": self.mux.SummaryMetadata(run, tag).plugin_data.plugin_name,
                    "dtype": str(arrays[0].dtype) if arrays else None,
                    "shape": list(arrays[0].shape) if arrays else None,
                    "steps": [event.step for event in events],
                    "values": arrays,
                }

    def tags(self, run, prefix="", plugin=None):
        return {
            tag: info
            for tag, info in self.runs.get(run, {}).items()
            if tag.startswith(prefix) and (plugin is None or info["plugin"] == plugin)
        }

    def scalars(self, run, tag):
        info = self.runs.get(run, {}).get(tag)
        return [(step, array.item()) for step, array in zip(info["steps"], info["values"])] if info else []


def kind(info):
    return (info["plugin"], info["dtype"], len(info["shape"]) if info["shape"] is not None else None)


def batch_convention(log, epochs, check, name):
    """The batch logging frequency and steps per epoch a log shows, checked against Keras's convention."""
    evaluation = sorted(log.tags("validation", "evaluation_").values(), key=lambda info: len(info["steps"]))
    batch = log.tags("train", "batch_")
    if not evaluation or not batch:
        check(False, "%s: no evaluation_* or batch_* tags" % name)
        return None, None
    steps_per_epoch = evaluation[0]["steps"][0] if evaluation[0]["steps"] else 0
    frequency = min(info["steps"][0] for info in batch.values() if info["steps"])
    expected = list(range(frequency, epochs * steps_per_epoch + 1, frequency))
    for tag, info in sorted(batch.items()):
        check(info["steps"] == expected, "%s: train/%s steps %s, want %s" % (name, tag, info["steps"][:6], expected[:6]))
    for tag, info in sorted(log.tags("validation", "evaluation_").items()):
        want = [(epoch + 1) * steps_per_epoch for epoch in range(epochs)]
        check(info["steps"] == want, "%s: validation/%s steps %s, want %s" % (name, tag, info["steps"], want))
    return frequency, steps_per_epoch


def configuration_table(log, check):
    """The rows of the demo's configuration table, or {}."""
    info = log.runs.get(".", {}).get("configuration")
    check(info is not None and info["plugin"] == "text", "no `configuration` text summary in run '.'")
    if info is None or not info["values"]:
        return {}
    text = info["values"][0].reshape(-1)[0]
    text = text.decode("utf-8") if isinstance(text, bytes) else str(text)
    rows = {}
    for line in text.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2:
            rows[cells[0]] = cells[1]
    check(rows, "the configuration text holds no Markdown table")
    return rows


def check_keras_structure(demo, keras, epochs, check):
    """Checks 1-5: the demo's runs and tags have the structure of Keras's log."""
    check(set(demo.runs) == set(keras.runs) | {"."}, "runs are %s, Keras's are %s (plus '.')" % (sorted(demo.runs), sorted(keras.runs)))
    epoch_kind = None
    for run in sorted(keras.runs):
        for tag, info in sorted(keras.tags(run, "epoch_").items()):
            epoch_kind = kind(info)
            ours = demo.runs.get(run, {}).get(tag)
            check(ours is not None, "%s/%s (in Keras's log) missing" % (run, tag))
            if ours is not None:
                check(kind(ours) == kind(info), "%s/%s is %s, Keras's is %s" % (run, tag, kind(ours), kind(info)))
    keras_epochs = len(next(iter(keras.tags("train", "epoch_").values()))["steps"])
    for run in ("train", "validation"):
        for tag, info in sorted(demo.tags(run, "epoch_").items()):
            check(kind(info) == epoch_kind, "%s/%s is %s, Keras's epoch scalars are %s" % (run, tag, kind(info), epoch_kind))
            check(info["steps"] == list(range(epochs)), "%s/%s steps %s, want 0..%d" % (run, tag, info["steps"], epochs - 1))

    # Batch tags: Keras writes batch_<metric> for each training metric, and batch_steps_per_second.
    def batch_names(log):
        metrics = {t[len("epoch_"):] for t in log.tags("train", "epoch_")} - {"learning_rate", "steps_per_second"}
        return {"batch_" + m for m in metrics} | {"batch_steps_per_second"}

    check(set(keras.tags("train", "batch_")) == batch_names(keras), "Keras's batch tags are not as this script expects")
    check(set(demo.tags("train", "batch_")) == batch_names(demo), "train batch tags %s, want %s" % (sorted(demo.tags("train", "batch_")), sorted(batch_names(demo))))
    batch_kind = kind(next(iter(keras.tags("train", "batch_").values())))
    for tag, info in sorted(demo.tags("train", "batch_").items()):
        check(kind(info) == batch_kind, "train/%s is %s, Keras's batch scalars are %s" % (tag, kind(info), batch_kind))
    keras_frequency, keras_steps = batch_convention(keras, keras_epochs, check, "Keras")
    check((keras_frequency, keras_steps) == (2, 4), "Keras's log: batch logging every %s, %s steps per epoch; want 2 and 4" % (keras_frequency, keras_steps))
    frequency, steps_per_epoch = batch_convention(demo, epochs, check, "demo")

    # Evaluation tags: one per validation metric.
    validation_metrics = {t[len("epoch_"):] for t in demo.tags("validation", "epoch_")}
    check(set(demo.tags("validation", "evaluation_")) == {"evaluation_%s_vs_iterations" % m for m in validation_metrics}, "validation evaluation_* tags do not match its epoch_* tags")

    # Histograms.
    keras_histogram = next(iter(keras.tags("train", plugin="histograms").values()))
    histograms = demo.tags("train", plugin="histograms")
    check(histograms, "no weight histograms in train")
    for tag, info in sorted(histograms.items()):
        check(tag.endswith("/histogram") and tag.count("/") >= 2, "train/%s is not <layer>/<weight>/histogram" % tag)
        same = (info["dtype"], len(info["shape"]), info["shape"][-1]) == (keras_histogram["dtype"], 2, keras_histogram["shape"][-1])
        check(same, "train/%s is %s %s, Keras's histograms are %s %s" % (tag, info["dtype"], info["shape"], keras_histogram["dtype"], keras_histogram["shape"]))
    return frequency, steps_per_epoch


def check_values(demo, rows, columns, check):
    """Check 6: the epoch scalars are the CSV's values."""
    for column in columns:
        run, name = ("validation", column[4:]) if column.startswith("val_") else ("train", column)
        want = [(int(row["epoch"]), as_float32(row[column])) for row in rows if row[column] not in ("", "NA")]
        got = demo.scalars(run, "epoch_" + name)
        check(got == want, "%s/epoch_%s: got %s, want the CSV's %s" % (run, name, got[:4], want[:4]))


def check_hparams(demo, rows, table, check):
    """Checks 7 and 8: the hparams session, its best and final values, and the configuration table."""
    from tensorboard.plugins.hparams import api_pb2, plugin_data_pb2

    content = demo.mux.PluginRunToTagToContent("hparams").get(".", {})
    parse = plugin_data_pb2.HParamsPluginData.FromString
    start = parse(content.get("_hparams_/session_start_info", b"")).session_start_info
    experiment = parse(content.get("_hparams_/experiment", b"")).experiment
    end = parse(content.get("_hparams_/session_end_info", b"")).session_end_info
    check(len(start.hparams) > 0, "no hparams session in run '.'")
    for name, value in sorted(start.hparams.items()):
        shown = table.get(name)
        if value.HasField("string_value"):
            check(shown == value.string_value, "hparam %s = %r, configuration shows %r" % (name, value.string_value, shown))
        else:
            check(shown is not None and float(shown) == value.number_value, "hparam %s = %r, configuration shows %r" % (name, value.number_value, shown))
    listed = {(info.name.group, info.name.tag) for info in experiment.metric_infos}
    for key, best in MONITORED.items():
        final_tag = "epoch_" + key[4:]
        check(("validation", final_tag) in listed, "the experiment does not list validation/%s" % final_tag)
        check(("", "best_" + key) in listed, "the experiment does not list best_%s" % key)
        values = [float(row[key]) for row in rows if row.get(key) not in (None, "", "NA")]
        running = [as_float32(best(values[: index + 1])) for index in range(len(values))]
        got = [value for _, value in demo.scalars(".", "best_" + key)]
        check(got == running, "best_%s: got %s, want the CSV's best so far %s" % (key, got, running))
        final = demo.scalars("validation", final_tag)
        check(bool(final) and bool(values) and final[-1][1] == as_float32(values[-1]), "validation/%s final value %s, CSV's last %s" % (final_tag, final[-1:] if final else None, values[-1:]))
    check(end.status == api_pb2.STATUS_SUCCESS, "the hparams session did not end with status success")


def main(argv):
    if len(argv) not in (1, 2):
        print(__doc__)
        return 2
    run_directory = argv[0]
    keras = Log(argv[1] if len(argv) == 2 else KERAS_LOG)
    demo = Log(run_directory)
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    with open(os.path.join(run_directory, "training.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    check(rows, "training.csv has no rows")
    columns = [c for c in (rows[0].keys() if rows else []) if c != "epoch"]
    table = configuration_table(demo, check)
    frequency, steps_per_epoch = check_keras_structure(demo, keras, len(rows), check)
    for row, value in (("steps per epoch", steps_per_epoch), ("batch logging every", frequency)):
        check(table.get(row) == str(value), "the log shows %s = %s, the configuration says %s" % (row, value, table.get(row)))
    histogram_every = int(table.get("histograms every", "0") or 0)
    for tag, info in sorted(demo.tags("train", plugin="histograms").items()):
        want = [epoch for epoch in range(len(rows)) if histogram_every and epoch % histogram_every == 0]
        check(info["steps"] == want, "train/%s steps %s, want %s" % (tag, info["steps"], want))
    check_values(demo, rows, columns, check)
    check_hparams(demo, rows, table, check)

    for run, tags in sorted(demo.runs.items()):
        print("%-12s %3d series" % (run, len(tags)))
    if problems:
        print("%d problems:" % len(problems))
        for problem in problems:
            print("  " + problem)
        return 1
    print(
        "TensorBoard's loader reads the demo's runs and tags as Keras's log has them (%s): epoch, batch and "
        "evaluation steps, histograms, hparams best and final values, configuration." % os.path.relpath(KERAS_LOG, REPO)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
