// BackupDocument.swift: what a backup file holds, and its reading and atomic writing.

import Foundation

/// The contents of ``BackupAndRestore``'s `backup.json`: where training stands after an epoch, the file the
/// model saved itself to, and each resumable callback's state as JSON text.
struct BackupDocument: Codable, Equatable {
    /// The `format` every backup file names, which tells a backup from any other JSON file.
    static let formatName = "swift-tensorboard-events backup"
    /// The version written, and the only one read.
    static let currentVersion = 1

    /// ``formatName``.
    var format = BackupDocument.formatName
    /// ``currentVersion``.
    var version = BackupDocument.currentVersion
    /// The epoch to resume from (the one after the last finished epoch).
    var epoch: Int
    /// Training batches run before ``epoch``.
    var globalStep: Int
    /// The model's file, in the backup directory (what the model's `save` hook wrote).
    var modelFile: String
    /// Each resumable callback's state, as JSON text, by its key (its type name, then ` #2`, ` #3` for later
    /// callbacks of the same type).
    var callbacks: [String: String]

    /// Reads and checks a backup file.
    /// - Parameter path: The file.
    /// - Returns: The document.
    /// - Throws: ``TrainingError/backupUnreadable(path:reason:)`` naming `path` when the file cannot be read,
    ///   is not JSON, is not a backup, or is of another version.
    static func read(_ path: String) throws(TrainingError) -> BackupDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .backupUnreadable(path: path, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .backupUnreadable(path: path, reason: "it is not a JSON object (\(data.count) bytes): damaged?")
        }
        guard header.format == formatName else {
            throw .backupUnreadable(
                path: path,
                reason:
                    "it is not a backup of this package (its format is \(header.format.map { "'\($0)'" } ?? "missing"); "
                    + "want '\(formatName)')"
            )
        }
        guard header.version == currentVersion else {
            throw .backupUnreadable(
                path: path,
                reason:
                    "its version is \(header.version.map(String.init) ?? "missing"); this package reads \(currentVersion)"
            )
        }
        do {
            let document = try BackupCoding.decoder().decode(BackupDocument.self, from: data)
            guard document.epoch >= 0, document.globalStep >= 0, !document.modelFile.contains("/") else {
                throw CocoaError(.coderInvalidValue)
            }
            return document
        } catch {
            throw .backupUnreadable(path: path, reason: "a field is missing or invalid (\(error))")
        }
    }

    /// Writes the document to `path` through a temporary file beside it, synced and renamed over `path`, so that
    /// a process killed at any moment leaves either the previous file or this one, whole.
    /// - Parameter path: The file.
    /// - Throws: What writing, syncing or renaming throws (the temporary file is removed).
    func write(to path: String) throws {
        let data = try BackupCoding.encoder().encode(self)
        try Self.replaceAtomically(path) { temporary in
            try data.write(to: URL(fileURLWithPath: temporary))
        }
    }

    /// Runs `write` on a temporary path beside `path`, syncs that file to the device and renames it over `path`.
    /// - Parameters:
    ///   - path: The file to replace.
    ///   - write: Writes the new contents to the path it is given.
    /// - Throws: What `write` throws, or a `CocoaError` naming the file when syncing or renaming fails.
    static func replaceAtomically(_ path: String, write: (String) throws -> Void) throws {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try write(temporary)
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.synchronize()
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
