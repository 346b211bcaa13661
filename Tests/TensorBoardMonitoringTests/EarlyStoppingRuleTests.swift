import TestSupport
import Testing

@testable import TensorBoardMonitoring

/// Runs a fixture case through the rule: the epoch it stopped after (or nil), and its state.
private func run(_ testCase: CallbackCase) throws -> (stopped: Int?, state: EarlyStoppingState) {
    let mode = ImprovementRule.Mode(rawValue: testCase.string("mode") ?? "auto") ?? .auto
    let rule = try ImprovementRule(monitor: testCase.monitor, mode: mode, minDelta: testCase.number("min_delta") ?? 0)
    var stopping = try EarlyStoppingRule(
        rule: rule,
        patience: Int(testCase.number("patience") ?? 0),
        baseline: testCase.number("baseline"),
        startFromEpoch: Int(testCase.number("start_from_epoch") ?? 0)
    )
    for (epoch, value) in testCase.sequence.doubles.enumerated() {
        if stopping.observe(value, epoch: epoch) == .stop { return (epoch, stopping.state) }
    }
    return (nil, stopping.state)
}

@Suite struct EarlyStoppingRuleTests {
    let cases = callbackCases("early_stopping", root: packageRoot)

    @Test func stopsAtTheSameEpochAsKerasWithTheSameBestEpoch() throws {
        #expect(cases.count >= 15)
        for testCase in cases where testCase.name != "nan_first" {
            let (stopped, state) = try run(testCase)
            #expect(stopped == testCase.stoppedEpoch, "\(testCase.name)")
            #expect(state.bestEpoch == testCase.bestEpoch, "\(testCase.name)")
        }
    }

    @Test func aNaNFirstValueIsNotABestThatNothingBeats() throws {
        // Keras takes the NaN of epoch 0 as its best, nothing compares better than NaN, and it stops at epoch 3
        // with the NaN epoch "best". Here NaN never improves, so the steadily falling loss keeps training going.
        let testCase = try #require(cases.first { $0.name == "nan_first" })
        #expect(testCase.stoppedEpoch == 3 && testCase.bestEpoch == 0)
        let (stopped, state) = try run(testCase)
        #expect(stopped == nil)
        #expect(state.bestEpoch == testCase.sequence.doubles.count - 1)
    }

    @Test func stateCanBeSavedAndRestoredToContinueAResumedRun() throws {
        let rule = ImprovementRule(direction: .minimize)
        var whole = try EarlyStoppingRule(rule: rule, patience: 2)
        let values = [1.0, 0.8, 0.9, 0.7, 0.75, 0.72, 0.71]
        var stoppedWhole: Int?
        for (epoch, value) in values.enumerated() where stoppedWhole == nil {
            if whole.observe(value, epoch: epoch) == .stop { stoppedWhole = epoch }
        }
        var first = try EarlyStoppingRule(rule: rule, patience: 2)
        for (epoch, value) in values.prefix(4).enumerated() { _ = first.observe(value, epoch: epoch) }
        var resumed = try EarlyStoppingRule(rule: rule, patience: 2, state: first.state)
        var stoppedResumed: Int?
        for (epoch, value) in values.enumerated().dropFirst(4) where stoppedResumed == nil {
            if resumed.observe(value, epoch: epoch) == .stop { stoppedResumed = epoch }
        }
        #expect(stoppedWhole == 5)
        #expect(stoppedResumed == stoppedWhole)
    }
}

@Suite struct ImprovementRuleTests {
    @Test func infersTheDirectionFromTheMetricName() throws {
        #expect(try ImprovementRule(monitor: "val_loss", mode: .auto).direction == .minimize)
        #expect(try ImprovementRule(monitor: "val_accuracy", mode: .auto).direction == .maximize)
        #expect(try ImprovementRule(monitor: "auc", mode: .auto).direction == .maximize)
        #expect(try ImprovementRule(monitor: "val_mean_absolute_error", mode: .auto).direction == .minimize)
        #expect(try ImprovementRule(monitor: "val_f1_macro", mode: .auto).direction == .maximize)
        #expect(try ImprovementRule(monitor: "sparse_top_k_categorical_accuracy", mode: .auto).direction == .maximize)
        #expect(try ImprovementRule(monitor: "categorical_crossentropy", mode: .auto).direction == .minimize)
        #expect(throws: ImprovementRule.Error.self) { try ImprovementRule(monitor: "val_widgets", mode: .auto) }
    }

    @Test func comparesInFloat32AndNeverCountsNaN() {
        let rule = ImprovementRule(direction: .minimize)
        #expect(rule.isImprovement(0.4, over: 0.5))
        #expect(!rule.isImprovement(0.5 - 1e-9, over: 0.5))  // below float32 resolution, as in Keras
        #expect(!rule.isImprovement(.nan, over: nil))
        #expect(rule.isImprovement(.infinity, over: nil))
        let withDelta = ImprovementRule(direction: .maximize, minDelta: -0.1)
        #expect(withDelta.minDelta == 0.1)
        #expect(!withDelta.isImprovement(0.55, over: 0.5))
        #expect(withDelta.isImprovement(0.65, over: 0.5))
    }
}

@Suite struct TrendDetectorTests {
    @Test func findsWhereValidationLossStartsRisingWhileTrainingLossFalls() throws {
        let training = (0..<20).map { 1.0 / Double($0 + 1) }
        let validation: [Double] = [
            1, 0.8, 0.65, 0.55, 0.5, 0.48, 0.47, 0.475, 0.49, 0.5, 0.52, 0.55, 0.57, 0.6, 0.62, 0.65, 0.67, 0.7, 0.72,
            0.75,
        ]
        let found = try TrendDetector.detect(trainingLoss: training, validationLoss: validation)
        #expect(found?.bestEpoch == 6)
        #expect(found?.onsetEpoch == 7)
        #expect(found?.detectedEpoch == 9)
        #expect((found?.validationSlope ?? 0) > 0 && (found?.trainingSlope ?? 0) < 0)
    }

    @Test func ignoresOneNoisyEpoch() throws {
        let training = (0..<12).map { 1.0 / Double($0 + 1) }
        var validation = (0..<12).map { 1.2 / Double($0 + 1) }
        validation[6] = 0.6  // one bad epoch in a falling curve
        #expect(try TrendDetector.detect(trainingLoss: training, validationLoss: validation) == nil)
    }

    @Test func needsTrainingLossToStillFall() throws {
        let flatTraining = Array(repeating: 0.3, count: 10)
        let rising = (0..<10).map { 0.3 + 0.01 * Double($0) }
        #expect(try TrendDetector.detect(trainingLoss: flatTraining, validationLoss: rising) == nil)
    }
}
