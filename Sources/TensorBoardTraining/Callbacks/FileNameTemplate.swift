// FileNameTemplate.swift: checkpoint file names such as "model-{epoch:02d}-{val_loss:.4f}.json".

import Foundation

/// A file-name template with Python-style fields, as Keras's `ModelCheckpoint` formats its `filepath` with
/// `str.format`: `{epoch}` is the epoch counted from 1 (a Python int), and `{name}` any logs key (a Python float).
/// `{{` and `}}` are literal braces.
///
/// A field may carry a format spec of Python's mini-language, `[[fill]align][sign][z][#][0][width][grouping]
/// [.precision][type]`, formatted as Python 3 formats it, character for character: `{epoch:02d}` (`07`),
/// `{val_loss:.4f}` (`0.1235`), `{loss:.3e}` (`1.235e-01`), `{acc:.2%}` (`93.75%`), `{acc:g}` or `{acc:.3}`
/// (significant digits), no spec (`str`: the shortest text that reads back, `0.1`), with fill and alignment
/// (`<`, `>`, `^`, `=`), sign (`+`, `-`, space), `,` or `_` grouping, `#` and `z`. As in Python, `d` formats
/// only `{epoch}`: a logs value is a float, and `{val_loss:d}` is an error (Keras raises too), as is a
/// precision for an int; the float codes format `{epoch}` as a float (`{epoch:.1f}` is `7.0`). Not supported:
/// `n` (locale-dependent) and the integer codes `b`, `c`, `o`, `x`, `X`; widths and precisions above 1000.
public struct FileNameTemplate: Sendable, Equatable {
    /// Why a template cannot be filled in.
    public enum Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// A field names a key the logs do not have.
        case missingKey(String, template: String)
        /// A brace is not closed, a `}` stands alone, or a field's name is not a plain key.
        case malformed(String)
        /// A field's format spec is refused (as Python would refuse it, or not supported here).
        case invalidFormatSpec(String, key: String, reason: String, template: String)

        /// What is wrong, without the template received.
        public var problem: String {
            switch self {
            case .missingKey(let key, _): return "it names '\(key)', which is not in the logs"
            case .malformed: return "it is malformed (a brace left open, a single '}', or a field that is not a key)"
            case .invalidFormatSpec(let spec, let key, let reason, _):
                return "the format spec '\(spec)' of '{\(key)}' cannot be used: \(reason)"
            }
        }

        /// What is wrong, and what was received.
        public var description: String {
            switch self {
            case .missingKey(let key, let template):
                return "the file name template names '\(key)', which is not in the logs. Received: template=\(template)"
            case .malformed(let template):
                return "the file name template is malformed. Received: template=\(template)"
            case .invalidFormatSpec(let spec, let key, let reason, let template):
                return
                    "the format spec '\(spec)' of '{\(key)}' cannot be used: \(reason). Received: template=\(template)"
            }
        }
    }

    /// One piece of a parsed template: literal text, or a field with its key and format spec.
    enum Segment: Sendable, Equatable {
        case literal(String)
        case field(key: String, spec: String)
    }

    /// The template text.
    public let text: String
    /// The template, parsed.
    let segments: [Segment]

    /// The logs keys the template names (every field but `{epoch}`), in order of appearance.
    public var metricKeys: [String] {
        segments.compactMap { segment in
            guard case .field(let key, _) = segment, key != "epoch" else { return nil }
            return key
        }
    }

    /// Creates a template, checking all that can be checked before any logs exist: the braces, the field names,
    /// and each format spec against the type its field will have (`{epoch}` an int, any other key a float).
    /// Whether the logs hold each key is known only when a file name is made.
    /// - Parameter text: The template, such as `"model-{epoch:02d}-{val_loss:.4f}.json"`.
    /// - Throws: ``Error/malformed(_:)`` for a brace left open or a single `}`, or a field name Python's
    ///   `str.format` would not read as a keyword (empty, or holding `.`, `[`, `!` or `{`);
    ///   ``Error/invalidFormatSpec(_:key:reason:template:)`` for a spec Python would refuse (or one not
    ///   supported here).
    public init(_ text: String) throws(Error) {
        self.text = text
        self.segments = try Self.parse(text)
        var sample: TrainingLogs = [:]
        for key in metricKeys { sample[key] = 0.5 }
        _ = try fileName(epoch: 0, logs: sample)
    }

    /// The name for an epoch (counted from 0; `{epoch}` shows it from 1) and its logs.
    /// - Parameters:
    ///   - epoch: The epoch, from 0.
    ///   - logs: The epoch's logs.
    /// - Returns: The template with every field filled in.
    /// - Throws: ``Error/missingKey(_:template:)`` for a key the logs lack.
    public func fileName(epoch: Int, logs: TrainingLogs) throws(Error) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let literal):
                result += literal
            case .field(let key, let spec) where key == "epoch":
                result += try format(integer: epoch == Int.max ? epoch : epoch + 1, spec: spec, key: key)
            case .field(let key, let spec):
                guard let value = logs[key] else { throw .missingKey(key, template: text) }
                result += try format(value, spec: spec, key: key)
            }
        }
        return result
    }

    /// Splits `text` into literals (with `{{` and `}}` read as braces) and fields.
    private static func parse(_ text: String) throws(Error) -> [Segment] {
        var segments: [Segment] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            let doubled = next < text.endIndex && text[next] == character
            if (character == "{" || character == "}") && doubled {
                literal.append(character)
                index = text.index(after: next)
                continue
            }
            if character == "}" { throw .malformed(text) }
            guard character == "{" else {
                literal.append(character)
                index = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else { throw .malformed(text) }
            let field = text[next..<close]
            let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts.first.map(String.init) ?? ""
            guard !key.isEmpty, !key.contains(where: { ".[!{".contains($0) }) else { throw .malformed(text) }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(.field(key: key, spec: parts.count > 1 ? String(parts[1]) : ""))
            index = text.index(after: close)
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return segments
    }

    private func format(integer value: Int, spec: String, key: String) throws(Error) -> String {
        do {
            return try PythonFormatSpec(spec).format(value)
        } catch {
            throw .invalidFormatSpec(spec, key: key, reason: error.reason, template: text)
        }
    }

    private func format(_ value: Double, spec: String, key: String) throws(Error) -> String {
        do {
            return try PythonFormatSpec(spec).format(value)
        } catch {
            throw .invalidFormatSpec(spec, key: key, reason: error.reason, template: text)
        }
    }
}
