// SiblingWriters.swift: the writers of a run's sibling runs, one per name, made on first use.

/// The writers ``SummaryWriter/siblingScalars(_:_:step:wallTime:)`` writes through: one per sibling run
/// directory, made the first time the directory is named and kept until the owning writer closes, so that
/// logging every step opens no new file.
final class SiblingWriters: Sendable {
    private let writers = LockedValue<[String: SummaryWriter]>([:])

    /// The writer of `directory`, made with `options` on first use.
    /// - Throws: ``EventFileError`` when the run directory or its event file cannot be created.
    func writer(for directory: String, options: SummaryWriter.Options) throws(EventFileError) -> SummaryWriter {
        try writers.withLock { writers throws(EventFileError) in
            if let writer = writers[directory] { return writer }
            let writer = try SummaryWriter(runDirectory: directory, options: options)
            writers[directory] = writer
            return writer
        }
    }

    /// Runs `body` on every writer, in directory order, and throws the first error after trying them all.
    func applyToAll(_ body: (SummaryWriter) throws(EventFileError) -> Void) throws(EventFileError) {
        let all = writers.withLock { $0.sorted { $0.key < $1.key }.map(\.value) }
        var firstError: EventFileError?
        for writer in all {
            do throws(EventFileError) {
                try body(writer)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
    }
}
