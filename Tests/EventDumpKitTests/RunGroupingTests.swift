import Testing

@testable import EventDumpKit

/// `--group-by`: which group a run name goes to, and where a pattern matches (leftmost first, as Python's
/// `re.finditer` and Swift's regular expressions find matches).
@Suite struct RunGroupingTests {
    static let cases: [(pattern: String, name: String, group: String)] = [
        ("seed-\\d+", "sweep/lr-0.05_seed-1/train", "sweep/lr-0.05/train"),
        ("seed-\\d+", "sweep/lr-0.05_seed-22/train", "sweep/lr-0.05/train"),
        ("seed-\\d+", "seed-3_lr-0.1", "lr-0.1"),  // separators trimmed at the start of a component
        ("seed-\\d+", "lr-0.1_seed-3", "lr-0.1"),  // and at its end
        ("seed-\\d+", "lr-0.1_seed-3_wd-1e-4", "lr-0.1_wd-1e-4"),  // doubled separators collapsed to the first
        ("seed-\\d+", "lr-0.1-seed-3_wd", "lr-0.1-wd"),
        ("seed-\\d+", "a.seed-1.b", "a.b"),
        ("seed-\\d+", "a__seed-1--b", "a_b"),  // every separator that meets there becomes one
        ("seed-\\d+", "exp/seed-4/train", "exp/train"),  // the regex matches a whole component: it goes
        ("seed-\\d+", "seed-4/train", "train"),
        ("seed-\\d+", "exp/seed-4", "exp"),
        ("seed-\\d+", "seed-4", "."),  // nothing left: the log directory's own name
        ("seed-\\d+", "exp__x/train", "exp__x/train"),  // no match: the name unchanged, doubled separator too
        ("seed-\\d+", "_odd-/train", "_odd-/train"),
        ("nothing", "sweep/lr-0.05_seed-1/train", "sweep/lr-0.05_seed-1/train"),
        ("\\d", "run_1_2_3", "run"),  // adjacent matches: the separators between them collapse too
        ("\\d", "a1-2b", "a-b"),
        ("_s\\d", "x_s1_s2_y", "x_y"),
        ("s\\d", "x_s1/s2_y", "x/y"),
        ("-?seed\\d+", "lr-0.1-seed7-wd", "lr-0.1-wd"),
        ("(seed|trial)-\\d+", "seed-1_trial-2_lr", "lr"),
        ("[0-9]+$", "run-12", "run"),  // an anchored pattern
        ("^seed\\d_", "seed1_a/seed2_b", "a/seed2_b"),
        ("x*", "axb", "ab"),  // empty matches remove nothing
        ("seed", "日本語_seed_損失", "日本語_損失"),
        (".*", "anything/at/all", "."),
        ("/seed-\\d+", "exp/seed-1/train", "exp/train"),
        ("\\.seed\\d", "run.seed1", "run"),
    ]

    @Test(arguments: cases)
    func groupsARunByRemovingEveryMatch(pattern: String, name: String, group: String) throws {
        let grouping = RunGrouping(pattern: try NamePattern(pattern))
        #expect(grouping.group(of: name) == group, "\(pattern) on \(name)")
    }

    static let patterns = [
        "seed-\\d+", "\\d", "\\d+", "a|ab", "ab|a", "a+?", "a*?b", "(a|b)+", "x*", "a?", "[a-c]{2}", "\\bseed\\b",
        "a{2,3}?", "(?:ab)+", "^a", "b$", ".", "é|日", "\\w+", "(a|ab)(c|bcd)",
    ]
    static let names = ["", "seed-12_seed-3", "aaa", "abab", "aabcd", "xaxbx", "abcbcd", "日本é語", "a b c", "b"]

    @Test(arguments: patterns)
    func findsTheMatchesSwiftRegularExpressionsFind(pattern: String) throws {
        let ours = try NamePattern(pattern)
        let swift = try Regex(pattern).matchingSemantics(.unicodeScalar)
        for name in Self.names {
            let scalars = Array(name.unicodeScalars)
            let found = ours.matchRanges(in: scalars).filter { !$0.isEmpty }.map {
                String(String.UnicodeScalarView(scalars[$0]))
            }
            let expected = name.matches(of: swift).map { String(name[$0.range]) }.filter { !$0.isEmpty }
            #expect(found == expected, "\(pattern) on \(name.debugDescription)")
        }
    }

    @Test func afterAnEmptyMatchANonEmptyOneMayStartThereAsInPython() throws {
        // re.finditer('x*', 'axb') gives '', 'x', '', '' (Python 3.7 and later).
        let text = Array("axb".unicodeScalars)
        #expect(try NamePattern("x*").matchRanges(in: text) == [0..<0, 1..<2, 2..<2, 3..<3])
        // re.finditer('|x', 'x') gives '', 'x', '': an empty match at 0 does not stop the 'x' starting there.
        #expect(try NamePattern("|x").matchRanges(in: Array("x".unicodeScalars)) == [0..<0, 0..<1, 1..<1])
    }
}
