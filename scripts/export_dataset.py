#!/usr/bin/env python3
"""Export scikit-learn's copy of the UCI "Optical Recognition of Handwritten
Digits" test set as a plain CSV for the Swift examples and tests.

Usage (from the repository root):

    scripts/venv full && .venv/bin/python scripts/export_dataset.py

Writes fixtures/datasets/digits.csv: a header line, then 1797 rows of 65
integers: the 64 pixels of the 8x8 image in row-major order (columns
pixel_<row>_<col>, values 0..16), then the label (0..9). Rows keep
scikit-learn's order. The data ship inside the scikit-learn wheel; nothing is
downloaded.
"""

import csv
import os
import sys

from sklearn.datasets import load_digits

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "fixtures", "datasets", "digits.csv")


def main():
    digits = load_digits()
    data, target = digits.data, digits.target
    assert data.shape == (1797, 64), data.shape
    assert data.min() >= 0 and data.max() <= 16 and (data == data.astype(int)).all()
    assert sorted(set(target.tolist())) == list(range(10))
    names = list(digits.feature_names)
    assert names == ["pixel_%d_%d" % (r, c) for r in range(8) for c in range(8)], names[:3]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="", encoding="ascii") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + ["label"])
        for row, label in zip(data.astype(int), target):
            w.writerow([int(v) for v in row] + [int(label)])
    print("wrote %s (%d rows)" % (os.path.relpath(OUT, REPO), len(target)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
