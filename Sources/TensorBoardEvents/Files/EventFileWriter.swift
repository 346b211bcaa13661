// EventFileWriter.swift: appends framed records to one event file, whole records per write call.

import TensorBoardObjectStorage

/// Writes TFRecord-framed events to one file it creates, or to a run in object storage as a sequence of
/// segments.
///
/// Records are framed in place in one reused buffer (header, payload, footer), and the buffer reaches the file
/// in one `write` call per flush, so the file only ever grows by whole records unless the write itself fails
/// part way; then the partial record is cut off again (`ftruncate`) and the records stay buffered for the next
/// flush. In object storage, whose objects cannot be appended to, each flush uploads the buffer as a new
/// object (see ``ObjectSegments``), which holds whole records; a failed upload leaves the records buffered.
/// This type is not synchronised; ``SummaryWriter`` adds the lock.
package struct EventFileWriter: ~Copyable {
    /// The file's path; in object storage, the prefix of its segments' names.
    package let path: String
    /// The open file's descriptor; -1 once closed, and for object storage.
    private var descriptor: Int32
    /// Where flushes go in object storage; `nil` for a local file, and once closed.
    private var segments: ObjectSegments?
    /// Framed records not yet written.
    private var pending: ProtoWriter
    /// Bytes of the file known to hold whole records.
    package private(set) var committedSize: Int64 = 0
    /// Records appended since the file was created.
    package private(set) var recordCount = 0
    /// Pending bytes above which an append flushes by itself.
    package var flushThreshold: Int
    /// Pending bytes above which records are no longer accepted while the file cannot be written.
    package var pendingLimit = 64 << 20
    /// The longest payload accepted: by default the longest a reader with default options reads, so that
    /// nothing is written that could not be read back.
    package var maximumRecordLength = TFRecordFrame.defaultMaximumRecordLength

    /// Creates the file (failing if it exists) and prepares to write.
    /// - Parameters:
    ///   - path: The new file's path; its directory must exist.
    ///   - flushThreshold: Pending bytes above which an append writes them out.
    /// - Throws: ``EventFileError`` with `.invalidPath` (an empty path, or one holding a NUL byte) or
    ///   `.openFailed`, at once.
    package init(creating path: String, flushThreshold: Int = 1 << 20) throws(EventFileError) {
        try self.init(path, flags: SystemCalls.createExclusiveFlags, flushThreshold: flushThreshold)
    }

    /// Opens an existing file (or device) for appending, for writing to something that is not a new event file:
    /// tests write to `/dev/full` this way.
    /// - Throws: ``EventFileError`` with `.invalidPath` or `.openFailed`.
    package init(appendingTo path: String, flushThreshold: Int = 1 << 20) throws(EventFileError) {
        try self.init(path, flags: SystemCalls.appendFlags, flushThreshold: flushThreshold)
    }

    private init(_ path: String, flags: Int32, flushThreshold: Int) throws(EventFileError) {
        guard SystemCalls.canNameFile(path) else { throw EventFileError(.invalidPath, path: path) }
        switch SystemCalls.openFile(path, flags: flags) {
        case .success(let descriptor): self.descriptor = descriptor
        case .failure(let error): throw EventFileError(.openFailed(errno: error.code), path: path)
        }
        self.path = path
        self.pending = ProtoWriter(capacity: 1 << 16)
        self.flushThreshold = flushThreshold
    }

    /// Prepares to write a run's event file into object storage as segments; nothing is uploaded before the
    /// first flush.
    /// - Parameters:
    ///   - segments: Where the segments go.
    ///   - flushThreshold: Pending bytes above which an append uploads them as a segment.
    package init(segments: ObjectSegments, flushThreshold: Int) {
        self.path = segments.path
        self.descriptor = -1
        self.segments = segments
        self.pending = ProtoWriter(capacity: 1 << 16)
        self.flushThreshold = flushThreshold
    }

    deinit {
        if var segments, pending.count > 0 {
            _ = try? segments.upload(pending.bytes, at: committedSize)  // best effort, as for a file
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
    package var isClosed: Bool { descriptor < 0 && segments == nil }

    /// Appends one record whose payload `encode` writes, framing it in place.
    /// - Parameter encode: Appends the payload (one serialized `Event`) to the writer it is given.
    /// - Throws: ``EventFileError`` when the automatic flush fails (the record stays buffered), `.closed`, or
    ///   `.recordTooLargeToWrite` for a payload over ``maximumRecordLength`` (the record is dropped again, and
    ///   the records before it are kept).
    package mutating func appendRecord(_ encode: (inout ProtoWriter) -> Void) throws(EventFileError) {
        try beginRecord()
        let headerStart = pending.count
        _ = pending.reserve(TFRecordFrame.headerSize)
        pending.count += TFRecordFrame.headerSize
        encode(&pending)
        let length = pending.count - headerStart - TFRecordFrame.headerSize
        guard UInt64(length) <= maximumRecordLength else {
            pending.count = headerStart
            throw EventFileError(
                .recordTooLargeToWrite(length: UInt64(length), maximum: maximumRecordLength),
                path: path,
                offset: committedSize + Int64(headerStart)
            )
        }
        _ = pending.reserve(TFRecordFrame.footerSize)
        TFRecordFrame.storeFraming(length: length, at: pending.base + headerStart)
        pending.count += TFRecordFrame.footerSize
        try endRecord()
    }

    /// Appends one event as a record.
    /// - Throws: as ``appendRecord(_:)``.
    package mutating func append(_ event: Event) throws(EventFileError) {
        try appendRecord { event.encode(to: &$0) }
    }

    /// Checks that a record may be appended, flushing first while the file has been failing for long.
    private mutating func beginRecord() throws(EventFileError) {
        guard !isClosed else { throw EventFileError(.closed, path: path) }
        if pending.count > pendingLimit { try flush() }
    }

    /// Counts the record just appended and flushes when the buffer is past the threshold.
    private mutating func endRecord() throws(EventFileError) {
        recordCount += 1
        if pending.count >= flushThreshold { try flush() }
    }

    /// Writes every pending record to the file in one `write` call.
    /// - Throws: ``EventFileError`` `.writeFailed` (records stay pending; a partial record is cut off the
    ///   file again), or `.fileRemoved` when the file was deleted while open.
    package mutating func flush() throws(EventFileError) {
        guard !isClosed else { throw EventFileError(.closed, path: path) }
        guard pending.count > 0 else { return }
        if var segments {
            try segments.upload(pending.bytes, at: committedSize)
            self.segments = segments
            committedSize += Int64(pending.count)
            pending.removeAll()
            return
        }
        let (written, failure) = SystemCalls.writeAll(descriptor, from: pending.base, count: pending.count)
        if let failure {
            // Only whole records are left in the file; everything stays pending for a later attempt.
            if written > 0 {
                _ = SystemCalls.truncate(descriptor, to: committedSize)
                SystemCalls.seek(descriptor, to: committedSize)
            }
            throw EventFileError(.writeFailed(errno: failure.code), path: path, offset: committedSize)
        }
        committedSize += Int64(written)
        pending.removeAll()
        if case .success(let status) = SystemCalls.status(descriptor), status.linkCount == 0 {
            throw EventFileError(.fileRemoved, path: path, offset: committedSize)
        }
    }

    /// Writes pending records and asks the device to store the file's data (`fsync`).
    /// - Throws: as ``flush()``, or `.syncFailed`.
    package mutating func sync() throws(EventFileError) {
        try flush()
        guard segments == nil else { return }  // an uploaded object is stored once the upload succeeds
        if let error = SystemCalls.sync(descriptor) {
            throw EventFileError(.syncFailed(errno: error.code), path: path, offset: committedSize)
        }
    }

    /// Writes pending records and closes the file. Later calls do nothing.
    /// - Throws: as ``flush()``; the file is closed even then.
    package mutating func close() throws(EventFileError) {
        guard !isClosed else { return }
        defer {
            if descriptor >= 0 { _ = SystemCalls.closeFile(descriptor) }
            descriptor = -1
            segments = nil
        }
        try flush()
    }
}
