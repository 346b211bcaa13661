"""Checks that a train-demo run killed with SIGKILL mid-epoch and resumed shows every step once, as resumed.

    .venv/bin/python scripts/check_resume.py TRAIN_DEMO EVENTDUMP

Runs `train-demo --epochs 4 --name r --hang-in-epoch 3`, which stops halfway through epoch 3, waits until the
batches it logged in that epoch are in the event files (the writers flush within 2 s), kills it with SIGKILL,
and continues it with `--resume`. Then runs `--name u`, the same training uninterrupted (the demo is
deterministic for a seed). With TensorBoard's Rust data server (over HTTP) and its Python loader
(`plugin_event_accumulator` with `purge_orphaned_data`), for every scalar tag of every run of `r`:

- every step of `u` appears exactly once, and no other;
- the values equal `u`'s bit for bit (the `*_steps_per_second` timings aside);
- the points from the resumed epoch on (epoch 2, global batch steps after epoch 2's first) were written by the
  resumed process: their wall times are after it started;

and the killed attempt had written such points (stale ones to drop). Also `r/training.csv` equals `u`'s (each
epoch once), the backup is gone after the resumed run ended, and `eventdump scalars --loader rust` and
`--loader python` equal the Rust and Python loaders point for point.

Exits 0 when all holds, 1 with every problem printed otherwise.
"""

import logging
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_purging import bits, eventdump_points, rust_loader_points  # noqa: E402

EPOCHS = 4
HANG_EPOCH = 3  # from 1: the kill comes halfway through epoch index 2
RESUMED_EPOCH = HANG_EPOCH - 1
BATCHES_PER_EPOCH = 45  # 1,437 training samples in batches of 32


def demo(train_demo, logdir, name, *extra):
    return [train_demo, "--epochs", str(EPOCHS), "--logdir", logdir, "--name", name, "--no-logs-summary", *extra]


def run_killed(train_demo, logdir):
    """Runs `r` until it hangs in HANG_EPOCH, waits for its batches to be flushed, and kills it with SIGKILL."""
    process = subprocess.Popen(demo(train_demo, logdir, "r", "--hang-in-epoch", str(HANG_EPOCH)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        if "hanging in epoch" not in line:
            raise RuntimeError("train-demo did not hang as asked: %r (status %s)" % (line, process.poll()))
        time.sleep(4)  # two flush intervals: what the writers hold reaches the files
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    return process.returncode


def python_loader_points(logdir, runs):
    """Every scalar series of `runs` as TensorBoard's Python loader keeps it: (step, wall bits, value bits)."""
    from tensorboard.backend.event_processing import plugin_event_accumulator
    from tensorboard.util import tb_logging, tensor_util

    tb_logging.get_logger().setLevel(logging.ERROR)  # each purge and the file version 1 are logged
    points = {}
    for run in runs:
        accumulator = plugin_event_accumulator.EventAccumulator(
            os.path.join(logdir, run), size_guidance={plugin_event_accumulator.TENSORS: 0}, purge_orphaned_data=True)
        accumulator.Reload()
        for tag in accumulator.Tags()["tensors"]:
            if accumulator.SummaryMetadata(tag).plugin_data.plugin_name != "scalars":
                continue
            points[(run, tag)] = [(e.step, bits(e.wall_time), bits(tensor_util.make_ndarray(e.tensor_proto).item()))
                                  for e in accumulator.Tensors(tag)]
    return points


def first_resumed_step(tag):
    """The first step the resumed run writes `tag` at: its epoch, or a global batch step within it."""
    if tag.startswith("batch_") or tag.startswith("evaluation_"):
        return RESUMED_EPOCH * BATCHES_PER_EPOCH + 1
    return RESUMED_EPOCH


def check_loader(problems, loader, points, resumed_at):
    def wall(bits_hex):
        import struct
        return struct.unpack("<d", bytes.fromhex(bits_hex))[0]

    for (run, tag), want in sorted(points.items()):
        if not run.startswith("u"):
            continue
        got = points.get(("r" + run[1:], tag), [])
        where = "%s loader, r%s/%s" % (loader, run[1:], tag)
        steps = [p[0] for p in got]
        if steps != [p[0] for p in want]:
            problems.append("%s: steps %s, want each of %s once" % (where, steps, [p[0] for p in want]))
            continue
        if not tag.endswith("steps_per_second") and [p[2] for p in got] != [p[2] for p in want]:
            problems.append("%s: values differ from the uninterrupted run's" % where)
        for step, wall_bits, _ in got:
            if step >= first_resumed_step(tag) and wall(wall_bits) < resumed_at:
                problems.append("%s: the point at step %d is the killed attempt's" % (where, step))
    if not any(run.startswith("r") for run, _ in points):
        problems.append("%s loader: no runs of r" % loader)


def stale_batch_steps(logdir):
    """The train run's batch steps past the last backup, written by the killed attempt (read with no purging)."""
    from tensorboard.backend.event_processing import plugin_event_accumulator

    accumulator = plugin_event_accumulator.EventAccumulator(
        os.path.join(logdir, "r", "train"), size_guidance={plugin_event_accumulator.TENSORS: 0},
        purge_orphaned_data=False)
    accumulator.Reload()
    return [e.step for e in accumulator.Tensors("batch_loss") if e.step > RESUMED_EPOCH * BATCHES_PER_EPOCH]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    train_demo, eventdump = argv
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        logdir = os.path.join(scratch, "logs")
        status = run_killed(train_demo, logdir)
        if status != -signal.SIGKILL:
            problems.append("the killed run exited with status %s, not by SIGKILL" % status)
        stale = stale_batch_steps(logdir)
        if not stale:
            problems.append("the killed attempt left no batch points past the backup: nothing tests the purge")
        resumed_at = time.time()
        subprocess.run(demo(train_demo, logdir, "r", "--resume"), check=True, stdout=subprocess.DEVNULL)
        subprocess.run(demo(train_demo, logdir, "u"), check=True, stdout=subprocess.DEVNULL)
        if os.path.exists(os.path.join(logdir, "r", "backup")):
            problems.append("the backup is still there after the resumed run ended normally")
        with open(os.path.join(logdir, "r", "training.csv")) as resumed, \
                open(os.path.join(logdir, "u", "training.csv")) as whole:
            if resumed.read() != whole.read():
                problems.append("r/training.csv differs from the uninterrupted run's (each epoch once, same values)")

        runs = [run + part for run in ("r", "u") for part in ("", "/train", "/validation")]
        rust = rust_loader_points(logdir, runs)
        python = python_loader_points(logdir, runs)
        check_loader(problems, "Rust", rust, resumed_at)
        check_loader(problems, "Python", python, resumed_at)
        for loader, reference in (("rust", rust), ("python", python)):
            got = eventdump_points(eventdump, logdir, "--loader", loader)
            for key in sorted(set(got) | set(reference)):
                if got.get(key, []) != reference.get(key, []):
                    problems.append("eventdump --loader %s, %s/%s: steps %s, the loader's %s" % (
                        loader, key[0], key[1], [p[0] for p in got.get(key, [])],
                        [p[0] for p in reference.get(key, [])]))
    if problems:
        print("%d problems:" % len(problems))
        for problem in problems:
            print("  " + problem)
        return 1
    print("resume: killed in epoch %d (stale batch steps %s), resumed; every step once, as resumed, in TensorBoard's "
          "Rust and Python loaders and in eventdump; the CSV log as uninterrupted" % (HANG_EPOCH, stale))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
