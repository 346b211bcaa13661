// MaskedCRC.swift: TensorFlow's masking of CRC-32C values stored in TFRecords.

import CCRC32C

/// The masked CRC-32C that TFRecord framing stores: the CRC rotated right by 15 bits plus `0xA282EAD8`.
///
/// Masking keeps the CRC of data that itself contains CRCs from being trivially related to them. Both
/// checksums of a record (over the 8 length bytes and over the payload) are stored masked, little-endian.
public enum MaskedCRC {
    /// The constant TensorFlow adds after rotating.
    public static let delta: UInt32 = 0xA282_EAD8

    /// Masks a finished CRC-32C value.
    @inlinable
    public static func mask(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ delta
    }

    /// Recovers the CRC-32C value from a masked one.
    @inlinable
    public static func unmask(_ masked: UInt32) -> UInt32 {
        let rotated = masked &- delta
        return (rotated >> 17) | (rotated << 15)
    }

    /// The masked CRC-32C of `bytes`.
    @inlinable
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        mask(CRC32C.checksum(bytes))
    }

    /// Both masked checksums of the record at `record` whose payload is `payloadLength` bytes: of its 8 length
    /// bytes and of the payload 12 bytes after them, in one call (what framing and checking a record need).
    /// - Parameters:
    ///   - record: The record's first byte; the 12 header bytes and the payload must be readable.
    ///   - payloadLength: The payload's length.
    /// - Returns: The masked checksum of the length bytes and of the payload.
    @inlinable
    public static func recordChecksums(
        _ record: UnsafeRawPointer,
        payloadLength: Int
    ) -> (length: UInt32, payload: UInt32) {
        let sums = ccrc32c_masked_record(record, payloadLength)
        return (sums.length_crc, sums.payload_crc)
    }

    /// The masked CRC-32C of `bytes`.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
