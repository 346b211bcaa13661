// MaskedCRC.swift: TensorFlow's masking of CRC-32C values stored in TFRecords.

/// The masked CRC-32C that TFRecord framing stores: the CRC rotated right by 15 bits plus `0xA282EAD8`.
///
/// Masking keeps the CRC of data that itself contains CRCs from being trivially related to them. Both
/// checksums of a record (over the 8 length bytes and over the payload) are stored masked, little-endian.
@usableFromInline package enum MaskedCRC {
    /// The constant TensorFlow adds after rotating.
    @usableFromInline package static let delta: UInt32 = 0xA282_EAD8

    /// Masks a finished CRC-32C value.
    @inlinable
    package static func mask(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ delta
    }

    /// Recovers the CRC-32C value from a masked one.
    @inlinable
    package static func unmask(_ masked: UInt32) -> UInt32 {
        let rotated = masked &- delta
        return (rotated >> 17) | (rotated << 15)
    }

    /// The masked CRC-32C of `bytes`.
    @inlinable
    package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        mask(CRC32C.checksum(bytes))
    }

    /// The masked CRC-32C of `bytes`.
    package static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
