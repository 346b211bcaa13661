"""Checks eventdump's restart purging against TensorBoard's two loaders, on logs written by a peer writer.

    .venv/bin/python scripts/check_purging.py EVENTDUMP

Writes a log directory of restarted runs with TensorBoard's own record writer (the one PyTorch's
SummaryWriter uses): steps going back with and without SessionLog START, a step written twice, a file of
version 1 (purged by out-of-order steps), a run resumed into a second file, and a tag never written again
after a restart. Then, for every run and tag, the points must be the same, in the same order, bit for bit:

- `eventdump scalars --loader rust` and TensorBoard's Rust data server, over the HTTP API of a `tensorboard`
  process (its default loader, `--load_fast=true` here so that it cannot fall back);
- `eventdump scalars --loader python` and TensorBoard's Python loader (`plugin_event_accumulator`, what
  `tensorboard --load_fast=false` runs, with `purge_orphaned_data`);
- `eventdump scalars --loader both` and the points both loaders keep;
- `eventdump scalars` with no `--loader` and `--loader rust`.

Exits 0 when all agree, 1 with every mismatch printed otherwise.
"""

import csv
import io
import logging
import os
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_with_tensorboard import TensorBoardServer  # noqa: E402


def event(step, wall, **fields):
    from tensorboard.compat.proto import event_pb2

    proto = event_pb2.Event(step=step, wall_time=wall)
    if "version" in fields:
        proto.file_version = fields["version"]
    if "start" in fields:
        proto.session_log.status = event_pb2.SessionLog.START
    for tag, value in fields.get("values", {}).items():
        proto.summary.value.add(tag=tag, simple_value=value)
    return proto.SerializeToString()


class LogWriter:
    """Writes the events of one run as files of TFRecords, with distinct wall times and values throughout."""

    def __init__(self, root, run):
        self.directory = os.path.join(root, run)
        os.makedirs(self.directory, exist_ok=True)
        self.files = 0
        self.clock = 1_700_000_000.0

    def file(self, version="brain.Event:2"):
        from tensorboard.summary.writer.record_writer import RecordWriter

        self.files += 1
        name = "events.out.tfevents.%d.host.%d" % (1_700_000_000 + self.files, self.files)
        self.writer = RecordWriter(open(os.path.join(self.directory, name), "wb"))
        self.write(0, version=version)
        return self

    def write(self, step, **fields):
        self.clock += 1.25
        self.writer.write(event(step, self.clock, **fields))

    def scalars(self, tags, steps):
        for step in steps:
            self.write(step, values={tag: float(step) + self.clock / 1e9 + index / 8 for index, tag in enumerate(tags)})

    def scalar_each(self, tags, steps):
        for step in steps:
            for index, tag in enumerate(tags):
                self.write(step, values={tag: float(step) * 3 + index + self.clock / 1e9})

    def close(self):
        self.writer.close()


def write_log(root):
    runs = []

    def run(name):
        runs.append(name)
        return LogWriter(root, name)

    w = run("regress").file()
    w.scalar_each(["a", "b"], range(10))
    w.scalar_each(["a"], range(5, 8))
    w.scalar_each(["b"], range(3, 13))
    w.close()

    w = run("start").file()
    w.write(0, start=True)
    w.scalar_each(["a", "b", "c"], range(10))
    w.write(5, start=True)
    w.scalar_each(["a"], range(5, 13))
    w.scalar_each(["b"], range(5, 9))
    w.close()

    w = run("equal").file()
    w.scalars(["a"], [0, 1, 2, 2, 3, 3, 3, 4])
    w.close()

    w = run("version1").file(version="brain.Event:1")
    w.scalar_each(["a", "b"], range(10))
    w.scalar_each(["a"], [4, 5])
    w.scalar_each(["b"], [10, 11])
    w.close()

    # A training run's two step axes in one run (epochs and global batches), killed and resumed into a new
    # file: the first with file version 2, the resumed one with file version 1.
    w = run("resumed/train").file()
    for epoch in range(6):
        w.scalar_each(["batch_loss"], range(epoch * 10, epoch * 10 + 10))
        w.scalar_each(["epoch_loss"], [epoch])
    w.scalar_each(["batch_loss"], range(60, 64))
    w.close()
    w.file(version="brain.Event:1")
    for epoch in range(4, 8):
        w.scalar_each(["batch_loss"], range(epoch * 10, epoch * 10 + 10))
        w.scalar_each(["epoch_loss"], [epoch])
    w.close()

    # Two STARTs in a resumed file (as our writer's resumeStep writes them) after a first file without START.
    w = run("two-starts").file()
    w.scalar_each(["a", "b"], range(8))
    w.close()
    w.file()
    w.write(4, start=True)
    w.write(4, start=True)
    w.scalar_each(["a"], range(4, 10))
    w.close()
    return runs


def bits(value):
    return struct.pack("<d", float(value)).hex()


def eventdump_points(eventdump, logdir, *options):
    output = subprocess.run([eventdump, "scalars", logdir, "--format", "csv", *options],
                            check=False, capture_output=True, text=True)
    if output.returncode != 0:
        raise RuntimeError("eventdump %s exited %d: %s" % (" ".join(options), output.returncode, output.stderr))
    points = {}
    for row in csv.DictReader(io.StringIO(output.stdout)):
        points.setdefault((row["run"], row["tag"]), []).append(
            (int(row["step"]), bits(row["wall_time"]), bits(row["value"])))
    return points


def python_loader_points(logdir, runs):
    from tensorboard.backend.event_processing import plugin_event_accumulator
    from tensorboard.util import tb_logging, tensor_util

    tb_logging.get_logger().setLevel(logging.ERROR)  # each purge is logged as a warning

    points = {}
    for run in runs:
        accumulator = plugin_event_accumulator.EventAccumulator(
            os.path.join(logdir, run), size_guidance={plugin_event_accumulator.TENSORS: 0}, purge_orphaned_data=True)
        accumulator.Reload()
        for tag in accumulator.Tags()["tensors"]:
            points[(run, tag)] = [(e.step, bits(e.wall_time), bits(tensor_util.make_ndarray(e.tensor_proto).item()))
                                  for e in accumulator.Tensors(tag)]
    return points


def rust_loader_points(logdir, runs):
    server = TensorBoardServer(logdir)
    try:
        deadline = time.monotonic() + 120
        previous = None
        while time.monotonic() < deadline:
            if server.process.poll() is not None:
                raise RuntimeError("tensorboard exited with status %s" % server.process.returncode)
            try:
                if set(server.get_json("/data/runs")) >= set(runs):
                    listing = server.get_json("/data/plugin/scalars/tags")
                    points = {}
                    for run, tags in listing.items():
                        for tag in tags:
                            points[(run, tag)] = [(step, bits(wall), bits(value)) for wall, step, value in
                                                  server.get_json("/data/plugin/scalars/scalars", run=run, tag=tag)]
                    if points == previous:
                        return points
                    previous = points
            except (OSError, ValueError):
                pass
            time.sleep(1)
        raise RuntimeError("tensorboard did not load the log directory within 120 s")
    finally:
        server.stop()


def kept_by_both(rust, python):
    both = {}
    for key in set(rust) | set(python):
        remaining = list(python.get(key, []))
        kept = []
        for point in rust.get(key, []):
            if point in remaining:
                remaining.remove(point)
                kept.append(point)
        if kept:
            both[key] = kept
    return both


def compare(problems, what, got, want):
    for key in sorted(set(got) | set(want)):
        if got.get(key, []) != want.get(key, []):
            problems.append("%s, %s/%s:\n    eventdump %s\n    reference %s" % (
                what, key[0], key[1], [p[0] for p in got.get(key, [])], [p[0] for p in want.get(key, [])]))


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    eventdump = argv[0]
    with tempfile.TemporaryDirectory() as scratch:
        logdir = os.path.join(scratch, "logs")
        runs = write_log(logdir)
        rust = rust_loader_points(logdir, runs)
        python = python_loader_points(logdir, runs)
        problems = []
        compare(problems, "--loader rust against the Rust data server", eventdump_points(eventdump, logdir, "--loader", "rust"), rust)
        compare(problems, "--loader python against the Python loader", eventdump_points(eventdump, logdir, "--loader", "python"), python)
        compare(problems, "--loader both against what both keep", eventdump_points(eventdump, logdir, "--loader", "both"), kept_by_both(rust, python))
        compare(problems, "the default against --loader rust", eventdump_points(eventdump, logdir), rust)
        if rust == python:
            problems.append("the log does not tell the loaders apart: both kept the same points")
        if problems:
            print("%d mismatches:" % len(problems))
            for problem in problems:
                print("  " + problem)
            return 1
        count = sum(len(p) for p in rust.values())
        print("eventdump's restart purging equals TensorBoard's Rust loader (%d points), its Python loader (%d) "
              "and both (%d), over %d runs." % (count, sum(len(p) for p in python.values()),
                                              sum(len(p) for p in kept_by_both(rust, python).values()), len(runs)))
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
