"""Writes fixtures/smoothing/cases.json with TensorBoard's own scalar smoothing, run under Node.

    .venv/bin/python scripts/make_smoothing_fixtures.py     (scripts/venv check; node on PATH)

TensorBoard smooths scalar charts in its frontend ("classic smoothing": a debiased exponential moving
average). This script takes that function out of the frontend bundle of the installed `tensorboard` wheel
(`tensorboard/webfiles.zip`, `index.js`), runs it in Node on the cases of scripts/make_smoothing_fixtures.mjs
(which builds the inputs and writes the file), and records its output bit for bit: the same code, and the same
`Math.pow` (V8), as the dashboard. Our Swift smoothing is tested against this file (SmoothingTests).
"""

import os
import re
import subprocess
import sys
import zipfile

import tensorboard

HERE = os.path.dirname(os.path.abspath(__file__))

# In the bundle the smoothing is an async function of (series, weight) compiled to a generator body:
#   function(t,e){return Ys(this,null,function*(){Number.isFinite(e)||(e=0),...;return n})}
# The names are minified, so the pattern matches any, and it must match exactly once.
PATTERN = re.compile(
    r"function\((\w+),(\w+)\)\{return \w+\(this,null,function\*\(\)\{"
    r"(Number\.isFinite\(\2\)\|\|\(\2=0\),\2=Math\.max\(0,Math\.min\(\2,1\)\);.*?Math\.pow\(\2,\w+\).*?return \w+)\}\)\}"
)


def smoothing_function():
    """(parameter names, body) of the dashboard's smoothing function in the installed tensorboard."""
    bundle = os.path.join(os.path.dirname(tensorboard.__file__), "webfiles.zip")
    with zipfile.ZipFile(bundle) as archive:
        source = archive.read("index.js").decode("utf-8")
    found = PATTERN.findall(source)
    if len(found) != 1:
        sys.exit("make_smoothing_fixtures: found %d candidate smoothing functions in %s" % (len(found), bundle))
    series, weight, body = found[0]
    if "yield" in body:
        sys.exit("make_smoothing_fixtures: the smoothing function awaits something; update this script")
    return series, weight, body


def main():
    series, weight, body = smoothing_function()
    environment = dict(os.environ)
    environment["TB_SMOOTHING_PARAMETERS"] = "%s,%s" % (series, weight)
    environment["TB_SMOOTHING_BODY"] = body
    environment["TB_VERSION"] = tensorboard.__version__
    subprocess.run(["node", os.path.join(HERE, "make_smoothing_fixtures.mjs")], check=True, env=environment)


if __name__ == "__main__":
    main()
