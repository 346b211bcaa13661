import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// PR curves computed as PyTorch and tensorboardX compute them, and audio clips as `tf.summary.audio` writes
/// them. The expected values come from the peers (tensorboardX 2.6.5's `pr_curve`, Python's `wave`); the
/// conformance check (scripts/check-with-tensorboard) compares many more with the real TensorBoard.
@Suite struct PRCurveAndAudioTests {
    let directory = TemporaryDirectory()

    /// The six rows, flattened, as `tensor.float_val`.
    private func rows(_ curve: PRCurve) -> [Float] {
        [
            curve.truePositives, curve.falsePositives, curve.trueNegatives, curve.falseNegatives, curve.precision,
            curve.recall,
        ]
        .flatMap { $0.map { Float($0) } }
    }

    @Test func aWeightedCurveEqualsTensorboardXs() throws {
        // pr_curve("t", labels, predictions, num_thresholds=5, weights=...): a prediction below 0 counts nowhere.
        let curve = try PRCurve(
            labels: [true, false, true, true, false, false, true, false],
            predictions: [0.9, 0.1, 0.6, 0.35, 0.5, 0.75, 1.0, -0.1],
            thresholdCount: 5,
            weights: [1, 2, 0.5, 1, 1, 3, 1, 1]
        )
        let tensorboardX: [Float] = [
            3.5, 3.5, 2.5, 2.0, 1.0, 6.0, 4.0, 4.0, 3.0, 0.0, 0.0, 2.0, 2.0, 3.0, 6.0, 0.0, 0.0, 1.0, 1.5, 2.5,
            0.3684210479259491, 0.46666666865348816, 0.38461539149284363, 0.4000000059604645, 1.0, 1.0, 1.0,
            0.7142857313156128, 0.5714285969734192, 0.2857142984867096,
        ]
        #expect(rows(curve) == tensorboardX)
    }

    @Test func floatPredictionsAreBucketedInFloat() throws {
        let curve = try PRCurve(labels: [true, false, true], predictions: [Float(0.2), 0.7, 0.7], thresholdCount: 3)
        #expect(rows(curve) == [2, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 2, 0.6666666865348816, 0.5, 0, 1, 0.5, 0])
    }

    @Test(arguments: [
        (2, 3, nil as Int?, 5),
        (3, 3, 2, 5),
        (3, 3, nil, 1),
        (3, 3, nil, 10_000_001),
    ])
    func badArgumentsAreRefusedNamingThem(labels: Int, predictions: Int, weights: Int?, thresholds: Int) {
        #expect(throws: PRCurve.InvalidInput.self) {
            try PRCurve(
                labels: Array(repeating: true, count: labels),
                predictions: Array(repeating: 0.5, count: predictions),
                thresholdCount: thresholds,
                weights: weights.map { Array(repeating: 1, count: $0) }
            )
        }
    }

    @Test func rawRowsMustHaveOneLength() {
        #expect(throws: PRCurve.InvalidInput.self) {
            try PRCurve(
                truePositives: [1, 0],
                falsePositives: [1, 0],
                trueNegatives: [0, 1],
                falseNegatives: [0],
                precision: [0.5, 0],
                recall: [1, 0]
            )
        }
    }

    @Test func theWriterLogsTheCurveAsThePluginsTensor() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/pr")
        try writer.prCurve(
            "pr",
            labels: [true, false, true],
            predictions: [0.2, 0.7, 0.7],
            thresholdCount: 3,
            step: 4
        )
        #expect(throws: EventFileError.self) {
            try writer.prCurve("bad", labels: [true], predictions: [0.2, 0.7], step: 5)
        }
        try writer.close()
        let run = try #require(try Logdir.read(directory.path + "/pr").runs.first)
        #expect(run.tags == ["pr"])
        let series = try #require(run.series.first)
        #expect(series.pluginName == "pr_curves")
        let point = try #require(run.points("pr").first)
        guard case .tensor(let tensor) = point.value else {
            Issue.record("expected a tensor, got \(point.value)")
            return
        }
        #expect(tensor.dataType == .float && tensor.shape?.sizes == [6, 3])
        #expect(tensor.floatValues == [2, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 2, Float(2.0 / 3), 0.5, 0, 1, 0.5, 0])
    }

    @Test func wavFilesEqualPythonsWaveModule() throws {
        // wave.open(..., "wb") with 2 channels, 16-bit, 16000 Hz, frames (0, 16384), (-16384, 32767), (-32768, 1).
        let python =
            "524946463000000057415645666d74201000000001000200803e000000fa000004001000646174610c0000000000004000c0ff7f00800100"
        let samples: [Float] = [0, 0.5, -0.5, 1, -1, 0.5 / 32_768]
        let bytes = try WAVEncoder.encode(samples, sampleRate: 16_000, channelCount: 2)
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == python)
    }

    static let pcmCases: [(Float, Int16)] = [
        (1.5, .max), (-2, .min), (.nan, 0), (.infinity, .max), (-.infinity, .min),
        (1.5 / 32_768, 2), (-1.5 / 32_768, -2), (0.49 / 32_768, 0),
    ]

    @Test(arguments: pcmCases)
    func samplesAreRoundedAndClampedAsEncodeWavDoes(sample: Float, pcm: Int16) {
        #expect(WAVEncoder.pcm(sample) == pcm)
    }

    @Test func theWriterLogsClipsAsTheAudioPluginsTensor() throws {
        let writer = try SummaryWriter(runDirectory: directory.path + "/audio")
        try writer.audio("voice", [[0, 0.5], [0.25, -0.25, 1, -1]], sampleRate: 8_000, labels: ["a", "b"], step: 2)
        #expect(throws: EventFileError.self) {
            try writer.audio("odd", [[0, 1, 2]], sampleRate: 8_000, channelCount: 2, step: 0)
        }
        #expect(throws: EventFileError.self) { try writer.audio("rate", [[0]], sampleRate: 0, step: 0) }
        #expect(throws: EventFileError.self) {
            try writer.audio("labels", [[0]], sampleRate: 1, labels: ["a", "b"], step: 0)
        }
        try writer.close()
        let run = try #require(try Logdir.read(directory.path + "/audio").runs.first)
        #expect(run.tags == ["voice"])
        let point = try #require(run.points("voice").first)
        guard case .audio(let clips) = point.value else {
            Issue.record("expected audio, got \(point.value)")
            return
        }
        #expect(
            clips == [
                try WAVEncoder.encode([0, 0.5], sampleRate: 8_000, channelCount: 1),
                try WAVEncoder.encode([0.25, -0.25, 1, -1], sampleRate: 8_000, channelCount: 1),
            ]
        )
    }
}
