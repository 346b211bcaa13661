// INIFileTests.swift: the shared files' INI dialect, and where its errors point.

import Testing

@testable import TensorBoardObjectStorage

/// ``INIFile`` on what Python's `RawConfigParser` and botocore's nested blocks do (the common cases are also
/// replayed through boto3 in `S3ConfigurationBoto3Tests`).
struct INIFileTests {
    /// Continued values keep their lines; an empty value continued is a nested block; whole-line comments drop
    /// out even inside one; names are lowercased, values trimmed; `#` after a value is part of it; section names
    /// are kept exactly; every line ending is accepted. (Python 3.11's `RawConfigParser` reads this text into
    /// the same sections and values.)
    @Test func parsesTheDialect() throws {
        let text =
            "[a b]\r\nKey = one\n  two\n\tthree\rs3 =\n  endpoint_url = http://x:1\n  # note\n  b=c=d\n"
            + "[ spaced ]\ninline = v # not a comment\nempty =\n"
        let file = try INIFile(parsing: text, path: "config")
        #expect(Set(file.sections.keys) == ["a b", " spaced "])
        #expect(file.sections["a b"]?.values == ["key": "one\ntwo\nthree"])
        #expect(file.sections["a b"]?.subsections == ["s3": ["endpoint_url": "http://x:1", "b": "c=d"]])
        #expect(file.sections[" spaced "]?.values == ["inline": "v # not a comment", "empty": ""])
    }

    /// Each syntax error, with the line it is on.
    @Test(arguments: [
        ("[default]\nkey value\n", 2, "expected `[section]` or `name = value`"),
        ("key = value\n", 1, "a setting before the first [section]"),
        ("[a]\n[b]\n[a]\n", 3, "section [a] given twice"),
        ("[a]\nx = 1\n\n# c\nX = 2\n", 5, "'x' given twice in [a]"),
        ("[a]\n = 1\n", 2, "a setting without a name"),
        ("[a]\ns3 =\n  ok = 1\n  broken\n", 4, "expected `name = value` in the block under 's3'"),
        ("[a]\r\nx = 1\r\n[]\r\n", 3, "expected `[section]` or `name = value`"),
    ])
    func pointsAtTheBadLine(text: String, line: Int, problem: String) {
        let expected = S3ConfigurationError(.syntax(line: line, problem: problem), source: "/home/u/.aws/config")
        #expect(throws: expected) { try INIFile(parsing: text, path: "/home/u/.aws/config") }
        #expect(expected.description == "/home/u/.aws/config:\(line): \(problem)")
    }

    /// A malformed credentials line is reported by number only: its text may hold a secret.
    @Test func neverQuotesTheBadLine() throws {
        let text = "[default]\naws_secret_access_key wJalrXUtnFEMI/K7MDENG\n"
        let error = try #require(throws: S3ConfigurationError.self) { try INIFile(parsing: text, path: "credentials") }
        #expect(!error.description.contains("wJalr"))
    }
}
