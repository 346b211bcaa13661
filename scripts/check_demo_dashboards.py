"""Checks the dashboards of a train-demo log in the real TensorBoard: each plugin's HTTP routes give exactly what
the event files hold.

    .venv/bin/python scripts/check_demo_dashboards.py LOGDIR

What the files hold is read by TensorBoard's Python loader (plugin_event_multiplexer, every point kept); what
the dashboards get is asked of a `tensorboard` process serving LOGDIR with its Rust data server. For every run
and tag of each plugin:

- `pr_curves`: the route's entry per step equals the plugin's own conversion of the stored [6, n] tensor;
- `custom_scalars`: the layout route equals the stored layout (the first run's, merged as the plugin merges);
- `images`: every image the route serves is byte for byte the stored PNG;
- `projector` (when the log has a projector_config.pbtxt): each embedding's tensor route gives the stored
  tensors.tsv values as float32, and its metadata and sprite routes the stored files.

Exits 0 when all agree, 1 with every mismatch printed otherwise.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_with_tensorboard import Report, TensorBoardServer  # noqa: E402


def python_loader(logdir):
    from tensorboard.backend.event_processing import plugin_event_accumulator as pea
    from tensorboard.backend.event_processing import plugin_event_multiplexer as pem

    mux = pem.EventMultiplexer(size_guidance=pea.STORE_EVERYTHING_SIZE_GUIDANCE, tensor_size_guidance={})
    mux.AddRunsFromDirectory(logdir)
    mux.Reload()
    series = {}
    for run, tags in mux.Runs().items():
        for tag in tags.get(pea.TENSORS, []):
            plugin = mux.SummaryMetadata(run, tag).plugin_data.plugin_name
            series.setdefault(plugin, {})[(run, tag)] = mux.Tensors(run, tag)
    return series


def wait_for(server, plugins, deadline_seconds=120):
    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        try:
            listing = server.get_json("/data/plugins_listing")
            if all(listing.get(p, {}).get("enabled") for p in plugins):
                return
        except (OSError, ValueError):
            pass
        time.sleep(1)
    raise RuntimeError("tensorboard did not activate %s within %d s" % (sorted(plugins), deadline_seconds))


def check_pr_curves(server, stored, report):
    import numpy as np
    from tensorboard.plugins.pr_curve import pr_curves_plugin
    from tensorboard.util import tensor_util

    for (run, tag), events in sorted(stored.items()):
        got = server.get_json("/data/plugin/pr_curves/pr_curves", run=run, tag=tag).get(run, [])
        want = [pr_curves_plugin.PrCurvesPlugin._make_pr_entry(
            None, e.step, e.wall_time, tensor_util.make_ndarray(e.tensor_proto).astype(np.float32)) for e in events]
        report.equal("pr_curves", "%s/%s" % (run, tag), got, want)


def check_custom_scalars(server, stored, report):
    from tensorboard import plugin_util
    from tensorboard.plugins.custom_scalar import layout_pb2

    layouts = {run: layout_pb2.Layout.FromString(events[0].tensor_proto.string_val[0])
               for (run, tag), events in stored.items() if tag == "custom_scalars__config__"}
    if not layouts:
        return
    merged = layouts[sorted(layouts)[0]]
    for run in sorted(layouts)[1:]:
        for category in layouts[run].category:
            merged.category.add().MergeFrom(category)
    report.equal("custom_scalars", "layout", server.get_json("/data/plugin/custom_scalars/layout"),
                 json.loads(plugin_util.proto_to_json(merged)))


def check_images(server, stored, report):
    for (run, tag), events in sorted(stored.items()):
        want = [(e.step, list(e.tensor_proto.string_val[2:])) for e in events]
        samples = max((len(images) for _, images in want), default=0)
        got = {e.step: [] for e in events}
        for sample in range(samples):
            for point in server.get_json("/data/plugin/images/images", run=run, tag=tag, sample=sample):
                got.setdefault(point["step"], []).append(
                    server.get("/data/plugin/images/individualImage?" + point["query"]))
        report.equal("images", "%s/%s" % (run, tag), [(s, got.get(s, [])) for s, _ in want], want)


def check_projector(server, logdir, report):
    import numpy as np
    from google.protobuf import text_format
    from tensorboard.plugins.projector import projector_config_pb2

    for root, _, files in os.walk(logdir):
        if "projector_config.pbtxt" not in files:
            continue
        run = os.path.relpath(root, logdir)
        with open(os.path.join(root, "projector_config.pbtxt")) as f:
            config = text_format.Parse(f.read(), projector_config_pb2.ProjectorConfig())
        for embedding in config.embeddings:
            name = embedding.tensor_name
            values = np.loadtxt(os.path.join(root, embedding.tensor_path), delimiter="\t", dtype=np.float32, ndmin=2)
            tensor = server.get("/data/plugin/projector/tensor", run=run, name=name)
            report.equal("projector", "%s %s tensor" % (run, name), tensor, values.tobytes())
            if embedding.metadata_path:
                with open(os.path.join(root, embedding.metadata_path), "rb") as f:
                    report.equal("projector", "%s %s metadata" % (run, name),
                                 server.get("/data/plugin/projector/metadata", run=run, name=name), f.read())
            if embedding.sprite.image_path:
                with open(os.path.join(root, embedding.sprite.image_path), "rb") as f:
                    report.equal("projector", "%s %s sprite" % (run, name),
                                 server.get("/data/plugin/projector/sprite_image", run=run, name=name), f.read())


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    logdir = argv[0]
    stored = python_loader(logdir)
    report = Report()
    plugins = {p for p in ("pr_curves", "custom_scalars", "images") if stored.get(p)}
    has_projector = any("projector_config.pbtxt" in files for _, _, files in os.walk(logdir))
    if has_projector:
        plugins.add("projector")
    server = TensorBoardServer(logdir, samples="scalars=100000,images=10000,histograms=10000,pr_curves=10000")
    try:
        wait_for(server, plugins)
        check_pr_curves(server, stored.get("pr_curves", {}), report)
        check_custom_scalars(server, stored.get("custom_scalars", {}), report)
        check_images(server, stored.get("images", {}), report)
        if has_projector:
            check_projector(server, logdir, report)
    finally:
        server.stop()
    for reader, count in sorted(report.checked.items()):
        print("%-16s %5d checks" % (reader, count))
    if report.problems:
        print("\n%d mismatches:" % len(report.problems))
        for problem in report.problems:
            print("  " + problem[:500])
        return 1
    print("TensorBoard's %s routes serve exactly what the demo's event files hold." % ", ".join(sorted(plugins)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
