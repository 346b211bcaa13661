// TagTable.swift: interns tags read as bytes, so a repeated tag costs a hash and a compare, not an allocation.

/// An open-addressing hash table from tag bytes to a dense index (0, 1, 2, ... in order of first sight).
///
/// Looking up bytes that are already known allocates nothing; only a new tag copies its bytes.
package struct TagTable {
    private struct Slot {
        var hash: UInt64
        var index: Int
    }

    private var slots: [Slot?]
    private var keys: [[UInt8]] = []
    private var mask: Int

    /// Creates an empty table.
    package init() {
        slots = Array(repeating: nil, count: 16)
        mask = 15
    }

    /// The number of distinct tags.
    package var count: Int { keys.count }

    /// The index of `bytes`, adding it when new.
    /// - Returns: The index and whether it was just added.
    package mutating func index(of bytes: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        var position = Int(truncatingIfNeeded: hash) & mask
        while let slot = slots[position] {
            if slot.hash == hash, keys[slot.index].withUnsafeBytes({ $0.elementsEqual(bytes) }) {
                return (slot.index, false)
            }
            position = (position + 1) & mask
        }
        let index = keys.count
        keys.append([UInt8](bytes))
        slots[position] = Slot(hash: hash, index: index)
        if keys.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        mask = slots.count - 1
        for case let slot? in old {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position] != nil { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// A 64-bit hash of `bytes`: eight bytes at a time, multiplied and folded.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return state ^ (state >> 29)
    }
}
