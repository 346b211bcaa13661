// EventStream.swift: reads one event file's records, reporting damage and carrying on.

import TensorBoardEvents

/// Reading helpers shared by the commands.
enum EventStream {
    /// How many records are read between two checks that standard output is still open (a check asks the sink
    /// through a protocol and an atomic load: a few percent of a record's cost if made for every one).
    static let outputCheckInterval = 256

    /// Calls `body` with each record's offset and payload, reporting corruption and truncation on the context's
    /// error stream and continuing after them (or, when `strict`, stopping at the first with ``StoppedAtDamage``).
    ///
    /// With `reportsDamage` off (a first pass over a file that a second pass reads again and reports), damage is
    /// passed over silently, and `strict` stops at it silently, so that both passes see the same records.
    /// A file that cannot be opened, or whose reading fails, is reported as damage with its path and the reason,
    /// and the caller goes on with its other files: one bad file does not hide the rest.
    ///
    /// `knownSize` is the size the run's listing gave the file (``Run/listedSize(of:)``), or `nil`: with it, an
    /// object is opened and its progress measured without a `HEAD` (an object deleted since the listing then
    /// fails at its first read, reported the same way, naming the path).
    /// - Throws: ``StoppedAtDamage``; ``OutputClosed``
    ///   once standard output can no longer be written (checked before the first record, every
    ///   ``outputCheckInterval`` records after it, and before damage is reported: damage met once the output is
    ///   gone is not reported).
    @inline(__always)  // so that each caller's body is inlined into the record loop
    static func forEachRecord(
        in path: String,
        knownSize: Int64? = nil,
        context: CommandContext,
        strict: Bool = false,
        reportsDamage: Bool = true,
        _ body: (Int64, UnsafeRawBufferPointer) -> Void
    ) throws {
        var reader: EventFileReader
        do throws(EventFileError) {
            reader = try EventFileReader.opened(path, knownSize: knownSize, progress: context.progress)
        } catch {
            try reportUnreadable(error, context: context, strict: strict, reportsDamage: reportsDamage)
            return
        }
        context.progress?.begin(path, knownSize: knownSize)
        defer { context.progress?.end(path) }
        var untilOutputCheck = 0
        reading: while true {
            if untilOutputCheck == 0 {
                if context.isOutputClosed { throw OutputClosed() }
                untilOutputCheck = outputCheckInterval
            }
            untilOutputCheck &-= 1
            let next: Result<Bool, EventFileError>
            do throws(EventFileError) {
                next = .success(try reader.readRecord(body) != nil)
            } catch {
                next = .failure(error)
            }
            switch next {
            case .success(true): continue
            case .success(false): break reading
            case .failure(let error) where error.isCorruption:
                guard reportsDamage else {
                    if strict { return }
                    continue
                }
                if context.isOutputClosed { throw OutputClosed() }
                context.reportDamage(error.description)
                if strict { throw StoppedAtDamage() }
            case .failure(let error):
                // A failing read: this file can go no further; the records before stay read, the other files
                // are still read.
                try reportUnreadable(error, context: context, strict: strict, reportsDamage: reportsDamage)
                return
            }
        }
        if reader.pendingByteCount > 0, reportsDamage {
            if context.isOutputClosed { throw OutputClosed() }
            context.reportDamage(
                "\(path): offset \(reader.offset): truncated record (\(reader.pendingByteCount) bytes at the end of the file)"
            )
            if strict { throw StoppedAtDamage() }
        }
    }

    /// Reports a file that cannot be opened or read (as
    /// ``forEachRecord(in:knownSize:context:strict:reportsDamage:_:)`` reports damage).
    private static func reportUnreadable(
        _ error: EventFileError,
        context: CommandContext,
        strict: Bool,
        reportsDamage: Bool
    ) throws {
        guard reportsDamage else { return }  // the second pass reports it (and stops there under `strict`)
        if context.isOutputClosed { throw OutputClosed() }
        context.reportDamage(error.description)
        if strict { throw StoppedAtDamage() }
    }
}
