// CRC32C.swift: the Swift face of the CCRC32C target.

import CCRC32C

/// CRC-32C (Castagnoli), the checksum of TFRecord framing.
///
/// Uses the CPU's CRC-32C instruction (SSE4.2 on x86-64, the CRC extension on arm64) when run-time detection
/// finds it, and a portable slicing-by-8 table otherwise; both give identical results. Values are finished
/// CRCs as published in test vectors: the CRC of no bytes is 0, and `update` continues a finished CRC.
@usableFromInline package enum CRC32C {
    /// Whether checksums are computed with a CPU instruction on this machine.
    package static var isHardwareAccelerated: Bool {
        ccrc32c_hardware_available() != 0
    }

    /// The CRC-32C of `bytes`.
    @inlinable
    package static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, with: bytes)
    }

    /// The CRC-32C of `bytes`.
    package static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    /// Continues `crc` (a finished CRC of earlier bytes) over `bytes`.
    @inlinable
    package static func update(_ crc: UInt32, with bytes: UnsafeRawBufferPointer) -> UInt32 {
        ccrc32c_update(crc, bytes.baseAddress, bytes.count)
    }
}
