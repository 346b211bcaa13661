#!/usr/bin/env python3
"""Write small TensorBoard logdirs with the real peer writers, and export what
TensorBoard's own Python loader reads back from them.

Usage (from the repository root):

    scripts/venv full && .venv/bin/python scripts/make_peer_fixtures.py [NAME ...]
    .venv/bin/python scripts/make_peer_fixtures.py --export-only [NAME ...]

NAME is one of the producers below (default: all). Each producer runs in its
own child process (TensorFlow and PyTorch are never imported together) and
replaces fixtures/peers/<NAME>/. Afterwards, in this process, the logdir is
loaded and written to

    fixtures/peers/expected/<NAME>.json        (plugin_event_multiplexer view)
    fixtures/peers/expected/<NAME>.tbparse.csv (tbparse SummaryReader.scalars)

--export-only skips the writers and only re-exports existing logdirs; it needs
nothing but the "check" profile (tensorboard, tbparse), so it can be used to
confirm that the check environment reads the files exactly as recorded.

JSON format (see fixtures/README.md):

    {"producer": NAME, "versions": {...},
     "runs": {RUN: {TAG: {"plugin": str, "data_class": int,
                          ["content_base64": str,]        # hparams only
                          "points": [POINT, ...],
                          ["all_points": [POINT, ...]]}}}} # resume_purge only
    POINT = {"step": int, "wall_time": HEX64, "dtype": numpy dtype name,
             "shape": [int, ...], "values": [VALUE, ...]}

HEX64 is the IEEE-754 float64 bit pattern as 16 lowercase hex digits. VALUE is
HEX64 of float(x) for floating dtypes, {"int": "<decimal>"} for integer and
bool dtypes, {"utf8": str} or {"base64": str} for strings, and
{"sha256": hex, "length": n} for image blobs (plugin "images", elements from
index 2 on).
"""

import base64
import hashlib
import importlib.metadata
import json
import math
import os
import shutil
import struct
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(REPO, "fixtures", "peers")
EXPECTED = os.path.join(PEERS, "expected")

# Fixed wall times, used wherever a writer lets the caller give one.
T0 = 1700000000.0

# float32 values that exercise every interesting bit pattern.
F32_SPECIAL = [
    0.0,
    -0.0,
    float("nan"),
    float("inf"),
    float("-inf"),
    1e-45,  # smallest float32 subnormal (0x00000001)
    -1e-45,
    1.1754943508222875e-38,  # smallest float32 normal
    3.4028234663852886e38,  # float32 max
    -3.4028234663852886e38,
    0.1,
    -2.5,
    1.0,
    16777216.0,
    65504.0,
]

# float64 values whose conversion to float32 rounds, underflows or overflows.
F64_SOURCES = [
    0.1,
    1.0 / 3.0,
    math.pi,
    -math.e,
    1e-300,  # underflows to 0 in float32
    1e39,  # overflows to +inf in float32
    -1e39,
    2.0**-149,
    1.0000000596046448,  # exactly halfway between two float32 values
    16777217.0,  # 2**24 + 1: not representable in float32
    123456789.123456789,
]

PRODUCERS = [
    "tf_summary",
    "keras_fit",
    "tensorboardx",
    "tb_writer_legacy",
    "pytorch",
    "resume_purge",
]


def fresh_dir(name):
    path = os.path.join(PEERS, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def tiny_png(width, height, channels, seed):
    """A deterministic PNG, encoded by Pillow (a dependency of tensorboard)."""
    import numpy as np
    from PIL import Image
    import io

    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, size=(height, width, channels), dtype=np.uint8)
    mode = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}[channels]
    if channels == 1:
        pixels = pixels[:, :, 0]
    out = io.BytesIO()
    Image.fromarray(pixels, mode=mode).save(out, format="PNG")
    return out.getvalue()


# ---------------------------------------------------------------------------
# Producers. Each runs in a child process with only its own writer imported.


def produce_tf_summary(root):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import numpy as np
    import tensorflow as tf
    from tensorboard.compat.proto import summary_pb2

    rng = np.random.default_rng(20240601)

    run_a = tf.summary.create_file_writer(os.path.join(root, "run_a"))
    with run_a.as_default():
        for step, v in enumerate(F32_SPECIAL):
            tf.summary.scalar("scalars/float32_special", np.float32(v), step=step)
        # np.float64: TF turns a bare Python float into a float32 tensor and
        # refuses 1e39 ("out of range"); a float64 tensor is cast by
        # tf.summary.scalar to float32 instead (1e39 -> inf).
        for step, v in enumerate(F64_SOURCES):
            tf.summary.scalar("scalars/from_float64", np.float64(v), step=step)
        for step, v in [(-5, 1.5), (-1, 2.5), (0, 3.5), (1, 4.5), (2**31, 5.5), (2**40, 6.5)]:
            tf.summary.scalar("scalars/steps", v, step=step)

        normal = rng.normal(loc=0.0, scale=1.0, size=200)
        for step in range(2):
            tf.summary.histogram("hist/default_buckets", normal + step, step=step)
            tf.summary.histogram("hist/buckets_5", normal * (step + 1), step=step, buckets=5)
        tf.summary.histogram("hist/buckets_1", normal, step=0, buckets=1)
        tf.summary.histogram("hist/empty", np.zeros([0], dtype=np.float64), step=0)
        tf.summary.histogram("hist/constant", np.full([17], 3.0), step=0)
        tf.summary.histogram("hist/int_data", np.array([1, 2, 2, 3, 3, 3], dtype=np.int32), step=0)

        tf.summary.text("text/rank0", "Hello **Markdown**, ünïcödé ✓", step=0)
        tf.summary.text("text/rank0", "", step=1)
        tf.summary.text("text/rank1", ["first", "second: `code`", "日本語"], step=0)

        gray = rng.integers(0, 256, size=(2, 3, 4, 1), dtype=np.uint8)
        rgb = rng.integers(0, 256, size=(3, 2, 2, 3), dtype=np.uint8)
        rgba = rng.integers(0, 256, size=(1, 2, 3, 4), dtype=np.uint8)
        tf.summary.image("images/gray_2_of_2", gray, step=0, max_outputs=3)
        tf.summary.image("images/rgb_2_of_3", rgb, step=0, max_outputs=2)
        tf.summary.image("images/rgba_1", rgba, step=0, max_outputs=3)
        tf.summary.image("images/float_rgb", rgb.astype(np.float32) / 255.0, step=1, max_outputs=1)

        scalars_md = summary_pb2.SummaryMetadata()
        scalars_md.plugin_data.plugin_name = "scalars"
        md = scalars_md.SerializeToString()
        for step, v in [(0, 2**53 + 1), (1, -(2**62)), (2, 0)]:
            tf.summary.write("generic/int64", tf.constant(v, dtype=tf.int64), step=step, metadata=md)
        for step, v in [(0, 0.1), (1, 1e-300), (2, float("nan"))]:
            tf.summary.write("generic/float64", tf.constant(v, dtype=tf.float64), step=step, metadata=md)
    run_a.close()

    run_b = tf.summary.create_file_writer(os.path.join(root, "run_b", "nested"))
    with run_b.as_default():
        for step in range(5):
            tf.summary.scalar("scalars/float32_special", np.float32(step * 0.25), step=step)
            tf.summary.scalar("loss", np.float32(1.0 / (step + 1)), step=step)
        tf.summary.text("text/rank0", "run_b", step=0)
    run_b.close()


def produce_keras_fit(root):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ["KERAS_BACKEND"] = "tensorflow"
    import numpy as np
    import tensorflow as tf

    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    import keras

    keras.utils.set_random_seed(7)
    tf.config.experimental.enable_op_determinism()

    rng = np.random.default_rng(7)
    # 64 training samples = 4 batches per epoch, 32 validation samples = 2
    # batches per evaluation. Keras 3 keeps tf.summary.record_if(step %
    # update_freq == 0) active for the *batch* counters while it writes the
    # epoch summaries, so with update_freq=2 any epoch that ended on an odd
    # global batch (or an evaluation ending on an odd test batch) would be
    # silently left out. Even counts keep every epoch.
    x = rng.normal(size=(64, 4)).astype("float32")
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype("float32")
    xv = rng.normal(size=(32, 4)).astype("float32")
    yv = (xv[:, 0] + 0.5 * xv[:, 1] > 0).astype("float32")

    model = keras.Sequential(
        [
            keras.Input(shape=(4,)),
            keras.layers.Dense(3, activation="relu", name="hidden"),
            keras.layers.Dense(1, activation="sigmoid", name="out"),
        ],
        name="tiny",
    )
    model.compile(
        optimizer=keras.optimizers.SGD(learning_rate=0.1),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    callback = keras.callbacks.TensorBoard(
        log_dir=root,
        histogram_freq=1,
        write_graph=True,
        write_steps_per_second=True,
        update_freq=2,
        profile_batch=0,
    )
    model.fit(
        x,
        y,
        batch_size=16,
        epochs=3,
        shuffle=False,
        validation_data=(xv, yv),
        callbacks=[callback],
        verbose=0,
    )


def produce_tensorboardx(root):
    import numpy as np
    from tensorboardX import SummaryWriter

    rng = np.random.default_rng(99)
    w = SummaryWriter(logdir=root)
    for step, v in enumerate(F32_SPECIAL):
        w.add_scalar("scalars/special", v, global_step=step, walltime=T0 + step)
    for step, v in enumerate(F64_SOURCES):
        w.add_scalar("scalars/from_float64", v, global_step=step, walltime=T0 + 100 + step * 0.5)
    w.add_scalar("scalars/no_step", 42.0, walltime=T0 + 200)
    w.add_scalar("scalars/negative_step", -1.0, global_step=-3, walltime=T0 + 201)
    for step in range(3):
        w.add_scalars(
            "group",
            {"alpha": 0.5 * step, "beta": -1.0 * step},
            global_step=step,
            walltime=T0 + 300 + step,
        )
    data = rng.normal(size=100)
    w.add_histogram("hist/normal", data, global_step=0, walltime=T0 + 400)
    w.add_histogram("hist/normal", data * 2 + 1, global_step=1, walltime=T0 + 401)
    w.add_histogram("hist/auto_bins", data, global_step=0, bins="auto", walltime=T0 + 402)
    w.add_text("notes", "tensorboardX *text*, ü", global_step=0, walltime=T0 + 500)
    img = rng.integers(0, 256, size=(3, 4, 5), dtype=np.uint8)  # CHW
    w.add_image("image/rgb_chw", img, global_step=0, walltime=T0 + 600)
    gray = rng.random(size=(4, 5)).astype(np.float32)
    w.add_image("image/gray_hw", gray, global_step=1, walltime=T0 + 601, dataformats="HW")
    w.add_hparams(
        {"lr": 0.01, "optimizer": "sgd", "batch_size": 32, "dropout_on": True},
        {"hparam/accuracy": 0.875, "hparam/loss": 0.25},
        name="trial_1",
        global_step=3,
    )
    w.close()


def _event(**kwargs):
    from tensorboard.compat.proto import event_pb2

    return event_pb2.Event(**kwargs)


def produce_tb_writer_legacy(root):
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.compat.proto.histogram_pb2 import HistogramProto
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    def simple(tag, v):
        return summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, simple_value=v)])

    run = os.path.join(root, "run")
    # File 1 (name sorts first: same second, same pid, lower counter, or an
    # earlier second).
    w1 = EventFileWriter(run, filename_suffix=".part1")
    w1.add_event(_event(wall_time=T0, step=0, session_log=event_pb2.SessionLog(status=event_pb2.SessionLog.START)))
    for step, v in enumerate(F32_SPECIAL):
        w1.add_event(_event(wall_time=T0 + 1 + step, step=step, summary=simple("legacy/simple_value", v)))
    histo = HistogramProto(
        min=-1.5,
        max=2.0,
        num=6.0,
        sum=1.5,
        sum_squares=9.25,
        bucket_limit=[-1.0, 0.0, 1.0, 2.0, 3.0],
        bucket=[0.0, 2.0, 1.0, 3.0, 0.0],  # empty first and last buckets
    )
    w1.add_event(
        _event(
            wall_time=T0 + 20,
            step=3,
            summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="legacy/histo", histo=histo)]),
        )
    )
    png = tiny_png(3, 2, 3, seed=5)
    image = summary_pb2.Summary.Image(height=2, width=3, colorspace=3, encoded_image_string=png)
    w1.add_event(
        _event(
            wall_time=T0 + 21,
            step=4,
            summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="legacy/image", image=image)]),
        )
    )
    # Several values in one event.
    w1.add_event(
        _event(
            wall_time=T0 + 22,
            step=5,
            summary=summary_pb2.Summary(
                value=[
                    summary_pb2.Summary.Value(tag="multi/a", simple_value=1.0),
                    summary_pb2.Summary.Value(tag="multi/b", simple_value=2.0),
                ]
            ),
        )
    )
    w1.close()
    # File 2: continues with higher steps.
    w2 = EventFileWriter(run, filename_suffix=".part2")
    for step in range(len(F32_SPECIAL), len(F32_SPECIAL) + 3):
        w2.add_event(_event(wall_time=T0 + 100 + step, step=step, summary=simple("legacy/simple_value", step * 0.5)))
    histo2 = HistogramProto(min=0.0, max=0.0, num=0.0, sum=0.0, sum_squares=0.0, bucket_limit=[1.0], bucket=[0.0])
    w2.add_event(
        _event(
            wall_time=T0 + 200,
            step=20,
            summary=summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag="legacy/histo", histo=histo2)]),
        )
    )
    w2.close()
    names = sorted(os.listdir(run))
    assert len(names) == 2 and names[0].endswith(".part1") and names[1].endswith(".part2"), names


def produce_pytorch(root):
    import numpy as np
    import torch
    from torch.utils.tensorboard import SummaryWriter

    torch.manual_seed(3)
    rng = np.random.default_rng(3)
    w = SummaryWriter(log_dir=root)
    for step in range(6):
        w.add_scalar("train/loss", 1.0 / (step + 1), global_step=step, walltime=T0 + step)
    w.add_scalar("train/special", float("nan"), global_step=0, walltime=T0 + 10)
    w.add_scalar("train/special", float("inf"), global_step=1, walltime=T0 + 11)
    w.add_scalar("train/special", -0.0, global_step=2, walltime=T0 + 12)
    w.add_scalar("train/new_style", 0.1, global_step=0, walltime=T0 + 13, new_style=True)
    w.add_scalar("train/double", 0.1, global_step=0, walltime=T0 + 14, new_style=True, double_precision=True)
    w.add_histogram("weights", torch.tensor(rng.normal(size=64)), global_step=0, walltime=T0 + 20)
    w.add_histogram("weights", torch.tensor(rng.normal(size=64) + 1), global_step=1, walltime=T0 + 21)
    w.add_text("notes", "PyTorch *text*, ß", global_step=0, walltime=T0 + 30)
    w.add_hparams({"lr": 0.1, "act": "relu", "bn": False}, {"hparam/acc": 0.75}, run_name="hp", global_step=5)
    w.close()
    # Resume: a second writer on the same directory purges from step 3 on.
    w2 = SummaryWriter(log_dir=root, purge_step=3)
    for step in range(3, 8):
        w2.add_scalar("train/loss", 10.0 + step, global_step=step, walltime=T0 + 100 + step)
    w2.close()


def produce_resume_purge(root):
    from tensorboard.compat.proto import event_pb2, summary_pb2
    from tensorboard.summary.writer.event_file_writer import EventFileWriter
    from tensorboard.summary.writer.record_writer import RecordWriter

    def scalars(pairs):
        return summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=t, simple_value=v) for t, v in pairs])

    start = event_pb2.SessionLog(status=event_pb2.SessionLog.START)

    # Run v2_restart: file version 2, so only a second SessionLog.START purges.
    run = os.path.join(root, "v2_restart")
    w1 = EventFileWriter(run, filename_suffix=".1")
    w1.add_event(_event(wall_time=T0, step=0, session_log=start))  # first START: ignored
    for step in range(10):
        w1.add_event(_event(wall_time=T0 + 1 + step, step=step, summary=scalars([("loss", 1.0 - 0.05 * step), ("acc", 0.05 * step)])))
    # A step going backwards: with version 2 nothing is purged by it.
    w1.add_event(_event(wall_time=T0 + 20, step=4, summary=scalars([("loss", 9.0)])))
    w1.add_event(_event(wall_time=T0 + 21, step=8, summary=scalars([("only_in_file1", 8.0)])))
    w1.close()
    # The resumed job: its file starts with START at step 6, which purges
    # every tag's points with step >= 6.
    w2 = EventFileWriter(run, filename_suffix=".2")
    w2.add_event(_event(wall_time=T0 + 50, step=6, session_log=start))
    for step in range(6, 12):
        w2.add_event(_event(wall_time=T0 + 50 + step, step=step, summary=scalars([("loss", 2.0 + step), ("acc", 0.5 + 0.01 * step)])))
    w2.close()

    # Run v1_step_regression: file version 1 (raw records through TB's
    # RecordWriter), where a lower step purges that event's tags.
    run = os.path.join(root, "v1_step_regression")
    os.makedirs(run)
    with open(os.path.join(run, "events.out.tfevents.%010d.fixture" % T0), "wb") as f:
        rw = RecordWriter(f)
        rw.write(_event(wall_time=T0, file_version="brain.Event:1").SerializeToString())
        for step in range(6):
            rw.write(_event(wall_time=T0 + 1 + step, step=step, summary=scalars([("x", float(step)), ("y", -float(step))])).SerializeToString())
        rw.write(_event(wall_time=T0 + 10, step=3, summary=scalars([("x", 30.0)])).SerializeToString())
        rw.write(_event(wall_time=T0 + 11, step=4, summary=scalars([("x", 40.0), ("y", -40.0)])).SerializeToString())
        rw.close()


# ---------------------------------------------------------------------------
# Export through TensorBoard's Python loader.


def hex64(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def encode_values(arr, plugin):
    import numpy as np

    flat = arr.reshape(-1)
    out = []
    kind = arr.dtype.kind
    for i, x in enumerate(flat):
        if kind in "iub":
            out.append({"int": str(int(x))})
        elif kind == "f":
            out.append(hex64(x))
        elif kind in "OSU":
            b = x if isinstance(x, bytes) else str(x).encode("utf-8")
            if plugin == "images" and i >= 2:
                out.append({"sha256": hashlib.sha256(b).hexdigest(), "length": len(b)})
                continue
            try:
                out.append({"utf8": b.decode("utf-8")})
            except UnicodeDecodeError:
                out.append({"base64": base64.b64encode(b).decode("ascii")})
        else:
            raise TypeError("unexpected dtype %s" % arr.dtype)
    return out


def encode_point(ev, plugin):
    from tensorboard.util import tensor_util

    arr = tensor_util.make_ndarray(ev.tensor_proto)
    return {
        "step": int(ev.step),
        "wall_time": hex64(ev.wall_time),
        "dtype": arr.dtype.name,
        "shape": [int(d) for d in arr.shape],
        "values": encode_values(arr, plugin),
    }


def load(logdir, purge):
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea
    from tensorboard.backend.event_processing import plugin_event_multiplexer as pem

    mux = pem.EventMultiplexer(
        size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE,
        tensor_size_guidance={},
        purge_orphaned_data=purge,
    )
    mux.AddRunsFromDirectory(logdir)
    mux.Reload()
    return mux


def versions(name):
    dists = ["tensorboard", "tensorboard-data-server", "protobuf", "numpy", "tbparse", "pandas"]
    dists += {
        "tf_summary": ["tensorflow-cpu"],
        "keras_fit": ["tensorflow-cpu", "keras"],
        "tensorboardx": ["tensorboardX"],
        "pytorch": ["torch"],
    }.get(name, [])
    out = {"python": "%d.%d.%d" % sys.version_info[:3]}
    for d in dists:
        try:
            out[d] = importlib.metadata.version(d)
        except importlib.metadata.PackageNotFoundError:
            out[d] = None
    return out


def format_doc(doc):
    """JSON with one point per line, so that diffs stay readable."""

    def j(x):
        return json.dumps(x, ensure_ascii=False, allow_nan=False)

    out = ["{", ' "producer": %s,' % j(doc["producer"]), ' "versions": %s,' % j(doc["versions"]), ' "runs": {']
    runs = list(doc["runs"].items())
    for ri, (run, tags) in enumerate(runs):
        out.append("  %s: {" % j(run))
        tag_items = list(tags.items())
        for ti, (tag, entry) in enumerate(tag_items):
            out.append("   %s: {" % j(tag))
            keys = list(entry.keys())
            for ki, key in enumerate(keys):
                comma = "," if ki + 1 < len(keys) else ""
                value = entry[key]
                if key in ("points", "all_points"):
                    if not value:
                        out.append("    %s: []%s" % (j(key), comma))
                        continue
                    out.append("    %s: [" % j(key))
                    for pi, point in enumerate(value):
                        out.append("     %s%s" % (j(point), "," if pi + 1 < len(value) else ""))
                    out.append("    ]%s" % comma)
                else:
                    out.append("    %s: %s%s" % (j(key), j(value), comma))
            out.append("   }%s" % ("," if ti + 1 < len(tag_items) else ""))
        out.append("  }%s" % ("," if ri + 1 < len(runs) else ""))
    out.append(" }")
    out.append("}")
    return "\n".join(out) + "\n"


def export(name, recorded_versions=None):
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea

    logdir = os.path.join(PEERS, name)
    mux = load(logdir, purge=True)
    raw = load(logdir, purge=False) if name == "resume_purge" else None
    runs = {}
    for run in sorted(mux.Runs()):
        tags = sorted(mux.Runs()[run][pea.TENSORS])
        per_tag = {}
        for tag in tags:
            try:
                md = mux.SummaryMetadata(run, tag)
                plugin, data_class = md.plugin_data.plugin_name, int(md.data_class)
            except KeyError:
                md, plugin, data_class = None, "", 0
            entry = {"plugin": plugin, "data_class": data_class}
            if plugin == "hparams":
                entry["content_base64"] = base64.b64encode(md.plugin_data.content).decode("ascii")
            entry["points"] = [encode_point(ev, plugin) for ev in mux.Tensors(run, tag)]
            if raw is not None:
                entry["all_points"] = [encode_point(ev, plugin) for ev in raw.Tensors(run, tag)]
            per_tag[tag] = entry
        runs[run] = per_tag
    doc = {
        "producer": name,
        "versions": recorded_versions or versions(name),
        "runs": runs,
    }
    os.makedirs(EXPECTED, exist_ok=True)
    text = format_doc(doc)
    assert json.loads(text) == doc
    with open(os.path.join(EXPECTED, name + ".json"), "w", encoding="utf-8") as f:
        f.write(text)

    from tbparse import SummaryReader

    # event_types={"scalars"}: tbparse 0.0.9 otherwise parses every event type
    # up front and crashes on a rank-1 text tensor (tf.summary.text of a
    # list). The scalars table does not depend on the other types.
    reader = SummaryReader(logdir, extra_columns={"dir_name", "wall_time"}, event_types={"scalars"})
    df = reader.scalars
    df.to_csv(os.path.join(EXPECTED, name + ".tbparse.csv"), index=False, float_format=None)


def torch_available():
    try:
        importlib.metadata.version("torch")
        return True
    except importlib.metadata.PackageNotFoundError:
        return False


def main(argv):
    if len(argv) >= 2 and argv[0] == "--write-only":
        name = argv[1]
        globals()["produce_" + name](fresh_dir(name))
        return 0
    export_only = bool(argv) and argv[0] == "--export-only"
    names = [a for a in argv if not a.startswith("--")] or list(PRODUCERS)
    for name in names:
        if name not in PRODUCERS:
            sys.exit("unknown producer %r (known: %s)" % (name, ", ".join(PRODUCERS)))
    for name in names:
        logdir = os.path.join(PEERS, name)
        if export_only:
            if not os.path.isdir(logdir):
                print("skip %s: no logdir" % name, file=sys.stderr)
                continue
            # Keep the versions of the writer that made the files.
            with open(os.path.join(EXPECTED, name + ".json"), encoding="utf-8") as f:
                recorded = json.load(f)["versions"]
            export(name, recorded)
            print("exported %s" % name, file=sys.stderr)
            continue
        if name == "pytorch" and not torch_available():
            print("NOTE: torch is not installed; skipping the pytorch fixtures", file=sys.stderr)
            continue
        print("writing %s" % name, file=sys.stderr)
        subprocess.run([sys.executable, os.path.abspath(__file__), "--write-only", name], check=True)
        export(name)
        print("exported %s" % name, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
