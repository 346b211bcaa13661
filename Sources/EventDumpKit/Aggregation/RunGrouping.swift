// RunGrouping.swift: which group `--group-by` puts a run in (its name without the seed).

/// The group of a run under `--group-by REGEX`: the run's name with every match of the pattern removed, so
/// that runs differing only in what the pattern matches (a seed) share a group: with `seed-\d+`,
/// `sweep/lr-0.05_seed-1/train` and `sweep/lr-0.05_seed-2/train` are both `sweep/lr-0.05/train`.
///
/// Where a match was removed, the separators (`-`, `_`, `.`) that meet there become one (the first of them),
/// and none is left at the start or end of a path component; a component left empty goes with its `/`, and a
/// name left empty is `.` (the log directory itself, as TensorBoard names it). Text away from a removed match
/// is never changed, so a name the pattern does not match is its own group, separators and all. Matches are
/// found as Python's `re.finditer` finds them (see ``NamePattern/matchRanges(in:)``); empty ones remove
/// nothing.
struct RunGrouping: Sendable {
    /// The pattern whose matches are removed.
    let pattern: NamePattern

    /// The scalars that separate the words of a run name.
    static let separators: Set<Unicode.Scalar> = ["-", "_", "."]

    /// The group of the run named `runName`.
    func group(of runName: String) -> String {
        let text = Array(runName.unicodeScalars)
        let matches = pattern.matchRanges(in: text).filter { !$0.isEmpty }
        guard !matches.isEmpty else { return runName }
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var position = 0
        for match in matches {
            pieces.append(text[position..<match.lowerBound])
            position = match.upperBound
        }
        pieces.append(text[position...])
        var result = Array(pieces[0])
        for (index, piece) in pieces.enumerated().dropFirst() {
            result = Self.join(result, piece, isLast: index == pieces.count - 1)
        }
        return result.isEmpty ? "." : String(String.UnicodeScalarView(result))
    }

    /// `left` and `right` joined where a match was removed between them. A `right` of nothing but separators,
    /// between two matches, is kept whole: the next join sees its separators and the ones after it together.
    private static func join(
        _ left: [Unicode.Scalar],
        _ right: ArraySlice<Unicode.Scalar>,
        isLast: Bool
    ) -> [Unicode.Scalar] {
        var left = left[...]
        var right = right
        var leftSeparators: [Unicode.Scalar] = []
        while let last = left.last, separators.contains(last) {
            leftSeparators.insert(last, at: 0)
            left.removeLast()
        }
        let rightSeparators = right.prefix { separators.contains($0) }
        right.removeFirst(rightSeparators.count)
        if right.isEmpty && !isLast { return Array(left) + leftSeparators + rightSeparators }
        let startsComponent = left.isEmpty || left.last == "/"
        let endsComponent = right.isEmpty || right.first == "/"
        switch (startsComponent, endsComponent) {
        case (true, true):
            // An empty component: one of the slashes around it goes (the leading one of the name, if any).
            return left.isEmpty ? Array(right.dropFirst()) : Array(left.dropLast()) + right
        case (true, false), (false, true):
            return Array(left + right)
        case (false, false):
            let kept = leftSeparators.first ?? rightSeparators.first
            return Array(left) + (kept.map { [$0] } ?? []) + right
        }
    }
}
