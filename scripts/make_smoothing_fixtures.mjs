// Writes fixtures/smoothing/cases.json: TensorBoard's scalar smoothing ("classic smoothing", a debiased
// exponential moving average) computed by JavaScript's own Math.pow in V8, which is what the dashboard runs.
// The formula is the one TensorBoard documents in its scalar chart; this is our own implementation of it.
//
// Run: node scripts/make_smoothing_fixtures.mjs   (node 20 here: `node --version`)

import { writeFileSync } from "node:fs";

function smooth(values, weight) {
  if (values.length === 0) return [];
  const first = values[0];
  if (values.every((v) => v == first)) return values.slice();
  let last = 0;
  let count = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return v;
    last = last * weight + (1 - weight) * v;
    count++;
    const debias = weight !== 1 ? 1 - Math.pow(weight, count) : 1;
    return last / debias;
  });
}

// A deterministic generator (xorshift64*), so the noisy series are the same on every run.
let state = 0x2545f4914f6cdd1dn;
function random() {
  state ^= state >> 12n;
  state ^= (state << 25n) & 0xffffffffffffffffn;
  state ^= state >> 27n;
  const out = (state * 0x2545f4914f6cdd1dn) & 0xffffffffffffffffn;
  return Number(out >> 11n) / 2 ** 53;
}

function hex(value) {
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, value);
  return buffer.getBigUint64(0).toString(16).padStart(16, "0");
}

const noisy = Array.from({ length: 300 }, (_, i) => 2 / (1 + i / 20) + (random() - 0.5) * 0.3);
const cases = [
  ["empty", [], 0.6],
  ["single point", [3.5], 0.6],
  ["constant", [2, 2, 2, 2], 0.6],
  ["constant NaN is not constant", [NaN, NaN], 0.6],
  ["NaN and infinities pass through", [1, NaN, 2, Infinity, 3, -Infinity, 4], 0.6],
  ["weight 0 is the identity", [1, 5, -2, 0.25], 0],
  ["weight 1 stays at 0", [1, 5, -2, 0.25], 1],
  ["two points", [0, 1], 0.6],
  ["noisy loss, default weight", noisy, 0.6],
  ["noisy loss, weight 0.3", noisy, 0.3],
  ["noisy loss, weight 0.9", noisy, 0.9],
  ["noisy loss, weight 0.99", noisy, 0.99],
];

const out = cases.map(([name, values, weight]) => ({
  name,
  weight,
  values: values.map(hex),
  smoothed: smooth(values, weight).map(hex),
}));
writeFileSync(
  new URL("../fixtures/smoothing/cases.json", import.meta.url),
  JSON.stringify({ producer: `node ${process.version} (V8 ${process.versions.v8})`, cases: out }, null, 1) + "\n"
);
