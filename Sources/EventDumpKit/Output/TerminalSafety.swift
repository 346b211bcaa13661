// TerminalSafety.swift: text from a log never drives the terminal.

import TensorBoardEvents

/// Makes text from logs (tags, run names, text summaries) safe to print on a terminal: control characters
/// (C0, DEL, C1), which include the escape that starts terminal control sequences, are shown as visible escapes
/// (`\n`, `\t`, `\e`, `\x07`, `\u{9B}`) instead of being sent to the terminal, and bytes of names and tags
/// that are not valid UTF-8 are shown as `\xNN` (see ``LosslessUTF8``).
enum TerminalSafety {
    /// `text` with every control character escaped; a backslash is doubled so escapes stay unambiguous.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{1B}": result += "\\e"
            case _ where LosslessUTF8.escapedByte(scalar) != nil: result += byteText(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            case _ where (0x80..<0xA0).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` with each byte that was not valid UTF-8 (``LosslessUTF8``) shown as `\xNN`, and nothing else
    /// changed: how CSV, TSV and JSON files show such bytes.
    static func showingBytes(_ text: String) -> String {
        guard LosslessUTF8.containsEscapes(text) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if LosslessUTF8.escapedByte(scalar) != nil {
                result += byteText(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `\xNN` for the byte an escape stands for.
    private static func byteText(_ scalar: Unicode.Scalar) -> String {
        let hex = String(LosslessUTF8.escapedByte(scalar) ?? 0, radix: 16)
        return "\\x" + (hex.count < 2 ? "0" : "") + hex
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        LosslessUTF8.escapes.contains(scalar.value) || scalar.value < 0x20 || scalar == "\\" || scalar.value == 0x7F
            || (0x80..<0xA0).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
