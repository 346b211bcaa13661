// BackupAndRestore.swift: backs training up at each epoch end and resumes from the backup on the next fit.

import Foundation

/// Backs training up at the end of every epoch and, when a run was interrupted (killed, out of memory, a step
/// that threw), resumes it from the last backup on the next `fit`, as Keras's `BackupAndRestore` does: the
/// model through its `save` and `load` hooks, the epoch and the global batch step, and, beyond Keras, the
/// state of every ``ResumableCallback`` (``EarlyStopping``, ``ModelCheckpoint``, ``ReduceLROnPlateau``,
/// ``CSVLogger``, ``TensorBoardLogger``), so the resumed run decides and logs as an uninterrupted one would.
///
/// In `directory`: `backup.json` (``BackupDocument``: epoch, step, callback states) and the model file it
/// names. Each is written to a temporary file, synced and renamed into place, the model first, so a process
/// killed at any moment leaves the previous backup whole. The backup is deleted when training ends normally
/// (all epochs, or a callback stopped it), and kept when a step or a callback threw.
///
/// Order: ``CallbackList`` (and so ``Trainer``) restores the backup before any callback's `trainingWillBegin`,
/// and takes it after every other callback's `epochDidEnd`, wherever this callback is in the list, so that the
/// saved states hold the whole epoch. Callbacks are matched by type and order (the second `EarlyStopping` is
/// `EarlyStopping #2`); a resumed run must pass the same kinds of callbacks.
///
/// Not silent: missing `save` or `load` hooks, a backup that cannot be written and one that cannot be read
/// back (damaged, not a backup, states that do not fit) are ``TrainingError``s naming the file, reported with
/// ``TrainingContext/fail(_:)`` and thrown by ``Trainer``; a damaged backup is never overwritten.
public final class BackupAndRestore: Callback {
    /// The backup directory.
    public let directory: String
    /// Whether the backup is deleted when training ends normally.
    public let deletesBackup: Bool

    /// The backup file's path.
    public var backupPath: String { directory + "/backup.json" }

    /// Creates the callback.
    /// - Parameters:
    ///   - directory: Where the backup goes (one directory per training run).
    ///   - deleteBackup: Delete the backup when training ends normally; `true` by default, as in Keras.
    /// - Throws: `ConfigurationError` when `directory` is empty.
    public init(directory: String, deleteBackup: Bool = true) throws(ConfigurationError) {
        guard !directory.isEmpty else {
            throw ConfigurationError(
                type: "BackupAndRestore",
                parameter: "directory",
                received: "\"\"",
                allowed: "name a directory"
            )
        }
        self.directory = directory
        self.deletesBackup = deleteBackup
    }

    /// Deletes the backup, unless training ended by an error (``TrainingContext/endsByError`` or a callback's
    /// failure) or `deleteBackup` is off.
    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        guard deletesBackup, !context.endsByError, context.failure == nil else { return }
        let manager = FileManager.default
        try? manager.removeItem(atPath: backupPath)
        for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] where Self.isOurs(name) {
            try? manager.removeItem(atPath: directory + "/" + name)
        }
        if (try? manager.contentsOfDirectory(atPath: directory))?.isEmpty == true {
            try? manager.removeItem(atPath: directory)
        }
    }

    /// Restores the backup, when there is one, into the model, the context and `callbacks`; called by
    /// ``CallbackList`` before every callback's `trainingWillBegin`. Reports a ``TrainingError`` when the
    /// model's hooks cannot make or read a backup, or the backup cannot be read back.
    /// - Parameters:
    ///   - callbacks: Every callback of the run.
    ///   - context: The new run's context.
    func restore(into callbacks: [any Callback], context: TrainingContext) {
        guard context.model.save != nil, context.model.load != nil else {
            context.fail(
                .backupFailed(
                    path: directory,
                    reason: "it needs the model's save and load hooks (ModelHooks(save:load:)), and the model lacks "
                        + [context.model.save == nil ? "save" : nil, context.model.load == nil ? "load" : nil]
                        .compactMap { $0 }.joined(separator: " and ")
                )
            )
            return
        }
        guard FileManager.default.fileExists(atPath: backupPath) else { return }
        do throws(TrainingError) {
            let document = try BackupDocument.read(backupPath)
            let modelPath = directory + "/" + document.modelFile
            do {
                try context.model.load?(modelPath)
            } catch {
                throw .backupUnreadable(path: modelPath, reason: "the model's load hook threw: \(error)")
            }
            let keyed = Self.keyed(callbacks)
            for (key, callback) in keyed {
                guard let state = document.callbacks[key] else {
                    context.warn("BackupAndRestore: \(backupPath) holds no state for \(key), which starts afresh")
                    continue
                }
                do {
                    try Self.resume(callback, from: state, context: context)
                } catch {
                    throw .backupUnreadable(path: backupPath, reason: "the state of \(key) does not fit: \(error)")
                }
            }
            for key in document.callbacks.keys.sorted() where !keyed.contains(where: { $0.key == key }) {
                context.warn("BackupAndRestore: \(backupPath) holds a state for \(key), which this run lacks")
            }
            context.epoch = document.epoch
            context.globalStep = document.globalStep
            context.isResumed = true
        } catch {
            context.fail(error)
        }
    }

    /// Backs up after `epoch`: the model, then the document; called by ``CallbackList`` after every other
    /// callback's `epochDidEnd`. Reports ``TrainingError/backupFailed(path:reason:)`` when it cannot.
    /// - Parameters:
    ///   - epoch: The epoch that ended.
    ///   - callbacks: Every callback of the run.
    ///   - context: The run's context.
    func backUp(after epoch: Int, callbacks: [any Callback], context: TrainingContext) {
        guard let save = context.model.save else { return }  // (reported at trainingWillBegin)
        let next = oneBased(epoch)
        let modelFile = "model-\(next)"
        let modelPath = directory + "/" + modelFile
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var states: [String: String] = [:]
            for (key, callback) in Self.keyed(callbacks) {
                states[key] = try Self.state(of: callback, context: context)
            }
            try BackupDocument.replaceAtomically(modelPath, write: save)
            let document = BackupDocument(
                epoch: next,
                globalStep: context.globalStep,
                modelFile: modelFile,
                callbacks: states
            )
            try document.write(to: backupPath)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where name.hasPrefix("model-") && name != modelFile {
                try? FileManager.default.removeItem(atPath: directory + "/" + name)
            }
        } catch let error as TrainingError {
            context.fail(error)
        } catch {
            context.fail(.backupFailed(path: directory, reason: "after epoch \(next): \(error)"))
        }
    }

    /// The resumable callbacks by key: type name, then ` #2`, ` #3` for later ones of the same type.
    static func keyed(_ callbacks: [any Callback]) -> [(key: String, callback: any ResumableCallback)] {
        var seen: [String: Int] = [:]
        var keyed: [(key: String, callback: any ResumableCallback)] = []
        for case let callback as any ResumableCallback in callbacks {
            let name = String(describing: type(of: callback))
            let count = (seen[name] ?? 0) + 1
            seen[name] = count
            keyed.append((count == 1 ? name : "\(name) #\(count)", callback))
        }
        return keyed
    }

    /// Whether a file in the backup directory is one this callback writes.
    private static func isOurs(_ name: String) -> Bool {
        name.hasPrefix("model-") || name.hasPrefix("backup.json.partial-")
    }

    private static func state(of callback: some ResumableCallback, context: TrainingContext) throws -> String {
        let state = try callback.resumeState(context: context)
        return String(decoding: try BackupCoding.encoder().encode(state), as: UTF8.self)
    }

    private static func resume<C: ResumableCallback>(_ callback: C, from text: String, context: TrainingContext) throws
    {
        let state = try BackupCoding.decoder().decode(C.ResumeState.self, from: Data(text.utf8))
        try callback.resume(from: state, context: context)
    }
}
