// BackupCoding.swift: the JSON coders of backups, which keep every Double, NaN and infinities included.

import Foundation

/// The JSON coders ``BackupAndRestore`` writes and reads states with. Foundation's coders write a `Double` as
/// the shortest text that reads back to the same bits; NaN and the infinities, which JSON lacks, are written as
/// the strings `"nan"`, `"inf"` and `"-inf"` (a best value may be infinite), and keys are sorted so that equal
/// states give equal files.
enum BackupCoding {
    /// An encoder with sorted keys and the non-finite strings.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf",
            negativeInfinity: "-inf",
            nan: "nan"
        )
        return encoder
    }

    /// A decoder that reads the non-finite strings back.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf",
            negativeInfinity: "-inf",
            nan: "nan"
        )
        return decoder
    }
}
