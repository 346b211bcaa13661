// NamePattern+Matches.swift: where a pattern matches in a name (for `--group-by`), leftmost first.

extension NamePattern {
    /// The parts of `text` the pattern matches, in order and without overlap, as Python's `re.finditer` finds
    /// them: each match is the leftmost one, and of those starting there the one a backtracking engine would
    /// find first (greedy quantifiers take as much as they can, lazy ones as little, alternatives are tried in
    /// order); the search goes on where a match ended, and after an empty match a match may start at the same
    /// place only if it is not empty (so `x*` in `axb` finds `""`, `"x"`, `""`, `""`).
    ///
    /// Each match is found in time proportional to the rest of the text times the program's size (a Pike
    /// machine keeping its threads in priority order, no backtracking), so the whole search costs at most the
    /// square of a name's length times the program: a few milliseconds for any path a file system allows.
    /// - Parameter text: The name, as scalars.
    /// - Returns: The matches, as ranges of scalar offsets; empty ones included.
    func matchRanges(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var position = 0
        var refusesEmpty = false
        while position <= text.count,
            let match = firstMatch(in: text, from: position, refusingEmptyAt: refusesEmpty ? position : nil)
        {
            ranges.append(match)
            position = match.upperBound
            refusesEmpty = match.isEmpty
        }
        return ranges
    }

    /// A thread of the machine: where it is in the program, and where its match started.
    private struct Thread {
        var pc: Int
        var start: Int
    }

    /// The preferred match starting at `from` or later, or `nil`; an empty match at `refusedEmpty` does not
    /// count (the next preferred one does).
    func firstMatch(in text: [Unicode.Scalar], from: Int, refusingEmptyAt refusedEmpty: Int?) -> Range<Int>? {
        var current: [Thread] = []
        var following: [Thread] = []
        var addedAt = [Int](repeating: -1, count: program.count)
        var stack: [Int] = []
        var found: Range<Int>?
        for position in from...text.count {
            // A new attempt at each position until something matched, after (below) every earlier start.
            if found == nil {
                add(Thread(pc: 0, start: position), at: position, text: text, to: &current, addedAt: &addedAt, &stack)
            }
            if current.isEmpty { break }
            following.removeAll(keepingCapacity: true)
            for thread in current {
                if case .match = program[thread.pc] {
                    if refusedEmpty == position && thread.start == position { continue }
                    // The preferred match so far; threads below it in priority can only give worse ones.
                    found = thread.start..<position
                    break
                }
                if position < text.count, consumes(program[thread.pc], text[position]) {
                    let next = Thread(pc: thread.pc + 1, start: thread.start)
                    add(next, at: position + 1, text: text, to: &following, addedAt: &addedAt, &stack)
                }
            }
            swap(&current, &following)
            if position == text.count { break }
        }
        return found
    }

    /// Adds `thread` and the threads its jumps, splits and assertions lead to (in priority order: a split's
    /// first target and all it leads to before its second) to `list`, for the scalar at `position`; each
    /// instruction at most once per position, so the first (preferred) path to it wins.
    private func add(
        _ thread: Thread,
        at position: Int,
        text: [Unicode.Scalar],
        to list: inout [Thread],
        addedAt: inout [Int],
        _ stack: inout [Int]
    ) {
        stack.append(thread.pc)
        defer { stack.removeAll(keepingCapacity: true) }
        while let pc = stack.popLast() {
            guard addedAt[pc] != position else { continue }
            addedAt[pc] = position
            switch program[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .start: if position == 0 { stack.append(pc + 1) }
            case .end: if position == text.count { stack.append(pc + 1) }
            case .wordBoundary(let expected):
                let before = position > 0 && NamePatternSet.isMember(text[position - 1], of: .word)
                let after = position < text.count && NamePatternSet.isMember(text[position], of: .word)
                if (before != after) == expected { stack.append(pc + 1) }
            case .scalar, .any, .set, .match: list.append(Thread(pc: pc, start: thread.start))
            }
        }
    }
}
