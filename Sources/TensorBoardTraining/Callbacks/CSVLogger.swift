// CSVLogger.swift: one CSV row per epoch, as Keras's CSVLogger writes it.

import Foundation

/// Writes each epoch's logs as a CSV row, byte for byte as Keras 3's `CSVLogger` writes them, so the files of
/// both compare directly and either can continue the other's file.
///
/// As Keras 3.15: the columns are `epoch` (from 0), then the first epoch's keys in alphabetical order; when the
/// first epoch has no `val_` key, a `val_<key>` column follows for every key (validation metrics that arrive
/// later, every few epochs, then have a column; Keras's development version adds only the model's own
/// `val_` metric names, which a model-agnostic logger cannot know). A missing value is `NA`. Values are written as Python's
/// `repr` writes them (the shortest text that reads back exactly: `0.1`, `1e-05`, `nan`), in Python's `csv`
/// "excel" dialect (lines end with `\r\n`, a field holding the separator or a quote is quoted).
///
/// With `append`, a resumed run adds rows to the existing file under its header without writing a second one;
/// the columns are then the header's (Keras takes them from the resumed run's first epoch, which misaligns the
/// rows when the two differ). Unlike Keras, which drops a key that its columns lack, such a key makes the file
/// be rewritten once with the key as a new last column, earlier rows getting `NA`. A failure to write is a
/// warning; training goes on.
public final class CSVLogger: Callback {
    /// The CSV file.
    public let path: String
    /// The field separator.
    public let separator: Character
    /// Whether to add to an existing file rather than replace it.
    public let appends: Bool
    /// The columns, once known.
    var columns: [String]?
    private var writesHeader = true
    /// The rows written so far (without the header).
    var rows: [[String]] = []
    /// A resumed state: `trainingWillBegin` then rewrites the file with its header and rows.
    var resumedState: ResumeState?

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

    private var dialect: Dialect { Dialect(delimiter: separator) }

    /// Empties the file, or with `append` reads the existing file's header and rows.
    public func trainingWillBegin(context: TrainingContext) {
        columns = nil
        rows = []
        writesHeader = true
        if let resumed = resumedState {
            // Exactly the rows of the epochs before the resume: rows an interrupted attempt wrote after its last
            // backup go.
            columns = resumed.columns
            rows = resumed.rows
            writesHeader = false
            let text = resumed.columns.map { ([$0] + resumed.rows).map(dialect.line).joined() } ?? ""
            write(text, replacing: true, context: context)
        } else if appends, let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            let parsed = dialect.rows(existing)
            if let header = parsed.first {
                columns = header
                rows = Array(parsed.dropFirst())
                writesHeader = false
            }
        } else {
            write("", replacing: true, context: context)
        }
    }

    /// Writes the epoch's row (and, at the first epoch, the header).
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        var written = ""
        if columns == nil {
            columns = ["epoch"] + Self.kerasKeys(logs)
            if writesHeader { written += dialect.line(columns ?? []) }
        }
        var current = columns ?? []
        let missing = logs.keys.filter { !current.contains($0) }.sorted(by: Self.pythonOrder)
        let row = { (columns: [String]) in
            columns.map { $0 == "epoch" ? String(epoch) : logs[$0].map(pythonRepr) ?? "NA" }
        }
        if missing.isEmpty {
            rows.append(row(current))
            write(written + dialect.line(row(current)), replacing: false, context: context)
            return
        }
        current += missing
        columns = current
        rows = rows.map { $0 + Array(repeating: "NA", count: max(current.count - $0.count, 0)) }
        rows.append(row(current))
        write(([current] + rows).map(dialect.line).joined(), replacing: true, context: context)
    }

    /// The first epoch's columns as Keras makes them: the keys sorted, then, when none is a validation key,
    /// `val_<key>` for each.
    static func kerasKeys(_ logs: TrainingLogs) -> [String] {
        let keys = logs.keys.sorted(by: pythonOrder)
        guard !keys.isEmpty, !keys.contains(where: { $0.hasPrefix("val_") }) else { return keys }
        return keys + keys.map { "val_" + $0 }
    }

    /// Python's string order: by code point (UTF-8 bytes sort the same way).
    static func pythonOrder(_ first: String, _ second: String) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    private func write(_ text: String, replacing: Bool, context: TrainingContext) {
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            if replacing || !FileManager.default.fileExists(atPath: path) {
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
