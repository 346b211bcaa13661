// ResumeHarness.swift: a small deterministic training run with every resumable callback, for the resume tests.

import Foundation
import TensorBoardTraining

/// A one-weight model learning y = 2x with plain gradient descent, and validation losses scripted so that the
/// callbacks decide something (a new best, plateaus, learning-rate reductions, an early stop). Everything that
/// training changes is in `weight` and `learningRate`; `save` and `load` write and read both as JSON.
final class ResumeHarness {
    struct Saved: Codable {
        var weight: Double
        var learningRate: Double
    }

    /// Validation losses by epoch: a best at epoch 2, then a plateau long enough to reduce and stop.
    static let validationLosses = [3.0, 2.0, 1.0, 1.5, 1.2, 1.4, 1.3, 1.1, 1.6, 1.7]
    static let batches = 6

    let directory: String
    var weight = 0.0
    var learningRate = 0.3
    /// Throw from the training step at (epoch, batch), as a crash would stop the process there.
    var crash: (epoch: Int, batch: Int)?
    let early: EarlyStopping
    let checkpoint: ModelCheckpoint
    let plateau: ReduceLROnPlateau
    let csv: CSVLogger
    let logger: TensorBoardLogger
    let backup: BackupAndRestore

    /// Fresh callbacks, as a new process would make them, over the files in `directory`.
    init(directory: String, backupDirectory: String? = nil) throws {
        self.directory = directory
        early = try EarlyStopping(monitor: "val_loss", patience: 4, restoreBestWeights: true)
        var weight = { 0.0 }
        checkpoint = try ModelCheckpoint(filePath: directory + "/best.json", saveBestOnly: true) { path in
            try Data("\(weight())".utf8).write(to: URL(fileURLWithPath: path))
        }
        plateau = try ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 1)
        csv = CSVLogger(path: directory + "/log.csv")
        logger = TensorBoardLogger(
            logDirectory: directory + "/logs",
            options: .init(batchFrequency: 2, writesStepsPerSecond: false, histogramFrequency: 2, weights: { [:] })
        )
        backup = try BackupAndRestore(directory: backupDirectory ?? directory + "/backup")
        weight = { [unowned self] in self.weight }
    }

    struct Crash: Error {}

    var hooks: ModelHooks {
        ModelHooks(
            captureWeights: { self.weight },
            restoreWeights: { self.weight = $0 },
            save: { path in
                let saved = Saved(weight: self.weight, learningRate: self.learningRate)
                try JSONEncoder().encode(saved).write(to: URL(fileURLWithPath: path))
            },
            load: { path in
                let saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                (self.weight, self.learningRate) = (saved.weight, saved.learningRate)
            },
            learningRate: { self.learningRate },
            setLearningRate: { self.learningRate = $0 }
        )
    }

    /// Runs `fit` with every callback (the backup last or, with `backupFirst`, first: the order must not matter).
    @discardableResult
    func fit(backupFirst: Bool = false, hooks: ModelHooks? = nil) throws -> History {
        let others: [any Callback] = [early, checkpoint, plateau, csv, logger]
        let trainer = Trainer(callbacks: backupFirst ? [backup] + others : others + [backup])
        return try trainer.fit(
            epochs: Self.validationLosses.count,
            trainingBatches: Self.batches,
            trainStep: { epoch, batch in
                if let crash = self.crash, crash == (epoch, batch) { throw Crash() }
                let x = Double(batch + 1) / Double(Self.batches)
                let error = self.weight * x - 2 * x
                self.weight -= self.learningRate * 2 * error * x
                return try BatchResult(loss: error * error)
            },
            validationBatches: 1,
            validationStep: { epoch, _ in
                try BatchResult(loss: Self.validationLosses[epoch] + abs(self.weight - 2) * 1e-3)
            },
            model: hooks ?? self.hooks
        )
    }
}
