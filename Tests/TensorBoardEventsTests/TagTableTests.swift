import Testing

@testable import TensorBoardEvents

@Suite struct TagTableTests {
    /// Looks `key` up and returns what the table said.
    private func index(of key: [UInt8], in table: inout TagTable) -> (index: Int, isNew: Bool) {
        key.withUnsafeBytes { table.index(of: $0) }
    }

    @Test func givesDenseIndicesInOrderOfFirstSight() {
        var table = TagTable()
        #expect(index(of: Array("loss".utf8), in: &table) == (0, true))
        #expect(index(of: Array("accuracy".utf8), in: &table) == (1, true))
        #expect(index(of: Array("loss".utf8), in: &table) == (0, false))
        #expect(index(of: Array("accuracy".utf8), in: &table) == (1, false))
        #expect(table.count == 2)
        #expect(table.key(1) == Array("accuracy".utf8))
    }

    /// Keys of every length from 0 to 40 bytes (short keys live in their slots, longer ones are compared as
    /// bytes), each with variants differing in one byte at every position, through several growths.
    @Test func tellsApartKeysThatDifferInOneByteAtAnyLength() {
        var table = TagTable()
        var keys: [[UInt8]] = []
        for length in 0...40 {
            let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
            keys.append(base)
            for position in 0..<length {
                var variant = base
                variant[position] ^= 0x01
                keys.append(variant)
            }
        }
        for (expected, key) in keys.enumerated() {
            #expect(index(of: key, in: &table) == (expected, true), "key \(key)")
        }
        for (expected, key) in keys.enumerated() {
            #expect(index(of: key, in: &table) == (expected, false), "key \(key)")
            #expect(table.key(expected) == key)
        }
        #expect(table.count == keys.count)
    }

    @Test func findsKeysWhoseSlotsCollide() {
        // Many keys in a small table probe past each other's slots; all are still found.
        var table = TagTable()
        let keys = (0..<5000).map { Array("tag\($0)".utf8) }
        for (expected, key) in keys.enumerated() { #expect(index(of: key, in: &table) == (expected, true)) }
        for (expected, key) in keys.enumerated().reversed() { #expect(index(of: key, in: &table) == (expected, false)) }
    }

    /// Keys in the order logs repeat them (a cycle), with deviations: a key skipped, one repeated, a new one, a
    /// long one, keys that share a prefix or their last eight bytes. Every answer is a dictionary's, whether the
    /// prediction of the next key holds or not.
    @Test func predictedLookupsAgreeWithADictionary() {
        var generator = SystemRandomNumberGenerator()
        // Two long keys with the same last 16 bytes (their words are equal), two 16-byte keys with the same
        // last eight.
        let cycle = [
            "loss", "accuracy", "val_loss", "val_accuracy", "learning_rate", "a", "ab", "abc", "run_a/0123456789abcdef",
            "run_b/0123456789abcdef", "", "1234567890abcdef", "0234567890abcdef",
        ]
        var extra = 0
        var table = TagTable()
        var reference: [[UInt8]: Int] = [:]
        for round in 0..<400 {
            for tag in cycle {
                var keys = [Array(tag.utf8)]
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: keys = []
                case 1: keys.append(keys[0])
                case 2:
                    extra += 1
                    keys.append(Array("new_\(extra)".utf8))
                case 3: keys.insert(Array(cycle[round % cycle.count].utf8), at: 0)
                default: break
                }
                for key in keys {
                    let expected = reference[key].map { ($0, false) } ?? (reference.count, true)
                    if expected.1 { reference[key] = reference.count }
                    #expect(index(of: key, in: &table) == expected, "key \(String(decoding: key, as: UTF8.self))")
                }
            }
        }
        #expect(table.count == reference.count)
    }

    @Test func readsKeysThroughPointersWithoutAnAddress() {
        var table = TagTable()
        #expect(table.index(of: UnsafeRawBufferPointer(start: nil, count: 0)) == (0, true))
        #expect(index(of: [], in: &table) == (0, false))
    }
}
