#!/usr/bin/env python3
"""Checks eventdump's exports against what the real TensorBoard serves over HTTP (its Rust data server).

    .venv/bin/python scripts/check_exports.py EVENTDUMP CONFORMANCE_LOGDIR

CONFORMANCE_LOGDIR is the built conformance-logdir tool: it writes our writer's log of every kind (images in
run train, PR curves and audio clips in run media). That log, the tf_summary peer set (images, several per
sample) and fixtures/exports/tensorboardx (tensorboardX PR curves and histograms, a legacy JPEG image and a
legacy WAV clip) are each copied to a scratch directory, served by `tensorboard --load_fast=true`, and:

  - `eventdump images LOGDIR --output DIR`: every file equals, byte for byte, what
    /data/plugin/images/individualImage serves for that sample (listed by /data/plugin/images/images with
    sample=k), and every image TensorBoard lists has its file;
  - `eventdump audio LOGDIR --output DIR`: the same through /data/plugin/audio/audio and individualAudio;
  - `eventdump pr LOGDIR`: every row equals /data/plugin/pr_curves/pr_curves (thresholds, precision and
    recall float64 bit for bit; the counts, which the route cuts to integers, in their integer part); the
    route drops trailing thresholds where tp + fp = 0, so the rows past its end must be exactly those;
  - `eventdump hist LOGDIR --percentiles`: every value equals /data/plugin/distributions/distributions.

Exits 1 listing every difference.
"""

import csv
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_with_tensorboard import TensorBoardServer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = "scalars=100000,images=10000,histograms=10000,audio=10000,pr_curves=10000"


def bits(value):
    return struct.pack("<d", float(value))


def eventdump(binary, *arguments):
    result = subprocess.run([binary, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("eventdump %s failed (%d): %s" % (" ".join(arguments), result.returncode, result.stderr))
    return list(csv.DictReader(io.StringIO(result.stdout)))


def wait_for(server, routes, deadline_seconds=180):
    """Waits until each (path, query, count) route lists `count` entries, twice in a row."""
    deadline = time.monotonic() + deadline_seconds
    previous = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("tensorboard exited with status %s" % server.process.returncode)
        try:
            counts = [len(server.get_json(path, **query)) for path, query, _ in routes]
            if counts == [count for _, _, count in routes] and counts == previous:
                return
            previous = counts
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    raise RuntimeError("tensorboard did not serve every expected point within %d s" % deadline_seconds)


class Report:
    def __init__(self):
        self.failures = []
        self.checked = 0

    def equal(self, what, got, want):
        self.checked += 1
        if got != want:
            self.failures.append("%s: eventdump %r, TensorBoard %r" % (what, got, want))


def media_check(server, binary, logdir, scratch, plugin, command, route, report):
    listing = eventdump(binary, command, logdir, "--format", "csv")
    output = os.path.join(scratch, command)
    subprocess.run([binary, command, logdir, "--output", output], check=True, capture_output=True)
    counts = {}
    for row in listing:
        key = (row["run"], row["tag"], int(row["step"]))
        counts[key] = max(counts.get(key, 0), int(row["index"]) + 1)
    exported = set()
    for folder, _, files in os.walk(output):
        exported.update(os.path.join(folder, name) for name in files)
    served = set()
    for run, tag in sorted({(run, tag) for run, tag, _ in counts}):
        for sample in range(max(count for (r, t, _), count in counts.items() if (r, t) == (run, tag))):
            for entry in server.get_json("/data/plugin/%s/%s" % (plugin, plugin), run=run, tag=tag, sample=sample):
                count = counts.get((run, tag, entry["step"]), 0)
                if count <= sample:
                    continue  # the audio route lists a sample past a step's clips (its `<` check)
                name = "%d-%d" % (entry["step"], sample) if count > 1 else "%d" % entry["step"]
                matches = [path for path in exported
                           if os.path.basename(os.path.dirname(path)) == component(tag)
                           and os.path.basename(os.path.dirname(os.path.dirname(path))) == component(run)
                           and os.path.splitext(os.path.basename(path))[0] == name]
                what = "%s %s/%s step %d sample %d" % (command, run, tag, entry["step"], sample)
                body = server.get("/data/plugin/%s/%s?%s" % (plugin, route, entry["query"]))
                report.equal(what + " file", len(matches), 1)
                for path in matches:
                    served.add(path)
                    with open(path, "rb") as file:
                        report.equal(what + " bytes", file.read(), body)
    report.equal("%s: files TensorBoard serves nothing for" % command, sorted(exported - served), [])
    return len(served)


def component(name):
    """ExportPath's mapping (see `eventdump images --help`), for locating a file."""
    if name in ("", ".", ".."):
        return {"": "%", ".": "%2E", "..": "%2E."}[name]
    kept = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.+=,;@!~'()[]{}&$#^")
    return "".join(chr(byte) if byte in kept else "%%%02X" % byte for byte in name.encode())


def pr_check(server, binary, logdir, report):
    rows = eventdump(binary, "pr", logdir, "--format", "csv")
    by_point = {}
    for row in rows:
        by_point.setdefault((row["run"], row["tag"], int(row["step"])), []).append(row)
    for run, tag in sorted({(run, tag) for run, tag, _ in by_point}):
        served = server.get_json("/data/plugin/pr_curves/pr_curves", run=run, tag=tag)[run]
        report.equal("pr %s/%s steps" % (run, tag), sorted(e["step"] for e in served),
                     sorted(step for r, t, step in by_point if (r, t) == (run, tag)))
        for entry in served:
            mine = by_point.get((run, tag, entry["step"]), [])
            end = len(entry["thresholds"])
            what = "pr %s/%s step %d" % (run, tag, entry["step"])
            for column, key in (("threshold", "thresholds"), ("precision", "precision"), ("recall", "recall")):
                report.equal("%s %s" % (what, column), [bits(row[column]) for row in mine[:end]],
                             [bits(value) for value in entry[key]])
            # The route serves the counts cut to integers (int(v)); eventdump prints them as stored, which a
            # weighted curve makes fractional: the integer parts must agree.
            for column, key in (("tp", "true_positives"), ("fp", "false_positives"), ("tn", "true_negatives"),
                                ("fn", "false_negatives")):
                report.equal("%s %s" % (what, column), [int(float(row[column])) for row in mine[:end]], entry[key])
            report.equal(what + " trimmed rows have int(tp) + int(fp) = 0",
                         [int(float(row["tp"])) + int(float(row["fp"])) for row in mine[end:]], [0] * (len(mine) - end))
    return len(by_point)


def percentile_check(server, binary, logdir, report):
    rows = eventdump(binary, "hist", logdir, "--percentiles", "--format", "csv")
    columns = ["0%", "6.68%", "15.87%", "30.85%", "50%", "69.15%", "84.13%", "93.32%", "100%"]
    series = {}
    for row in rows:
        series.setdefault((row["run"], row["tag"]), []).append(row)
    for (run, tag), mine in sorted(series.items()):
        served = server.get_json("/data/plugin/distributions/distributions", run=run, tag=tag)
        report.equal("hist %s/%s points" % (run, tag), [int(row["step"]) for row in mine], [p[1] for p in served])
        for row, (_, step, values) in zip(mine, served):
            report.equal("hist %s/%s step %d basis points" % (run, tag, step), [v[0] for v in values],
                         [0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000])
            report.equal("hist %s/%s step %d values" % (run, tag, step), [bits(row[c]) for c in columns],
                         [bits(v[1]) for v in values])
    return sum(len(rows) for rows in series.values())


def expected_routes(binary, logdir):
    """The routes to wait for, with the number of entries each must list."""
    routes = []
    for command, plugin in (("images", "images"), ("audio", "audio")):
        points = {}
        for row in eventdump(binary, command, logdir, "--format", "csv"):
            if row["index"] == "0":
                points[(row["run"], row["tag"])] = points.get((row["run"], row["tag"]), 0) + 1
        routes += [("/data/plugin/%s/%s" % (plugin, plugin), {"run": r, "tag": t, "sample": 0}, n)
                   for (r, t), n in points.items()]
    points = {}
    for row in eventdump(binary, "hist", logdir, "--percentiles", "--format", "csv"):
        points[(row["run"], row["tag"])] = points.get((row["run"], row["tag"]), 0) + 1
    routes += [("/data/plugin/distributions/distributions", {"run": r, "tag": t}, n) for (r, t), n in points.items()]
    return routes


def check(binary, logdir, name, scratch, report):
    routes = expected_routes(binary, logdir)
    server = TensorBoardServer(logdir, samples=SAMPLES)
    try:
        wait_for(server, routes)
        images = media_check(server, binary, logdir, scratch, "images", "images", "individualImage", report)
        clips = media_check(server, binary, logdir, scratch, "audio", "audio", "individualAudio", report)
        curves = pr_check(server, binary, logdir, report)
        histograms = percentile_check(server, binary, logdir, report)
    finally:
        server.stop()
    print("%s: %d images, %d audio clips, %d PR curve points, %d histograms as TensorBoard serves them"
          % (name, images, clips, curves, histograms), file=sys.stderr)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, conformance = (os.path.abspath(path) for path in sys.argv[1:])
    report = Report()
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([conformance, os.path.join(scratch, "conformance")], check=True, capture_output=True)
        sources = [(os.path.join(scratch, "conformance", "logdir"), "conformance"),
                   (os.path.join(ROOT, "fixtures", "peers", "tf_summary"), "tf_summary"),
                   (os.path.join(ROOT, "fixtures", "exports", "tensorboardx"), "tensorboardx")]
        for source, name in sources:
            # Served from a copy: the server writes its log next to the log directory.
            logdir = os.path.join(scratch, name, "logdir")
            if not os.path.exists(logdir):
                shutil.copytree(source, logdir)
            check(binary, logdir, name, os.path.join(scratch, name), report)
    for failure in report.failures:
        print("FAIL " + failure, file=sys.stderr)
    print("%d comparisons, %d failures" % (report.checked, len(report.failures)), file=sys.stderr)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
