// EventFileReader.swift: streams the records of one event file through one reused buffer.

/// Reads the records of one event file in order, verifying both checksums of each, through one reused buffer,
/// so that memory does not grow with the file.
///
/// Failure policy:
/// - **Truncated tail.** An incomplete last record is not an error: ``nextRecord(_:)`` returns `nil`, keeps
///   the partial bytes, and continues from them when called again after the file has grown.
///   ``pendingByteCount`` tells how many bytes are waiting.
/// - **Corruption.** A checksum mismatch (or a length above ``Options/maximumRecordLength``) throws an
///   ``EventFileError`` naming the file and the record's offset, after the reader has resynchronised: it scans
///   forward to the next position holding a record whose checksums validate, and the error's `skippedBytes`
///   says how far that was. Calling again continues from there; nothing after the damage is lost.
/// - **Invalid event.** A record with good checksums whose payload is not an `Event` throws `.invalidEvent`
///   from ``next()``, and reading continues with the next record.
/// - **Huge lengths.** The buffer only grows for a record whose bytes the file really holds, so a length field
///   larger than what is left in the file never causes an allocation.
public struct EventFileReader: ~Copyable {
    /// How the reader works.
    public struct Options: Sendable {
        /// Bytes read from the file at a time (the buffer's initial size).
        public var chunkSize: Int
        /// Payload lengths above this are corruption.
        public var maximumRecordLength: UInt64
        /// Whether payload checksums are verified (length checksums always are).
        public var verifiesPayloadChecksums: Bool

        /// Creates options.
        /// - Parameters:
        ///   - chunkSize: Bytes read at a time; 1 MiB by default.
        ///   - maximumRecordLength: Largest accepted payload; 1 GiB by default.
        ///   - verifiesPayloadChecksums: Whether payload checksums are verified; `true` by default.
        public init(
            chunkSize: Int = 1 << 20,
            maximumRecordLength: UInt64 = 1 << 30,
            verifiesPayloadChecksums: Bool = true
        ) {
            self.chunkSize = max(chunkSize, 64)
            self.maximumRecordLength = maximumRecordLength
            self.verifiesPayloadChecksums = verifiesPayloadChecksums
        }
    }

    /// The file's path.
    public let path: String
    @usableFromInline let options: Options
    /// The largest payload length accepted: the smaller of the options' and ``TFRecordFrame/largestLength``.
    @usableFromInline let lengthLimit: UInt64
    private var descriptor: Int32
    @usableFromInline var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// Index of the first unread byte in `buffer`.
    @usableFromInline var start = 0
    /// Index after the last byte read into `buffer`.
    @usableFromInline var end = 0
    /// File offset of `buffer[0]`.
    @usableFromInline var bufferOffset: Int64 = 0
    /// The file's size when last looked at (with `fstat`, or by reading to its end).
    private var knownFileSize: Int64 = 0

    /// Opens a file for reading.
    /// - Parameters:
    ///   - path: The event file.
    ///   - options: How to read it.
    /// - Throws: ``EventFileError`` `.openFailed`.
    public init(path: String, options: Options = Options()) throws(EventFileError) {
        switch SystemCalls.openFile(path, flags: SystemCalls.readOnlyFlags) {
        case .success(let descriptor): self.descriptor = descriptor
        case .failure(let error): throw EventFileError(.openFailed(errno: error.code), path: path)
        }
        self.path = path
        self.options = options
        self.lengthLimit = min(options.maximumRecordLength, TFRecordFrame.largestLength)
        self.capacity = options.chunkSize
        self.buffer = UnsafeMutableRawPointer.allocate(byteCount: options.chunkSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        _ = SystemCalls.closeFile(descriptor)
    }

    /// The file offset of the next record to read.
    public var offset: Int64 { bufferOffset + Int64(start) }

    /// Bytes after the last complete record, as far as the reader has seen the file: a record still being
    /// written, or a truncated tail.
    public var pendingByteCount: Int { Int(max(Int64(end - start), knownFileSize - offset)) }

    /// Calls `body` with the next record's file offset and payload (borrowed: valid only during the call).
    ///
    /// - Returns: What `body` returned, or `nil` when no complete record is available yet (end of file, or a
    ///   truncated tail: see ``pendingByteCount``).
    /// - Throws: ``EventFileError`` for corruption (the reader has already resynchronised) or a read failure.
    @inlinable
    public mutating func nextRecord<R>(
        _ body: (_ offset: Int64, _ payload: UnsafeRawBufferPointer) -> R
    ) throws(EventFileError) -> R? {
        // Generic only here, and the common case (a whole record in the buffer) inlined into the caller.
        if let record = takeBufferedRecord() { return body(record.offset, record.payload) }
        guard let record = try readRecord() else { return nil }
        return body(record.offset, record.payload)
    }

    /// The next record and its offset when it is whole in the buffer and both its checksums match (nearly every
    /// record), having moved past it; `nil`, with nothing moved, for anything else, which ``readRecord()`` then
    /// handles in full.
    @inlinable @inline(__always)
    mutating func takeBufferedRecord() -> (offset: Int64, payload: UnsafeRawBufferPointer)? {
        let available = end &- start
        guard available >= TFRecordFrame.overhead else { return nil }
        let record = UnsafeRawPointer(buffer + start)
        let length = UInt64(littleEndian: record.loadUnaligned(as: UInt64.self))
        let storedLengthCRC = UInt32(littleEndian: record.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard length <= lengthLimit, length <= UInt64(available &- TFRecordFrame.overhead) else { return nil }
        let payload = UnsafeRawBufferPointer(start: record + TFRecordFrame.headerSize, count: Int(length))
        if options.verifiesPayloadChecksums {
            // Both checksums in one call. The length may be damaged, but it lies within the buffer, so reading
            // that many bytes is safe, and a mismatch of either goes to readRecord(), which judges the length's
            // checksum first.
            let sums = MaskedCRC.recordChecksums(record, payloadLength: Int(length))
            let stored = UInt32(
                littleEndian: record.loadUnaligned(
                    fromByteOffset: TFRecordFrame.headerSize + Int(length),
                    as: UInt32.self
                )
            )
            guard sums.length == storedLengthCRC, sums.payload == stored else { return nil }
        } else {
            guard MaskedCRC.checksum(UnsafeRawBufferPointer(start: record, count: 8)) == storedLengthCRC else {
                return nil
            }
        }
        let offset = bufferOffset &+ Int64(start)
        start &+= Int(length) &+ TFRecordFrame.overhead
        return (offset, payload)
    }

    /// The next record's offset and payload, valid until the next call; `nil` when no complete record is
    /// available yet.
    @usableFromInline
    mutating func readRecord() throws(EventFileError) -> (offset: Int64, payload: UnsafeRawBufferPointer)? {
        while true {
            let check = TFRecordFrame.check(
                UnsafeRawBufferPointer(start: buffer + start, count: end - start),
                maximumLength: options.maximumRecordLength,
                verifyPayload: options.verifiesPayloadChecksums
            )
            switch check {
            case .record(let length):
                let recordOffset = offset
                let payload = UnsafeRawBufferPointer(start: buffer + start + TFRecordFrame.headerSize, count: length)
                start += length + TFRecordFrame.overhead
                return (recordOffset, payload)
            case .incomplete(let needed):
                guard try makeRoom(for: needed), try fill() > 0 else { return nil }
            case .lengthChecksumMismatch(let got, let want):
                try throwAfterResynchronising(.lengthChecksumMismatch(got: got, want: want))
            case .payloadChecksumMismatch(_, let got, let want):
                try throwAfterResynchronising(.payloadChecksumMismatch(got: got, want: want))
            case .tooLarge(let length):
                try throwAfterResynchronising(.recordTooLarge(length: length, maximum: options.maximumRecordLength))
            }
        }
    }

    /// Reads and decodes the next event.
    /// - Returns: The event with its offset, or `nil` when no complete record is available yet.
    /// - Throws: ``EventFileError`` for corruption, an invalid event (reading can continue after either), or a
    ///   read failure.
    public mutating func next() throws(EventFileError) -> EventRecord? {
        let path = self.path
        let decoded = try nextRecord { offset, payload -> Result<EventRecord, EventFileError> in
            do throws(WireDecodingError) {
                let event = try Event(serializedBytes: payload)
                return .success(EventRecord(offset: offset, length: payload.count, event: event))
            } catch {
                return .failure(EventFileError(.invalidEvent(error), path: path, offset: offset))
            }
        }
        switch decoded {
        case .success(let record): return record
        case .failure(let error): throw error
        case nil: return nil
        }
    }

    // MARK: Buffer management

    /// Ensures the buffer can hold `needed` bytes from `start`, growing it only when the file really holds
    /// them. Returns `false` when the record cannot be complete yet (the file is too short).
    private mutating func makeRoom(for needed: Int) throws(EventFileError) -> Bool {
        guard needed > capacity else { return true }
        let size: Int64
        switch SystemCalls.status(descriptor) {
        case .success(let status): size = status.size
        case .failure(let error): throw EventFileError(.readFailed(errno: error.code), path: path, offset: offset)
        }
        knownFileSize = max(knownFileSize, size)
        guard size - offset >= Int64(needed) else { return false }
        let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: needed, alignment: 16)
        newBuffer.copyMemory(from: buffer + start, byteCount: end - start)
        buffer.deallocate()
        buffer = newBuffer
        capacity = needed
        bufferOffset += Int64(start)
        end -= start
        start = 0
        return true
    }

    /// Moves unread bytes to the front and reads more after them; returns how many bytes were read.
    private mutating func fill() throws(EventFileError) -> Int {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { buffer.copyMemory(from: buffer + start, byteCount: remaining) }
            bufferOffset += Int64(start)
            start = 0
            end = remaining
        }
        guard end < capacity else { return 0 }
        switch SystemCalls.readBytes(descriptor, into: buffer + end, count: capacity - end) {
        case .success(let count):
            end += count
            knownFileSize = max(knownFileSize, bufferOffset + Int64(end))
            return count
        case .failure(let error):
            throw EventFileError(.readFailed(errno: error.code), path: path, offset: bufferOffset + Int64(end))
        }
    }

    // MARK: Resynchronisation

    /// Skips from the damaged record at the current offset to the next position holding a record whose length
    /// checksum validates (and whose payload checksum validates too when it is all there), or to the last
    /// 11 bytes of what the file holds, then throws `code` with the distance skipped.
    private mutating func throwAfterResynchronising(_ code: EventFileError.Code) throws(EventFileError) -> Never {
        let damagedOffset = offset
        start += 1
        scan: while true {
            while end - start >= TFRecordFrame.headerSize {
                let check = TFRecordFrame.check(
                    UnsafeRawBufferPointer(start: buffer + start, count: end - start),
                    maximumLength: options.maximumRecordLength,
                    verifyPayload: options.verifiesPayloadChecksums
                )
                switch check {
                case .record:
                    break scan
                case .incomplete(let needed):
                    // A plausible header whose record is not all in the buffer: read on to confirm it, or stop
                    // here if the file does not hold it yet (it may be a record still being written).
                    guard try makeRoom(for: needed), try fill() > 0 else { break scan }
                case .lengthChecksumMismatch, .payloadChecksumMismatch, .tooLarge:
                    start += 1
                }
            }
            if try fill() == 0 { break }
        }
        throw EventFileError(code, path: path, offset: damagedOffset, skippedBytes: offset - damagedOffset)
    }
}

/// One event read from a file, with where it was.
public struct EventRecord: Sendable, Equatable {
    /// The record's byte offset in the file.
    public var offset: Int64
    /// The payload's length in bytes (the record takes 16 more).
    public var length: Int
    /// The decoded event.
    public var event: Event

    /// Creates a record.
    /// - Parameters:
    ///   - offset: The record's byte offset.
    ///   - length: The payload's length.
    ///   - event: The decoded event.
    public init(offset: Int64, length: Int, event: Event) {
        self.offset = offset
        self.length = length
        self.event = event
    }
}
