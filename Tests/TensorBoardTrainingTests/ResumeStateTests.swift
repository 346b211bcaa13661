import Foundation
import TensorBoardEvents
import TestSupport
import Testing

@testable import TensorBoardTraining

/// Each resumable callback's state survives JSON and, given to a new instance, makes it start where the saved
/// one stood.
@Suite struct ResumeStateTests {
    /// Encodes and decodes `state` as a backup does.
    private func roundTrip<State: Codable>(_ state: State) throws -> State {
        try BackupCoding.decoder().decode(State.self, from: try BackupCoding.encoder().encode(state))
    }

    /// Feeds `callback` the epochs' logs, as a trainer does.
    private func feed(_ callback: any Callback, _ losses: [Double], context: TrainingContext) {
        callback.trainingWillBegin(context: context)
        for (epoch, loss) in losses.enumerated() {
            var logs: TrainingLogs = ["loss": loss, "val_loss": loss]
            callback.epochWillEnd(epoch, logs: &logs, context: context)
            callback.epochDidEnd(epoch, logs: logs, context: context)
        }
    }

    /// The state of `callback` after `losses`, and that of a new instance resumed from it (round-tripped).
    private func states<C: ResumableCallback>(
        _ make: () throws -> C,
        _ losses: [Double],
        hooks: ModelHooks = ModelHooks()
    ) throws -> (saved: C.ResumeState, resumed: C.ResumeState) where C.ResumeState: Equatable {
        let context = TrainingContext(epochs: 10, model: hooks, warn: { _ in })
        let first = try make()
        feed(first, losses, context: context)
        let saved = try first.resumeState(context: context)
        let second = try make()
        try second.resume(from: try roundTrip(saved), context: context)
        second.trainingWillBegin(context: context)
        return (saved, try second.resumeState(context: context))
    }

    private static let losses = [2.0, 1.0, .infinity, 1.5, 1.25]

    @Test func earlyStoppingKeepsItsRuleSmootherAndBestWeights() throws {
        var weights = [0.5]
        let hooks = ModelHooks(captureWeights: { weights }, restoreWeights: { weights = $0 })
        let (saved, resumed) = try states(
            { try EarlyStopping(patience: 5, restoreBestWeights: true, smoothing: StreamingSmoother()) },
            Self.losses,
            hooks: hooks
        )
        #expect(saved.rule.bestEpoch != nil && saved.smoother?.finiteCount == 4)
        #expect(saved.bestWeights != nil)
        #expect(resumed == saved)
    }

    @Test func earlyStoppingRefusesBestWeightsOfAnotherType() throws {
        let context = TrainingContext(epochs: 1, model: ModelHooks(captureWeights: { "w" }, restoreWeights: { _ in }))
        let state = EarlyStopping.ResumeState(rule: .init(best: 1, bestEpoch: 0), bestWeights: Data("[1.5]".utf8))
        #expect(throws: TrainingError.self) { try EarlyStopping().resume(from: state, context: context) }
    }

    @Test func modelCheckpointKeepsItsBest() throws {
        let (saved, resumed) = try states(
            { try ModelCheckpoint(filePath: "/nonexistent/m.json", saveBestOnly: true, save: { _ in }) },
            Self.losses
        )
        #expect(saved.best == 1 && resumed == saved)
    }

    @Test func reduceLROnPlateauKeepsItsWaitCooldownAndRate() throws {
        var rate = 0.1
        let hooks = ModelHooks(learningRate: { rate }, setLearningRate: { rate = $0 })
        let (saved, resumed) = try states(
            { try ReduceLROnPlateau(factor: 0.5, patience: 2, cooldown: 3) },
            Self.losses,
            hooks: hooks
        )
        #expect(saved.best == 1 && saved.cooldownCounter == 2 && saved.learningRate == 0.05)
        #expect(resumed == saved)
    }

    @Test func csvLoggerKeepsItsColumnsAndRows() throws {
        let directory = TemporaryDirectory()
        let (saved, resumed) = try states({ CSVLogger(path: directory.path + "/log.csv") }, Self.losses)
        #expect(saved.columns == ["epoch", "loss", "val_loss"] && saved.rows.count == 5 && saved.rows[2][1] == "inf")
        #expect(resumed == saved)
        let text = try String(contentsOfFile: directory.path + "/log.csv", encoding: .utf8)
        #expect(text.hasPrefix("epoch,loss,val_loss\r\n0,2.0,2.0\r\n") && text.hasSuffix("4,1.25,1.25\r\n"))
    }

    @Test func theLoggerKeepsItsBestValues() throws {
        let directory = TemporaryDirectory()
        let (saved, resumed) = try states(
            { TensorBoardLogger(logDirectory: directory.path, options: .init(monitoredMetrics: ["val_loss"])) },
            Self.losses
        )
        #expect(saved.best == ["val_loss": 1] && resumed == saved)
    }
}
