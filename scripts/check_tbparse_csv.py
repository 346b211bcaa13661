"""Checks that `eventdump scalars --format csv`, loaded with pandas, equals what tbparse reads.

    .venv/bin/python scripts/check_tbparse_csv.py EVENTDUMP [LOGDIR...]

Without LOGDIR, checks every peer fixture set in fixtures/peers/ (scripts/test does this). For each
log directory it runs the built `eventdump` binary and pip-installed tbparse on the same files and compares
the two DataFrames value for value (float64 bit patterns; NaN equals NaN; -0.0 differs from 0.0).

What a tbparse user calls "the scalars" of a log is `SummaryReader.scalars` (legacy `simple_value`s, as
tensorboardX and PyTorch write them) together with the numeric rank-0 rows of `SummaryReader.tensors`
(`tf.summary.scalar`, Keras): tbparse 0.0.9 keeps the two apart, so this script joins them. Its
`dir_name` is "" for the log directory itself, where eventdump names that run ".".

Restarts are where the tools differ (FORMAT.md section 7.6). eventdump purges as TensorBoard's default
(Rust) loader does: a point removes its series' points with a step at least as high, across the files of a
run. tbparse reads each event file with its own Python EventAccumulator: in a `brain.Event:2` file it
ignores step regressions and the first SessionLog START, in an older file it purges the regressing event's
tags, and it never purges across files. So the sets with restarts are compared the way tbparse reads them,
as listed in RESTARTS with the reason: file by file, and with `--keep-all` where tbparse purges nothing.
tbparse sorts each tag's points by step (stable), so both tables are compared in that order.
"""

import math
import os
import struct
import subprocess
import sys
from io import StringIO

import numpy as np
import pandas as pd
from tbparse import SummaryReader

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(ROOT, "fixtures", "peers")

# Log directories (relative to fixtures/peers) with restarts: (file by file?, --keep-all?, why).
RESTARTS = {
    "pytorch": (True, False, "purge_step starts a second file whose START would purge the first file's points"),
    "resume_purge/v1_step_regression": (False, False, "brain.Event:1: both purge the regressing event's tags"),
    "resume_purge/v2_restart": (True, True, "brain.Event:2: tbparse keeps step regressions and later files"),
}


def tbparse_frame(logdir):
    """tbparse's scalars: legacy scalars plus numeric rank-0 tensors, columns run, tag, step, wall_time, value."""
    frames = []
    reader = SummaryReader(logdir, extra_columns={"dir_name", "wall_time"}, event_types={"scalars"})
    if len(reader.scalars):
        frames.append(reader.scalars[["dir_name", "tag", "step", "wall_time", "value"]].copy())
    # event_types={"tensors"} alone: tbparse 0.0.9 otherwise parses every type and fails on rank-1 text.
    tensors = SummaryReader(logdir, extra_columns={"dir_name", "wall_time"}, event_types={"tensors"}).tensors
    if len(tensors):
        numeric = tensors["value"].map(is_number)
        rows = tensors[numeric][["dir_name", "tag", "step", "wall_time", "value"]].copy()
        rows["value"] = rows["value"].map(float)
        frames.append(rows)
    if not frames:
        return empty_frame()
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.rename(columns={"dir_name": "run"})
    frame["run"] = frame["run"].map(lambda name: name if name else ".")
    return normalised(frame)


def is_number(value):
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, (int, float, np.integer, np.floating)):
        return True
    return isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "iuf"


def eventdump_frame(eventdump, logdir, keep_all):
    arguments = [eventdump, "scalars", logdir, "--format", "csv"] + (["--keep-all"] if keep_all else [])
    result = subprocess.run(arguments, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} exited with {result.returncode}:\n{result.stderr}")
    frame = pd.read_csv(StringIO(result.stdout), keep_default_na=False, na_values=[""], dtype={"run": str, "tag": str})
    return normalised(frame)


def empty_frame():
    return pd.DataFrame({"run": [], "tag": [], "step": [], "wall_time": [], "value": []})


def normalised(frame):
    frame = frame.astype({"run": str, "tag": str, "step": "int64", "wall_time": "float64", "value": "float64"})
    # eventdump gives a run's points in file order; tbparse groups them by tag, sorted by step (stable).
    frame = frame.sort_values(["run", "tag", "step"], kind="stable").reset_index(drop=True)
    return frame[["run", "tag", "step", "wall_time", "value"]]


def bits(value):
    if math.isnan(value):
        return "nan"
    return struct.pack("<d", value).hex()


def compare(name, ours, theirs):
    problems = []
    if len(ours) != len(theirs):
        problems.append(f"{len(ours)} rows from eventdump, {len(theirs)} from tbparse")
    for index, (a, b) in enumerate(zip(ours.itertuples(index=False), theirs.itertuples(index=False))):
        same = (
            a.run == b.run
            and a.tag == b.tag
            and a.step == b.step
            and bits(a.wall_time) == bits(b.wall_time)
            and bits(a.value) == bits(b.value)
        )
        if not same:
            problems.append(f"row {index}: eventdump {tuple(a)} != tbparse {tuple(b)}")
        if len(problems) > 10:
            break
    if problems:
        print(f"FAIL {name}:", *problems, sep="\n  ")
        return False
    return True


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    eventdump = sys.argv[1]
    logdirs = sys.argv[2:] or [
        os.path.join(PEERS, name, run) if run else os.path.join(PEERS, name)
        for name in sorted(os.listdir(PEERS))
        if name != "expected"
        for run in (sorted(os.listdir(os.path.join(PEERS, name))) if name == "resume_purge" else [None])
    ]
    failures = 0
    for logdir in logdirs:
        name = os.path.relpath(logdir, PEERS)
        per_file, keep_all, why = RESTARTS.get(name, (False, False, ""))
        targets = [logdir]
        if per_file:
            targets = sorted(
                os.path.join(directory, file)
                for directory, _, files in os.walk(logdir)
                for file in files
                if "tfevents" in file
            )
        points, same = 0, True
        for target in targets:
            ours = eventdump_frame(eventdump, target, keep_all)
            theirs = tbparse_frame(target)
            same = compare(os.path.relpath(target, PEERS), ours, theirs) and same
            points += len(ours)
        if same:
            how = ", ".join(filter(None, ["file by file" if per_file else "", "--keep-all" if keep_all else ""]))
            note = f" ({how + ': ' if how else ''}{why})" if why else ""
            print(f"ok   {name}: {points} points equal{note}")
        else:
            failures += 1
    if failures:
        raise SystemExit(f"{failures} log directories differ from tbparse")


if __name__ == "__main__":
    main()
