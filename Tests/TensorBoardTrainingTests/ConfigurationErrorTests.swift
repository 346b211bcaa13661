import Testing

@testable import TensorBoardTraining

/// Every parameter a training type checks is refused when the type is made, with a message that names the
/// parameter, the value received and what is allowed: no precondition traps, no bad value accepted.
@Suite struct ConfigurationErrorTests {
    /// A way to make something with one bad parameter, and the error it must throw.
    struct Case: CustomTestStringConvertible, Sendable {
        let make: @Sendable () throws -> Void
        let expected: ConfigurationError
        var testDescription: String { expected.description }
    }

    static let cases: [Case] = [
        Case(
            make: { _ = try ReduceLROnPlateau(factor: 1.5) },
            expected: .init(
                type: "ReduceLROnPlateau",
                parameter: "factor",
                received: "1.5",
                allowed: "be at least 0 and below 1"
            )
        ),
        Case(
            make: { _ = try ReduceLROnPlateau(factor: .nan) },
            expected: .init(
                type: "ReduceLROnPlateau",
                parameter: "factor",
                received: "nan",
                allowed: "be at least 0 and below 1"
            )
        ),
        Case(
            make: { _ = try ReduceLROnPlateau(patience: -1) },
            expected: .init(
                type: "ReduceLROnPlateau",
                parameter: "patience",
                received: "-1",
                allowed: "not be negative"
            )
        ),
        Case(
            make: { _ = try ReduceLROnPlateau(cooldown: -2) },
            expected: .init(
                type: "ReduceLROnPlateau",
                parameter: "cooldown",
                received: "-2",
                allowed: "not be negative"
            )
        ),
        Case(
            make: { _ = try ReduceLROnPlateau(minimumLearningRate: -0.1) },
            expected: .init(
                type: "ReduceLROnPlateau",
                parameter: "minimumLearningRate",
                received: "-0.1",
                allowed: "be a number of at least 0"
            )
        ),
        Case(
            make: { _ = try EarlyStopping(patience: -1) },
            expected: .init(type: "EarlyStopping", parameter: "patience", received: "-1", allowed: "not be negative")
        ),
        Case(
            make: { _ = try EarlyStopping(startFromEpoch: -3) },
            expected: .init(
                type: "EarlyStopping",
                parameter: "startFromEpoch",
                received: "-3",
                allowed: "not be negative"
            )
        ),
        Case(
            make: { _ = try OverfittingMonitor(window: 1) },
            expected: .init(type: "TrendDetector", parameter: "window", received: "1", allowed: "be at least 2")
        ),
        Case(
            make: { _ = try ConfusionMatrix(classCount: 0) },
            expected: .init(type: "ConfusionMatrix", parameter: "classCount", received: "0", allowed: "be at least 1")
        ),
        Case(
            make: { _ = try MulticlassPrecision(classCount: -1) },
            expected: .init(type: "ConfusionMatrix", parameter: "classCount", received: "-1", allowed: "be at least 1")
        ),
        Case(
            make: { _ = try MulticlassRecall(classCount: 0) },
            expected: .init(type: "ConfusionMatrix", parameter: "classCount", received: "0", allowed: "be at least 1")
        ),
        Case(
            make: { _ = try AUC(numThresholds: 1) },
            expected: .init(type: "AUC", parameter: "numThresholds", received: "1", allowed: "be at least 2")
        ),
        Case(
            make: { _ = try Precision(thresholds: []) },
            expected: .init(
                type: "Precision",
                parameter: "thresholds",
                received: "[]",
                allowed: "hold at least one threshold, each from 0 to 1"
            )
        ),
        Case(
            make: { _ = try Recall(thresholds: [0.5, 1.5]) },
            expected: .init(
                type: "Recall",
                parameter: "thresholds",
                received: "[0.5, 1.5]",
                allowed: "hold at least one threshold, each from 0 to 1"
            )
        ),
        Case(
            make: { _ = try TopKCategoricalAccuracy(k: 0) },
            expected: .init(type: "TopKCategoricalAccuracy", parameter: "k", received: "0", allowed: "be at least 1")
        ),
        Case(
            make: { _ = try SparseTopKCategoricalAccuracy(k: -1) },
            expected: .init(
                type: "SparseTopKCategoricalAccuracy",
                parameter: "k",
                received: "-1",
                allowed: "be at least 1"
            )
        ),
    ]

    @Test(arguments: cases) func refusesTheBadParameter(_ testCase: Case) {
        #expect(throws: testCase.expected) { try testCase.make() }
    }

    @Test func theMessageNamesTheParameterTheValueAndWhatIsAllowed() {
        let error = ConfigurationError(
            type: "ReduceLROnPlateau",
            parameter: "factor",
            received: "1.5",
            allowed: "be at least 0 and below 1"
        )
        #expect(error.description == "ReduceLROnPlateau: factor must be at least 0 and below 1. Received: factor=1.5")
    }

    @Test func acceptsTheBoundaryValues() throws {
        _ = try ReduceLROnPlateau(factor: 0, patience: 0, cooldown: 0, minimumLearningRate: 0)
        _ = try EarlyStopping(patience: 0, startFromEpoch: 0)
        _ = try OverfittingMonitor(window: 2)
        _ = try ConfusionMatrix(classCount: 1)
        _ = try AUC(numThresholds: 2)
        _ = try Precision(thresholds: [0, 1])
        _ = try TopKCategoricalAccuracy(k: 1)
    }

    @Test func aTrainerThrowsWhatItsMetricsFactoryThrows() {
        let trainer = Trainer(metrics: { [try AUC(numThresholds: 0)] })
        #expect(throws: ConfigurationError.self) {
            try trainer.fit(epochs: 1, trainingBatches: 1, trainStep: { _, _ in try BatchResult(loss: 1) })
        }
    }
}
