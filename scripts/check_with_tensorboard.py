"""Checks a log directory written by our writer against its manifest, with the real TensorBoard.

    .venv/bin/python scripts/check_with_tensorboard.py LOGDIR MANIFEST

The manifest (written by `conformance-logdir`) lists, per run, exactly what TensorBoard must show: scalars,
histograms, text, images and hparams, with float64 bit patterns. Three independent readers load LOGDIR and
every run, tag, plugin, step, wall time and value must come back exactly (NaN equal to NaN), with nothing
extra of the kinds the manifest lists:

1. TensorBoard's Python loader in this process (plugin_event_multiplexer, keeping every point);
2. TensorBoard's Rust data server, the default loader of `tensorboard --logdir`, through the HTTP API of a
   `tensorboard` process started on 127.0.0.1 (one load pass) and stopped by its own process group;
3. tbparse (its `tensors`, `scalars`, `text` and `hparams` tables; it has no reader for modern histograms or
   images, so those are checked by the first two readers only).

Besides, every histogram the manifest lists under "bucketing" (bucketed by our writer from raw values) is
bucketed again from the same values by TensorBoard's own `histogram_pb`, and the buckets must be the same bits.

The embeddings the manifest lists under "embeddings" are written again by tensorboardX's `add_embedding` (the
peer PyTorch users know): `tensors.tsv`, `metadata.tsv` and each config block (for plain ASCII tags, which
tensorboardX does not escape) must be the same bytes, the parsed `projector_config.pbtxt` the config its rules
give, and the sprite's grid the same pixels as `make_sprite`'s. The projector plugin's routes (`runs`, `info`,
`tensor` as float32 bytes, `metadata`, `sprite_image`) must serve exactly that. Each confusion matrix's image must
be the heat map drawn here with numpy from the counts by the documented rule, and its table, as TensorBoard's
text plugin renders it, must have the labels and counts in its cells, rows the true classes.

Exits 0 when all three agree with the manifest, 1 with every mismatch printed otherwise.
"""

import argparse
import base64
import json
import math
import os
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.parse
import urllib.request

KINDS = ("scalars", "histograms", "text", "images")


def to_bits(value):
    """The float64 bit pattern of a number (or of TensorBoard's "NaN"/"Infinity" strings) as 16 hex digits."""
    if isinstance(value, str):
        value = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}[value]
    if isinstance(value, float) and math.isnan(value):
        value = math.nan  # one NaN pattern, as the manifest writes it
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(value)))[0]


def manifest_bits(hex_digits):
    value = struct.unpack("<d", struct.pack("<Q", int(hex_digits, 16)))[0]
    return to_bits(value)


class Report:
    """Mismatches and counts, per reader."""

    def __init__(self):
        self.problems = []
        self.checked = {}

    def check(self, reader, where, ok, message):
        self.checked[reader] = self.checked.get(reader, 0) + 1
        if not ok:
            self.problems.append("%s: %s: %s" % (reader, where, message))

    def equal(self, reader, where, got, want):
        self.check(reader, where, got == want, "got %r, want %r" % (got, want))


def expected_series(manifest, kind):
    """{(run, tag): [points]} of one kind."""
    result = {}
    for run, kinds in manifest["runs"].items():
        for tag, points in kinds.get(kind, {}).items():
            result[(run, tag)] = points
    return result


def expected_scalars(manifest):
    return {
        key: [(step, manifest_bits(wall), manifest_bits(value)) for step, wall, value in points]
        for key, points in expected_series(manifest, "scalars").items()
    }


def expected_histograms(manifest):
    return {
        key: [(step, manifest_bits(wall), [tuple(manifest_bits(x) for x in bucket) for bucket in buckets])
              for step, wall, buckets in points]
        for key, points in expected_series(manifest, "histograms").items()
    }


def expected_text(manifest):
    return {
        key: [(step, manifest_bits(wall), text) for step, wall, text in points]
        for key, points in expected_series(manifest, "text").items()
    }


def expected_images(manifest):
    return {
        key: [(step, manifest_bits(wall), width, height, [base64.b64decode(b) for b in blobs])
              for step, wall, width, height, blobs in points]
        for key, points in expected_series(manifest, "images").items()
    }


def expected_hparams(manifest):
    return {run: kinds["hparams"] for run, kinds in manifest["runs"].items() if "hparams" in kinds}


# ---------------------------------------------------------------------------------------------------------
# Reader 1: TensorBoard's Python loader.


def expected_layouts(manifest):
    """{run: layout_pb2.Layout} of the runs whose manifest entry has a Custom Scalars layout."""
    from tensorboard.plugins.custom_scalar import layout_pb2

    layouts = {}
    for run, entry in manifest["runs"].items():
        if "custom_scalars" not in entry:
            continue
        layout = layout_pb2.Layout()
        for category in entry["custom_scalars"]:
            added = layout.category.add(title=category["title"], closed=category["closed"])
            for chart in category["charts"]:
                new = added.chart.add(title=chart["title"])
                if "multiline" in chart:
                    new.multiline.tag.extend(chart["multiline"])
                for value, lower, upper in chart.get("margin", []):
                    new.margin.series.add(value=value, lower=lower, upper=upper)
        layouts[run] = layout
    return layouts


def expected_pr_curves(manifest):
    """{(run, tag): [(step, wall bits, [6 rows of float32 bits])]}: curves from labels and predictions computed
    by tensorboardX's `pr_curve` (PyTorch's `add_pr_curve`), raw counts as given, each value as float32."""
    import numpy as np
    from tensorboardX.summary import pr_curve

    result = {}
    for key, points in expected_series(manifest, "pr_curves").items():
        curves = []
        for step, wall, given in points:
            if "raw" in given:
                rows = np.array([[from_bits(x) for x in row] for row in given["raw"]], dtype=np.float32)
            else:
                dtype = np.float32 if given["dtype"] == "float32" else np.float64
                predictions = np.array([from_bits(x) for x in given["predictions"]], dtype=dtype)
                weights = np.array([from_bits(x) for x in given["weights"]]) if "weights" in given else None
                with np.errstate(invalid="ignore"):  # NaN predictions, cast to int32 as the writers cast them
                    summary = pr_curve(key[1], np.array(given["labels"]), predictions,
                                       num_thresholds=given["thresholds"], weights=weights)
                rows = np.array(summary.value[0].tensor.float_val, dtype=np.float32).reshape(6, -1)
            curves.append((step, manifest_bits(wall), [[to_bits(float(x)) for x in row] for row in rows]))
        result[key] = curves
    return result


def expected_audio(manifest):
    """{(run, tag): [(step, wall bits, [WAV bytes per clip])]}: each clip encoded by Python's `wave` module from
    the samples converted as TensorFlow's encode_wav converts them (round(x * 32768), halves away from zero,
    clamped to 16 bits; NaN as 0)."""
    import io
    import wave

    import numpy as np

    def pcm(sample):
        scaled = float(np.float32(sample) * np.float32(32768))
        if math.isnan(scaled):
            return 0
        rounded = math.copysign(math.floor(abs(scaled) + 0.5), scaled) if math.isfinite(scaled) else scaled
        return int(min(max(rounded, -32768), 32767))

    result = {}
    for key, points in expected_series(manifest, "audio").items():
        steps = []
        for step, wall, clips in points:
            encoded = []
            for clip in clips:
                buffer = io.BytesIO()
                with wave.open(buffer, "wb") as out:
                    out.setnchannels(clip["channels"])
                    out.setsampwidth(2)
                    out.setframerate(clip["rate"])
                    out.writeframes(struct.pack("<%dh" % len(clip["samples"]),
                                                *[pcm(from_bits(x)) for x in clip["samples"]]))
                encoded.append(buffer.getvalue())
            steps.append((step, manifest_bits(wall), encoded))
        result[key] = steps
    return result


def audio_clips(tensor):
    """The WAV bytes of an audio tensor: `[k, 2]` (clip, label) as written, or `[k]` once the Python loader has
    dropped the labels (its dataclass migration does)."""
    return list(tensor.string_val[0::2] if len(tensor.tensor_shape.dim) == 2 else tensor.string_val)


def check_python_loader(logdir, manifest, report):
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea
    from tensorboard.backend.event_processing import plugin_event_multiplexer as pem
    from tensorboard.plugins.hparams import plugin_data_pb2
    from tensorboard.util import tensor_util

    reader = "python loader"
    mux = pem.EventMultiplexer(size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE, tensor_size_guidance={})
    mux.AddRunsFromDirectory(logdir)
    mux.Reload()
    runs = mux.Runs()
    report.equal(reader, "runs", sorted(runs), sorted(manifest["runs"]))

    def series_of(plugin):
        found = {}
        for run in runs:
            for tag in runs[run][pea.TENSORS]:
                metadata = mux.SummaryMetadata(run, tag)
                if metadata.plugin_data.plugin_name == plugin:
                    found[(run, tag)] = mux.Tensors(run, tag)
        return found

    def compare(kind, expected, found, convert):
        report.equal(reader, kind + " series", sorted(found), sorted(expected))
        for key, want in expected.items():
            got = [convert(event) for event in found.get(key, [])]
            report.equal(reader, "%s %s/%s" % (kind, key[0], key[1]), got, want)

    from tensorboard.plugins.custom_scalar import layout_pb2

    layouts = {run: layout_pb2.Layout.FromString(events[-1].tensor_proto.string_val[0])
               for (run, tag), events in series_of("custom_scalars").items() if tag == "custom_scalars__config__"}
    report.equal(reader, "custom scalars layouts", layouts, expected_layouts(manifest))
    import numpy as np

    for run, entry in manifest["runs"].items():
        for tag, (plugin, name, description) in entry.get("descriptions", {}).items():
            metadata = mux.SummaryMetadata(run, tag)
            report.equal(reader, "%s/%s metadata" % (run, tag),
                         (metadata.plugin_data.plugin_name, metadata.display_name, metadata.summary_description),
                         (plugin, name, description))
    compare("pr_curves", expected_pr_curves(manifest), series_of("pr_curves"),
            lambda e: (e.step, to_bits(e.wall_time),
                       [[to_bits(float(x)) for x in row] for row in tensor_util.make_ndarray(e.tensor_proto).astype(np.float32)]))
    compare("audio", expected_audio(manifest), series_of("audio"),
            lambda e: (e.step, to_bits(e.wall_time), audio_clips(e.tensor_proto)))
    compare("scalars", expected_scalars(manifest), series_of("scalars"),
            lambda e: (e.step, to_bits(e.wall_time), to_bits(tensor_util.make_ndarray(e.tensor_proto).item())))
    compare("histograms", expected_histograms(manifest), series_of("histograms"),
            lambda e: (e.step, to_bits(e.wall_time),
                       [tuple(to_bits(x) for x in row) for row in tensor_util.make_ndarray(e.tensor_proto).tolist()]))
    compare("text", expected_text(manifest), series_of("text"),
            lambda e: (e.step, to_bits(e.wall_time), tensor_util.make_ndarray(e.tensor_proto).item().decode("utf-8")))

    def image(event):
        values = list(tensor_util.make_ndarray(event.tensor_proto).reshape(-1))
        return (event.step, to_bits(event.wall_time), int(values[0]), int(values[1]), list(values[2:]))

    compare("images", expected_images(manifest), series_of("images"), image)

    content = mux.PluginRunToTagToContent("hparams")
    for run, want in expected_hparams(manifest).items():
        tags = content.get(run, {})
        start = plugin_data_pb2.HParamsPluginData.FromString(tags.get("_hparams_/session_start_info", b""))
        got = {}
        for name, value in start.session_start_info.hparams.items():
            kind = value.WhichOneof("kind")
            got[name] = getattr(value, kind)
        report.equal(reader, "hparams %s: values" % run, got, want["hparams"])
        experiment = plugin_data_pb2.HParamsPluginData.FromString(tags.get("_hparams_/experiment", b""))
        metrics = [{"group": m.name.group, "tag": m.name.tag} for m in experiment.experiment.metric_infos]
        report.equal(reader, "hparams %s: metrics" % run, metrics, want["metrics"])
        names = sorted(info.name for info in experiment.experiment.hparam_infos)
        report.equal(reader, "hparams %s: experiment hparams" % run, names, sorted(want["hparams"]))
        end = plugin_data_pb2.HParamsPluginData.FromString(tags.get("_hparams_/session_end_info", b""))
        from tensorboard.plugins.hparams import api_pb2

        report.equal(reader, "hparams %s: status" % run, api_pb2.Status.Name(end.session_end_info.status), want["status"])


# ---------------------------------------------------------------------------------------------------------
# Reader 2: the Rust data server behind `tensorboard --logdir`, over HTTP.


class TensorBoardServer:
    """A `tensorboard` process on 127.0.0.1, loading LOGDIR once with the Rust data server."""

    def __init__(self, logdir, samples="scalars=100000,images=10000,histograms=10000"):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        executable = os.path.join(os.path.dirname(sys.executable), "tensorboard")
        self.log = open(os.path.join(os.path.dirname(os.path.abspath(logdir)), "tensorboard.log"), "w")
        self.process = subprocess.Popen(
            [executable, "--logdir", logdir, "--host", "127.0.0.1", "--port", str(self.port),
             "--load_fast=true", "--reload_interval=0", "--samples_per_plugin=" + samples],
            stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.base = "http://127.0.0.1:%d" % self.port

    def get(self, path, **query):
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()

    def get_json(self, path, **query):
        return json.loads(self.get(path, **query))

    def post_json(self, path, body):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def wait_until_loaded(self, manifest, deadline_seconds=180):
        """Waits until every run is listed and every expected scalar series has all its points."""
        wanted = expected_scalars(manifest)
        deadline = time.monotonic() + deadline_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("tensorboard exited with status %s" % self.process.returncode)
            try:
                if set(self.get_json("/data/runs")) >= set(manifest["runs"]):
                    complete = all(len(self.get_json("/data/plugin/scalars/scalars", run=run, tag=tag)) == len(points)
                                   for (run, tag), points in wanted.items())
                    if complete:
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.5)
        raise RuntimeError("tensorboard did not load the log directory within %d s" % deadline_seconds)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def check_rust_loader(logdir, manifest, report):
    from tensorboard.plugins.text import text_plugin

    reader = "rust data server (HTTP)"
    server = TensorBoardServer(logdir)
    try:
        server.wait_until_loaded(manifest)
        report.equal(reader, "runs", sorted(server.get_json("/data/runs")), sorted(manifest["runs"]))
        plugins = server.get_json("/data/plugins_listing")
        for plugin in ("scalars", "histograms", "text", "images", "hparams", "custom_scalars", "pr_curves", "audio"):
            report.check(reader, "plugin %s" % plugin, plugins.get(plugin, {}).get("enabled"), "not enabled")

        def tags(plugin):
            listing = server.get_json("/data/plugin/%s/tags" % plugin)
            return sorted((run, tag) for run, run_tags in listing.items() for tag in run_tags)

        scalars = expected_scalars(manifest)
        report.equal(reader, "scalar series", tags("scalars"), sorted(scalars))
        for (run, tag), want in scalars.items():
            got = [(step, to_bits(wall), to_bits(value))
                   for wall, step, value in server.get_json("/data/plugin/scalars/scalars", run=run, tag=tag)]
            report.equal(reader, "scalars %s/%s" % (run, tag), got, want)

        # The Custom Scalars dashboard: the layout as its plugin serves it (one run has one, so the merged layout
        # is that one), and the lines of a multiline chart, read through its regular expression.
        from tensorboard.plugins import base_plugin  # noqa: F401 (the plugin's JSON conversion needs it loaded)
        from tensorboard import plugin_util

        want_layouts = list(expected_layouts(manifest).values())
        want_layout = json.loads(plugin_util.proto_to_json(want_layouts[0])) if want_layouts else {}
        report.equal(reader, "custom scalars layout", server.get_json("/data/plugin/custom_scalars/layout"), want_layout)
        for run in (r for r in manifest["runs"] if r.startswith("siblings/")):
            lines = server.get_json("/data/plugin/custom_scalars/scalars", run=run, tag="^loss$")
            got = {tag: [(step, to_bits(wall), to_bits(value)) for wall, step, value in points]
                   for tag, points in lines.get("tag_to_events", {}).items()}
            report.equal(reader, "custom scalars chart ^loss$ in %s" % run, got, {"loss": scalars[(run, "loss")]})

        # Display names and descriptions, as each plugin's tags route gives them (the description as HTML).
        for run, entry in manifest["runs"].items():
            for tag, (plugin, name, description) in entry.get("descriptions", {}).items():
                listed = server.get_json("/data/plugin/%s/tags" % plugin).get(run, {}).get(tag, {})
                got = {key: listed.get(key) for key in ("displayName", "description")}
                want = {"displayName": name, "description": plugin_util.markdown_to_safe_html(description)}
                report.equal(reader, "%s tags %s/%s names" % (plugin, run, tag), got, want)

        # The PR Curves dashboard's route answers with the plugin's own entry for each step (counts as integers,
        # the tail where no example is predicted positive trimmed): compare with the plugin's conversion of the
        # expected tensor.
        from tensorboard.plugins.pr_curve import pr_curves_plugin
        import numpy as np

        curves = expected_pr_curves(manifest)
        report.equal(reader, "pr_curves series", tags("pr_curves"), sorted(curves))
        for (run, tag), want in curves.items():
            got = server.get_json("/data/plugin/pr_curves/pr_curves", run=run, tag=tag).get(run, [])
            expected = [pr_curves_plugin.PrCurvesPlugin._make_pr_entry(
                None, step, from_bits(wall), np.array([[from_bits(x) for x in row] for row in rows], dtype=np.float32))
                for step, wall, rows in want]
            report.equal(reader, "pr_curves %s/%s" % (run, tag), got, expected)

        # The Audio dashboard: every clip of every step, as its route serves the WAV bytes.
        clips = expected_audio(manifest)
        report.equal(reader, "audio series", tags("audio"), sorted(clips))
        for (run, tag), want in clips.items():
            got = []
            for step, wall, encoded in want:
                served = []
                for sample in range(len(encoded)):
                    points = [p for p in server.get_json("/data/plugin/audio/audio", run=run, tag=tag, sample=sample)
                              if p["step"] == step]
                    for point in points:
                        served.append(server.get("/data/plugin/audio/individualAudio?" + point["query"]))
                got.append((step, wall, served))
            report.equal(reader, "audio %s/%s" % (run, tag), got, want)

        histograms = expected_histograms(manifest)
        report.equal(reader, "histogram series", tags("histograms"), sorted(histograms))
        for (run, tag), want in histograms.items():
            got = [(step, to_bits(wall), [tuple(to_bits(x) for x in bucket) for bucket in buckets])
                   for wall, step, buckets in server.get_json("/data/plugin/histograms/histograms", run=run, tag=tag)]
            report.equal(reader, "histograms %s/%s" % (run, tag), got, want)

        # The text plugin answers with the Markdown rendered as HTML: compare with TensorBoard's own rendering
        # of the manifest's Markdown.
        texts = expected_text(manifest)
        report.equal(reader, "text series", tags("text"), sorted(texts))
        for (run, tag), want in texts.items():
            got = [(p["step"], to_bits(p["wall_time"]), p["text"])
                   for p in server.get_json("/data/plugin/text/text", run=run, tag=tag)]
            rendered = [(step, wall, text_plugin.text_array_to_html(_string_array(text), enable_markdown=True)) for step, wall, text in want]
            report.equal(reader, "text %s/%s" % (run, tag), got, rendered)

        images = expected_images(manifest)
        report.equal(reader, "image series", tags("images"), sorted(images))
        for (run, tag), want in images.items():
            got = []
            for point in server.get_json("/data/plugin/images/images", run=run, tag=tag, sample=0):
                blob = server.get("/data/plugin/images/individualImage?" + point["query"])
                got.append((point["step"], to_bits(point["wall_time"]), blob))
            report.equal(reader, "images %s/%s" % (run, tag), got, [(s, w, blobs[0]) for s, w, _, _, blobs in want])

        for run, want in expected_hparams(manifest).items():
            experiment = server.post_json("/data/plugin/hparams/experiment", {"experimentName": ""})
            names = sorted(info["name"] for info in experiment.get("hparamInfos", []))
            report.equal(reader, "hparams experiment", names, sorted(want["hparams"]))
            metrics = [{"group": m["name"].get("group", ""), "tag": m["name"]["tag"]} for m in experiment.get("metricInfos", [])]
            report.equal(reader, "hparams metrics", metrics, want["metrics"])
            groups = server.post_json("/data/plugin/hparams/session_groups", {
                "experimentName": "", "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE",
                                                          "STATUS_RUNNING"],
                "colParams": [], "startIndex": 0, "sliceSize": 100})
            sessions = {s["name"]: (g, s) for g in groups.get("sessionGroups", []) for s in g["sessions"]}
            report.check(reader, "hparams session %s" % run, run in sessions, "not listed as a session")
            if run in sessions:
                group, session = sessions[run]
                report.equal(reader, "hparams session %s values" % run, group["hparams"], want["hparams"])
                report.equal(reader, "hparams session %s status" % run, session["status"], want["status"])
        check_projector_routes(server, logdir, manifest, report)
    finally:
        server.stop()


def _string_array(text):
    import numpy as np

    return np.array(text.encode("utf-8"), dtype=object)


# ---------------------------------------------------------------------------------------------------------
# Reader 3: tbparse.


def check_tbparse(logdir, manifest, report):
    import warnings

    from tbparse import SummaryReader

    reader = "tbparse"
    warnings.filterwarnings("ignore")
    tables = SummaryReader(logdir, extra_columns={"dir_name", "wall_time"})

    def run_name(dir_name):
        return dir_name if dir_name else "."

    # Modern scalars come out of `tensors` (as one-element arrays or numbers); legacy ones out of `scalars`.
    rows = {}
    for table in (tables.tensors, tables.scalars):
        for row in table.itertuples(index=False):
            value = row.value
            try:
                number = float(value.item() if hasattr(value, "item") else value)
            except (TypeError, ValueError):
                continue
            rows.setdefault((run_name(row.dir_name), row.tag), []).append(
                (int(row.step), to_bits(row.wall_time), to_bits(number)))
    # tbparse reads each event file with its own accumulator, so it never purges across files: for a resumed
    # run it shows the interrupted attempt's stale points too. The manifest lists those as `stale_scalars`.
    stale = {
        key: [(step, manifest_bits(wall), manifest_bits(value)) for step, wall, value in points]
        for key, points in expected_series(manifest, "stale_scalars").items()
    }
    for key, want in expected_scalars(manifest).items():
        report.equal(reader, "scalars %s/%s" % key, sorted(rows.get(key, [])), sorted(want + stale.get(key, [])))

    texts = {}
    for row in tables.text.itertuples(index=False):
        texts.setdefault((run_name(row.dir_name), row.tag), []).append((int(row.step), to_bits(row.wall_time), row.value))
    for key, want in expected_text(manifest).items():
        report.equal(reader, "text %s/%s" % key, sorted(texts.get(key, [])), sorted(want))

    hparams = {}
    for row in tables.hparams.itertuples(index=False):
        hparams.setdefault(run_name(row.dir_name), {})[row.tag] = row.value
    for run, want in expected_hparams(manifest).items():
        report.equal(reader, "hparams %s" % run, hparams.get(run, {}), want["hparams"])


# ---------------------------------------------------------------------------------------------------------
# TensorBoard's own bucketing of the raw values.


def check_bucketing(logdir, manifest, report):
    import numpy as np
    from tensorboard.plugins.histogram import summary_v2
    from tensorboard.util import tensor_util

    reader = "tensorboard histogram_pb"
    cases = manifest.get("bucketing", [])
    report.check(reader, "bucketing cases", len(cases) >= 5, "only %d cases" % len(cases))
    for case in cases:
        values = np.array([from_bits(bits) for bits in case["values"]])
        summary = summary_v2.histogram_pb(case["tag"], values, buckets=case["bucket_count"])
        buckets = tensor_util.make_ndarray(summary.value[0].tensor).tolist()
        got = [[to_bits(x) for x in bucket] for bucket in buckets]
        want = [[manifest_bits(x) for x in bucket] for bucket in case["buckets"]]
        report.equal(reader, "%s step %d" % (case["tag"], case["step"]), got, want)


# ---------------------------------------------------------------------------------------------------------
# The projector's files (against tensorboardX's add_embedding) and HTTP routes, and the confusion matrices.


def expected_embeddings(manifest):
    """{run: [embedding]} of the runs whose manifest entry lists embeddings, in writing order."""
    return {run: entry["embeddings"] for run, entry in manifest["runs"].items() if "embeddings" in entry}


def embedding_arrays(embedding):
    """The embedding as tensorboardX's `add_embedding` takes it: the matrix (float32 or float64, as written),
    the metadata (labels, or rows with a header) and the images as NCHW floats in [0, 1] (gray repeated to
    three channels; each byte p as (p + 0.5) / 255, which tensorboardX's `uint8(x * 255)` turns back into p)."""
    import numpy as np

    dtype = np.float32 if embedding["dtype"] == "float32" else np.float64
    matrix = np.array([[from_bits(x) for x in row] for row in embedding["vectors"]], dtype=dtype)
    metadata = embedding.get("labels", embedding.get("rows"))
    images = None
    if "images" in embedding:
        planes = []
        for image in embedding["images"]:
            pixels = np.frombuffer(base64.b64decode(image["pixels"]), dtype=np.uint8)
            hwc = pixels.reshape(image["height"], image["width"], image["channels"])
            if image["channels"] == 1:
                hwc = np.repeat(hwc, 3, axis=2)
            planes.append(hwc.transpose(2, 0, 1))
        images = (np.array(planes, dtype=np.float64) + 0.5) / 255
    return matrix, metadata, images


def tensorboardx_embeddings(embeddings, directory):
    """Writes `embeddings` with tensorboardX's `SummaryWriter.add_embedding` into `directory`, in order."""
    from tensorboardX import SummaryWriter

    writer = SummaryWriter(directory)
    for embedding in embeddings:
        matrix, metadata, images = embedding_arrays(embedding)
        writer.add_embedding(matrix, metadata=metadata, label_img=images, global_step=embedding["step"],
                             tag=embedding["tag"], metadata_header=embedding.get("header"))
    writer.close()


def embedding_directory(embedding):
    """`<step>/<tag>` as tensorboardX names it (its own `_encode` of the tag)."""
    from tensorboardX import SummaryWriter

    return "%s/%s" % (str(embedding["step"]).zfill(5), SummaryWriter._encode(embedding["tag"]))


def expected_projector_config(embeddings):
    """The `ProjectorConfig` the embeddings must make, built from the manifest by tensorboardX's rules."""
    from tensorboard.plugins.projector.projector_config_pb2 import ProjectorConfig

    config = ProjectorConfig()
    for embedding in embeddings:
        directory = embedding_directory(embedding)
        info = config.embeddings.add(tensor_name="%s:%s" % (embedding["tag"], str(embedding["step"]).zfill(5)),
                                     tensor_path=directory + "/tensors.tsv")
        if "labels" in embedding or "rows" in embedding:
            info.metadata_path = directory + "/metadata.tsv"
        if "images" in embedding:
            info.sprite.image_path = directory + "/sprite.png"
            info.sprite.single_image_dim.extend([embedding["images"][0]["width"], embedding["images"][0]["height"]])
    return config


def check_projector_files(logdir, manifest, report):
    import tempfile

    import numpy as np
    from google.protobuf import text_format
    from PIL import Image
    from tensorboard.plugins.projector.projector_config_pb2 import ProjectorConfig

    reader = "tensorboardX add_embedding"
    embeddings_by_run = expected_embeddings(manifest)
    report.check(reader, "embeddings", sum(map(len, embeddings_by_run.values())) >= 3, "fewer than 3 embeddings")
    for run, embeddings in embeddings_by_run.items():
        ours = os.path.join(logdir, run)
        with open(os.path.join(ours, "projector_config.pbtxt"), encoding="utf-8") as f:
            our_text = f.read()
        report.equal(reader, "%s config, parsed" % run, text_format.Parse(our_text, ProjectorConfig()),
                     expected_projector_config(embeddings))
        with tempfile.TemporaryDirectory() as theirs:
            tensorboardx_embeddings(embeddings, theirs)
            with open(os.path.join(theirs, "projector_config.pbtxt"), encoding="utf-8") as f:
                their_blocks = f.read().split("embeddings {\n")[1:]
            our_blocks = our_text.split("embeddings {\n")[1:]
            report.equal(reader, "%s config blocks" % run, len(our_blocks), len(embeddings))
            for index, embedding in enumerate(embeddings):
                where = "%s %s:%d" % (run, embedding["tag"], embedding["step"])
                # tensorboardX writes a tag as it is, unescaped, so its block is only valid text format for a
                # plain ASCII tag: compare the text of those; the parsed config above covers every block.
                if embedding["tag"].isascii() and not any(c in embedding["tag"] for c in "\"\\"):
                    report.equal(reader, where + " config block", our_blocks[index:index + 1],
                                 their_blocks[index:index + 1])
                directory = embedding_directory(embedding)
                for name in ("tensors.tsv", "metadata.tsv"):
                    path = os.path.join(directory, name)
                    exists = os.path.exists(os.path.join(theirs, path))
                    report.equal(reader, "%s %s exists" % (where, name), os.path.exists(os.path.join(ours, path)),
                                 exists)
                    if exists:
                        report.equal(reader, "%s %s bytes" % (where, name), read_bytes(ours, path),
                                     read_bytes(theirs, path))
                if "images" in embedding:
                    ours_sprite = np.asarray(Image.open(os.path.join(ours, directory, "sprite.png")))
                    their_sprite = np.asarray(Image.open(os.path.join(theirs, directory, "sprite.png")))
                    # tensorboardX leaves the rows below the last grid row uninitialized; ours are black.
                    side = embedding["images"][0]["height"]
                    filled = side * -(-len(embedding["images"]) // (their_sprite.shape[1] // side))
                    report.equal(reader, where + " sprite size", ours_sprite.shape, their_sprite.shape)
                    report.check(reader, where + " sprite pixels",
                                 ours_sprite.shape == their_sprite.shape
                                 and np.array_equal(ours_sprite[:filled], their_sprite[:filled])
                                 and not ours_sprite[filled:].any(), "the sprites' grids differ")


def read_bytes(directory, path):
    with open(os.path.join(directory, path), "rb") as f:
        return f.read()


def check_projector_routes(server, logdir, manifest, report):
    """The projector plugin's HTTP routes, served by the `tensorboard` process (no TensorFlow needed: the plugin
    reads the TSV files itself and needs TensorFlow only for checkpoints)."""
    import tempfile

    import numpy as np
    from tensorboardX.embedding import make_tsv

    reader = "rust data server (HTTP)"
    embeddings_by_run = expected_embeddings(manifest)
    deadline = time.monotonic() + 60  # the plugin decides whether it is active in a thread of its own
    while not server.get_json("/data/plugins_listing").get("projector", {}).get("enabled"):
        if time.monotonic() > deadline:
            break
        time.sleep(0.5)
    report.check(reader, "plugin projector", server.get_json("/data/plugins_listing")["projector"]["enabled"],
                 "not enabled")
    report.equal(reader, "projector runs", sorted(server.get_json("/data/plugin/projector/runs")),
                 sorted(embeddings_by_run))
    for run, embeddings in embeddings_by_run.items():
        info = server.get_json("/data/plugin/projector/info", run=run)
        config = expected_projector_config(embeddings)
        for embedding, expected in zip(embeddings, config.embeddings):
            expected.tensor_shape.extend([len(embedding["vectors"]), len(embedding["vectors"][0])])
        from google.protobuf import json_format

        report.equal(reader, "projector info %s" % run, info, json.loads(json_format.MessageToJson(config)))
        for embedding, expected in zip(embeddings, config.embeddings):
            name, where = expected.tensor_name, "projector %s %s" % (run, expected.tensor_name)
            matrix, metadata, _ = embedding_arrays(embedding)
            report.equal(reader, where + " tensor", server.get("/data/plugin/projector/tensor", run=run, name=name),
                         matrix.astype(np.float32).tobytes())
            if metadata is not None:
                with tempfile.TemporaryDirectory() as directory:
                    make_tsv(metadata, directory, metadata_header=embedding.get("header"))
                    want = read_bytes(directory, "metadata.tsv")
                report.equal(reader, where + " metadata",
                             server.get("/data/plugin/projector/metadata", run=run, name=name), want)
            if "images" in embedding:
                report.equal(reader, where + " sprite",
                             server.get("/data/plugin/projector/sprite_image", run=run, name=name),
                             read_bytes(os.path.join(logdir, run), expected.sprite.image_path))


def expected_heat_map(counts, normalized):
    """The heat map of a confusion matrix as ConfusionMatrixRendering documents it, drawn here with numpy: cells
    of max(2, min(16, 512 // n)) pixels from white to (8, 48, 107) by value / largest (rounded half up), in a
    grid of one-pixel lines of gray 200."""
    import numpy as np

    values = np.array(counts, dtype=np.float64)
    if normalized:
        sums = values.sum(axis=1, keepdims=True)
        values = np.divide(values, sums, out=np.zeros_like(values), where=sums > 0)
    n = len(values)
    cell = max(2, min(16, 512 // n))
    largest = values.max()
    side = n * cell + n + 1
    image = np.full((side, side, 3), 200, dtype=np.uint8)
    for row in range(n):
        for column in range(n):
            share = values[row, column] / largest if largest > 0 else 0.0
            color = [math.floor(255 + (dark - 255) * share + 0.5) for dark in (8.0, 48.0, 107.0)]
            top, left = 1 + row * (cell + 1), 1 + column * (cell + 1)
            image[top:top + cell, left:left + cell] = color
    return image


def table_cells(html):
    """The rows of cell texts of the first table in `html`."""
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = ""

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append(self.cell.strip())
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    parser = Cells()
    parser.feed(html)
    return parser.rows


def check_confusion_matrices(logdir, manifest, report):
    """Each confusion matrix's image (the manifest's PNG, which the loaders compare with what they serve) against
    the heat map drawn here from the counts, and its table as TensorBoard's text plugin renders it: rows the
    true classes, columns the predicted ones (scikit-learn's convention), integers as integers, other values
    rounded to three decimals."""
    import io

    import numpy as np
    from PIL import Image
    from tensorboard.plugins.text import text_plugin

    reader = "confusion matrix drawing"
    images, texts = expected_images(manifest), expected_text(manifest)
    cases = [(run, tag, case) for run, entry in manifest["runs"].items()
             for tag, case in entry.get("confusion", {}).items()]
    report.check(reader, "cases", len(cases) >= 2, "only %d cases" % len(cases))

    def cell(value):
        return str(int(value)) if float(value).is_integer() else repr(round(value, 3))

    for run, tag, case in cases:
        points = images.get((run, tag), [])
        report.equal(reader, "%s/%s image steps" % (run, tag), [p[0] for p in points], [case["step"]])
        for _, _, _, _, blobs in points:
            got = np.asarray(Image.open(io.BytesIO(blobs[0])).convert("RGB"))
            want = expected_heat_map(case["counts"], case["normalized"])
            report.check(reader, "%s/%s heat map" % (run, tag), got.shape == want.shape and np.array_equal(got, want),
                         "pixels differ from the documented drawing")
        values = np.array(case["counts"], dtype=np.float64)
        if case["normalized"]:
            sums = values.sum(axis=1, keepdims=True)
            values = np.divide(values, sums, out=np.zeros_like(values), where=sums > 0)
        want = [["true ↓ / predicted →"] + case["labels"]]
        want += [[label] + [cell(v) for v in row] for label, row in zip(case["labels"], values.tolist())]
        for _, _, markdown in texts.get((run, tag + "_table"), []):
            html = text_plugin.text_array_to_html(_string_array(markdown), enable_markdown=True)
            report.equal(reader, "%s/%s_table cells" % (run, tag), table_cells(html), want)


def from_bits(hex_digits):
    """The float64 with the bit pattern `hex_digits` (16 hex digits)."""
    return struct.unpack("<d", struct.pack("<Q", int(hex_digits, 16)))[0]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logdir")
    parser.add_argument("manifest")
    arguments = parser.parse_args(argv)
    with open(arguments.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    report = Report()
    for check in (check_python_loader, check_rust_loader, check_tbparse, check_bucketing, check_projector_files,
                  check_confusion_matrices):
        try:
            check(arguments.logdir, manifest, report)
        except Exception as error:  # a reader that cannot run is a failure, not a skip
            report.problems.append("%s: could not run: %s: %s" % (check.__name__, type(error).__name__, error))
    for reader, count in sorted(report.checked.items()):
        print("%-26s %5d checks" % (reader, count))
    if report.problems:
        print("\n%d mismatches:" % len(report.problems))
        for problem in report.problems:
            print("  " + problem)
        return 1
    print("TensorBoard (Python and Rust loaders) and tbparse read exactly what the manifest says.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
