#!/usr/bin/env python3
"""Write the fixtures of eventdump's pr, hist --percentiles, images and audio tests with real peers.

Usage (from the repository root; the "check" venv is enough):

    .venv/bin/python scripts/make_export_fixtures.py

Replaces fixtures/exports/tensorboardx/ with a log written by tensorboardX's SummaryWriter: PR curves
(add_pr_curve: 11 thresholds, 5 thresholds, weighted), a legacy Summary.Audio clip (a WAV
made by Python's wave module), legacy
histograms with fractional and zero counts (add_histogram_raw), and a legacy Summary.Image holding a JPEG
(made by Pillow) written through tensorboardX's file writer. Then writes fixtures/exports/expected.json from
what TensorBoard's Python loader (plugin_event_multiplexer, Python purging) reads back:

    {"versions": {...},
     "pr": {"<run>\\t<tag>": [[step, [[threshold, tp, fp, tn, fn, precision, recall], ...]], ...]},
     "percentiles": {"<set>": {"<run>\\t<tag>": [[step, [v0, ..., v8]], ...]}}}

PR rows are every threshold of the stored [6, n] tensor as the Python loader reads it, thresholds from
np.linspace(0, 1, n) as the PR Curves plugin computes them; percentiles are what the real `tensorboard`
(Rust data server, default restart purging) serves at /data/plugin/distributions/distributions, its
compressor.compress_histogram of each histogram point (the Distributions dashboard's values), for every peer
set in fixtures/peers and the tensorboardx log here. Numbers are Python's repr of the float64, which reads back to the same double.
"""

import importlib.metadata
import io
import json
import os
import shutil
import sys
import tempfile
import time
import wave

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "fixtures", "exports")
LOG = os.path.join(OUT, "tensorboardx")
PEER_SETS = ["tf_summary", "keras_fit", "tensorboardx", "tb_writer_legacy", "pytorch"]
T0 = 1700000000.0


def write_log():
    from PIL import Image
    from tensorboardX import SummaryWriter
    from tensorboardX.proto.summary_pb2 import Summary

    shutil.rmtree(LOG, ignore_errors=True)
    writer = SummaryWriter(LOG)
    rng = np.random.default_rng(16)
    labels = rng.integers(0, 2, size=40)
    predictions = np.clip(labels * 0.35 + rng.random(40) * 0.65, 0, 1)
    writer.add_pr_curve("pr/tbx", labels, predictions, global_step=0, num_thresholds=11, walltime=T0)
    writer.add_pr_curve("pr/tbx", labels, predictions ** 2, global_step=1, num_thresholds=5, walltime=T0 + 1)
    weights = rng.random(40)
    writer.add_pr_curve("pr/weighted", labels, predictions, global_step=0, num_thresholds=7, weights=weights,
                        walltime=T0 + 2)
    # tensorboardX's add_audio needs soundfile; the same legacy Summary.Audio, its WAV made by Python's wave.
    tone = (np.sin(np.arange(800) * 2 * np.pi * 440 / 8000) * 16000).astype("<i2")
    wav = io.BytesIO()
    with wave.open(wav, "wb") as clip:
        clip.setnchannels(1)
        clip.setsampwidth(2)
        clip.setframerate(8000)
        clip.writeframes(tone.tobytes())
    audio = Summary.Audio(sample_rate=8000, num_channels=1, length_frames=800,
                          encoded_audio_string=wav.getvalue(), content_type="audio/wav")
    writer.file_writer.add_summary(Summary(value=[Summary.Value(tag="audio/tone", audio=audio)]),
                                   global_step=3, walltime=T0 + 3)
    writer.add_histogram_raw("hist/fractional", min=-1.5, max=2.25, num=3.75, sum=1.0, sum_squares=4.0,
                             bucket_limits=[-1.0, 0.0, 0.5, 1.0, 2.25], bucket_counts=[0.25, 0.0, 1.5, 0.0, 2.0],
                             global_step=0, walltime=T0 + 4)
    writer.add_histogram_raw("hist/one_bucket", min=0.1, max=0.1, num=7.0, sum=0.7, sum_squares=0.07,
                             bucket_limits=[0.1], bucket_counts=[7.0], global_step=1, walltime=T0 + 5)
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 90)).save(buffer, format="JPEG", quality=90)
    image = Summary.Image(height=3, width=4, colorspace=3, encoded_image_string=buffer.getvalue())
    writer.file_writer.add_summary(Summary(value=[Summary.Value(tag="image/jpeg", image=image)]),
                                   global_step=2, walltime=T0 + 6)
    writer.close()


def multiplexer(logdir):
    from tensorboard.backend.event_processing import plugin_event_multiplexer as pem

    loader = pem.EventMultiplexer(size_guidance={"tensors": 0}, tensor_size_guidance={},
                                  purge_orphaned_data=True)
    loader.AddRunsFromDirectory(logdir)
    loader.Reload()
    return loader


def series(loader, plugin):
    """(run, tag, [(step, ndarray)]) of every series of `plugin`, sorted by run and tag."""
    from tensorboard.util import tensor_util

    for run in sorted(loader.Runs()):
        for tag in sorted(loader.PluginRunToTagToContent(plugin).get(run, {})):
            points = [(event.step, tensor_util.make_ndarray(event.tensor_proto))
                      for event in loader.Tensors(run, tag)]
            yield run, tag, points


def pr_rows(loader):
    result = {}
    for run, tag, points in series(loader, "pr_curves"):
        entries = []
        for step, array in points:
            thresholds = np.linspace(0.0, 1.0, array.shape[1])
            rows = [[repr(float(thresholds[i]))] + [repr(float(array[r, i])) for r in range(6)]
                    for i in range(array.shape[1])]
            entries.append([step, rows])
        result[run + "\t" + tag] = entries
    return result


def percentiles(logdir, scratch):
    """compress_histogram of every histogram point, as TensorBoard's Distributions route serves it (its Rust
    data server converts legacy histograms to float64 buckets; its Python loader would round them to
    float32), from a copy of `logdir` (the server writes its log beside the directory)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from check_with_tensorboard import TensorBoardServer

    wanted = {(run, tag) for run, tag, _ in series(multiplexer(logdir), "histograms")}
    copy = os.path.join(scratch, "logdir")
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(logdir, copy)
    server = TensorBoardServer(copy)
    try:
        previous = None
        deadline = time.monotonic() + 180
        while True:
            if time.monotonic() > deadline:
                raise RuntimeError("tensorboard did not serve %s's histograms within 180 s" % logdir)
            time.sleep(1)
            try:
                tags = server.get_json("/data/plugin/distributions/tags")
                served = {(run, tag) for run, run_tags in tags.items() for tag in run_tags}
                if served != wanted:
                    continue
                current = {run + "\t" + tag: server.get_json("/data/plugin/distributions/distributions",
                                                             run=run, tag=tag) for run, tag in sorted(served)}
            except (OSError, ValueError):
                continue
            if current == previous:
                break
            previous = current
    finally:
        server.stop()
    return {key: [[step, [repr(float(value)) for _, value in values]] for _, step, values in points]
            for key, points in current.items()}


def main():
    write_log()
    expected = {
        "versions": {name: importlib.metadata.version(name)
                     for name in ("tensorboard", "tensorboardX", "numpy", "pillow")},
        "pr": pr_rows(multiplexer(LOG)),
    }
    with tempfile.TemporaryDirectory() as scratch:
        sets = {name: os.path.join(REPO, "fixtures", "peers", name) for name in PEER_SETS}
        sets["exports/tensorboardx"] = LOG
        expected["percentiles"] = {name: percentiles(path, os.path.join(scratch, name.replace("/", "-")))
                                   for name, path in sets.items()}
    expected["versions"]["python"] = sys.version.split()[0]
    with open(os.path.join(OUT, "expected.json"), "w") as file:
        json.dump(expected, file, indent=1, sort_keys=True)
        file.write("\n")


if __name__ == "__main__":
    main()
