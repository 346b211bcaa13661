// CurvesAndAudio.swift: the PR curves and audio clips of the conformance log.

import Foundation
import TensorBoardEvents

/// A fixed pseudo-random sequence in [0, 1) (a 64-bit linear congruential generator), so the log is the same
/// on every run.
struct Sequence01 {
    var state: UInt64

    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(UInt64(1) << 53)
    }
}

/// Writes run `media`: PR curves from labels and predictions (`Double` and `Float`, weighted, other threshold
/// counts, predictions outside [0, 1]) and from raw counts, and audio clips (mono, stereo with labels,
/// samples to clamp), with what produced them in the manifest: under `pr_curves`, per point `[step, wall,
/// input]` where input is `{"labels", "predictions" (hex of doubles), "dtype", "thresholds", "weights"}` or
/// `{"raw": six rows of hex}`; under `audio`, per point `[step, wall, clips]`, each clip `{"samples" (hex of
/// doubles holding the floats), "rate", "channels", "label"}`.
@MainActor func writeCurvesAndAudio() throws {
    let writer = try SummaryWriter(runDirectory: logdir + "/media")
    var random = Sequence01(state: 20_261_204)
    for (tag, plugin) in [("pr/binary", "pr_curves"), ("audio/mono", "audio")] {
        let name = "The \(plugin) of \(tag)"
        let description = "Written by **conformance-logdir**: \(tag)"
        try writer.describe(tag, displayName: name, description: description)
        manifest.describe(run: "media", tag: tag, plugin: plugin, displayName: name, description: description)
    }
    for step in 0..<2 {
        let time = baseTime + 1_100 + Double(step)
        let count = 300 + 50 * step
        let labels = (0..<count).map { _ in random.next() < 0.4 }
        // Predictions correlated with the labels, a few outside [0, 1].
        var predictions = labels.map { min(1, max(0, ($0 ? 0.65 : 0.3) + (random.next() - 0.5) * 0.7)) }
        predictions[0] = 1.0
        predictions[1] = 0.0
        predictions[2] = 1.25
        predictions[3] = -0.5
        predictions[4] = .nan
        try writer.prCurve("pr/binary", labels: labels, predictions: predictions, step: Int64(step), wallTime: time)
        manifest.add(
            "pr_curves",
            run: "media",
            tag: "pr/binary",
            point: prPoint(step, time, labels, predictions, "float64", 127, nil)
        )
        let weights = labels.map { _ in (random.next() * 4).rounded(.down) / 2 }
        try writer.prCurve(
            "pr/weighted",
            labels: labels,
            predictions: predictions,
            thresholdCount: 11,
            weights: weights,
            step: Int64(step),
            wallTime: time
        )
        manifest.add(
            "pr_curves",
            run: "media",
            tag: "pr/weighted",
            point: prPoint(step, time, labels, predictions, "float64", 11, weights)
        )
        let floats = predictions.map { Float($0) }
        try writer.prCurve(
            "pr/float32",
            labels: labels,
            predictions: floats,
            thresholdCount: 50,
            step: Int64(step),
            wallTime: time
        )
        manifest.add(
            "pr_curves",
            run: "media",
            tag: "pr/float32",
            point: prPoint(step, time, labels, floats.map { Double($0) }, "float32", 50, nil)
        )
    }
    let raw: [[Double]] = [[10, 6, 0], [8, 2, 0], [0, 6, 8], [0, 4, 10], [10 / 18, 0.75, 0], [1, 0.6, 0]]
    let curve = try PRCurve(
        truePositives: raw[0],
        falsePositives: raw[1],
        trueNegatives: raw[2],
        falseNegatives: raw[3],
        precision: raw[4],
        recall: raw[5]
    )
    try writer.prCurve("pr/raw", curve, step: 0, wallTime: baseTime + 1_110)
    manifest.add(
        "pr_curves",
        run: "media",
        tag: "pr/raw",
        point: [Int64(0), Manifest.hex(baseTime + 1_110), ["raw": raw.map { $0.map(Manifest.hex) }]]
    )

    let rate = 8_000
    let tone: [Float] = (0..<800).map { index in
        let phase = Double(index) * 2 * Double.pi * 440 / Double(rate)
        return Float(sin(phase) * 0.8)
    }
    let chirp: [Float] = (0..<400).map { index in Float(sin(Double(index * index) * 0.0005)) }
    try writer.audio("audio/mono", [tone, chirp], sampleRate: rate, step: 3, wallTime: baseTime + 1_200)
    manifest.add(
        "audio",
        run: "media",
        tag: "audio/mono",
        point: [
            Int64(3), Manifest.hex(baseTime + 1_200), [audioClip(tone, rate, 1, ""), audioClip(chirp, rate, 1, "")],
        ]
    )
    // Stereo frames, with samples outside [-1, 1], halves, NaN and the extremes to clamp and round.
    let stereo: [Float] = [0, 0, 1, -1, 1.5, -2, .nan, 0.5 / 32_768, -1.5 / 32_768, 0.25, .infinity, -.infinity]
    try writer.audio(
        "audio/stereo",
        [stereo],
        sampleRate: 22_050,
        channelCount: 2,
        labels: ["*two* channels"],
        step: 0,
        wallTime: baseTime + 1_210
    )
    manifest.add(
        "audio",
        run: "media",
        tag: "audio/stereo",
        point: [Int64(0), Manifest.hex(baseTime + 1_210), [audioClip(stereo, 22_050, 2, "*two* channels")]]
    )
    try writer.close()
}

/// A PR curve's manifest point.
private func prPoint(
    _ step: Int,
    _ time: Double,
    _ labels: [Bool],
    _ predictions: [Double],
    _ dtype: String,
    _ thresholds: Int,
    _ weights: [Double]?
) -> [Any] {
    var input: [String: Any] = [
        "labels": labels, "predictions": predictions.map(Manifest.hex), "dtype": dtype, "thresholds": thresholds,
    ]
    if let weights { input["weights"] = weights.map(Manifest.hex) }
    return [Int64(step), Manifest.hex(time), input]
}

/// An audio clip's manifest entry.
private func audioClip(_ samples: [Float], _ rate: Int, _ channels: Int, _ label: String) -> [String: Any] {
    ["samples": samples.map { Manifest.hex(Double($0)) }, "rate": rate, "channels": channels, "label": label]
}
