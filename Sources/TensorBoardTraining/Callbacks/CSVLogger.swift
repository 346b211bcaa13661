// CSVLogger.swift: one CSV row per epoch, as Keras's CSVLogger writes it.

import Foundation

/// Writes each epoch's logs as a CSV row: an `epoch` column (from 0), then the metrics in alphabetical order,
/// as Keras's `CSVLogger` does, so the files of both compare directly.
///
/// With `append`, a resumed run adds rows to the existing file under its header without writing a second
/// header. When a metric appears that the header lacks (validation metrics logged only every few epochs, say),
/// the file is rewritten once with the wider header, earlier rows getting empty cells. Values are written as
/// the shortest text that reads back exactly. A failure to write is a warning; training goes on.
public final class CSVLogger: Callback {
    /// The CSV file.
    public let path: String
    /// The field separator.
    public let separator: Character
    /// Whether to add to an existing file rather than replace it.
    public let appends: Bool
    private var columns: [String] = []
    private var rows: [[String: String]] = []

    /// Creates the callback.
    /// - Parameters:
    ///   - path: The CSV file.
    ///   - separator: The field separator; `,` by default.
    ///   - append: Add to an existing file (a resumed run); `false` by default.
    public init(path: String, separator: Character = ",", append: Bool = false) {
        self.path = path
        self.separator = separator
        self.appends = append
    }

    public func trainingWillBegin(context: TrainingContext) {
        columns = []
        rows = []
        if appends, let existing = try? String(contentsOfFile: path, encoding: .utf8), !existing.isEmpty {
            let lines = existing.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            if let header = lines.first {
                columns = header.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                for line in lines.dropFirst() {
                    let cells = line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
                    rows.append(Dictionary(zip(columns, cells), uniquingKeysWith: { first, _ in first }))
                }
            }
        } else {
            write("", replacing: true, context: context)
        }
    }

    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        var row = ["epoch": String(epoch)]
        for (key, value) in logs { row[key] = value.description }
        rows.append(row)
        let newKeys = logs.keys.filter { !columns.contains($0) }
        if columns.isEmpty || !newKeys.isEmpty {
            columns = ["epoch"] + Set(columns.dropFirst() + newKeys).sorted()
            write(render(rows), replacing: true, context: context)
        } else {
            write(line(row), replacing: false, context: context)
        }
    }

    private func line(_ row: [String: String]) -> String {
        columns.map { row[$0] ?? "" }.joined(separator: String(separator)) + "\n"
    }

    private func render(_ rows: [[String: String]]) -> String {
        columns.joined(separator: String(separator)) + "\n" + rows.map(line).joined()
    }

    private func write(_ text: String, replacing: Bool, context: TrainingContext) {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            if replacing {
                // Beside the file, then renamed over it, so a reader never sees a half-written file.
                try ModelCheckpoint.saveAtomically(to: path) { temporary in
                    try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
                }
            } else {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
            }
        } catch {
            context.warnOnce("CSVLogger could not write \(path): \(error)")
        }
    }
}
