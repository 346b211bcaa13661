import Testing

@testable import TensorBoardTraining

/// Records each hook it receives, as "<name>.<hook>", into a shared journal.
private final class Journal: Callback {
    let name: String
    var entries: (String) -> Void
    var adds: TrainingLogs = [:]

    init(_ name: String, entries: @escaping (String) -> Void) {
        self.name = name
        self.entries = entries
    }

    func trainingWillBegin(context: TrainingContext) { entries("\(name).trainingWillBegin") }
    func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) { entries("\(name).trainingDidEnd") }
    func epochWillBegin(_ epoch: Int, context: TrainingContext) { entries("\(name).epochWillBegin \(epoch)") }
    func epochWillEnd(_ epoch: Int, logs: inout TrainingLogs, context: TrainingContext) {
        entries("\(name).epochWillEnd \(logs.orderedMetricNames.joined(separator: ","))")
        logs.merge(adds) { _, new in new }
    }
    func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        entries("\(name).epochDidEnd \(logs.orderedMetricNames.joined(separator: ","))")
    }
    func trainingBatchWillBegin(_ batch: Int, context: TrainingContext) { entries("\(name).batchWillBegin \(batch)") }
    func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        entries("\(name).batchDidEnd \(batch)")
    }
    func validationWillBegin(context: TrainingContext) { entries("\(name).validationWillBegin") }
    func validationDidEnd(logs: TrainingLogs, context: TrainingContext) { entries("\(name).validationDidEnd") }
    func validationBatchWillBegin(_ batch: Int, context: TrainingContext) {
        entries("\(name).validationBatchWillBegin \(batch)")
    }
    func validationBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        entries("\(name).validationBatchDidEnd \(batch)")
    }
}

@Suite struct CallbackListTests {
    @Test func callsEveryHookOfEveryCallbackInOrder() {
        var journal: [String] = []
        let first = Journal("a") { journal.append($0) }
        let list = CallbackList([first])
        list.append(Journal("b") { journal.append($0) })
        let context = TrainingContext(epochs: 1, warn: { _ in })
        var logs: TrainingLogs = ["loss": 1]
        list.trainingWillBegin(context: context)
        list.epochWillBegin(0, context: context)
        list.trainingBatchWillBegin(0, context: context)
        list.trainingBatchDidEnd(0, logs: logs, context: context)
        list.validationWillBegin(context: context)
        list.validationBatchWillBegin(0, context: context)
        list.validationBatchDidEnd(0, logs: logs, context: context)
        list.validationDidEnd(logs: logs, context: context)
        list.epochWillEnd(0, logs: &logs, context: context)
        list.epochDidEnd(0, logs: logs, context: context)
        list.trainingDidEnd(logs: logs, context: context)
        let hooks = [
            "trainingWillBegin", "epochWillBegin 0", "batchWillBegin 0", "batchDidEnd 0", "validationWillBegin",
            "validationBatchWillBegin 0", "validationBatchDidEnd 0", "validationDidEnd", "epochWillEnd loss",
            "epochDidEnd loss", "trainingDidEnd",
        ]
        #expect(journal == hooks.flatMap { ["a." + $0, "b." + $0] })
        #expect(list.callbacks.count == 2 && list.callbacks.first === first)
    }

    @Test func eachCallbackSeesWhatEarlierOnesAddedToTheEpochsLogs() {
        var journal: [String] = []
        let adding = Journal("a") { journal.append($0) }
        adding.adds = ["learning_rate": 0.1]
        let list = CallbackList([adding, Journal("b") { journal.append($0) }])
        var logs: TrainingLogs = ["loss": 1]
        let context = TrainingContext(epochs: 1, warn: { _ in })
        list.epochWillEnd(0, logs: &logs, context: context)
        list.epochDidEnd(0, logs: logs, context: context)
        #expect(
            journal == [
                "a.epochWillEnd loss", "b.epochWillEnd loss,learning_rate", "a.epochDidEnd loss,learning_rate",
                "b.epochDidEnd loss,learning_rate",
            ]
        )
        #expect(logs == ["loss": 1, "learning_rate": 0.1])
    }
}

@Suite struct HistoryTests {
    @Test func keepsEveryEpochsLogsAndStartsAfreshForEachTraining() {
        let history = History()
        let context = TrainingContext(epochs: 3, warn: { _ in })
        history.trainingWillBegin(context: context)
        history.epochDidEnd(0, logs: ["loss": 1, "accuracy": 0.5], context: context)
        history.epochDidEnd(1, logs: ["loss": 0.5, "accuracy": 0.75, "val_loss": 0.8], context: context)
        #expect(history.epochs == [0, 1])
        #expect(history.values(of: "val_loss") == [nil, 0.8])
        #expect(history.values(of: "loss") == [1, 0.5])
        #expect(history.values(of: "auc") == [nil, nil])
        #expect(history.metricNames == ["accuracy", "loss", "val_loss"])
        // Reused for another fit (as Keras resets its callbacks in on_train_begin): a resumed run's epochs.
        history.trainingWillBegin(context: context)
        history.epochDidEnd(5, logs: ["loss": 0.25], context: context)
        #expect(history.epochs == [5] && history.logs == [["loss": 0.25]])
    }
}
