// TFRecordFrame.swift: the layout of one TFRecord, and how a writer frames a payload.

/// The framing of one TFRecord:
///
/// | Offset | Size | Content |
/// | --- | --- | --- |
/// | 0 | 8 | payload length, u64 little-endian |
/// | 8 | 4 | masked CRC-32C of the 8 length bytes, u32 little-endian |
/// | 12 | length | payload (one serialized `Event` in an event file) |
/// | 12 + length | 4 | masked CRC-32C of the payload, u32 little-endian |
///
/// An event file is nothing but records end to end. Reading and checking records is ``TFRecordReader``'s job;
/// this type only lays them out.
@usableFromInline package enum TFRecordFrame {
    /// Bytes before the payload: the length and its checksum.
    @usableFromInline package static let headerSize = 12
    /// Bytes after the payload: its checksum.
    @usableFromInline package static let footerSize = 4
    /// Bytes a record takes besides its payload.
    @usableFromInline package static let overhead = headerSize + footerSize
    /// The largest payload readers accept by default (1 GiB): longer lengths are taken for corruption, so a
    /// writer refuses to write a record this long, which no reader with default options could read back.
    @usableFromInline package static let defaultMaximumRecordLength: UInt64 = 1 << 30

    /// Stores the framing of the record at `record` whose `length`-byte payload is already in place 12 bytes in:
    /// the length and its checksum before the payload, the payload's checksum after it.
    /// - Parameters:
    ///   - length: The payload's length.
    ///   - record: The record's first byte; `length + 16` bytes from it must be writable.
    @inlinable
    package static func storeFraming(length: Int, at record: UnsafeMutableRawPointer) {
        record.storeBytes(of: UInt64(length).littleEndian, as: UInt64.self)
        let lengthCRC = MaskedCRC.checksum(UnsafeRawBufferPointer(start: record, count: 8))
        record.storeBytes(of: lengthCRC.littleEndian, toByteOffset: 8, as: UInt32.self)
        let payloadCRC = MaskedCRC.checksum(UnsafeRawBufferPointer(start: record + headerSize, count: length))
        record.storeBytes(of: payloadCRC.littleEndian, toByteOffset: headerSize + length, as: UInt32.self)
    }

    /// A complete record holding `payload`, as bytes.
    /// - Parameter payload: The payload.
    /// - Returns: The 16 framing bytes around a copy of the payload.
    package static func framed(_ payload: [UInt8]) -> [UInt8] {
        var record = [UInt8](repeating: 0, count: payload.count + overhead)
        record.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            payload.withUnsafeBytes { source in
                if let from = source.baseAddress { (base + headerSize).copyMemory(from: from, byteCount: source.count) }
            }
            storeFraming(length: payload.count, at: base)
        }
        return record
    }
}
