"""Checks `eventdump aggregate` against tensorboard-reducer on real multi-seed logs.

    .venv/bin/python scripts/check_aggregate.py EVENTDUMP

1. Writes a log directory of seeds with TensorBoard's own event writer (`EventFileWriter` and its protos,
   `simple_value` scalars as PyTorch's SummaryWriter writes them): seeds that stop early or skip steps (lax
   steps), a tag only some seeds have (lax tags), a group of one run, a group of ten seeds (numpy's pairwise
   summation works in blocks of 8), a step logged twice, NaN values, a step where every seed logged NaN, and
   an infinity.
2. Groups the runs with Python's `re` (the group naming rule written again here, independently), reduces each
   group with tensorboard-reducer 0.4.0 (`load_tb_events(strict_steps=False, strict_tags=False,
   handle_dup_steps="keep-last", min_runs_per_step=1)`, `reduce_events` with count, mean, std, min, max and
   median), and compares the table of `eventdump aggregate --format csv` value for value: every double
   exactly (NaN equal to NaN), with no tolerance. The one expected difference: tensorboard-reducer drops a
   step where every value is NaN (its `min_runs_per_step` counts values that are not NaN), which eventdump
   keeps with count 0 and NaN statistics; those rows are computed here from the values written.
3. Writes the statistics with `aggregate --output` and with tensorboard-reducer's `write_tb_events`, reads
   both back with TensorBoard's EventAccumulator, and compares runs, tags, steps and values (32-bit floats,
   exactly). `write_tb_events` imports PyTorch's (or TensorFlow's) SummaryWriter, and neither is in the venv
   (hundreds of megabytes); the stand-in below writes what PyTorch's `add_scalar` writes (one `simple_value`
   per event, through the same EventFileWriter), so tensorboard-reducer's own code chooses the run names and
   values. Both tools refuse to write into an existing output run; `--force` replaces it.
"""

import math
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import types
import warnings
from io import StringIO

import numpy as np
import pandas as pd
from tensorboard.backend.event_processing import event_accumulator
from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard_reducer import load_tb_events, reduce_events, write_tb_events

# pandas' std of a row holding an infinity subtracts inf from inf (the NaN it should give); numpy warns.
warnings.filterwarnings("ignore", "invalid value encountered in subtract", RuntimeWarning)

GROUP_BY = r"seed-\d+"
OPS = ["count", "mean", "std", "min", "max", "median"]
SEPARATORS = "-_."


def f32(value):
    """The nearest 32-bit float, as a Python float (what simple_value stores)."""
    return float(np.float32(value))


def write_run(path, series):
    """Writes {tag: [(step, value), ...]} as one event per value, step by step, as PyTorch's add_scalar does."""
    writer = EventFileWriter(path)
    points = sorted((step, order, tag, value) for tag, pts in series.items() for order, (step, value) in enumerate(pts))
    for step, _, tag, value in points:
        summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, simple_value=value)])
        writer.add_event(event_pb2.Event(wall_time=1_700_000_000.0 + step, step=step, summary=summary))
    writer.close()


def make_logs(root):
    """The multi-seed log directory; returns {run name: {tag: [(step, value)]}} as written."""
    rng = np.random.default_rng(20240615)

    def curve(steps, scale, offset=0.0):
        return [(s, f32(offset + scale * math.exp(-s / 9) + rng.normal(0, abs(scale) / 7))) for s in steps]

    runs = {}
    for seed in (1, 2, 3):
        train = {
            "loss": curve(range(30 if seed < 3 else 15), 2.5),  # seed 3 stopped at step 14
            "acc": curve(range(30 if seed < 3 else 15), -0.9, offset=1.0),
            "diverged": [(s, f32(0.5 * seed + s)) for s in range(8) if seed < 3 or s != 4],
        }
        if seed == 2:
            train["loss"] = [(s, v) for s, v in train["loss"] if s not in (5, 17)]  # skipped steps
            train["loss"] = [(s, float("nan") if s == 3 else v) for s, v in train["loss"]]
        if seed < 3:
            train["extra"] = curve(range(20 if seed == 1 else 25), 40.0)  # a tag only seeds 1 and 2 have
            # Every seed that has the tag logged NaN at step 4.
            train["diverged"] = [(s, float("nan") if s == 4 else v) for s, v in train["diverged"]]
        if seed == 1:
            train["loss"].insert(11, (10, f32(7.25)))  # step 10 logged again: the last value counts
        runs[f"sweep/lr-0.05_seed-{seed}/train"] = train
        if seed < 3:
            runs[f"sweep/lr-0.05_seed-{seed}/validation"] = {"loss": curve(range(0, 30, 5), 3.0)}
    runs["sweep/lr-0.1_seed-1/train"] = {"loss": curve(range(30), 2.0), "acc": curve(range(30), -0.8, 1.0)}
    for seed in range(10):
        values = {"loss": [p for p in curve(range(40), 1e3, offset=5e3) if rng.random() > 0.2]}
        if seed == 3:
            values["loss"] = [(s, float("inf") if s == 7 else v) for s, v in values["loss"]]
        runs[f"wide/seed-{seed}"] = values
    for name, series in runs.items():
        write_run(os.path.join(root, name), series)
    return runs


def group_of(name, pattern):
    """The --group-by rule: every match removed, the separators that meet become one (the first), none at the
    ends of a path component, an emptied component dropped with its slash, an empty name '.'."""
    spans = [m.span() for m in re.finditer(pattern, name) if m.end() > m.start()]
    if not spans:
        return name
    pieces, position = [], 0
    for start, end in spans:
        pieces.append(name[position:start])
        position = end
    pieces.append(name[position:])
    result = pieces[0]
    for index, piece in enumerate(pieces[1:], start=1):
        left = result.rstrip(SEPARATORS)
        left_separators = result[len(left):]
        right = piece.lstrip(SEPARATORS)
        right_separators = piece[: len(piece) - len(right)]
        if not right and index < len(pieces) - 1:
            result = left + left_separators + right_separators
            continue
        starts = not left or left.endswith("/")
        ends = not right or right.startswith("/")
        if starts and ends:
            result = right[1:] if not left else left[:-1] + right
        elif starts or ends:
            result = left + right
        else:
            result = left + (left_separators[:1] or right_separators[:1]) + right
    return result or "."


def same(a, b):
    """Equal doubles, bit for bit (NaN equals NaN)."""
    return struct.pack("<d", a) == struct.pack("<d", b) or (math.isnan(a) and math.isnan(b))


def all_nan_steps(runs, members, tag):
    """The steps where every value the group's runs logged for tag is NaN (after keep-last)."""
    last = {}
    for run in members:
        for step, value in dict(runs[run].get(tag, [])).items():
            last.setdefault(step, []).append(value)
    return {step for step, values in last.items() if all(math.isnan(v) for v in values)}


def check_table(eventdump, root, runs, groups):
    result = subprocess.run(
        [eventdump, "aggregate", root, "--group-by", GROUP_BY, "--format", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    ours = pd.read_csv(StringIO(result.stdout), keep_default_na=False, dtype=str)
    rows = {(r.group, r.tag, int(r.step)): r for r in ours.itertuples()}
    compared = extra = 0
    for group, members in sorted(groups.items()):
        reduced = reduce_events(
            load_tb_events(
                [os.path.join(root, m) for m in members],
                strict_steps=False,
                strict_tags=False,
                handle_dup_steps="keep-last",
                min_runs_per_step=1,
            ),
            OPS,
        )
        for tag in reduced["mean"]:
            theirs_steps = set(int(s) for s in reduced["mean"][tag].index)
            expected_extra = all_nan_steps(runs, members, tag)
            ours_steps = {step for (g, t, step) in rows if g == group and t == tag}
            assert ours_steps == theirs_steps | expected_extra, (group, tag, sorted(ours_steps ^ theirs_steps))
            assert not (theirs_steps & expected_extra), (group, tag)
            for step in sorted(ours_steps):
                row = rows[(group, tag, step)]
                if step in expected_extra:
                    assert row.count == "0" and all(math.isnan(float(getattr(row, op))) for op in OPS[1:]), row
                    extra += 1
                    continue
                for op in OPS:
                    theirs = float(reduced[op][tag].loc[step])
                    value = float(getattr(row, op))
                    assert same(value, theirs), f"{group} {tag} step {step} {op}: eventdump {value!r}, reducer {theirs!r}"
                compared += 1
        assert {t for (g, t, _) in rows if g == group} == set(reduced["mean"]), group
    assert {g for (g, _, _) in rows} == set(groups), sorted({g for (g, _, _) in rows})
    print(f"aggregate table: {compared} rows of {len(groups)} groups equal tensorboard-reducer's, bit for bit; "
          f"{extra} all-NaN rows kept with count 0")
    return len(rows)


class _PyTorchStyleWriter:
    """What write_tb_events needs of torch.utils.tensorboard.SummaryWriter: add_scalar writes one event with one
    simple_value (float(value)) at the step, through tensorboard's EventFileWriter, as PyTorch does."""

    def __init__(self, log_dir):
        self._writer = EventFileWriter(log_dir)

    def add_scalar(self, tag, value, step):
        summary = summary_pb2.Summary(value=[summary_pb2.Summary.Value(tag=tag, simple_value=float(value))])
        self._writer.add_event(event_pb2.Event(wall_time=time.time(), step=int(step), summary=summary))

    def close(self):
        self._writer.close()


def install_pytorch_writer():
    """Makes `from torch.utils.tensorboard import SummaryWriter` work: PyTorch's own when installed (the full
    venv profile), else the stand-in."""
    try:
        from torch.utils.tensorboard import SummaryWriter  # noqa: F401

        return
    except ImportError:
        pass
    modules = {name: types.ModuleType(name) for name in ("torch", "torch.utils", "torch.utils.tensorboard")}
    modules["torch.utils.tensorboard"].SummaryWriter = _PyTorchStyleWriter
    sys.modules.update(modules)


def read_runs(directory):
    """{run: {tag: [(step, value)]}} for every run under directory, read with TensorBoard's EventAccumulator."""
    found = {}
    for path, _, files in os.walk(directory):
        if any("tfevents" in f for f in files):
            accumulator = event_accumulator.EventAccumulator(path, size_guidance={event_accumulator.SCALARS: 0})
            accumulator.Reload()
            found[os.path.relpath(path, directory)] = {
                tag: [(e.step, e.value) for e in accumulator.Scalars(tag)] for tag in accumulator.Tags()["scalars"]
            }
    return found


def check_output(eventdump, root, runs, groups, scratch):
    ours_dir, theirs_dir = os.path.join(scratch, "ours"), os.path.join(scratch, "theirs")
    command = [eventdump, "aggregate", root, "--group-by", GROUP_BY, "--output", ours_dir]
    subprocess.run(command, capture_output=True, check=True)
    install_pytorch_writer()
    for group, members in groups.items():
        loaded = load_tb_events(
            [os.path.join(root, m) for m in members],
            strict_steps=False,
            strict_tags=False,
            handle_dup_steps="keep-last",
            min_runs_per_step=1,
        )
        reduced = reduce_events(loaded, ["mean", "std", "min", "max", "median"])
        write_tb_events(reduced, os.path.join(theirs_dir, group) + "/")
        try:
            write_tb_events(reduced, os.path.join(theirs_dir, group) + "/")
            raise AssertionError("tensorboard-reducer wrote into an existing run")
        except FileExistsError:
            pass
    ours, theirs = read_runs(ours_dir), read_runs(theirs_dir)
    assert sorted(ours) == sorted(theirs), (sorted(ours), sorted(theirs))
    points = 0
    for run in sorted(theirs):
        assert sorted(ours[run]) == sorted(theirs[run]), run
        group = os.path.dirname(run)
        for tag, written in theirs[run].items():
            # tensorboard-reducer writes the steps in the order of its outer join (the first run's steps, then
            # those only later runs have), not sorted; eventdump writes them ascending, so that no loader sees
            # a step go back (TensorBoard's Rust loader would drop points there).
            expected = sorted(written, key=lambda point: point[0])
            extra = all_nan_steps(runs, groups[group], tag)
            got = [(s, v) for s, v in ours[run][tag] if s not in extra]
            assert [s for s, _ in ours[run][tag]] == sorted(s for s, _ in ours[run][tag]), (run, tag)
            assert [s for s, _ in got] == [s for s, _ in expected], (run, tag)
            for (step, value), (_, want) in zip(got, expected):
                assert same(value, want), f"{run} {tag} step {step}: eventdump {value!r}, write_tb_events {want!r}"
            assert all(math.isnan(v) for s, v in ours[run][tag] if s in extra), (run, tag)
            points += len(expected)
    # An existing output run is refused (exit 1, naming it); --force replaces its event file.
    refused = subprocess.run(command, capture_output=True, text=True)
    assert refused.returncode == 1 and "already exists and is not empty" in refused.stderr, refused.stderr
    subprocess.run(command + ["--force"], capture_output=True, check=True)
    again = read_runs(ours_dir)
    assert sorted(again) == sorted(ours) and all(
        sorted(again[run]) == sorted(ours[run])
        and all(
            len(again[run][tag]) == len(points)
            and all(s == t and same(v, w) for (s, v), (t, w) in zip(again[run][tag], points))
            for tag, points in ours[run].items()
        )
        for run in ours
    )
    for run in ours:
        assert len([f for f in os.listdir(os.path.join(ours_dir, run)) if "tfevents" in f]) == 1, run
    print(f"aggregate --output: {len(ours)} runs, {points} points equal write_tb_events's as TensorBoard reads them")


def main():
    eventdump = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as scratch:
        root = os.path.join(scratch, "logs")
        runs = make_logs(root)
        groups = {}
        for name in sorted(runs):
            groups.setdefault(group_of(name, GROUP_BY), []).append(name)
        assert groups["sweep/lr-0.05/train"] == [f"sweep/lr-0.05_seed-{s}/train" for s in (1, 2, 3)]
        assert groups["sweep/lr-0.1/train"] == ["sweep/lr-0.1_seed-1/train"] and len(groups["wide"]) == 10
        check_table(eventdump, root, runs, groups)
        check_output(eventdump, root, runs, groups, scratch)


if __name__ == "__main__":
    main()
