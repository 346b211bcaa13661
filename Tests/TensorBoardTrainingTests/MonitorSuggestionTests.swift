import Testing

@testable import TensorBoardTraining

/// A monitor that names no logged key is an error at the end of the first epoch whose logs could hold it,
/// naming the nearest key, for every callback that monitors.
@Suite struct MonitorSuggestionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let callback: String
        let make: @Sendable () throws -> any Callback
        let monitor: String
        var testDescription: String { callback }
    }

    static let cases: [Case] = [
        Case(
            callback: "EarlyStopping",
            make: { try EarlyStopping(monitor: "val_los", mode: .min) },
            monitor: "val_los"
        ),
        Case(
            callback: "ReduceLROnPlateau",
            make: { try ReduceLROnPlateau(monitor: "val_los", mode: .min) },
            monitor: "val_los"
        ),
        Case(
            callback: "ModelCheckpoint",
            make: { try ModelCheckpoint(filePath: "m-{epoch}", monitor: "val_los", saveBestOnly: true, mode: .min) },
            monitor: "val_los"
        ),
        Case(
            callback: "OverfittingMonitor",
            make: { try OverfittingMonitor(validationKey: "val_los") },
            monitor: "val_los"
        ),
        Case(callback: "OverfittingMonitor", make: { try OverfittingMonitor(trainingKey: "los") }, monitor: "los"),
    ]

    @Test(arguments: cases) func anUnknownMonitorStopsTrainingAfterTheFirstEpoch(_ testCase: Case) throws {
        let trainer = Trainer(callbacks: [try testCase.make()])
        var epochsRun = 0
        do {
            try trainer.fit(
                epochs: 5,
                trainingBatches: 1,
                trainStep: { _, _ in
                    epochsRun += 1
                    return try BatchResult(loss: 1)
                },
                validationBatches: 1,
                validationStep: { _, _ in try BatchResult(loss: 2) },
                model: ModelHooks(save: { _ in }, learningRate: { 0.1 }, setLearningRate: { _ in })
            )
            Issue.record("\(testCase.callback) trained on without '\(testCase.monitor)'")
        } catch let error as TrainingError {
            let expectedSuggestion = testCase.monitor == "los" ? "loss" : "val_loss"
            guard case .unknownMonitor(let callback, let monitor, let available, let suggestion) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(callback == testCase.callback && monitor == testCase.monitor)
            #expect(suggestion == expectedSuggestion && available.first == expectedSuggestion)
            #expect(Set(available).isSuperset(of: ["loss", "val_loss"]))
        }
        #expect(epochsRun == 1)
    }

    @Test func theMessageListsTheKeysAndSuggestsTheNearest() {
        let error = TrainingError.unknownMonitor(
            callback: "EarlyStopping",
            monitor: "val_los",
            available: ["val_loss", "loss"],
            suggestion: "val_loss"
        )
        #expect(
            error.description
                == "EarlyStopping: monitor 'val_los' is not among the logged keys (val_loss, loss); did you mean 'val_loss'?"
        )
    }

    @Test func aFarNameGetsNoSuggestion() {
        let (sorted, suggestion) = nearestKeys(to: "f1_macro", in: ["loss": 1, "val_loss": 2])
        #expect(suggestion == nil && sorted == ["loss", "val_loss"])
        #expect(editDistance("val_los", "val_loss") == 1 && editDistance("", "abc") == 3)
    }

    @Test func aValidationMonitorWaitsForTheFirstEpochWithValidation() throws {
        let stopping = try EarlyStopping(monitor: "val_loss", patience: 10)
        let trainer = Trainer(callbacks: [stopping])
        let history = try trainer.fit(
            epochs: 4,
            trainingBatches: 1,
            trainStep: { _, _ in try BatchResult(loss: 1) },
            validationBatches: 1,
            validationStep: { epoch, _ in try BatchResult(loss: 4 - Double(epoch)) },
            validationFrequency: 2
        )
        #expect(history.epochs.count == 4 && stopping.bestEpoch == 3)
    }

    @Test func aHandWrittenLoopSeesTheFailureThroughTheContext() throws {
        let stopping = try EarlyStopping(monitor: "accurcy", mode: .max)
        let context = TrainingContext(epochs: 3, warn: { _ in })
        stopping.trainingWillBegin(context: context)
        stopping.epochDidEnd(0, logs: ["loss": 1, "accuracy": 0.5], context: context)
        #expect(context.isStopRequested)
        #expect(throws: TrainingError.self) { try context.checkFailure() }
        if case .unknownMonitor(_, _, _, let suggestion) = context.failure { #expect(suggestion == "accuracy") }
    }
}
