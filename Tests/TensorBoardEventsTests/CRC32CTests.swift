import CCRC32C
import TestSupport
import Testing

@testable import TensorBoardEvents

/// Vectors from FORMAT.md §1.3 (computed there with a hand implementation and PyPI `crc32c`) and RFC 3720 B.4.
private let publishedVectors: [(input: [UInt8], crc: UInt32, masked: UInt32)] = [
    ([], 0x0000_0000, 0xA282_EAD8),
    (Array("a".utf8), 0xC1D0_4330, 0x28E4_6E78),
    (Array("123456789".utf8), 0xE306_9283, 0xC78A_B0E5),
    ([UInt8](repeating: 0, count: 32), 0x8A91_36AA, 0x0FD7_FFFA),
    ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43, 0xF909_B029),
    ([0, 0, 0, 0, 0, 0, 0, 0], 0x8C28_B28A, 0x0798_0329),
    ([24, 0, 0, 0, 0, 0, 0, 0], 0x4A65_BFE4, 0x224B_7FA3),
    ([48, 0, 0, 0, 0, 0, 0, 0], 0x055E_DEA7, 0x5FD0_F595),
    ([0x1a, 0x11] + Array("CRC test, one two".utf8), 0xF2D9_5A88, 0x5794_D08A),
    (Array("hello world".utf8), 0xC994_65AA, 0x6DD8_7E00),
]

/// RFC 3720 appendix B.4: 32 bytes of 0x00..0x1F ascending, and descending.
private let rfc3720Vectors: [(input: [UInt8], crc: UInt32)] = [
    (Array(0...31), 0x46DD_794E),
    (Array((0...31).reversed()), 0x113F_DB5C),
]

/// Checks `input`'s checksum through the façade, the portable path and (where there is one) the hardware path.
private func expectChecksumOnEveryPath(_ input: [UInt8], _ crc: UInt32) {
    #expect(CRC32C.checksum(input) == crc)
    let portable = input.withUnsafeBytes { ccrc32c_update_portable(0, $0.baseAddress, $0.count) }
    #expect(portable == crc)
    if CRC32C.isHardwareAccelerated {
        let hardware = input.withUnsafeBytes { ccrc32c_update_hardware(0, $0.baseAddress, $0.count) }
        #expect(hardware == crc)
    }
}

@Suite struct CRC32CTests {
    @Test func matchesPublishedVectorsOnEveryPath() {
        for vector in publishedVectors { expectChecksumOnEveryPath(vector.input, vector.crc) }
    }

    @Test func matchesRFC3720VectorsOnEveryPath() {
        for vector in rfc3720Vectors { expectChecksumOnEveryPath(vector.input, vector.crc) }
    }

    @Test func masksAsTensorFlowDoes() {
        for vector in publishedVectors {
            #expect(MaskedCRC.mask(vector.crc) == vector.masked)
            #expect(MaskedCRC.unmask(vector.masked) == vector.crc)
            #expect(MaskedCRC.checksum(vector.input) == vector.masked)
        }
    }

    @Test func hardwareIsAvailableOnThisMachine() {
        #if arch(x86_64) || arch(arm64)
        // Every x86-64 machine we run on has SSE4.2 and every arm64 Linux machine has the CRC extension;
        // if this fails, the detection is broken, not the machine.
        #expect(CRC32C.isHardwareAccelerated)
        #endif
    }

    @Test func hardwareAndPortablePathsAgreeOnEveryLengthAndAlignment() {
        var generator = SplitMix64(seed: 0x5EED)
        let data = (0..<(300 + 16)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        data.withUnsafeBytes { bytes in
            for alignment in 0..<8 {
                for length in 0...300 {
                    let start = bytes.baseAddress! + alignment
                    let portable = ccrc32c_update_portable(0, start, length)
                    let dispatched = ccrc32c_update(0, start, length)
                    #expect(portable == dispatched, "length \(length), alignment \(alignment)")
                    if CRC32C.isHardwareAccelerated {
                        #expect(ccrc32c_update_hardware(0, start, length) == portable)
                    }
                }
            }
        }
    }

    @Test func updateContinuesAFinishedChecksum() {
        let whole = Array("123456789".utf8)
        for split in 0...whole.count {
            let first = whole[..<split].withUnsafeBytes { CRC32C.checksum($0) }
            let both = whole[split...].withUnsafeBytes { CRC32C.update(first, with: $0) }
            #expect(both == 0xE306_9283)
        }
    }
}
