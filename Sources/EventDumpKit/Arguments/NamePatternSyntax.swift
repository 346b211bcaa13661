// NamePatternSyntax.swift: parses the regular expressions of `--tag` and `--run` into a tree.

/// A parsed regular expression: what ``NamePatternParser`` builds and ``NamePattern`` compiles.
indirect enum NamePatternNode: Equatable {
    case empty
    case scalar(Unicode.Scalar)
    /// Any scalar but a line feed.
    case any
    case set(NamePatternSet)
    case concatenation([NamePatternNode])
    case alternation([NamePatternNode])
    /// `node` at least `minimum` times and at most `maximum` (no bound when `nil`), as many as can be unless
    /// `isLazy` (`*?`, `+?`...): laziness changes no answer of whether a name matches, only which part of it
    /// a match covers (what `--group-by` removes).
    case repetition(NamePatternNode, minimum: Int, maximum: Int?, isLazy: Bool = false)
    case start
    case end
    /// `\b` (`true`) or `\B` (`false`).
    case wordBoundary(Bool)
}

/// A set of scalars: ranges and classes, possibly negated (`[^...]`, `\D`).
struct NamePatternSet: Equatable, Sendable {
    /// A class of scalars as the regular expression escapes name them.
    enum Class: Equatable, Sendable {
        case digit
        case word
        case space
    }

    var ranges: [ClosedRange<UInt32>] = []
    var classes: [(Class, negated: Bool)] = []
    var negated = false

    static func == (lhs: NamePatternSet, rhs: NamePatternSet) -> Bool {
        lhs.ranges == rhs.ranges && lhs.negated == rhs.negated
            && lhs.classes.map(\.0) == rhs.classes.map(\.0) && lhs.classes.map(\.negated) == rhs.classes.map(\.negated)
    }

    /// Whether `scalar` is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let inside =
            ranges.contains { $0.contains(scalar.value) }
            || classes.contains { entry in Self.isMember(scalar, of: entry.0) != entry.negated }
        return inside != negated
    }

    /// Whether `scalar` belongs to `kind`, as Swift's regular expressions define `\d`, `\w` and `\s`.
    static func isMember(_ scalar: Unicode.Scalar, of kind: Class) -> Bool {
        switch kind {
        case .digit: return scalar.properties.numericType == .decimal
        case .word: return scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        case .space: return scalar.properties.isWhitespace
        }
    }
}

/// Why a pattern cannot be used, and where (the index of the scalar at fault).
struct NamePatternError: Error, Equatable {
    var message: String
    var position: Int
}

/// A recursive-descent parser of the syntax most regular expression engines share: literals, `.`, `[...]`
/// classes, `\d \w \s` and their negations, escapes, `^ $ \b \B`, groups `(...)` and `(?:...)`, alternation, and
/// the quantifiers `* + ? {n} {n,} {n,m}` (a lazy suffix is kept, for which part of a name a match covers; a
/// possessive one is accepted and read as greedy). Backreferences and lookaround are refused: no linear-time matcher can run them.
struct NamePatternParser {
    /// The largest count a `{n,m}` quantifier may give, so that a compiled pattern stays small.
    static let maximumCount = 1000
    /// The deepest nesting of groups accepted, so that parsing and compiling (both recursive) stay within the
    /// stack whatever the pattern.
    static let maximumDepth = 100

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0

    init(_ pattern: String) { scalars = Array(pattern.unicodeScalars) }

    /// The tree of the whole pattern.
    mutating func parse() throws(NamePatternError) -> NamePatternNode {
        let node = try parseAlternation()
        if position < scalars.count { throw error("unmatched ')'") }
        return node
    }

    private func error(_ message: String) -> NamePatternError { NamePatternError(message: message, position: position) }

    private var next: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar else { return false }
        position += 1
        return true
    }

    private mutating func parseAlternation() throws(NamePatternError) -> NamePatternNode {
        var branches = [try parseConcatenation()]
        while take("|") { branches.append(try parseConcatenation()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation() throws(NamePatternError) -> NamePatternNode {
        var items: [NamePatternNode] = []
        while let scalar = next, scalar != "|", scalar != ")" {
            var atom = try parseAtom()
            // One quantifier per atom: `a**` is refused, as most engines refuse it.
            if let (minimum, maximum, isLazy) = try parseQuantifier() {
                atom = .repetition(atom, minimum: minimum, maximum: maximum, isLazy: isLazy)
            }
            items.append(atom)
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .concatenation(items)
    }

    private mutating func parseQuantifier() throws(NamePatternError) -> (Int, Int?, isLazy: Bool)? {
        let bounds: (Int, Int?)
        switch next {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        case "{":
            guard let counted = try parseCount() else { return nil }
            bounds = counted
        default: return nil
        }
        position += 1  // past the quantifier, or the closing brace of a count
        // Lazy changes which part of a name matches, not whether it does; possessive is taken as greedy.
        let isLazy = take("?")
        if !isLazy { _ = take("+") }
        return (bounds.0, bounds.1, isLazy)
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position, left on its closing brace, or `nil` (a literal `{`).
    private mutating func parseCount() throws(NamePatternError) -> (Int, Int?)? {
        let start = position
        position += 1
        var minimum = readNumber()
        let maximum: Int?
        if take(",") {
            minimum = minimum ?? 0  // `{,m}`: up to m times
            maximum = readNumber()
        } else {
            maximum = minimum
        }
        guard let minimum, next == "}" else {
            position = start
            return nil
        }
        if let maximum, maximum < minimum { throw error("a count's maximum is below its minimum") }
        if max(minimum, maximum ?? 0) > Self.maximumCount { throw error("a count above \(Self.maximumCount)") }
        return (minimum, maximum)
    }

    /// The decimal number at the current position (capped just above ``maximumCount``), or `nil`.
    private mutating func readNumber() -> Int? {
        var value: Int?
        while let digit = next, digit.isASCII, let digitValue = Int(String(digit)) {
            value = min((value ?? 0) * 10 + digitValue, Self.maximumCount + 1)
            position += 1
        }
        return value
    }

    private mutating func parseAtom() throws(NamePatternError) -> NamePatternNode {
        guard let scalar = next else { throw error("unexpected end") }
        position += 1
        switch scalar {
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "[": return .set(try parseSet())
        case "(":
            if take("?") {
                if take(":") {
                } else if take("<"), next != "=", next != "!" {
                    while next != nil, next != ">" { position += 1 }
                    guard take(">") else { throw error("unterminated group name") }
                } else {
                    throw error("lookaround and inline options are not supported")
                }
            }
            depth += 1
            guard depth <= Self.maximumDepth else { throw error("groups nested more than \(Self.maximumDepth) deep") }
            let inner = try parseAlternation()
            depth -= 1
            guard take(")") else { throw error("missing ')'") }
            return inner
        case "*", "+", "?": throw error("nothing to repeat")
        case "\\": return try parseEscape(inSet: false)
        default: return .scalar(scalar)
        }
    }

    /// An escape after its backslash: a class, an assertion or a literal.
    private mutating func parseEscape(inSet: Bool) throws(NamePatternError) -> NamePatternNode {
        guard let scalar = next else { throw error("a pattern cannot end with '\\'") }
        position += 1
        var set = NamePatternSet()
        switch scalar {
        case "d", "D": set.classes = [(.digit, scalar == "D")]
        case "w", "W": set.classes = [(.word, scalar == "W")]
        case "s", "S": set.classes = [(.space, scalar == "S")]
        case "b" where !inSet: return .wordBoundary(true)
        case "B" where !inSet: return .wordBoundary(false)
        case "A" where !inSet: return .start
        case "z" where !inSet, "Z" where !inSet: return .end
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "e": return .scalar("\u{1B}")
        case "0": return .scalar("\0")
        case "x", "u": return .scalar(try parseCodePoint())
        case "1"..."9": throw error("backreferences are not supported")
        default:
            guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else {
                throw error("unknown escape '\\\(scalar)'")
            }
            return .scalar(scalar)
        }
        return .set(set)
    }

    /// The scalar of `\xHH`, `\x{H...}`, `\uHHHH` or `\u{H...}`, after the `x` or `u`.
    private mutating func parseCodePoint() throws(NamePatternError) -> Unicode.Scalar {
        let braced = take("{")
        var digits = ""
        let fixedLength = scalars[position - (braced ? 2 : 1)] == "x" ? 2 : 4
        while let digit = next, digit.properties.isASCIIHexDigit, braced ? digits.count < 8 : digits.count < fixedLength
        {
            digits.unicodeScalars.append(digit)
            position += 1
        }
        guard !digits.isEmpty, !braced || take("}"), let value = UInt32(digits, radix: 16),
            let scalar = Unicode.Scalar(value)
        else { throw error("invalid code point escape") }
        return scalar
    }

    /// A bracketed set after its `[`, up to and past its `]`.
    private mutating func parseSet() throws(NamePatternError) -> NamePatternSet {
        var set = NamePatternSet()
        set.negated = take("^")
        var first = true
        while true {
            guard let scalar = next else { throw error("missing ']'") }
            if scalar == "]" && !first { break }
            first = false
            if scalar == "[" && position + 1 < scalars.count && scalars[position + 1] == ":" {
                throw error("POSIX classes such as [:alpha:] are not supported")
            }
            let low = try parseSetMember()
            guard case .scalar(let lowScalar) = low else {
                if case .set(let inner) = low { set.classes += inner.classes }
                continue
            }
            if next == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard case .scalar(let highScalar) = try parseSetMember(), lowScalar.value <= highScalar.value else {
                    throw error("invalid range in a set")
                }
                set.ranges.append(lowScalar.value...highScalar.value)
            } else {
                set.ranges.append(lowScalar.value...lowScalar.value)
            }
        }
        position += 1
        return set
    }

    /// One member of a set: a scalar, an escaped scalar, or a class escape (`\d`...).
    private mutating func parseSetMember() throws(NamePatternError) -> NamePatternNode {
        guard let scalar = next else { throw error("missing ']'") }
        position += 1
        return scalar == "\\" ? try parseEscape(inSet: true) : .scalar(scalar)
    }
}
