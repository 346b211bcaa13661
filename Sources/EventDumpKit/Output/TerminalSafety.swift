// TerminalSafety.swift: text from a log never drives the terminal, nor hides or reorders what it shows.

import TensorBoardEvents

/// Makes text from logs (tags, run names, text summaries) safe to print on a terminal: control characters
/// (C0, DEL, C1), which include the escape that starts terminal control sequences, are shown as visible escapes
/// (`\n`, `\t`, `\e`, `\x07`, `\u{9b}`) instead of being sent to the terminal; so are the invisible formatting
/// characters (Unicode general category Cf: bidirectional overrides and isolates such as U+202E, which make a
/// terminal show text in another order than it has, zero-width spaces and joiners, U+FEFF, the soft hyphen) and
/// the line and paragraph separators U+2028 and U+2029, which some terminals break lines at. Bytes of names and
/// tags that are not valid UTF-8 are shown as `\xNN` (see ``LosslessUTF8``).
///
/// The categories come from `Unicode.Scalar.Properties.generalCategory`, so the set follows the Unicode
/// version of the standard library rather than a list kept here. Escapes use lowercase hexadecimal and are
/// never re-cased afterwards, so the same text always shows the same way.
enum TerminalSafety {
    /// `text` with every control and formatting character escaped; a backslash is doubled so escapes stay
    /// unambiguous.
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
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += hexEscape(scalar.value)
            case _ where isInvisible(scalar):
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
        hexEscape(UInt32(LosslessUTF8.escapedByte(scalar) ?? 0))
    }

    /// `\xNN`: a value below 256 as two lowercase hexadecimal digits.
    private static func hexEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\x" + (hex.count < 2 ? "0" : "") + hex
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\\" || LosslessUTF8.escapes.contains(scalar.value) || isInvisible(scalar)
    }

    /// Whether a terminal would act on `scalar` or show it as nothing: general category Cc (control), Cf
    /// (format), Zl (line separator) or Zp (paragraph separator).
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
