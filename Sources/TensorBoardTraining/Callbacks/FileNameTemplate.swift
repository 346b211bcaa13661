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
        /// A brace is not closed.
        case malformed(String)
        /// A field's format spec is refused (as Python would refuse it, or not supported here).
        case invalidFormatSpec(String, key: String, reason: String, template: String)

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

    /// The template text.
    public let text: String

    /// Creates a template.
    /// - Parameter text: The template, such as `"model-{epoch:02d}-{val_loss:.4f}.json"`.
    public init(_ text: String) {
        self.text = text
    }

    /// The name for an epoch (counted from 0; `{epoch}` shows it from 1) and its logs.
    /// - Parameters:
    ///   - epoch: The epoch, from 0.
    ///   - logs: The epoch's logs.
    /// - Returns: The template with every field filled in.
    /// - Throws: ``Error/missingKey(_:template:)`` for a key the logs lack, ``Error/malformed(_:)`` for a brace
    ///   left open, ``Error/invalidFormatSpec(_:key:reason:template:)`` for a spec Python would refuse (or one
    ///   not supported here).
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
            let key = parts.first.map(String.init) ?? ""
            let spec = parts.count > 1 ? String(parts[1]) : ""
            if key == "epoch" {
                result += try format(integer: epoch == Int.max ? epoch : epoch + 1, spec: spec, key: key)
            } else if let value = logs[key] {
                result += try format(value, spec: spec, key: key)
            } else {
                throw .missingKey(key, template: text)
            }
            index = text.index(after: close)
        }
        return result
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
