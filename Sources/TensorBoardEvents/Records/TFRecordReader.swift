// TFRecordReader.swift: reads the records of a byte source in order, through one reused buffer.

/// Reads TFRecords from a ``ByteSource`` in order, checking both checksums of each, through one buffer that holds
/// at most one record besides a chunk, so that memory does not grow with the source.
///
/// Failure policy (each case costs time linear in the bytes it concerns, so reading any input is linear):
/// - **Truncated tail.** A record that runs past the end of what the source holds, with no valid record header
///   after its own, is a record still being written: ``readRecord(_:)`` returns `nil`, and continues from it
///   when called again after the source has grown. ``pendingByteCount`` tells how many bytes are waiting.
/// - **Damaged length.** A header whose length checksum does not match (or whose length is over
///   ``Options/maximumRecordLength``) cannot be trusted: the reader scans forward, byte by byte, to the next
///   position holding a header whose checksum matches, then throws the error with the distance it skipped.
///   When the source ends first, the error is thrown at its end and the scan goes on silently once it grows.
/// - **Overlong length.** An intact length that runs past the end of the source while a valid header starts
///   inside it is corruption, not a tail: ``TFRecordError/lengthPastEnd(offset:length:skippedBytes:)``, and
///   reading goes on at that header.
/// - **Damaged payload.** A payload whose checksum does not match is skipped whole (its length is intact, as
///   its checksum says), and the error is thrown; the next call reads the record after it.
///
/// A read failure of the source is thrown as ``TFRecordError/readFailed(offset:_:)`` and leaves the reader
/// where it was.
@usableFromInline
package struct TFRecordReader: ~Copyable {
    /// How the reader works.
    @usableFromInline package struct Options: Sendable {
        /// Bytes read from the source at a time (the buffer's usual size).
        package var chunkSize: Int
        /// Payload lengths above this are corruption.
        @usableFromInline package var maximumRecordLength: UInt64

        /// Creates options.
        /// - Parameters:
        ///   - chunkSize: Bytes read at a time; 1 MiB by default, at least 64.
        ///   - maximumRecordLength: Largest accepted payload; 1 GiB by default, at most 1 TiB.
        package init(
            chunkSize: Int = 1 << 20,
            maximumRecordLength: UInt64 = TFRecordFrame.defaultMaximumRecordLength
        ) {
            self.chunkSize = max(chunkSize, 64)
            self.maximumRecordLength = min(maximumRecordLength, 1 << 40)
        }
    }

    /// Counts of the work done, which tests compare with the source's size.
    @usableFromInline package struct Statistics: Sendable, Equatable {
        /// Bytes read from the source.
        @usableFromInline package var bytesRead: Int64 = 0
        /// Payload bytes whose checksum was computed.
        @usableFromInline package var payloadBytesChecked: Int64 = 0
    }

    /// Where the bytes come from.
    package let source: any ByteSource
    /// The options in use.
    @usableFromInline package let options: Options
    /// The offset of the next record (while resynchronising: of the next position to look at).
    @usableFromInline package internal(set) var offset: Int64 = 0
    /// The work done so far.
    @usableFromInline package internal(set) var statistics = Statistics()
    /// Whether damage has been reported and the scan for the next header is not finished.
    @usableFromInline var isResynchronising = false
    /// For a record at ``offset`` that runs past the end of the source: the positions before this one have been
    /// searched for a valid header (`searchedRecord` is the offset the search was for).
    private var searchedUpTo: Int64 = 0
    private var searchedRecord: Int64 = -1
    /// The window: `buffer[0..<windowCount]` holds the source's bytes from `windowOffset`.
    @usableFromInline var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    @usableFromInline var windowOffset: Int64 = 0
    @usableFromInline var windowCount = 0
    /// The largest source size seen.
    private var knownEnd: Int64 = 0

    /// Creates a reader at the start of `source`.
    /// - Parameters:
    ///   - source: The bytes.
    ///   - options: How to read them.
    package init(source: any ByteSource, options: Options = Options()) {
        self.source = source
        self.options = options
        self.capacity = options.chunkSize
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: options.chunkSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// Bytes after the last complete record, as far as the reader has seen the source: a record still being
    /// written, or a truncated tail. Zero while resynchronising (those bytes were reported as damage).
    package var pendingByteCount: Int {
        isResynchronising ? 0 : Int(max(0, knownEnd - offset))
    }

    /// Calls `body` with the next record's offset and payload (borrowed: valid only during the call).
    /// - Returns: What `body` returned, or `nil` when no complete record is available yet.
    /// - Throws: ``TFRecordError`` for damage (the reader has already moved past it) or a failed read.
    @inlinable
    package mutating func readRecord<R>(
        _ body: (_ offset: Int64, _ payload: UnsafeRawBufferPointer) -> R
    ) throws(TFRecordError) -> R? {
        guard let record = try nextRecord() else { return nil }
        return body(record.offset, record.payload)
    }

    /// The next record's offset and payload, valid until the reader is used again; `nil` when no complete
    /// record is available yet. Inlined into the caller's loop; what is rare (a move of the window, damage) is not.
    @inlinable
    mutating func nextRecord() throws(TFRecordError) -> (offset: Int64, payload: UnsafeRawBufferPointer)? {
        if isResynchronising, try !finishResynchronising() { return nil }
        while true {
            guard let headerBytes = try bytes(at: offset, count: TFRecordFrame.headerSize) else { return nil }
            let header = Header(headerBytes)
            let (length, got, want) = (header.length, header.computedChecksum, header.storedChecksum)
            let damaged = offset
            guard got == want else {
                try resynchronise(from: damaged) {
                    .lengthChecksumMismatch(offset: damaged, got: got, want: want, skippedBytes: $0)
                }
            }
            let limit = options.maximumRecordLength
            guard length <= limit else {
                try resynchronise(from: damaged) {
                    .lengthTooLarge(offset: damaged, length: length, limit: limit, skippedBytes: $0)
                }
            }
            let total = Int(length) + TFRecordFrame.overhead
            guard let record = try bytes(at: offset, count: total) else {
                try throwIfValidRecordFollows(length: length)
                return nil
            }
            let payload = UnsafeRawBufferPointer(start: record + TFRecordFrame.headerSize, count: Int(length))
            let stored = UInt32(
                littleEndian: record.loadUnaligned(
                    fromByteOffset: TFRecordFrame.headerSize + Int(length),
                    as: UInt32.self
                )
            )
            let computed = MaskedCRC.checksum(payload)
            statistics.payloadBytesChecked += Int64(length)
            offset += Int64(total)
            guard computed == stored else {
                throw .payloadChecksumMismatch(offset: damaged, length: length, got: computed, want: stored)
            }
            return (damaged, payload)
        }
    }

    // MARK: Resynchronisation

    /// Goes on with the scan for a valid header after damage already reported; returns whether it found one.
    @usableFromInline
    mutating func finishResynchronising() throws(TFRecordError) -> Bool {
        let (found, reached) = try scanForHeader(from: offset)
        guard let found else {
            offset = reached
            return false
        }
        offset = found
        isResynchronising = false
        return true
    }

    /// The 12 bytes of a record header, read as the one record check reads them.
    @usableFromInline
    struct Header {
        @usableFromInline let bytes: UnsafeRawPointer

        @inlinable
        init(_ bytes: UnsafeRawPointer) { self.bytes = bytes }

        /// The payload's length, as stored.
        @inlinable
        var length: UInt64 { UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)) }

        /// The masked checksum stored for the length.
        @inlinable
        var storedChecksum: UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) }

        /// The masked checksum of the 8 length bytes.
        @inlinable
        var computedChecksum: UInt32 { MaskedCRC.checksum(UnsafeRawBufferPointer(start: bytes, count: 8)) }

        /// Whether the reader accepts the header: its length is within `limit` and its checksum matches.
        @inlinable
        func isValid(limit: UInt64) -> Bool { length <= limit && computedChecksum == storedChecksum }
    }

    /// The first position from `start` holding a valid header, or `nil` and the first position the source holds
    /// too few bytes after to tell. Each position is looked at once.
    private mutating func scanForHeader(from start: Int64) throws(TFRecordError) -> (found: Int64?, reached: Int64) {
        var position = start
        while let base = try bytes(at: position, count: TFRecordFrame.headerSize) {
            let available = windowCount - Int(position - windowOffset)
            var index = 0
            while index + TFRecordFrame.headerSize <= available {
                if Header(base + index).isValid(limit: options.maximumRecordLength) {
                    return (position + Int64(index), position + Int64(index))
                }
                index += 1
            }
            position += Int64(index)
        }
        return (nil, position)
    }

    /// Scans past damage at `damaged` to the next valid header and throws the error `makeError` makes of the
    /// distance skipped; when the source ends first, throws it there and goes on scanning on the next call.
    @usableFromInline
    mutating func resynchronise(
        from damaged: Int64,
        _ makeError: (_ skippedBytes: Int64) -> TFRecordError
    ) throws(TFRecordError) -> Never {
        let (found, reached) = try scanForHeader(from: damaged + 1)
        if let found {
            offset = found
            throw makeError(found - damaged)
        }
        offset = reached
        isResynchronising = true
        throw makeError(max(reached, knownEnd) - damaged)
    }

    /// For the record at ``offset``, whose intact `length` runs past the end of the source: throws
    /// ``TFRecordError/lengthPastEnd(offset:length:skippedBytes:)`` and moves to the first valid header after
    /// its start, if there is one. Positions searched before (for the same record) are not searched again.
    @usableFromInline
    mutating func throwIfValidRecordFollows(length: UInt64) throws(TFRecordError) {
        let damaged = offset
        let start = searchedRecord == damaged ? max(searchedUpTo, damaged + 1) : damaged + 1
        let (found, reached) = try scanForHeader(from: start)
        searchedRecord = damaged
        searchedUpTo = reached
        guard let found else { return }
        offset = found
        throw .lengthPastEnd(offset: damaged, length: length, skippedBytes: found - damaged)
    }

    // MARK: The window

    /// The `count` bytes at source offset `position`, read into the window if they are not there yet; `nil`
    /// when the source holds fewer now. Valid until the window moves.
    @inlinable @inline(__always)
    mutating func bytes(at position: Int64, count: Int) throws(TFRecordError) -> UnsafeRawPointer? {
        let start = position &- windowOffset
        if start >= 0, start &+ Int64(count) <= Int64(windowCount) { return UnsafeRawPointer(buffer + Int(start)) }
        guard try moveWindow(to: position, holding: count) else { return nil }
        return UnsafeRawPointer(buffer)
    }

    /// Moves the window to start at `position`, keeping the bytes it already holds from there, and reads until
    /// it holds `count` bytes. The buffer grows only for bytes the source really holds, so a huge length never
    /// makes a huge allocation; it shrinks back to a chunk once a large record is passed.
    @usableFromInline
    mutating func moveWindow(to position: Int64, holding count: Int) throws(TFRecordError) -> Bool {
        let start = position - windowOffset
        let kept = start >= 0 && start < Int64(windowCount) ? windowCount - Int(start) : 0
        if count > capacity {
            let size: Int64
            do { size = try source.size() } catch { throw .readFailed(offset: position, error) }
            knownEnd = max(knownEnd, size)
            guard size - position >= Int64(count) else { return false }
            replaceBuffer(capacity: count, keeping: kept, from: Int(max(start, 0)))
        } else if capacity > options.chunkSize, count <= options.chunkSize, kept <= options.chunkSize {
            replaceBuffer(capacity: options.chunkSize, keeping: kept, from: Int(max(start, 0)))
        } else if kept > 0, start > 0 {
            buffer.copyMemory(from: buffer + Int(start), byteCount: kept)
        }
        windowOffset = position
        windowCount = kept
        while windowCount < count {
            let destination = UnsafeMutableRawBufferPointer(start: buffer + windowCount, count: capacity - windowCount)
            let readOffset = windowOffset + Int64(windowCount)
            let read: Int
            do { read = try source.read(into: destination, at: readOffset) } catch {
                throw .readFailed(offset: readOffset, error)
            }
            guard read > 0 else { return false }
            windowCount += read
            statistics.bytesRead += Int64(read)
            knownEnd = max(knownEnd, windowOffset + Int64(windowCount))
        }
        return true
    }

    /// A new buffer of `capacity` bytes holding the `kept` bytes that start at `start` in the old one.
    private mutating func replaceBuffer(capacity newCapacity: Int, keeping kept: Int, from start: Int) {
        let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        if kept > 0 { newBuffer.copyMemory(from: buffer + start, byteCount: kept) }
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }
}
