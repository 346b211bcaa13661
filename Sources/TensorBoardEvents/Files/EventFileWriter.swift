// EventFileWriter.swift: appends framed records to one event file, whole records per write call.

/// Writes TFRecord-framed events to one file it creates.
///
/// Records are framed in place in one reused buffer (header, payload, footer), and the buffer reaches the file
/// in one `write` call per flush, so the file only ever grows by whole records unless the write itself fails
/// part way; then the partial record is cut off again (`ftruncate`) and the records stay buffered for the next
/// flush. This type is not synchronised; ``SummaryWriter`` adds the lock.
///
/// With `writesBehind`, a buffer that passes the flush threshold is handed to a thread of its own
/// (``WriteBehind``) and appending goes on in a second buffer; the next hand-off, ``flush()`` and ``close()``
/// first wait for that write. A failure of it is thrown by the call that waits, and its records are put back in
/// front of the pending ones, so they are retried in order. ``flush()`` still returns only once every record is
/// in the file.
package struct EventFileWriter: ~Copyable {
    /// The file's path.
    package let path: String
    private var descriptor: Int32
    /// Framed records not yet written.
    private var pending: ProtoWriter
    /// Bytes of the file known to hold whole records.
    package private(set) var committedSize: Int64
    /// Records appended since the file was created.
    package private(set) var recordCount: Int
    /// Pending bytes above which an append flushes by itself.
    package var flushThreshold: Int
    /// Pending bytes above which records are no longer accepted while the file cannot be written.
    package var pendingLimit: Int
    /// Whether full buffers are written by a thread of their own.
    private let writesBehind: Bool
    /// That thread, started with the first hand-off (nil before it, or when it could not be started).
    private var writer: WriteBehind?
    /// The second buffer: the one the thread is writing while `isWritingBehind` (it belongs to the thread until
    /// `writer.wait()` returns), otherwise empty, for the next hand-off.
    private var other = ProtoWriter(capacity: 0)
    /// Whether the write-behind thread is writing `other`.
    private var isWritingBehind = false

    /// Creates the file (failing if it exists) and prepares to write.
    /// - Parameters:
    ///   - path: The new file's path; its directory must exist.
    ///   - flushThreshold: Pending bytes above which an append writes them out.
    ///   - writesBehind: Whether those writes are made by a thread of their own while appending goes on.
    /// - Throws: ``EventFileError`` with `.openFailed`.
    package init(
        creating path: String,
        flushThreshold: Int = 1 << 20,
        writesBehind: Bool = false
    ) throws(EventFileError) {
        try self.init(
            path,
            flags: SystemCalls.createExclusiveFlags,
            flushThreshold: flushThreshold,
            writesBehind: writesBehind
        )
    }

    /// Opens an existing file (or device) for appending, for writing to something that is not a new event file:
    /// tests write to `/dev/full` this way.
    /// - Throws: ``EventFileError`` with `.openFailed`.
    package init(
        appendingTo path: String,
        flushThreshold: Int = 1 << 20,
        writesBehind: Bool = false
    ) throws(EventFileError) {
        try self.init(path, flags: SystemCalls.appendFlags, flushThreshold: flushThreshold, writesBehind: writesBehind)
    }

    private init(_ path: String, flags: Int32, flushThreshold: Int, writesBehind: Bool) throws(EventFileError) {
        switch SystemCalls.openFile(path, flags: flags) {
        case .success(let descriptor): self.descriptor = descriptor
        case .failure(let error): throw EventFileError(.openFailed(errno: error.code), path: path)
        }
        self.path = path
        self.pending = ProtoWriter(capacity: 1 << 16)
        self.committedSize = 0
        self.recordCount = 0
        self.flushThreshold = flushThreshold
        self.pendingLimit = 64 << 20
        self.writesBehind = writesBehind
    }

    deinit {
        if let writer {
            if isWritingBehind, writer.wait().failure != nil, descriptor >= 0 {
                // Best effort, in order: the buffer whose write failed comes before the pending one.
                _ = SystemCalls.writeAll(descriptor, from: other.base, count: other.count)
            }
            writer.stop()
        }
        if descriptor >= 0 {
            // Best effort: an owner that cares about errors calls close() first.
            _ = SystemCalls.writeAll(descriptor, from: pending.base, count: pending.count)
            _ = SystemCalls.closeFile(descriptor)
        }
    }

    /// Bytes appended but not yet written to the file.
    package var pendingByteCount: Int { pending.count }

    /// A copy of those bytes, in the order they will be written.
    package var pendingBytes: [UInt8] { pending.bytes }

    /// Whether ``close()`` was called.
    package var isClosed: Bool { descriptor < 0 }

    /// Appends one record whose payload `encode` writes, framing it in place.
    /// - Parameter encode: Appends the payload (one serialized `Event`) to the writer it is given.
    /// - Throws: ``EventFileError`` when the automatic flush fails (the record stays buffered), or `.closed`.
    package mutating func appendRecord(_ encode: (inout ProtoWriter) -> Void) throws(EventFileError) {
        guard descriptor >= 0 else { throw EventFileError(.closed, path: path) }
        if pending.count > pendingLimit {
            // The file has been failing for a while: refuse rather than grow without bound.
            try flush()
        }
        let headerStart = pending.count
        _ = pending.reserve(TFRecordFrame.headerSize)
        pending.count += TFRecordFrame.headerSize
        encode(&pending)
        let length = pending.count - headerStart - TFRecordFrame.headerSize
        _ = pending.reserve(TFRecordFrame.footerSize)
        TFRecordFrame.storeFraming(length: length, at: pending.base + headerStart)
        pending.count += TFRecordFrame.footerSize
        recordCount += 1
        if pending.count >= flushThreshold {
            try writeFullBuffer()
        }
    }

    /// Appends one record whose payload `encode` stores straight into the buffer: it gets room for
    /// `maximumPayloadSize` bytes and returns how many it stored. This is the hot path for small events: one
    /// capacity check per record, none per field.
    /// - Throws: as ``appendRecord(_:)``.
    @inline(__always)
    package mutating func appendRecord(
        maximumPayloadSize: Int,
        _ encode: (UnsafeMutableRawPointer) -> Int
    ) throws(EventFileError) {
        guard descriptor >= 0 else { throw EventFileError(.closed, path: path) }
        if pending.count > pendingLimit {
            try flush()
        }
        let record = pending.reserve(maximumPayloadSize + TFRecordFrame.overhead)
        let length = encode(record + TFRecordFrame.headerSize)
        TFRecordFrame.storeFraming(length: length, at: record)
        // Both fit in the memory just reserved.
        pending.count &+= length &+ TFRecordFrame.overhead
        recordCount &+= 1
        if pending.count >= flushThreshold {
            try writeFullBuffer()
        }
    }

    /// Appends one event as a record.
    /// - Throws: as ``appendRecord(_:)``.
    package mutating func append(_ event: Event) throws(EventFileError) {
        try appendRecord { event.encode(to: &$0) }
    }

    /// Writes every pending record to the file in one `write` call.
    /// - Throws: ``EventFileError`` `.writeFailed` (records stay pending; a partial record is cut off the
    ///   file again), or `.fileRemoved` when the file was deleted while open.
    package mutating func flush() throws(EventFileError) {
        guard descriptor >= 0 else { throw EventFileError(.closed, path: path) }
        try finishWriteBehind()
        if let error = flushPending() { throw error }
    }

    /// The pending buffer passed the threshold: hands it to the write-behind thread, or writes it.
    @inline(never)
    private mutating func writeFullBuffer() throws(EventFileError) {
        guard writesBehind else { return try flush() }
        try finishWriteBehind()
        if writer == nil { writer = WriteBehind.start() }
        guard let writer else { return try flush() }
        if other.capacity < pending.capacity { other = ProtoWriter(capacity: pending.capacity) }
        swap(&other, &pending)
        writer.write(other.base, count: other.count, to: descriptor, committedSize: committedSize)
        isWritingBehind = true
    }

    /// Waits for the write-behind thread's write, if one is under way, and settles it: on success the file's
    /// size grows by it; on failure its records go back in front of the pending ones, and the error is thrown.
    private mutating func finishWriteBehind() throws(EventFileError) {
        guard isWritingBehind, let writer else { return }
        let outcome = writer.wait()
        isWritingBehind = false
        if let failure = outcome.failure {
            // Nothing of it is in the file: its records go first, then the pending ones.
            let count = pending.count
            other.reserve(count).copyMemory(from: pending.base, byteCount: count)
            other.count += count
            swap(&other, &pending)
            other.removeAll()
            throw EventFileError(.writeFailed(errno: failure.code), path: path, offset: committedSize)
        }
        committedSize += Int64(outcome.written)
        other.removeAll()
        if outcome.fileRemoved { throw EventFileError(.fileRemoved, path: path, offset: committedSize) }
    }

    private mutating func flushPending() -> EventFileError? {
        guard pending.count > 0 else { return nil }
        let outcome = WriteOutcome.write(
            pending.base,
            count: pending.count,
            to: descriptor,
            committedSize: committedSize
        )
        if let failure = outcome.failure {
            // Only whole records are left in the file; everything stays pending for a later attempt.
            return EventFileError(.writeFailed(errno: failure.code), path: path, offset: committedSize)
        }
        committedSize += Int64(outcome.written)
        pending.removeAll()
        if outcome.fileRemoved { return EventFileError(.fileRemoved, path: path, offset: committedSize) }
        return nil
    }

    /// Writes pending records and asks the device to store the file's data (`fsync`).
    /// - Throws: as ``flush()``, or `.syncFailed`.
    package mutating func sync() throws(EventFileError) {
        try flush()
        if let error = SystemCalls.sync(descriptor) {
            throw EventFileError(.syncFailed(errno: error.code), path: path, offset: committedSize)
        }
    }

    /// Writes pending records and closes the file. Later calls do nothing.
    /// - Throws: as ``flush()``; the file is closed even then.
    package mutating func close() throws(EventFileError) {
        guard descriptor >= 0 else { return }
        // A failed write-behind is retried by the last flush (its records are pending again); only a removal
        // is still worth reporting when that flush succeeds.
        var earlier: EventFileError?
        do { try finishWriteBehind() } catch { earlier = error }
        writer?.stop()
        writer = nil
        var failure = flushPending()
        if failure == nil, let earlier, earlier.code == .fileRemoved { failure = earlier }
        _ = SystemCalls.closeFile(descriptor)
        descriptor = -1
        if let failure { throw failure }
    }
}
