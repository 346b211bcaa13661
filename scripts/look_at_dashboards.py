"""Looks at TensorBoard's dashboards of a log directory as a person would: in headless Chromium.

    .venv/bin/python scripts/look_at_dashboards.py LOGDIR OUTDIR [DASHBOARD ...]

Starts `tensorboard --logdir LOGDIR` on 127.0.0.1 (its Rust data server, as `tensorboard` runs by default),
waits until the dashboards' plugins are active, and renders each dashboard (default: scalars, custom_scalars,
pr_curves, histograms, distributions, images, text, hparams, projector) with Debian's `chromium` in headless
mode, WebGL drawn by SwiftShader, into OUTDIR/<dashboard>.png. A dashboard passes when its plugin is active
and its picture shows drawn data: in the main panel, enough strongly coloured pixels (chart lines, histogram
bands, heat-map cells, points) or dark ink (text, tables) that an empty or broken dashboard, white with at
most one grey line of text, does not have. The pictures are kept for a person to look at; the server is stopped by its own process group.

Exits 0 when every dashboard passes, 1 otherwise, 2 when chromium is missing.
"""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_with_tensorboard import TensorBoardServer  # noqa: E402

DASHBOARDS = ["scalars", "custom_scalars", "pr_curves", "histograms", "distributions", "images", "text",
              "hparams", "projector"]
# The plugin whose data each dashboard draws (the distributions dashboard draws the histograms plugin's).
PLUGIN = {"distributions": "histograms"}
# The window, in CSS pixels; PICTURE_SIZE=W,H overrides it (scripts/make-readme-pictures makes small ones).
WIDTH, HEIGHT = (int(x) for x in os.environ.get("PICTURE_SIZE", "1280,860").split(","))
TITLE_BAR = 70
SIDEBAR = 330


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(browser, url, path):
    """Renders `url` after its scripts ran (a virtual-time budget long enough for the data requests)."""
    subprocess.run([browser, "--headless=new", "--no-sandbox", "--use-angle=swiftshader",
                    "--enable-unsafe-swiftshader", "--hide-scrollbars", "--window-size=%d,%d" % (WIDTH, HEIGHT),
                    "--virtual-time-budget=25000", "--screenshot=" + path, url],
                   check=True, capture_output=True, timeout=120)


def drawn_shares(path):
    """The shares of the main panel's pixels (below the title bar, right of the runs sidebar, whose run
    checkboxes are coloured on every dashboard) that are strongly coloured (chart lines, bands, heat-map cells)
    and that are dark ink (text, table rules, axes)."""
    from PIL import Image

    image = Image.open(path).convert("HSV")
    width, height = image.size
    panel = list(image.crop((SIDEBAR, TITLE_BAR, width, height)).get_flattened_data())
    coloured = sum(1 for _, saturation, value in panel if saturation > 90 and value > 60)
    ink = sum(1 for _, _, value in panel if value < 110)
    return coloured / max(1, len(panel)), ink / max(1, len(panel))


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    logdir, outdir = argv[0], argv[1]
    dashboards = argv[2:] or DASHBOARDS
    browser = chromium()
    if browser is None:
        print("look_at_dashboards: chromium is not installed (scripts/system-deps chromium)", file=sys.stderr)
        return 2
    os.makedirs(outdir, exist_ok=True)
    server = TensorBoardServer(logdir)
    problems = []
    try:
        deadline = time.monotonic() + 120
        plugins = {}
        while time.monotonic() < deadline:
            try:
                plugins = server.get_json("/data/plugins_listing")
                active = {name for name, info in plugins.items() if info.get("enabled")}
                if all(PLUGIN.get(d, d) in active for d in dashboards):
                    break
            except (OSError, ValueError):
                pass
            time.sleep(1)
        for dashboard in dashboards:
            plugin = PLUGIN.get(dashboard, dashboard)
            if not plugins.get(plugin, {}).get("enabled"):
                problems.append("%s: plugin %s is not active" % (dashboard, plugin))
                continue
            path = os.path.join(outdir, dashboard + ".png")
            screenshot(browser, "%s/#%s" % (server.base, dashboard), path)
            coloured, ink = drawn_shares(path)
            print("%-15s %5.2f %% coloured, %5.2f %% ink  %s" % (dashboard, 100 * coloured, 100 * ink, path))
            if coloured < 0.002 and ink < 0.01:
                problems.append("%s: the picture shows no drawn data (%.3f %% coloured, %.3f %% ink): %s"
                                % (dashboard, 100 * coloured, 100 * ink, path))
    finally:
        server.stop()
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
