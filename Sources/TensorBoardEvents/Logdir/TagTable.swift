// TagTable.swift: interns tags read as bytes, so a repeated tag costs a hash and a compare, not an allocation.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing hash table from tag bytes to a dense index (0, 1, 2, ... in order of first sight).
///
/// Looking up bytes that are already known allocates nothing; only a new tag copies its bytes. Slots are one
/// flat array probed linearly. A key of up to 16 bytes is held in its slot as two (possibly overlapping)
/// words and its length, which determine its bytes, so finding a short tag (nearly every tag) reads one slot
/// and calls nothing; longer keys are compared with `memcmp` against a copy of their bytes.
///
/// Logs repeat their tags in the same order step after step, so each key remembers the key looked up after it
/// last time, and a short key is first compared with that prediction: when it matches (nearly always in a
/// log), the lookup costs a load and a three-word compare, with no hash and no probe.
package struct TagTable {
    /// One slot: empty when `index` is negative.
    private struct Slot {
        var hash: UInt64 = 0
        var first: UInt64 = 0
        var last: UInt64 = 0
        var count = 0
        var index = -1
    }

    private var slots: [Slot]
    /// Every key's bytes, end to end; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var mask: Int
    /// By index: the words of each key of up to 16 bytes (a longer key's are never matched, its count being
    /// over 16), and the index looked up after it last time (or -1).
    private var shortKeys: [Words] = []
    private var successors: [Int] = []
    /// The index expected next (the one that followed the last lookup's key last time, or -1) and its words
    /// (kept here, so that checking the prediction reads nothing else).
    private var predicted = -1
    private var predictedWords = Words(count: -1, first: 0, last: 0)
    /// The index the last lookup gave, or -1.
    private var previous = -1

    /// Creates an empty table.
    package init() {
        slots = Array(repeating: Slot(), count: 16)
        mask = 15
    }

    /// The number of distinct tags.
    package var count: Int { keyStarts.count - 1 }

    /// The bytes of the key with the given index.
    package func key(_ index: Int) -> [UInt8] { Array(keyBytes[keyStarts[index]..<keyStarts[index + 1]]) }

    /// The index of `bytes`, adding it when new.
    /// - Returns: The index and whether it was just added.
    @inline(__always)
    package mutating func index(of bytes: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let words = Words(bytes)
        if words == predictedWords, words.count <= 16 {
            let index = predicted
            predict(after: index)
            return (index, false)
        }
        return lookUpAndLearn(bytes, words)
    }

    /// The lookup when the prediction failed: by hash, then remembering what followed the previous key.
    @inline(never)
    private mutating func lookUpAndLearn(_ bytes: UnsafeRawBufferPointer, _ words: Words) -> (index: Int, isNew: Bool) {
        let result = lookUp(bytes, words)
        if previous >= 0 { successors[previous] = result.index }
        predict(after: result.index)
        return result
    }

    /// Records that `index` was just looked up, and predicts its successor.
    @inline(__always)
    private mutating func predict(after index: Int) {
        previous = index
        let next = successors[index]
        predicted = next
        predictedWords = next >= 0 ? shortKeys[next] : Words(count: -1, first: 0, last: 0)
    }

    /// The index of `bytes` (whose words are `words`) found by hash, adding it when new.
    @inline(__always)
    private mutating func lookUp(_ bytes: UnsafeRawBufferPointer, _ words: Words) -> (index: Int, isNew: Bool) {
        let key = Key(bytes, words)
        var position = Int(truncatingIfNeeded: key.hash) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[position]
                if slot.index < 0 { return nil }
                if slot.hash == key.hash, slot.count == key.count, slot.first == key.first, slot.last == key.last,
                    key.count <= 16 || longKeyEquals(slot.index, bytes)
                {
                    return slot.index
                }
                position = (position &+ 1) & mask
            }
        }
        if let found { return (found, false) }
        return (insert(bytes, key, at: position), true)
    }

    private mutating func insert(_ bytes: UnsafeRawBufferPointer, _ key: Key, at position: Int) -> Int {
        let index = count
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
        shortKeys.append(Words(count: key.count, first: key.first, last: key.last))
        successors.append(-1)
        slots[position] = Slot(hash: key.hash, first: key.first, last: key.last, count: key.count, index: index)
        if count * 2 > slots.count { grow() }
        return index
    }

    private func longKeyEquals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let other = bytes.baseAddress else { return true }
        let start = keyStarts[index]
        return keyBytes.withUnsafeBytes { keys in
            guard let base = keys.baseAddress else { return false }
            return memcmp(base + start, other, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.index >= 0 {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position].index >= 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// The length of some bytes and two words that, for up to 16 bytes, determine them: the first and last eight
    /// (possibly overlapping), four for 4 to 7 bytes, the first, middle and last byte for 1 to 3, zeros for none.
    struct Words: Equatable {
        let count: Int
        let first: UInt64
        let last: UInt64

        init(count: Int, first: UInt64, last: UInt64) {
            self.count = count
            self.first = first
            self.last = last
        }

        /// Reads the words without a loop (of a key over 16 bytes, the last 16 bytes).
        @inline(__always)
        init(_ bytes: UnsafeRawBufferPointer) {
            let count = bytes.count
            var first: UInt64 = 0
            var last: UInt64 = 0
            if let base = bytes.baseAddress {
                if count >= 8 {
                    let offset = max(count &- 16, 0)
                    first = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
                } else if count >= 4 {
                    first = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
                    last = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
                } else if count > 0 {
                    // One to three bytes: the first, the middle and the last are all of them.
                    let head = UInt64(base.load(as: UInt8.self))
                    let middle = UInt64(base.load(fromByteOffset: count / 2, as: UInt8.self))
                    first = head << 16 | middle << 8 | UInt64(base.load(fromByteOffset: count &- 1, as: UInt8.self))
                }
            }
            self.count = count
            self.first = first
            self.last = last
        }
    }

    /// What a lookup needs of some bytes: their words and a 64-bit hash of all of them.
    struct Key {
        let count: Int
        let first: UInt64
        let last: UInt64
        let hash: UInt64

        /// Hashes the bytes before their last 16 eight at a time (for a key over 16 bytes), then the words.
        @inline(__always)
        init(_ bytes: UnsafeRawBufferPointer, _ words: Words) {
            let count = words.count
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
            if count > 16, let base = bytes.baseAddress {
                var offset = 0
                while count &- offset > 16 {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
                    state ^= state >> 32
                    offset &+= 8
                }
            }
            state = (state ^ words.first) &* 0xFF51_AFD7_ED55_8CCD
            state = (state ^ (state >> 32) ^ words.last) &* 0xC4CE_B9FE_1A85_EC53
            self.count = count
            self.first = words.first
            self.last = words.last
            self.hash = state ^ (state >> 29)
        }
    }
}
