import Foundation
import TensorBoardEvents
import TestSupport
import Testing

@testable import TensorBoardTraining

/// A run stopped by an error mid-epoch and resumed from its backup by new callbacks decides, logs and ends as
/// the same run uninterrupted; backups are whole or refused with an error naming the file.
@Suite struct BackupAndRestoreTests {
    /// The uninterrupted run: its history, decisions and files.
    private func uninterrupted(in directory: String) throws -> (ResumeHarness, History) {
        let run = try ResumeHarness(directory: directory)
        return (run, try run.fit())
    }

    /// The run stopped by a thrown error at epoch 4, batch 3, then resumed by a new harness over the same files.
    private func resumed(in directory: String, backupFirst: Bool = false) throws -> (ResumeHarness, History) {
        let first = try ResumeHarness(directory: directory)
        first.crash = (4, 3)
        #expect(throws: ResumeHarness.Crash.self) { try first.fit(backupFirst: backupFirst) }
        #expect(FileManager.default.fileExists(atPath: first.backup.backupPath))
        let second = try ResumeHarness(directory: directory)
        // What the crash left in memory must not matter: the backup's model is loaded.
        (second.weight, second.learningRate) = (first.weight, first.learningRate)
        return (second, try second.fit(backupFirst: backupFirst))
    }

    @Test(arguments: [false, true])
    func aResumedRunDecidesAsAnUninterruptedOne(backupFirst: Bool) throws {
        let whole = TemporaryDirectory()
        let split = TemporaryDirectory()
        let (a, aHistory) = try uninterrupted(in: whole.path)
        let (b, bHistory) = try resumed(in: split.path, backupFirst: backupFirst)
        #expect(bHistory.epochs.first == 4)
        let resumedEpochs = aHistory.epochs.count - bHistory.epochs.count
        #expect(bHistory.epochs == Array(aHistory.epochs.dropFirst(resumedEpochs)))
        #expect(bHistory.logs == Array(aHistory.logs.dropFirst(resumedEpochs)))
        #expect(b.early.stoppedEpoch == a.early.stoppedEpoch && a.early.stoppedEpoch != nil)
        #expect(b.early.restoredEpoch == a.early.restoredEpoch && a.early.restoredEpoch == 2)
        #expect(b.weight == a.weight && b.learningRate == a.learningRate && a.learningRate < 0.3)
        #expect(b.checkpoint.best == a.checkpoint.best)
        let csvA = try String(contentsOfFile: whole.path + "/log.csv", encoding: .utf8)
        let csvB = try String(contentsOfFile: split.path + "/log.csv", encoding: .utf8)
        #expect(csvB == csvA)
        #expect(!FileManager.default.fileExists(atPath: b.backup.directory))
    }

    @Test func theCSVLogHoldsEachEpochOnceWhenTheCrashCameAfterItsRow() throws {
        let directory = TemporaryDirectory()
        let first = try ResumeHarness(directory: directory.path)
        first.crash = (4, 3)
        #expect(throws: ResumeHarness.Crash.self) { try first.fit() }
        // The row of an epoch the backup does not cover, as a process killed after the CSV write leaves it.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path + "/log.csv"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("4,stale\r\n".utf8))
        try handle.close()
        try ResumeHarness(directory: directory.path).fit()
        let epochs = try String(contentsOfFile: directory.path + "/log.csv", encoding: .utf8)
            .split(separator: "\r\n").dropFirst().map { $0.prefix { $0 != "," } }
        #expect(epochs == (0..<epochs.count).map { Substring(String($0)) })
    }

    @Test func aFailedModelSaveKeepsThePreviousBackupWhole() throws {
        let directory = TemporaryDirectory()
        let run = try ResumeHarness(directory: directory.path)
        var hooks = run.hooks
        let save = hooks.save
        var saves = 0
        hooks.save = { path in
            saves += 1
            guard saves < 3 else {
                try Data("{\"weight\": 0.".utf8).write(to: URL(fileURLWithPath: path))  // half a file, then a crash
                throw ResumeHarness.Crash()
            }
            try save?(path)
        }
        #expect {
            try run.fit(hooks: hooks)
        } throws: { error in
            guard case .backupFailed(let path, let reason) = error as? TrainingError else { return false }
            return path == run.backup.directory && reason.hasPrefix("after epoch 3")
        }
        let document = try BackupDocument.read(run.backup.backupPath)
        #expect(document.epoch == 2 && document.modelFile == "model-2")
        let names = try FileManager.default.contentsOfDirectory(atPath: run.backup.directory).sorted()
        #expect(names == ["backup.json", "model-2"])
    }

    @Test func aBackupLeftHalfWrittenByAKilledProcessIsIgnored() throws {
        let directory = TemporaryDirectory()
        let first = try ResumeHarness(directory: directory.path)
        first.crash = (4, 3)
        #expect(throws: ResumeHarness.Crash.self) { try first.fit() }
        #expect(writeFile(Array("{\"format\": \"swift-tens".utf8), to: first.backup.backupPath + ".partial-99"))
        let history = try ResumeHarness(directory: directory.path).fit()
        #expect(history.epochs.first == 4)
    }

    @Test(arguments: [
        ("{\"epoch\": 3, \"glob", "it is not a JSON object"),
        ("{\"format\": \"keras training metadata\", \"epoch\": 3}", "it is not a backup of this package"),
        ("{\"format\": \"swift-tensorboard-events backup\", \"version\": 7}", "its version is 7"),
        ("{\"format\": \"swift-tensorboard-events backup\", \"version\": 1}", "a field is missing or invalid"),
    ])
    func aDamagedOrForeignBackupIsAnErrorNamingTheFile(contents: String, reason: String) throws {
        let directory = TemporaryDirectory()
        let run = try ResumeHarness(directory: directory.path)
        try FileManager.default.createDirectory(atPath: run.backup.directory, withIntermediateDirectories: true)
        #expect(writeFile(Array(contents.utf8), to: run.backup.backupPath))
        #expect {
            try run.fit()
        } throws: { error in
            guard case .backupUnreadable(let path, let got) = error as? TrainingError else { return false }
            return path == run.backup.backupPath && got.hasPrefix(reason)
                && "\(error)".hasPrefix("BackupAndRestore cannot resume from \(run.backup.backupPath): \(reason)")
        }
        #expect(try String(contentsOfFile: run.backup.backupPath, encoding: .utf8) == contents)
    }

    @Test func aStateThatDoesNotFitItsCallbackIsAnErrorNamingTheFileAndTheCallback() throws {
        let directory = TemporaryDirectory()
        let first = try ResumeHarness(directory: directory.path)
        first.crash = (4, 3)
        #expect(throws: ResumeHarness.Crash.self) { try first.fit() }
        var document = try BackupDocument.read(first.backup.backupPath)
        document.callbacks["ReduceLROnPlateau"] = "{\"wait\": \"three\"}"
        try document.write(to: first.backup.backupPath)
        #expect {
            try ResumeHarness(directory: directory.path).fit()
        } throws: { error in
            guard case .backupUnreadable(let path, let reason) = error as? TrainingError else { return false }
            return path == first.backup.backupPath && reason.hasPrefix("the state of ReduceLROnPlateau does not fit")
        }
    }

    @Test func aModelWithoutSaveAndLoadHooksIsRefused() throws {
        let directory = TemporaryDirectory()
        let run = try ResumeHarness(directory: directory.path)
        #expect {
            try run.fit(hooks: ModelHooks(captureWeights: { 0.0 }, restoreWeights: { _ in }))
        } throws: { error in
            guard case .backupFailed(_, let reason) = error as? TrainingError else { return false }
            return reason.hasSuffix("the model lacks save and load")
        }
        #expect(throws: ConfigurationError.self) { try BackupAndRestore(directory: "") }
    }
}
