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
/// Looking up bytes that are already known allocates nothing; only a new tag copies its bytes. A slot holds its
/// key's length and two words that, for a key of up to 16 bytes (nearly every tag), determine its bytes, so
/// finding a short tag reads one slot and nothing else; a longer key is also compared with a copy of its bytes.
/// Tags are compared as bytes, so two tags that differ only in invalid UTF-8 stay two entries.
package struct TagTable {
    /// A slot: empty when `index` is negative.
    private struct Slot {
        var key = Words(count: 0, first: 0, last: 0)
        var hash: UInt64 = 0
        var index = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 16)
    /// Every key's bytes, end to end; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]

    /// Creates an empty table.
    package init() {}

    /// The number of distinct tags.
    package var count: Int { keyStarts.count - 1 }

    /// The bytes of the key with the given index.
    package func key(_ index: Int) -> [UInt8] { Array(keyBytes[keyStarts[index]..<keyStarts[index + 1]]) }

    /// The index of `bytes`, adding it when new.
    /// - Returns: The index and whether it was just added.
    @inline(__always)
    package mutating func index(of bytes: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let key = Words(bytes)
        let hash = key.count <= Words.determinedSize ? key.hash : Self.hash(ofLong: bytes)
        let mask = slots.count &- 1
        var position = Int(truncatingIfNeeded: hash) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[position]
                if slot.index < 0 { return nil }
                if slot.key == key, slot.hash == hash,
                    key.count <= Words.determinedSize || longKeyEquals(slot.index, bytes)
                {
                    return slot.index
                }
                position = (position &+ 1) & mask
            }
        }
        if let found { return (found, false) }
        return (insert(bytes, key, hash, at: position), true)
    }

    @inline(never)
    private mutating func insert(_ bytes: UnsafeRawBufferPointer, _ key: Words, _ hash: UInt64, at position: Int) -> Int
    {
        let index = count
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
        slots[position] = Slot(key: key, hash: hash, index: index)
        if count * 2 > slots.count { grow() }
        return index
    }

    /// A hash of a key longer than ``Words/determinedSize`` bytes, from every one of its bytes (so that keys
    /// that differ only in the middle, such as `dense_1/kernel/histogram` and `dense_2/kernel/histogram`, do not
    /// collide).
    private static func hash(ofLong bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        var hash = Words(bytes).hash
        var offset = 0
        while offset &+ 8 <= bytes.count {
            hash =
                Words(count: offset, first: hash, last: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                .hash
            offset &+= 8
        }
        return hash
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
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.index >= 0 {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position].index >= 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// The length of some bytes and two words that, for up to ``determinedSize`` bytes, determine them: the first
    /// and last eight (possibly overlapping), four for 4 to 7 bytes, the first, middle and last byte for 1 to 3,
    /// zeros for none.
    struct Words: Equatable {
        /// Keys up to this size are determined by their words.
        static let determinedSize = 16

        let count: Int
        let first: UInt64
        let last: UInt64

        init(count: Int, first: UInt64, last: UInt64) {
            self.count = count
            self.first = first
            self.last = last
        }

        @inline(__always)
        init(_ bytes: UnsafeRawBufferPointer) {
            count = bytes.count
            guard let base = bytes.baseAddress, count > 0 else {
                (first, last) = (0, 0)
                return
            }
            if count >= 8 {
                first = base.loadUnaligned(as: UInt64.self)
                last = base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            } else if count >= 4 {
                first = UInt64(base.loadUnaligned(as: UInt32.self))
                last = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            } else {
                first =
                    UInt64(base.load(as: UInt8.self)) | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self))
                    << 8
                last = UInt64(base.load(fromByteOffset: count &- 1, as: UInt8.self))
            }
        }

        /// The words mixed with a multiply by the golden ratio's 64-bit fraction and a fold of the high half into
        /// the low, which spreads every bit over the bits the table indexes with.
        var hash: UInt64 {
            let product =
                (first ^ (last &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(truncatingIfNeeded: count))
                &* 0x9E37_79B9_7F4A_7C15
            return product ^ (product >> 29)
        }
    }
}
