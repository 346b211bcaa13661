// ProjectorFiles.swift: the names and texts of the files TensorBoard's projector reads, laid out as tensorboardX.

/// The files of one embedding for TensorBoard's projector plugin, named and written as tensorboardX's
/// `add_embedding` (PyTorch's) writes them, byte for byte where the inputs are the same:
/// `<run>/<step>/<tag>/tensors.tsv`, `metadata.tsv` and `sprite.png`, and an `embeddings { ... }` block appended
/// to `<run>/projector_config.pbtxt`, which the plugin parses as a `ProjectorConfig` in protobuf's text format.
package enum ProjectorFiles {
    /// The config file's name in the run directory (the plugin's `PROJECTOR_FILENAME`).
    package static let configName = "projector_config.pbtxt"

    /// The step as tensorboardX names its directory: Python's `str(step).zfill(5)`, at least five characters,
    /// zeros after a minus sign (`00003`, `-0003`, `123456`).
    package static func stepName(_ step: Int64) -> String {
        let digits = String(step.magnitude)
        let width = step < 0 ? 4 : 5
        return (step < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The tag as a directory name, as tensorboardX's `_encode` makes it: `%`, `/` and `\` as `%25`, `%2f`,
    /// `%5c`, so that a tag with slashes stays one directory.
    package static func directoryName(tag: String) -> String {
        var name = ""
        for character in tag {
            switch character {
            case "%": name += "%25"
            case "/": name += "%2f"
            case "\\": name += "%5c"
            default: name.append(character)
            }
        }
        return name
    }

    /// `tensors.tsv`: a line per vector, its values separated by tabs, each as Python's `str` of the value as a
    /// double writes it (tensorboardX's `str(x.item())`): a `Float` as its exact double (`0.10000000149011612`),
    /// a `Double` as its shortest digits. The plugin reads each with Python's `float` and keeps it as float32,
    /// so either reads back as the float32 nearest the value.
    package static func tensorsText<Value: BinaryFloatingPoint>(_ vectors: [[Value]]) -> String {
        var text = ""
        for vector in vectors {
            text += vector.map { pythonRepr(Double($0)) }.joined(separator: "\t") + "\n"
        }
        return text
    }

    /// `metadata.tsv`: with no header, a label per line; with one, the header and then each row, cells
    /// separated by tabs (tensorboardX's `make_tsv`). The projector takes a first line holding a tab for the
    /// header, and skips blank lines.
    package static func metadataText(header: [String]?, rows: [[String]]) -> String {
        var lines = header.map { [$0.joined(separator: "\t")] } ?? []
        lines += rows.map { $0.joined(separator: "\t") }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The `embeddings { ... }` block of `projector_config.pbtxt`, as tensorboardX's `append_pbtxt` writes it:
    /// `tensor_name` `"<tag>:<step>"`, the paths relative to the run directory, and `sprite` with the image's
    /// width and height (in that order) when there is one.
    /// - Parameters:
    ///   - tag: The embedding's name.
    ///   - step: The step.
    ///   - hasMetadata: Whether `metadata.tsv` was written.
    ///   - spriteSize: The width and height of each image in the sprite, or `nil` for no sprite.
    package static func configBlock(tag: String, step: Int64, hasMetadata: Bool, spriteSize: (Int, Int)?) -> String {
        let directory = stepName(step) + "/" + directoryName(tag: tag) + "/"
        var text = "embeddings {\n"
        text += "tensor_name: \(quoted(tag + ":" + stepName(step)))\n"
        text += "tensor_path: \(quoted(directory + "tensors.tsv"))\n"
        if hasMetadata { text += "metadata_path: \(quoted(directory + "metadata.tsv"))\n" }
        if let (width, height) = spriteSize {
            text += "sprite {\nimage_path: \(quoted(directory + "sprite.png"))\n"
            text += "single_image_dim: \(width)\nsingle_image_dim: \(height)\n}\n"
        }
        return text + "}\n"
    }

    /// `text` as a protobuf text-format string literal: in double quotes, with `"`, `\`, and every byte outside
    /// printable ASCII escaped as protobuf's `CEscape` escapes them (`\n`, `\t`, `\r`, `\"`, `\\`, else three
    /// octal digits), so the literal is ASCII, whatever the reader's file encoding, and parses back to the same
    /// UTF-8 bytes.
    package static func quoted(_ text: String) -> String {
        var literal = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): literal += "\\n"
            case UInt8(ascii: "\r"): literal += "\\r"
            case UInt8(ascii: "\t"): literal += "\\t"
            case UInt8(ascii: "\""): literal += "\\\""
            case UInt8(ascii: "\\"): literal += "\\\\"
            case 0x20..<0x7F: literal.append(Character(Unicode.Scalar(byte)))
            default:
                let octal = String(byte, radix: 8)
                literal += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return literal + "\""
    }
}
