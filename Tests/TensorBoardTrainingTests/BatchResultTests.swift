import Testing

@testable import TensorBoardTraining

/// A batch whose labels, predictions and weights do not line up is refused, by the initialiser and by the
/// trainer (the properties can change after it), rather than trapping or being read up to the shorter list.
@Suite struct BatchResultTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let yTrue: [[Double]]
        let yPred: [[Double]]
        let sampleWeight: [Double]?
        let size: Int?
        let parameter: String
        var testDescription: String { "\(yTrue.count) labels, \(yPred.count) predictions → \(parameter)" }
    }

    static let cases: [Case] = [
        Case(yTrue: [[1], [0]], yPred: [[0.9]], sampleWeight: nil, size: nil, parameter: "yPred"),
        Case(yTrue: [[1]], yPred: [[0.9], [0.1]], sampleWeight: nil, size: nil, parameter: "yPred"),
        Case(yTrue: [], yPred: [[0.9]], sampleWeight: nil, size: nil, parameter: "yPred"),
        Case(yTrue: [[1], [0]], yPred: [[0.9], [0.1]], sampleWeight: [1], size: nil, parameter: "sampleWeight"),
        Case(yTrue: [[1]], yPred: [[0.9]], sampleWeight: nil, size: -1, parameter: "size"),
    ]

    @Test(arguments: cases) func refusesRowsThatDoNotMatch(_ testCase: Case) {
        do {
            _ = try BatchResult(
                loss: 0.5,
                yTrue: testCase.yTrue,
                yPred: testCase.yPred,
                sampleWeight: testCase.sampleWeight,
                size: testCase.size
            )
            Issue.record("accepted \(testCase.testDescription)")
        } catch {
            #expect(error.type == "BatchResult" && error.parameter == testCase.parameter)
        }
    }

    @Test func namesBothCounts() {
        #expect(
            throws: ConfigurationError(
                type: "BatchResult",
                parameter: "yPred",
                received: "1 rows",
                allowed: "have one row per yTrue row (2)"
            )
        ) { try BatchResult(loss: 0.5, yTrue: [[1], [0]], yPred: [[0.9]]) }
    }

    @Test func theTrainerRefusesAResultChangedAfterItWasMade() throws {
        let trainer = Trainer(metrics: { [BinaryAccuracy()] })
        var epochsEnded = 0
        trainer.callbacks.append(EpochCounter { epochsEnded += 1 })
        #expect(throws: ConfigurationError.self) {
            try trainer.fit(
                epochs: 2,
                trainingBatches: 1,
                trainStep: { _, _ in
                    var result = try BatchResult(loss: 0.5, yTrue: [[1], [0]], yPred: [[0.9], [0.1]])
                    result.yPred.removeLast()
                    return result
                }
            )
        }
        #expect(epochsEnded == 0)
    }
}

/// Counts epoch ends.
private final class EpochCounter: Callback {
    let onEpochEnd: () -> Void
    init(_ onEpochEnd: @escaping () -> Void) { self.onEpochEnd = onEpochEnd }
    func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) { onEpochEnd() }
}
