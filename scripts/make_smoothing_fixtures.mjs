// Writes fixtures/smoothing/cases.json: TensorBoard's scalar smoothing ("classic smoothing", a debiased
// exponential moving average) on a list of cases, computed by TensorBoard's own frontend code in V8, which is
// what the dashboard runs. scripts/make_smoothing_fixtures.py takes that code out of the installed tensorboard
// wheel and runs this file with it in TB_SMOOTHING_PARAMETERS and TB_SMOOTHING_BODY.
//
// Run: .venv/bin/python scripts/make_smoothing_fixtures.py   (node 20 here: `node --version`)

import { writeFileSync } from "node:fs";

const parameters = (process.env.TB_SMOOTHING_PARAMETERS || "").split(",");
const body = process.env.TB_SMOOTHING_BODY;
if (parameters.length !== 2 || !body) {
  throw new Error("run scripts/make_smoothing_fixtures.py, which passes TensorBoard's smoothing code");
}
const tensorBoardSmoothing = new Function(...parameters, body);

/// TensorBoard's smoothing of one series: its points are (step, value) pairs.
function smooth(values, weight) {
  const [series] = tensorBoardSmoothing([{ id: "s", points: values.map((y, x) => ({ x, y })) }], weight);
  return series.points.map((point) => point.y);
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
  ["a weight above 1 is clamped to 1", [1, 5, -2, 0.25], 1.5],
  ["a negative weight is clamped to 0", [1, 5, -2, 0.25], -0.2],
  ["leading NaN", [NaN, 1, 2, 3], 0.6],
  ["values near the largest double", [1e308, -1e308, 1.5e308, 1e308], 0.6],
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
  JSON.stringify(
    {
      producer: `tensorboard ${process.env.TB_VERSION} frontend smoothing, node ${process.version} (V8 ${process.versions.v8})`,
      cases: out,
    },
    null,
    1
  ) + "\n"
);
