// FileNameTemplate.swift: checkpoint file names such as "model-{epoch:02d}-{val_loss:.4f}.json".

import Foundation

/// A file-name template with Python-style fields, as Keras's `ModelCheckpoint` formats its `filepath`:
/// `{epoch}` is the epoch counted from 1, and `{name}` any logs key. A field may carry a format spec:
/// `{epoch:02d}` (integer, zero-padded to width 2), `{val_loss:.4f}` (fixed, 4 decimals), `{loss:.3e}`
/// (exponent), `{acc:g}` or none (shortest). `{{` and `}}` are literal braces.
public struct FileNameTemplate: Sendable, Equatable {
    /// Why a template cannot be filled in.
    public enum Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// A field names a key the logs do not have.
        case missingKey(String, template: String)
        /// A brace is not closed, or a format spec is not understood.
        case malformed(String)

        /// What is wrong, and what was received.
        public var description: String {
            switch self {
            case .missingKey(let key, let template):
                return "the file name template names '\(key)', which is not in the logs. Received: template=\(template)"
            case .malformed(let template):
                return "the file name template is malformed. Received: template=\(template)"
            }
        }
    }

    /// The template text.
    public let text: String

    /// Creates a template.
    public init(_ text: String) {
        self.text = text
    }

    /// The name for an epoch (counted from 0; `{epoch}` shows it from 1) and its logs.
    /// - Throws: ``Error`` for a missing key or a malformed field.
    public func fileName(epoch: Int, logs: TrainingLogs) throws(Error) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{" && next < text.endIndex && text[next] == "{" {
                result.append("{")
                index = text.index(after: next)
                continue
            }
            if character == "}" && next < text.endIndex && text[next] == "}" {
                result.append("}")
                index = text.index(after: next)
                continue
            }
            guard character == "{" else {
                result.append(character)
                index = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else { throw .malformed(text) }
            let field = text[next..<close]
            let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let spec = parts.count > 1 ? String(parts[1]) : ""
            if key == "epoch" {
                result += try Self.format(integer: epoch + 1, spec: spec, template: text)
            } else if let value = logs[key] {
                result += try Self.format(value, spec: spec, template: text)
            } else {
                throw .missingKey(key, template: text)
            }
            index = text.index(after: close)
        }
        return result
    }

    /// `spec` = `[0][width][.precision][d|f|e|g]`.
    private struct Spec {
        var zeroPadded = false
        var width = 0
        var precision: Int?
        var type: Character?

        init?(_ text: String) {
            var rest = Substring(text)
            if rest.first == "0" {
                zeroPadded = true
                rest = rest.dropFirst()
            }
            let widthDigits = rest.prefix { $0.isNumber }
            width = Int(widthDigits) ?? 0
            rest = rest.dropFirst(widthDigits.count)
            if rest.first == "." {
                rest = rest.dropFirst()
                let digits = rest.prefix { $0.isNumber }
                guard let value = Int(digits) else { return nil }
                precision = value
                rest = rest.dropFirst(digits.count)
            }
            if let last = rest.first {
                guard "dfegFEG".contains(last), rest.count == 1 else { return nil }
                type = last
            }
        }

        func padded(_ text: String) -> String {
            guard text.count < width else { return text }
            let padding = String(repeating: zeroPadded ? "0" : " ", count: width - text.count)
            if zeroPadded, text.hasPrefix("-") { return "-" + padding + text.dropFirst() }
            return padding + text
        }
    }

    private static func format(integer: Int, spec text: String, template: String) throws(Error) -> String {
        guard let spec = Spec(text) else { throw .malformed(template) }
        if let type = spec.type, type != "d" { return try format(Double(integer), spec: text, template: template) }
        return spec.padded(String(integer))
    }

    private static func format(_ value: Double, spec text: String, template: String) throws(Error) -> String {
        guard let spec = Spec(text) else { throw .malformed(template) }
        let formatted: String
        switch spec.type {
        // C's printf rounds the exact binary value correctly, as Python's format does.
        case "f"?, "F"?: formatted = String(format: "%.\(spec.precision ?? 6)f", value)
        case "e"?, "E"?: formatted = String(format: "%.\(spec.precision ?? 6)e", value)
        case "d"?: formatted = value.isFinite ? String(Int(value.rounded(.towardZero))) : value.description
        default: formatted = value.description
        }
        return spec.padded(formatted)
    }
}
