// NamePattern.swift: the regular expressions of `--tag` and `--run`, matched in time linear in the name.

/// A regular expression that matches names (tags, run names) anywhere in them, in time proportional to the
/// name's length times the pattern's size whatever both hold: the pattern is compiled to a program that a
/// Pike virtual machine runs over the name's scalars, keeping at most one thread per instruction, so there is
/// no backtracking to blow up (`(a+)+$` on a long run of `a`s costs what `a+$` does).
///
/// The syntax is the one common to most engines (see ``NamePatternParser``); a name matches when the pattern
/// matches any part of it, as `grep` and Swift's `firstMatch(in:)` have it. Matching is by Unicode scalar.
struct NamePattern: Sendable {
    /// The most instructions a pattern may compile to, so that a count such as `(a{1000}){1000}` is refused
    /// rather than taking the memory it asks for.
    static let maximumProgramSize = 100_000

    /// One instruction of the compiled program.
    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case any
        case set(Int)
        /// Go on at both targets (the first preferred, which does not matter for whether there is a match).
        case split(Int, Int)
        case jump(Int)
        case start
        case end
        case wordBoundary(Bool)
        case match
    }

    /// The compiled program; a thread that reaches ``Instruction/match`` has matched. Splits list their
    /// preferred target first (greedy repetition prefers one more round, lazy one fewer, alternation its first
    /// branch), the order ``NamePattern/firstMatch(in:from:refusingEmptyAt:)`` needs.
    private(set) var program: [Instruction] = []
    /// The sets that ``Instruction/set(_:)`` instructions name by index.
    private(set) var sets: [NamePatternSet] = []

    /// Compiles `pattern`.
    /// - Throws: ``NamePatternError`` with the position of the first scalar the parser could not use, or when
    ///   the compiled pattern would be larger than ``maximumProgramSize``.
    init(_ pattern: String) throws(NamePatternError) {
        var parser = NamePatternParser(pattern)
        let tree = try parser.parse()
        try emit(tree)
        program.append(.match)
    }

    private mutating func emit(_ node: NamePatternNode) throws(NamePatternError) {
        guard program.count < Self.maximumProgramSize else {
            throw NamePatternError(message: "the pattern is too large", position: 0)
        }
        switch node {
        case .empty: break
        case .scalar(let scalar): program.append(.scalar(scalar))
        case .any: program.append(.any)
        case .set(let set):
            sets.append(set)
            program.append(.set(sets.count - 1))
        case .start: program.append(.start)
        case .end: program.append(.end)
        case .wordBoundary(let expected): program.append(.wordBoundary(expected))
        case .concatenation(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split L2, ...
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                let isLast = index == branches.count - 1
                let split = program.count
                if !isLast { program.append(.jump(0)) }
                try emit(branch)
                if !isLast {
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let minimum, let maximum, let isLazy):
            for _ in 0..<minimum { try emit(inner) }
            // A split into one more copy or past it, preferring one more unless the quantifier is lazy.
            func split(into copy: Int, past end: Int) -> Instruction {
                isLazy ? .split(end, copy) : .split(copy, end)
            }
            if let maximum {
                // Each optional copy: split into it or past every remaining copy.
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    program.append(.jump(0))
                    try emit(inner)
                }
                for index in splits { program[index] = split(into: index + 1, past: program.count) }
            } else {
                let loop = program.count
                program.append(.jump(0))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = split(into: loop + 1, past: program.count)
            }
        }
    }

    /// Whether the pattern matches some part of `name`.
    func matches(_ name: String) -> Bool {
        let text = Array(name.unicodeScalars)
        var current: [Int] = []
        var following: [Int] = []
        // The position each instruction was last added at: a thread per instruction and position, at most.
        var addedAt = [Int](repeating: -1, count: program.count)
        var stack: [Int] = []
        for position in 0...text.count {
            // A new attempt starts at every position: the pattern may match anywhere in the name.
            if add(0, at: position, text: text, to: &current, addedAt: &addedAt, stack: &stack) { return true }
            guard position < text.count else { break }
            let scalar = text[position]
            following.removeAll(keepingCapacity: true)
            for pc in current where consumes(program[pc], scalar) {
                if add(pc + 1, at: position + 1, text: text, to: &following, addedAt: &addedAt, stack: &stack) {
                    return true
                }
            }
            swap(&current, &following)
        }
        return false
    }

    /// Whether `instruction` consumes `scalar`.
    func consumes(_ instruction: Instruction, _ scalar: Unicode.Scalar) -> Bool {
        switch instruction {
        case .scalar(let expected): return scalar == expected
        case .any: return scalar != "\n"
        case .set(let index): return sets[index].contains(scalar)
        default: return false
        }
    }

    /// Adds the thread at `pc` to `list` for the scalar at `position`, following jumps, splits and assertions;
    /// returns whether it reaches the match.
    private func add(
        _ pc: Int,
        at position: Int,
        text: [Unicode.Scalar],
        to list: inout [Int],
        addedAt: inout [Int],
        stack: inout [Int]
    ) -> Bool {
        stack.append(pc)
        defer { stack.removeAll(keepingCapacity: true) }
        while let pc = stack.popLast() {
            guard addedAt[pc] != position else { continue }
            addedAt[pc] = position
            switch program[pc] {
            case .match: return true
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
            case .scalar, .any, .set: list.append(pc)
            }
        }
        return false
    }
}
