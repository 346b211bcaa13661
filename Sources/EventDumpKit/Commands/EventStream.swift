// EventStream.swift: reads one event file's records, reporting damage and carrying on.

import TensorBoardEvents

/// Reading helpers shared by the commands.
enum EventStream {
    /// Calls `body` with each record's offset and payload, reporting corruption and truncation on the context's
    /// error stream and continuing after them.
    /// - Throws: ``EventFileError`` when the file cannot be opened or read.
    static func forEachRecord(
        in path: String,
        context: CommandContext,
        _ body: (Int64, UnsafeRawBufferPointer) -> Void
    ) throws(EventFileError) {
        var reader = try EventFileReader(path: path)
        while true {
            do {
                guard try reader.nextRecord(body) != nil else { break }
            } catch where error.isCorruption {
                context.reportDamage(error.description)
            }
        }
        if reader.pendingByteCount > 0 {
            context.reportDamage("\(path): offset \(reader.offset): truncated record (\(reader.pendingByteCount) bytes at the end of the file)")
        }
    }
}
