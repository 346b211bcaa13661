// JSON.swift: JSON string literals.

import TensorBoardEvents

/// JSON encoding of strings.
enum JSON {
    /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where LosslessUTF8.escapedByte(scalar) != nil:
                // A byte that was not valid UTF-8, shown as the text `\xNN` as every output shows it.
                result += "\\" + TerminalSafety.showingBytes(String(scalar))  // `\\` then `xNN`
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
