import Testing

@testable import EventDumpKit

/// `--tag` and `--run` patterns: the same answers as Swift's regular expressions on the syntax both take, in
/// time linear in the name whatever the pattern.
@Suite struct NamePatternTests {
    static let names = [
        "", "loss", "epoch_loss", "val/epoch_accuracy", "train/loss_2", "LOSS", "a.b", "a+b", "x{2}", "aaa", "ab",
        "abab", "tab\there", "line\nbreak", "é", "日本語/損失", "[x]", "-", "a-z", "42", "_under", "a b c", "\\",
    ]

    static let patterns = [
        "loss", "^loss$", "^epoch_", "accuracy$", "loss|acc", "epoch_(loss|accuracy)", "(?:val|train)/", "a.b",
        "a\\.b", "a\\+b", "x\\{2\\}", "x{2}", "a{2}", "a{2,}", "a{1,2}b", "^a{3}$", "(ab)+", "^(ab)*$", "[abc]",
        "[^a-z]", "[a-z]+_[0-9]", "\\d+", "\\D", "^\\w+$", "\\W", "\\s", "\\S+", "\\bloss", "loss\\b", "\\Bo",
        "[\\d_]", "[\\w/]+", "[-a]", "[a-]", "a?b", "colou?r", ".*", "^$", "^", "$", "\\t", "\\n", "\\\\",
        "日本", "[日損]", "\\x41|\\u{E9}", "(a|b)*c", "((a))", "a+?", "a*+", "(?<name>loss)", "{", "a{,2}",
        "é", ".", "^.$", "^..$",
    ]

    @Test(arguments: patterns)
    func agreesWithSwiftRegularExpressions(pattern: String) throws {
        let ours = try NamePattern(pattern)
        let swift = try Regex(pattern).matchingSemantics(.unicodeScalar)
        for name in Self.names {
            let expected = (try swift.firstMatch(in: name)) != nil
            #expect(ours.matches(name) == expected, "pattern \(pattern) on \(name.debugDescription)")
        }
    }

    static let refused: [(pattern: String, message: String)] = [
        ("(a)\\1", "backreferences are not supported"), ("(?=a)", "lookaround and inline options are not supported"),
        ("(?i)loss", "lookaround and inline options are not supported"), ("(a", "missing ')'"), ("a)", "unmatched ')'"),
        ("[a", "missing ']'"), ("*a", "nothing to repeat"), ("a**", "nothing to repeat"),
        ("a{3,2}", "a count's maximum is below its minimum"),
        ("a{1001}", "a count above 1000"), ("[z-a]", "invalid range in a set"), ("\\q", "unknown escape '\\q'"),
        ("[[:alpha:]]", "POSIX classes such as [:alpha:] are not supported"), ("a\\", "a pattern cannot end with '\\'"),
        ("(a{1000}){1000}", "the pattern is too large"),
        (String(repeating: "(", count: 101) + String(repeating: ")", count: 101), "groups nested more than 100 deep"),
    ]

    @Test(arguments: refused)
    func refusesWhatItCannotMatchInLinearTime(pattern: String, message: String) {
        #expect(throws: NamePatternError.self) { try NamePattern(pattern) }
        do {
            _ = try NamePattern(pattern)
        } catch {
            #expect(error.message == message)
        }
    }

    /// Patterns that make a backtracking matcher take time exponential in the name: each is run on a name of
    /// 20,000 scalars, which a backtracking engine could not finish, and the program visits each instruction at
    /// most once per scalar.
    @Test(arguments: [
        ("(a+)+$", "aaaa"), ("^(a|a)*$", "aaaa"), ("(a*)*b", "aaab"), ("^(a|aa)+$c", nil),
        ("(.*a){20}x", "a" + String(repeating: "ba", count: 20) + "x"),
        ("(a?){30}a{30}b", String(repeating: "a", count: 30) + "b"),
    ])
    func catastrophicPatternsTakeLinearTime(pattern: String, matching: String?) throws {
        let compiled = try NamePattern(pattern)
        #expect(!compiled.matches(String(repeating: "a", count: 20_000) + "!"))
        if let matching { #expect(compiled.matches(matching)) }
    }

    @Test func aBadPatternIsAUsageErrorNamingTheOptionAndThePlace() {
        let result = eventdump("scalars", "/nonexistent", "--tag", "loss(")
        #expect(result.status == 2)
        #expect(
            result.errors.contains(
                "--tag: 'loss(' is not a regular expression this tool takes: missing ')' (at character 6)"
            )
        )
    }
}
