// ExportPath.swift: run names and tags as single, safe path components of an export directory.

import TensorBoardEvents

/// Turns a run name or tag into one path component that stays inside the export directory, and a sample into
/// its file's path under that directory: `<run>/<tag>/<step>.<ext>`, or `<step>-<k>.<ext>` for the `k`-th
/// (from 0) of a sample holding several.
///
/// The mapping is percent-encoding of the name's bytes, as TensorBoard's own URLs spell runs and tags
/// (`train%2Floss`): ASCII letters, digits, space and `-_.+=,;@!~'()[]{}&$#^` are kept, and so is every
/// valid non-ASCII UTF-8 character that is printable; every other byte, `/`, `\`, `%`, `:`, `*`, `?`, `"`, `<`,
/// `>`, `|`, control and invisible formatting characters, and each byte that is not valid UTF-8 becomes `%XX`
/// (uppercase hexadecimal). The names `.` (TensorBoard's name for the log directory's own run) and `..` start
/// with `%2E`, and the empty name is `%` alone. So a component is never empty, `.` or `..`, holds no `/` and no
/// NUL byte, and cannot leave the directory; and it is one-to-one: `%` only ever starts an escape, so two
/// different names never share a component (`/` inside a tag is no directory level: a run `a` with tag `b/c`
/// and a run `a/b` with tag `c` would otherwise meet at the same path).
enum ExportPath {
    /// The ASCII characters kept as they are.
    private static let keptASCII = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.+=,;@!~'()[]{}&$#^".utf8
    )

    /// The component for a run name or tag (as the reader gives it: undecodable bytes as ``LosslessUTF8``
    /// escapes).
    static func component(_ name: String) -> String {
        switch name {
        case "": return "%"
        case ".": return "%2E"
        case "..": return "%2E."
        default: break
        }
        var result = ""
        for scalar in name.unicodeScalars {
            if let byte = LosslessUTF8.escapedByte(scalar) {
                result += escape(byte)
            } else if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                if keptASCII.contains(byte) { result.unicodeScalars.append(scalar) } else { result += escape(byte) }
            } else if isPrintable(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += escape(byte) }
            }
        }
        return result
    }

    /// The path of a sample's file under the export directory.
    /// - Parameters:
    ///   - run: The run name.
    ///   - tag: The tag.
    ///   - step: The step.
    ///   - index: The item's index in its sample, or `nil` when the sample holds one item.
    ///   - fileExtension: The extension, without the dot.
    static func relativePath(run: String, tag: String, step: Int64, index: Int?, fileExtension: String) -> String {
        let name = index.map { "\(step)-\($0)" } ?? "\(step)"
        return component(run) + "/" + component(tag) + "/" + name + "." + fileExtension
    }

    /// `%XX` for a byte.
    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// Whether a non-ASCII scalar shows as itself: not a C1 control, an invisible formatting character, a line
    /// or paragraph separator, a private-use or unassigned code point.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate,
            .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
