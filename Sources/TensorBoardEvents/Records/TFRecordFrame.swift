// TFRecordFrame.swift: the layout of one TFRecord, and how to store and check one in memory.

/// The framing of one TFRecord:
///
/// | Offset | Size | Content |
/// | --- | --- | --- |
/// | 0 | 8 | payload length, u64 little-endian |
/// | 8 | 4 | masked CRC-32C of the 8 length bytes, u32 little-endian |
/// | 12 | length | payload (one serialized `Event` in an event file) |
/// | 12 + length | 4 | masked CRC-32C of the payload, u32 little-endian |
///
/// An event file is nothing but records end to end.
public enum TFRecordFrame {
    /// Bytes before the payload: the length and its checksum.
    public static let headerSize = 12
    /// Bytes after the payload: its checksum.
    public static let footerSize = 4
    /// Bytes a record takes besides its payload.
    public static let overhead = headerSize + footerSize

    /// The largest payload length any reader accepts (1 TiB), so that record sizes never overflow `Int`.
    public static let largestLength: UInt64 = 1 << 40

    /// Stores the header of a record with a `length`-byte payload at `destination` (12 bytes).
    @inlinable
    public static func storeHeader(length: UInt64, at destination: UnsafeMutableRawPointer) {
        destination.storeBytes(of: length.littleEndian, as: UInt64.self)
        let lengthCRC = MaskedCRC.checksum(UnsafeRawBufferPointer(start: destination, count: 8))
        destination.storeBytes(of: lengthCRC.littleEndian, toByteOffset: 8, as: UInt32.self)
    }

    /// Stores the footer of the `length`-byte payload at `payload`: its checksum, in the 4 bytes after it.
    @inlinable
    public static func storeFooter(payload: UnsafeMutableRawPointer, length: Int) {
        let payloadCRC = MaskedCRC.checksum(UnsafeRawBufferPointer(start: payload, count: length))
        (payload + length).storeBytes(of: payloadCRC.littleEndian, as: UInt32.self)
    }

    /// Stores the framing of the record at `record` whose `length`-byte payload is already in place 12 bytes in:
    /// the length and its checksum before the payload, the payload's checksum after it (both checksums in one
    /// call: the writer's hot path).
    @inlinable
    public static func storeFraming(length: Int, at record: UnsafeMutableRawPointer) {
        record.storeBytes(of: UInt64(length).littleEndian, as: UInt64.self)
        let sums = MaskedCRC.recordChecksums(record, payloadLength: length)
        record.storeBytes(of: sums.length.littleEndian, toByteOffset: 8, as: UInt32.self)
        record.storeBytes(of: sums.payload.littleEndian, toByteOffset: headerSize + length, as: UInt32.self)
    }

    /// A complete record holding `payload`, as bytes.
    public static func framed(_ payload: [UInt8]) -> [UInt8] {
        var record = [UInt8](repeating: 0, count: payload.count + overhead)
        record.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            storeHeader(length: UInt64(payload.count), at: base)
            payload.withUnsafeBytes { source in
                if let from = source.baseAddress { (base + headerSize).copyMemory(from: from, byteCount: source.count) }
            }
            storeFooter(payload: base + headerSize, length: payload.count)
        }
        return record
    }

    /// Checks the record that starts at `bytes` (which holds `bytes.count` available bytes).
    ///
    /// - Parameters:
    ///   - bytes: Bytes from the start of a record to the end of what is available.
    ///   - maximumLength: Payload lengths above this are reported as ``Check/tooLarge(length:)``.
    ///   - verifyPayload: Whether to check the payload's checksum (the length's checksum is always checked).
    /// - Returns: What the bytes hold.
    @inlinable
    public static func check(
        _ bytes: UnsafeRawBufferPointer,
        maximumLength: UInt64,
        verifyPayload: Bool = true
    ) -> Check {
        guard bytes.count >= headerSize, let base = bytes.baseAddress else {
            return .incomplete(needed: headerSize)
        }
        let length = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        let storedLengthCRC = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        if verifyPayload, length <= min(maximumLength, largestLength), Int(length) + overhead <= bytes.count {
            // The common case, a whole record in the buffer: both checksums in one call. (Its length may be
            // damaged, but it lies within the bytes, so reading that many is safe; the length's checksum is
            // still judged first.)
            let sums = MaskedCRC.recordChecksums(base, payloadLength: Int(length))
            guard storedLengthCRC == sums.length else {
                return .lengthChecksumMismatch(got: storedLengthCRC, want: sums.length)
            }
            let storedPayloadCRC = UInt32(
                littleEndian: base.loadUnaligned(fromByteOffset: headerSize + Int(length), as: UInt32.self)
            )
            guard storedPayloadCRC == sums.payload else {
                return .payloadChecksumMismatch(length: Int(length), got: storedPayloadCRC, want: sums.payload)
            }
            return .record(length: Int(length))
        }
        let lengthCRC = MaskedCRC.checksum(UnsafeRawBufferPointer(start: base, count: 8))
        guard storedLengthCRC == lengthCRC else {
            return .lengthChecksumMismatch(got: storedLengthCRC, want: lengthCRC)
        }
        guard length <= min(maximumLength, largestLength) else { return .tooLarge(length: length) }
        let total = Int(length) + overhead
        guard bytes.count >= total else { return .incomplete(needed: total) }
        if verifyPayload {
            let payload = UnsafeRawBufferPointer(start: base + headerSize, count: Int(length))
            let storedPayloadCRC = UInt32(
                littleEndian: base.loadUnaligned(fromByteOffset: headerSize + Int(length), as: UInt32.self)
            )
            let payloadCRC = MaskedCRC.checksum(payload)
            guard storedPayloadCRC == payloadCRC else {
                return .payloadChecksumMismatch(length: Int(length), got: storedPayloadCRC, want: payloadCRC)
            }
        }
        return .record(length: Int(length))
    }

    /// What ``check(_:maximumLength:verifyPayload:)`` found at the start of some bytes.
    public enum Check: Sendable, Equatable {
        /// A complete record whose checksums match; its payload starts 12 bytes in.
        case record(length: Int)
        /// Not enough bytes yet: a record here needs at least `needed` bytes from its start.
        case incomplete(needed: Int)
        /// The stored checksum of the length field does not match the length bytes.
        case lengthChecksumMismatch(got: UInt32, want: UInt32)
        /// The length is intact but the stored payload checksum does not match the payload.
        case payloadChecksumMismatch(length: Int, got: UInt32, want: UInt32)
        /// The length is intact but larger than the reader accepts.
        case tooLarge(length: UInt64)
    }
}
