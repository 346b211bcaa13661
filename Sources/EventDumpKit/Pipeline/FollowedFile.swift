// FollowedFile.swift: one file `--follow` reads, between polls: where it stands, and what was done to it.

import TensorBoardEvents

/// One file that `--follow` reads as it grows, from one poll to the next.
///
/// Each poll looks at the path first (`stat`: device, inode, size; an object's size by a `HEAD`) and compares
/// it with what the last read saw:
/// - **Nothing new** (the same file, the same size): nothing is read, and the file is closed, its descriptor
///   and read buffer freed; only its position is kept.
/// - **Grown**: the file is opened again if it was closed, and the reader goes on from the saved position (a
///   record still being written is read again from its start, and a scan past damage goes on silently), so
///   nothing is read twice and nothing is skipped.
/// - **Replaced** (another inode under the same name, as `mv new old` and rsync leave it) or **truncated** (the
///   same inode, now shorter than the offset read to): one note on standard error says so, and the file is read again
///   from its start; nothing more is read from the old content.
///
/// The descriptor read is checked too (`fstat` after opening), so a file replaced between the `stat` and the
/// `open` is still seen as replaced.
final class FollowedFile {
    /// The file's path, as the log directory's walk gives it.
    let path: String
    /// The open reader, or `nil` while the file is closed.
    private var open: ReaderBox?
    /// Where the reader stood when it was closed.
    private var savedPosition = TFRecordReader.Position.start
    /// The reader's pending bytes when it was closed.
    private var savedPendingByteCount = 0
    /// The file's status before the last read that ended without a failure; `nil` before the first.
    private var seen: FileStatus?
    /// The status of the file being read now, which becomes ``seen`` when the read ends well.
    private var reading: FileStatus?
    /// Whether the last read failed, so the file is read again even if it has not changed.
    private var lastReadFailed = false

    /// Whether the file is open.
    var isOpen: Bool { open != nil }

    /// The file offset of the next record to read.
    var offset: Int64 { position.offset }

    /// Bytes after the last complete record, as far as the reader has seen the file (see
    /// ``EventFileReader/pendingByteCount``).
    var pendingByteCount: Int { open?.reader.pendingByteCount ?? savedPendingByteCount }

    private var position: TFRecordReader.Position { open?.reader.position ?? savedPosition }

    /// A file not read yet.
    init(path: String) {
        self.path = path
    }

    /// Looks at the file and makes it ready to read when it may hold something new: opens it if it is closed.
    /// A file replaced or truncated is noted on standard error and read again from its start; a file with
    /// nothing new is closed.
    /// - Returns: Whether there is something to read (then call ``readRecord(_:)`` until it returns `nil`, and
    ///   ``finishRead(failed:)``).
    /// - Throws: ``EventFileError`` `.openFailed` when the path cannot be looked at or opened (the file is
    ///   then closed, and tried again on the next call).
    func prepare(context: CommandContext) throws(EventFileError) -> Bool {
        let status: FileStatus
        do { status = try Self.status(of: path) } catch {
            close()
            throw error
        }
        guard compare(status, context: context) else {
            close()
            return false
        }
        reading = status
        guard open == nil else { return true }
        let box = try ReaderBox(path: path, progress: context.progress)
        // The path may name another file since the stat: what counts is the file the descriptor reads.
        if case .success(let opened)? = box.reader.openFileStatus(), !opened.isSameFile(as: status) {
            _ = compare(opened, context: context)
            reading = opened
        }
        box.reader.resume(at: savedPosition)
        open = box
        return true
    }

    /// The status of the file at `path` now: `stat` for a local file; for an object, its size (a `HEAD`) under
    /// device and inode 0, since an object has no identity to compare: one replaced is seen as grown or
    /// truncated by its size.
    /// - Throws: ``EventFileError`` `.openFailed` when a local path cannot be looked at, `.objectStorage` when
    ///   an object cannot be looked at or is not there.
    private static func status(of path: String) throws(EventFileError) -> FileStatus {
        guard ObjectStoragePath.isObjectStorage(path) else {
            switch SystemCalls.fileStatus(atPath: path) {
            case .success(let found): return found
            case .failure(let error): throw EventFileError(.openFailed(errno: error.code), path: path)
            }
        }
        return FileStatus(device: 0, inode: 0, size: try EventFileSource.object(path).size)
    }

    /// Whether `status` may hold something the last read did not see; when the file was replaced or truncated,
    /// notes it and starts again from the start.
    private func compare(_ status: FileStatus, context: CommandContext) -> Bool {
        guard let seen else { return true }
        let readTo = position.offset
        if !status.isSameFile(as: seen) {
            restart("replaced by another file of the same name", context: context)
        } else if status.size < readTo {
            restart("truncated to \(status.size) bytes (\(readTo) had been read)", context: context)
        } else {
            // Shorter, but not below the last whole record read: a partly written record cut off (as a writer
            // does after a failed write). Reading goes on from that record, without the cut bytes held.
            if status.size < seen.size { close() }
            return lastReadFailed || status.size != seen.size
        }
        return true
    }

    /// Forgets the old content: the file is read again from its start.
    private func restart(_ what: String, context: CommandContext) {
        context.note("\(path): \(what); reading it again from the start")
        open = nil
        savedPosition = .start
        savedPendingByteCount = 0
        seen = nil
        lastReadFailed = false
    }

    /// Calls `body` with the next record's file offset and payload, as ``EventFileReader/readRecord(_:)`` does;
    /// `nil` when no complete record is available yet or the file is closed.
    /// - Throws: ``EventFileError`` for corruption (the reader has already moved past it) or a read failure.
    func readRecord<R>(_ body: (_ offset: Int64, _ payload: UnsafeRawBufferPointer) -> R) throws(EventFileError) -> R? {
        guard let open else { return nil }
        return try open.reader.readRecord(body)
    }

    /// Ends a read: after a failure the file is closed and read again on the next poll, changed or not.
    func finishRead(failed: Bool) {
        if let reading { seen = reading }
        reading = nil
        lastReadFailed = failed
        if failed { close() }
    }

    /// Closes the file, freeing its descriptor and read buffer; the next read goes on where this one stopped.
    func close() {
        guard let open else { return }
        savedPosition = open.reader.position
        savedPendingByteCount = open.reader.pendingByteCount
        self.open = nil
    }
}

/// An open reader, in a class so that it can be kept and replaced between polls.
private final class ReaderBox {
    var reader: EventFileReader

    init(path: String, progress: ReadProgress?) throws(EventFileError) {
        reader = try EventFileReader.opened(path, progress: progress)
    }
}
