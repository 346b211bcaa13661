#!/usr/bin/env python3
"""What Python's format-spec mini-language gives, for FileNameTemplate's tests.

Usage (from the repository root; any Python 3, standard library only):

    .venv/bin/python scripts/make_format_spec_fixtures.py

Writes fixtures/callbacks/format_spec.json: every `format(value, spec)` of a set of
floats (as Keras passes the logs' metrics to ModelCheckpoint's file-path
template) and ints (as it passes `epoch`) with every spec of a set, or the
exception it raised:

    {"producer", "versions": {"python": "x.y.z"},
     "cases": [{"kind": "float", "value": "<float64 bit pattern, 16 hex digits>",
                "spec": "<format spec>", "text": "<result>" | null,
                "error": "<ExceptionType: message>" | null},
               {"kind": "int", "value": <int>, ...}]}

Deterministic (random values come from a seeded random.Random); re-running with the
same Python version gives the same file.
"""

import json
import math
import os
import random
import struct
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "fixtures", "callbacks", "format_spec.json")

FLOATS = [
    0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 0.123456789, 0.98765, 2.5, 3.5, 0.125, -0.125, 1.0 / 3, 2.0 / 3,
    12345.678, 1234567.891, 999.9995, 1.005, 0.05, 9.999999, 1e-05, 1.5e-07, 0.00001234, 123456789.0,
    1e15, 1e16, 1e22, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -7.25e-3,
    math.nan, math.inf, -math.inf,
]
INTS = [0, 1, 7, 42, -3, 100, 1234567, 9007199254740993]
SPECS = [
    "", ".4f", ".2f", ".0f", "f", "F", ".3e", "e", ".0e", "E", ".10e", "g", ".3g", ".1g", ".0g", ".10g", ".17g",
    "G", "#g", "#.3g", "%", ".1%", ".0%", ".3", ".1", ".17", "#", "#.0f", "#.0e", "02d", "03d", "d", "5d", "+d",
    " d", ",", ",d", "_d", ",.2f", "_.3f", "+.3f", " .3f", "-", "+", " ", "10", "10.4f", "<10.4f", ">10.4f",
    "^10.4f", "^11.3f", "=+10.4f", "*^12.3e", "x<8", "010.4f", "08.3e", "010", "09,", "08,.1f", "0=12,.2f",
    "<05", "z.2f", "z.1e", "z", "+z.3f", "z.0%", ".20f", ".25e", "12.6g", "-^9", "#10.0f", "2.2f", ".2d",
    ".3d", ",_", "abc", ".", "d.", "1000000000000000000000.2f",
]


def hex64(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def attempt(value, spec):
    try:
        return format(value, spec), None
    except Exception as e:  # recorded: the test checks that we reject it too
        return None, "%s: %s" % (type(e).__name__, e)


def main():
    rng = random.Random(8008)
    floats = list(FLOATS)
    for _ in range(150):  # the shortest-digits text ("repr") across magnitudes
        floats.append(rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30))
    cases = []
    for value in floats:
        specs = SPECS if len(cases) < len(FLOATS) * len(SPECS) else ["", ".6g", ".4f", ".3e"]
        for spec in specs:
            text, error = attempt(value, spec)
            cases.append({"kind": "float", "value": hex64(value), "spec": spec, "text": text, "error": error})
    for value in INTS:
        for spec in SPECS:
            text, error = attempt(value, spec)
            cases.append({"kind": "int", "value": value, "spec": spec, "text": text, "error": error})
    doc = {
        "producer": "scripts/make_format_spec_fixtures.py",
        "versions": {"python": "%d.%d.%d" % sys.version_info[:3]},
        "cases": cases,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(' "producer": %s,\n "versions": %s,\n "cases": [\n' % (json.dumps(doc["producer"]), json.dumps(doc["versions"])))
        f.write(",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in cases))
        f.write("\n ]\n}\n")
    with open(OUT, encoding="utf-8") as f:
        assert json.load(f) == doc
    return 0


if __name__ == "__main__":
    sys.exit(main())
