// PythonFormatSpec.swift: Python's format-spec mini-language, parsed (the numeric part Keras users write).

/// A parsed Python format spec, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, as
/// `format(value, spec)` reads it (Python 3.11). Width and precision above ``limit`` are refused.
struct PythonFormatSpec: Equatable {
    /// Why a spec is refused; the text says what Python would say, or why we do not follow it.
    struct Refusal: Error, Equatable {
        var reason: String
    }

    /// The largest width or precision accepted (Python's own limit is far above any file name).
    static let limit = 1000

    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var coercesNegativeZero = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Parses `text`.
    /// - Throws: ``Refusal`` for a spec Python rejects, or one wider or more precise than ``limit``.
    init(_ text: String) throws(Refusal) {
        var rest = Substring(text)
        let aligns: Set<Character> = ["<", ">", "=", "^"]
        var fillGiven = false
        if rest.count >= 2, let second = rest.dropFirst().first, aligns.contains(second), let first = rest.first {
            fill = first
            align = second
            fillGiven = true
            rest = rest.dropFirst(2)
        } else if let first = rest.first, aligns.contains(first) {
            align = first
            rest = rest.dropFirst()
        }
        if let first = rest.first, "+- ".contains(first) {
            sign = first
            rest = rest.dropFirst()
        }
        if rest.first == "z" {
            coercesNegativeZero = true
            rest = rest.dropFirst()
        }
        if rest.first == "#" {
            alternate = true
            rest = rest.dropFirst()
        }
        if !fillGiven, rest.first == "0" {
            // Python's zero padding: fill 0, and sign-aware unless an alignment was given.
            fill = "0"
            if align == nil { align = "=" }
            rest = rest.dropFirst()
        }
        width = try Self.number(&rest) ?? 0
        if let first = rest.first, first == "," || first == "_" {
            grouping = first
            rest = rest.dropFirst()
            if let second = rest.first, second == "," || second == "_" {
                throw Refusal(reason: "Cannot specify both ',' and '_'.")
            }
        }
        if rest.first == "." {
            rest = rest.dropFirst()
            guard let digits = try Self.number(&rest) else {
                throw Refusal(reason: "Format specifier missing precision")
            }
            precision = digits
        }
        guard rest.count <= 1 else { throw Refusal(reason: "Invalid format specifier '\(text)'") }
        type = rest.first
    }

    /// Reads leading digits; `nil` when there are none.
    private static func number(_ text: inout Substring) throws(Refusal) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        text = text.dropFirst(digits.count)
        guard digits.count <= 4, let value = Int(digits), value <= limit else {
            throw Refusal(reason: "a width or precision above \(limit) is not accepted in a file name")
        }
        return value
    }
}
