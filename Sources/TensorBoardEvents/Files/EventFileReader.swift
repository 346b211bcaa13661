// EventFileReader.swift: the records and events of one event file, as a TFRecord reader over the file.

/// Reads the records of one event file in order, checking both checksums of each, through one reused buffer,
/// so that memory does not grow with the file.
///
/// Failure policy (that of the record reader underneath, with the file's path on every error):
/// - **Truncated tail.** An incomplete last record is not an error: ``readRecord(_:)`` returns `nil`, and
///   continues from it when called again after the file has grown. ``pendingByteCount`` tells how many bytes
///   are waiting.
/// - **Corruption.** A damaged length (or one over ``Options/maximumRecordLength``) throws an
///   ``EventFileError`` naming the file and the record's offset, after the reader has moved on to the next
///   position holding a valid record header (`skippedBytes` says how far that was); a damaged payload is
///   skipped whole; an intact length that runs past the end of the file while a valid record follows is
///   corruption too. Calling again continues; nothing after the damage is lost.
/// - **Invalid event.** A record with good checksums whose payload is not an `Event` throws `.invalidEvent`
///   from ``readEvent()``, and reading continues with the next record.
/// - **Huge lengths.** The buffer only grows for a record whose bytes the file really holds.
public struct EventFileReader: ~Copyable {
    /// How the reader works.
    public struct Options: Sendable {
        /// Bytes read from the file at a time (the buffer's usual size).
        public var chunkSize: Int
        /// Payload lengths above this are corruption.
        public var maximumRecordLength: UInt64

        /// Creates options.
        /// - Parameters:
        ///   - chunkSize: Bytes read at a time; 1 MiB by default.
        ///   - maximumRecordLength: Largest accepted payload; 1 GiB by default.
        public init(
            chunkSize: Int = 1 << 20,
            maximumRecordLength: UInt64 = TFRecordFrame.defaultMaximumRecordLength
        ) {
            self.chunkSize = chunkSize
            self.maximumRecordLength = maximumRecordLength
        }
    }

    /// The file's path.
    public let path: String
    @usableFromInline var records: TFRecordReader

    /// Opens a file for reading: a local file, or an object in S3 (`s3://bucket/key`), read in large ranged
    /// requests.
    /// - Parameters:
    ///   - path: The event file.
    ///   - options: How to read it.
    /// - Throws: ``EventFileError`` `.openFailed`, `.invalidPath` (an empty path, or one with a NUL byte), or
    ///   `.notRegularFile` for a FIFO, a device or a socket, which is refused without blocking (the file is
    ///   opened with `O_NONBLOCK`, and what was opened is checked with `fstat`); `.objectStorage` for an
    ///   `s3://` path that is invalid, whose configuration cannot be resolved, or whose object cannot be found.
    public init(path: String, options: Options = Options()) throws(EventFileError) {
        self.init(source: try EventFileSource.open(path), path: path, options: options)
    }

    /// A reader of the event file whose bytes `source` holds.
    /// - Parameters:
    ///   - source: The bytes.
    ///   - path: The name errors give the file.
    ///   - options: How to read it.
    package init(source: any ByteSource, path: String, options: Options = Options()) {
        self.path = path
        self.records = TFRecordReader(
            source: source,
            options: .init(chunkSize: options.chunkSize, maximumRecordLength: options.maximumRecordLength)
        )
    }

    /// The file offset of the next record to read.
    public var offset: Int64 { records.offset }

    /// Bytes after the last complete record, as far as the reader has seen the file: a record still being
    /// written, or a truncated tail.
    public var pendingByteCount: Int { records.pendingByteCount }

    /// Calls `body` with the next record's file offset and payload (borrowed: valid only during the call).
    /// - Returns: What `body` returned, or `nil` when no complete record is available yet (end of file, or a
    ///   truncated tail: see ``pendingByteCount``).
    /// - Throws: ``EventFileError`` for corruption (the reader has already moved past it) or a read failure.
    @inlinable
    public mutating func readRecord<R>(
        _ body: (_ offset: Int64, _ payload: UnsafeRawBufferPointer) -> R
    ) throws(EventFileError) -> R? {
        do {
            return try records.readRecord(body)
        } catch {
            throw EventFileError(error, path: path)
        }
    }

    /// Reads and decodes the next event.
    /// - Returns: The event with its offset, or `nil` when no complete record is available yet.
    /// - Throws: ``EventFileError`` for corruption, an invalid event (reading can continue after either), or a
    ///   read failure.
    public mutating func readEvent() throws(EventFileError) -> EventRecord? {
        let path = self.path
        let decoded = try readRecord { offset, payload -> Result<EventRecord, EventFileError> in
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
}
