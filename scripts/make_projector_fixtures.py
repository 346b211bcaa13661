#!/usr/bin/env python3
"""Write the fixtures of the embedding tests with tensorboardX's add_embedding (PyTorch's).

Usage (from the repository root; the "check" venv is enough):

    .venv/bin/python scripts/make_projector_fixtures.py

Replaces fixtures/projector/tensorboardx/ with the files tensorboardX's SummaryWriter.add_embedding writes for
three embeddings (its event file removed: its name holds the time and host), and writes
fixtures/projector/inputs.json:

    {"versions": {...},
     "embeddings": [{"tag", "step", "dtype": "float32" | "float64", "vectors": [[16 hex digits of the double]],
                     "labels": [...] | "header": [...] and "rows": [[...]],
                     "images": {"side", "count", "pixels": base64 of count x side x side x 3 bytes},
                     "sprite": {"side", "filled_rows", "pixels": base64 of the sprite's first filled_rows rows}}]}

The images are given to tensorboardX as NCHW floats (p + 0.5) / 255, which its uint8(x * 255) turns back into the
bytes p. The sprite's rows below the last row of images are left out: tensorboardX fills them from an
uninitialised numpy array.
"""

import importlib.metadata
import json
import os
import shutil
import struct
import sys
import base64

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "fixtures", "projector")
LOG = os.path.join(OUT, "tensorboardx")


def hex_bits(value):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", float(value)))[0]


def inputs():
    rng = np.random.RandomState(16)
    specials = [0.1, -0.0, 1e-5, 1e16, 3.4028235e38, 1e-45, 123456.789, -2.5, 65504, 1e-30, 2e16, 1e15]
    floats = (rng.standard_normal((12, 3)) * np.array([1e-3, 1.0, 1e4])).astype(np.float32)
    floats[:, 0] = np.array(specials, dtype=np.float32)
    images = rng.randint(0, 256, size=(12, 4, 4, 3)).astype(np.uint8)
    doubles = np.array([[0.1, 1 / 3], [-2.5e-8, 1e30], [42, -0.0], [5e-324, 1e16], [123456789.125, 0.5]])
    return [
        {"tag": "words", "step": 3, "matrix": floats, "labels": ["word%d" % i for i in range(12)],
         "images": images},
        {"tag": "nested/tag%", "step": 7, "matrix": doubles, "header": ["word", "freq"],
         "rows": [["a", "1"], ["b c", "2"], ["", "3"], ["ü", "4"], ["e*", "5"]]},
        {"tag": "default", "step": 123456, "matrix": np.array([[1, 2], [3, 4]], dtype=np.float32)},
    ]


def main():
    from PIL import Image
    from tensorboardX import SummaryWriter

    shutil.rmtree(LOG, ignore_errors=True)
    writer = SummaryWriter(LOG)
    entries = []
    for case in inputs():
        label_img = None
        if "images" in case:
            label_img = (case["images"].transpose(0, 3, 1, 2).astype(np.float64) + 0.5) / 255
        metadata = case.get("labels", case.get("rows"))
        writer.add_embedding(case["matrix"], metadata=metadata, label_img=label_img, global_step=case["step"],
                             tag=case["tag"], metadata_header=case.get("header"))
        entry = {"tag": case["tag"], "step": case["step"], "dtype": str(case["matrix"].dtype),
                 "vectors": [[hex_bits(x) for x in row] for row in case["matrix"].tolist()]}
        for key in ("labels", "header", "rows"):
            if key in case:
                entry[key] = case[key]
        if "images" in case:
            count, side = case["images"].shape[:2]
            entry["images"] = {"side": int(side), "count": int(count),
                               "pixels": base64.b64encode(case["images"].tobytes()).decode()}
            directory = "%s/%s" % (str(case["step"]).zfill(5), SummaryWriter._encode(case["tag"]))
            sprite = np.asarray(Image.open(os.path.join(LOG, directory, "sprite.png")).convert("RGB"))
            columns = sprite.shape[1] // side
            filled = side * -(-count // columns)
            entry["sprite"] = {"side": int(sprite.shape[0]), "filled_rows": int(filled),
                               "pixels": base64.b64encode(sprite[:filled].tobytes()).decode()}
        entries.append(entry)
    writer.close()
    for name in os.listdir(LOG):
        if "tfevents" in name:
            os.remove(os.path.join(LOG, name))
    versions = {"python": sys.version.split()[0]}
    for package in ("tensorboardX", "numpy", "pillow"):
        versions[package] = importlib.metadata.version(package)
    with open(os.path.join(OUT, "inputs.json"), "w", encoding="utf-8") as f:
        json.dump({"versions": versions, "embeddings": entries}, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", LOG, "and", os.path.join(OUT, "inputs.json"))


if __name__ == "__main__":
    main()
