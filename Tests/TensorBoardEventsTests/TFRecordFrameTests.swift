import TestSupport
import Testing

@testable import TensorBoardEvents

/// FORMAT.md §1.4: the file-version event framed as a 40-byte record.
let fileVersionRecord = bytes(
    """
    18 00 00 00 00 00 00 00  a3 7f 4b 22
    09 00 00 00 40 fc 54 d9 41 1a 0d 62 72 61 69 6e 2e 45 76 65 6e 74 3a 32
    ec ed 8f 9d
    """
)

/// rustboard's own test record (`tf_record.rs`): wall time 1599759586.0, file version "brain.Event:2".
let rustboardRecord = bytes(
    """
    18 00 00 00 00 00 00 00  a3 7f 4b 22
    09 00 00 80 38 99 d6 d7 41 1a 0d 62 72 61 69 6e 2e 45 76 65 6e 74 3a 32
    12 4b 36 ab
    """
)

/// FORMAT.md §1.5: the modern scalar "loss" = 0.25 at step 2, a 64-byte record.
let modernScalarRecord = bytes(
    """
    30 00 00 00 00 00 00 00 95 f5 d0 5f
    09 00 00 80 40 fc 54 d9 41 10 02 2a 23 0a 21 0a 04 6c 6f 73 73 42 0a 08 01 12 00 2a 04 00 00 80 3e
    4a 0d 0a 09 0a 07 73 63 61 6c 61 72 73 20 01
    db 17 5a f6
    """
)

/// FORMAT.md §1.5, legacy form: a 42-byte record.
let legacyScalarRecord = bytes(
    """
    1a 00 00 00 00 00 00 00 12 9b d8 2d
    09 00 00 60 40 fc 54 d9 41 10 01 2a 0d 0a 0b 0a 04 6c 6f 73 73 15 00 00 00 3f
    2e e4 2f 0f
    """
)

@Suite struct TFRecordFrameTests {
    @Test(arguments: [fileVersionRecord, rustboardRecord, modernScalarRecord, legacyScalarRecord])
    func framesPayloadsAsTheReferenceVectors(record: [UInt8]) {
        #expect(TFRecordFrame.framed(Array(record[12..<(record.count - 4)])) == record)
    }

    @Test func framesTheEmptyPayload() {
        // FORMAT.md §1.3: length 0 → length CRC 29 03 98 07; empty payload CRC d8 ea 82 a2.
        #expect(TFRecordFrame.framed([]) == bytes("00 00 00 00 00 00 00 00 29 03 98 07 d8 ea 82 a2"))
    }
}
