// TFRecordError.swift: why the bytes at some offset are not a good record.

/// Damage found where a record should start, or a failed read, with the byte offset concerned.
///
/// Checksums are named as TensorBoard's own reader names them: `got` is what the bytes hash to, `want` is what
/// the record stores. Corruption is reported after the reader has moved past it: `skippedBytes` counts the bytes
/// from `offset` that it passed over to reach the next record (or the end of what the source holds so far).
@usableFromInline
package enum TFRecordError: Error, Sendable, Equatable {
    /// The length's checksum does not match, so the length cannot be trusted.
    case lengthChecksumMismatch(offset: Int64, got: UInt32, want: UInt32, skippedBytes: Int64)
    /// The length is intact but larger than the reader accepts.
    case lengthTooLarge(offset: Int64, length: UInt64, limit: UInt64, skippedBytes: Int64)
    /// The length is intact but runs past the end of the source while a valid record starts inside it: not a
    /// record still being written, but a damaged one.
    case lengthPastEnd(offset: Int64, length: UInt64, skippedBytes: Int64)
    /// The length is intact but the payload's checksum does not match; the whole record was skipped.
    case payloadChecksumMismatch(offset: Int64, length: UInt64, got: UInt32, want: UInt32)
    /// The source could not be read at `offset`.
    case readFailed(offset: Int64, ByteSourceError)

    /// The offset of the damaged record or of the failed read.
    package var offset: Int64 {
        switch self {
        case .lengthChecksumMismatch(let offset, _, _, _), .lengthTooLarge(let offset, _, _, _),
            .lengthPastEnd(let offset, _, _), .payloadChecksumMismatch(let offset, _, _, _),
            .readFailed(let offset, _):
            return offset
        }
    }

    /// The bytes passed over from ``offset`` to the next record.
    package var skippedBytes: Int64 {
        switch self {
        case .lengthChecksumMismatch(_, _, _, let skipped), .lengthTooLarge(_, _, _, let skipped),
            .lengthPastEnd(_, _, let skipped):
            return skipped
        case .payloadChecksumMismatch(_, let length, _, _):
            return Int64(length) + Int64(TFRecordFrame.overhead)
        case .readFailed:
            return 0
        }
    }
}
