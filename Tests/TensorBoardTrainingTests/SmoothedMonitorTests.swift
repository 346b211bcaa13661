import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// A callback with `smoothing` must decide on the raw values exactly as the same callback without it decides on
/// TensorBoard's smoothed curve (`Smoothing.smooth` of each prefix, the dashboard's own computation).
@Suite struct SmoothedMonitorTests {
    /// TensorBoard's smoothed value at each epoch: the last point of the smoothing of the series so far.
    private func smoothedPrefixes(_ values: [Double]) -> [Double] {
        values.indices.map { Smoothing.smooth(Array(values[...$0])).last ?? .nan }
    }

    /// Feeds `values` as `monitor` to `callback` epoch by epoch; the epoch it stopped after, and per-epoch readings.
    private func drive(
        _ callback: any Callback,
        monitor: String,
        _ values: [Double],
        learningRate: Double = 0.1,
        read: (Int) -> Void = { _ in }
    ) -> (stopped: Int?, restored: Int?, rates: [Double]) {
        var epoch = 0
        var restored: Int?
        var rate = Float(learningRate)
        var rates: [Double] = []
        let hooks = ModelHooks(
            captureWeights: { epoch },
            restoreWeights: { restored = $0 },
            save: { _ in },
            learningRate: { Double(rate) },
            setLearningRate: { rate = Float($0) }
        )
        let context = TrainingContext(epochs: values.count, model: hooks, warn: { _ in })
        callback.trainingWillBegin(context: context)
        var stopped: Int?
        for (index, value) in values.enumerated() {
            epoch = index
            callback.epochDidEnd(index, logs: [monitor: value], context: context)
            rates.append(Double(rate))
            read(index)
            if context.isStopRequested {
                stopped = index
                break
            }
        }
        callback.trainingDidEnd(logs: [:], context: context)
        return (stopped, restored, rates)
    }

    @Test func earlyStoppingJudgesTheSmoothedCurve() throws {
        var differsFromRaw = 0
        for testCase in callbackCases("early_stopping", root: packageRoot) {
            func make(_ smoothing: StreamingSmoother?) throws -> EarlyStopping {
                try EarlyStopping(
                    monitor: testCase.monitor,
                    minDelta: testCase.number("min_delta") ?? 0,
                    patience: Int(testCase.number("patience") ?? 0),
                    mode: ImprovementRule.Mode(rawValue: testCase.string("mode") ?? "auto") ?? .auto,
                    baseline: testCase.number("baseline"),
                    restoreBestWeights: testCase.bool("restore_best_weights"),
                    startFromEpoch: Int(testCase.number("start_from_epoch") ?? 0),
                    smoothing: smoothing
                )
            }
            let values = testCase.sequence.doubles
            let smoothed = try make(StreamingSmoother())
            let ours = drive(smoothed, monitor: testCase.monitor, values)
            let reference = try make(nil)
            let expected = drive(reference, monitor: testCase.monitor, smoothedPrefixes(values))
            #expect(ours.stopped == expected.stopped && ours.restored == expected.restored, "\(testCase.name)")
            #expect(smoothed.state == reference.state, "\(testCase.name)")
            if ours.stopped != testCase.stoppedEpoch { differsFromRaw += 1 }
        }
        #expect(differsFromRaw >= 3)
    }

    @Test func reduceLROnPlateauJudgesTheSmoothedCurve() throws {
        var differsFromRaw = 0
        for testCase in callbackCases("reduce_lr_on_plateau", root: packageRoot) {
            func make(_ smoothing: StreamingSmoother?) throws -> ReduceLROnPlateau {
                try ReduceLROnPlateau(
                    monitor: testCase.monitor,
                    factor: testCase.number("factor") ?? 0.1,
                    patience: Int(testCase.number("patience") ?? 10),
                    mode: ImprovementRule.Mode(rawValue: testCase.string("mode") ?? "auto") ?? .auto,
                    minDelta: testCase.number("min_delta") ?? 1e-4,
                    cooldown: Int(testCase.number("cooldown") ?? 0),
                    minimumLearningRate: testCase.number("min_lr") ?? 0,
                    smoothing: smoothing
                )
            }
            let values = testCase.sequence.doubles
            let rate = testCase.initialLearningRate.doubles.first ?? 0.1
            let ours = drive(try make(StreamingSmoother()), monitor: testCase.monitor, values, learningRate: rate)
            let expected = drive(try make(nil), monitor: testCase.monitor, smoothedPrefixes(values), learningRate: rate)
            #expect(ours.rates == expected.rates, "\(testCase.name)")
            if ours.rates != testCase.learningRateAfterEpoch.doubles { differsFromRaw += 1 }
        }
        #expect(differsFromRaw >= 3)
    }

    @Test func modelCheckpointJudgesTheSmoothedCurve() throws {
        var differsFromRaw = 0
        for testCase in callbackCases("model_checkpoint", root: packageRoot) {
            let directory = TemporaryDirectory()
            func make(_ smoothing: StreamingSmoother?) throws -> ModelCheckpoint {
                try ModelCheckpoint(
                    filePath: directory.path + "/m-{epoch}",
                    monitor: testCase.monitor,
                    saveBestOnly: testCase.bool("save_best_only"),
                    mode: ImprovementRule.Mode(rawValue: testCase.string("mode") ?? "auto") ?? .auto,
                    best: testCase.number("initial_value_threshold"),
                    smoothing: smoothing,
                    save: { try Data().write(to: URL(fileURLWithPath: $0)) }
                )
            }
            let values = testCase.sequence.doubles
            let smoothed = try make(StreamingSmoother())
            _ = drive(smoothed, monitor: testCase.monitor, values)
            let reference = try make(nil)
            _ = drive(reference, monitor: testCase.monitor, smoothedPrefixes(values))
            #expect(smoothed.savedEpochs == reference.savedEpochs, "\(testCase.name)")
            #expect(smoothed.best?.bitPattern == reference.best?.bitPattern, "\(testCase.name)")
            if smoothed.savedEpochs != testCase.savedEpochs { differsFromRaw += 1 }
        }
        #expect(differsFromRaw >= 3)
    }

    @Test func overfittingMonitorReadsTheSmoothedLosses() throws {
        // Validation loss bottoms out at epoch 6, with an outlier at epoch 7.
        let training = (0..<16).map { 1 / Double($0 + 1) }
        let validation = [1, 0.8, 0.65, 0.55, 0.5, 0.48, 0.47, 0.9, 0.49, 0.5, 0.52, 0.3, 0.56, 0.58, 0.6, 0.62]
        func detect(
            _ monitor: OverfittingMonitor,
            _ training: [Double],
            _ validation: [Double]
        ) -> TrendDetector
            .Overfitting?
        {
            let context = TrainingContext(epochs: 16, warn: { _ in })
            monitor.trainingWillBegin(context: context)
            for epoch in training.indices {
                let logs = ["loss": training[epoch], "val_loss": validation[epoch]]
                monitor.epochDidEnd(epoch, logs: logs, context: context)
            }
            return monitor.detection
        }
        let smoothed = detect(try OverfittingMonitor(smoothing: StreamingSmoother()), training, validation)
        let reference = detect(try OverfittingMonitor(), smoothedPrefixes(training), smoothedPrefixes(validation))
        let raw = detect(try OverfittingMonitor(), training, validation)
        #expect(smoothed != nil && smoothed == reference)
        // Both see the turn after epoch 8, but the smoothed trend rises 20 times faster than the raw median's.
        #expect(raw?.detectedEpoch == 8 && smoothed?.detectedEpoch == 8)
        #expect((smoothed?.validationSlope ?? 0) > 20 * (raw?.validationSlope ?? 1))
    }
}
