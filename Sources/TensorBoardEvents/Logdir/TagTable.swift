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
/// Looking up bytes that are already known allocates nothing; only a new tag copies its bytes. Slots are two
/// flat arrays (hashes, and indices with -1 for empty), probed linearly.
package struct TagTable {
    private var hashes: [UInt64]
    private var indices: [Int32]
    /// Every key's bytes, end to end; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var mask: Int

    /// Creates an empty table.
    package init() {
        hashes = Array(repeating: 0, count: 16)
        indices = Array(repeating: -1, count: 16)
        mask = 15
    }

    /// The number of distinct tags.
    package var count: Int { keyStarts.count - 1 }

    /// The index of `bytes`, adding it when new.
    /// - Returns: The index and whether it was just added.
    @inline(__always)
    package mutating func index(of bytes: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(indices[position])
            if index < 0 { break }
            if hashes[position] == hash && keyEquals(index, bytes) {
                return (index, false)
            }
            position = (position + 1) & mask
        }
        let index = count
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
        hashes[position] = hash
        indices[position] = Int32(truncatingIfNeeded: index)
        if count * 2 > indices.count { grow() }
        return (index, true)
    }

    @inline(__always)
    private func keyEquals(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = keyStarts[index]
        guard keyStarts[index + 1] - start == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return keyBytes.withUnsafeBytes { keys in
            guard let base = keys.baseAddress else { return false }
            return memcmp(base + start, other, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let oldHashes = hashes
        let oldIndices = indices
        hashes = Array(repeating: 0, count: oldIndices.count * 2)
        indices = Array(repeating: -1, count: oldIndices.count * 2)
        mask = indices.count - 1
        for slot in 0..<oldIndices.count where oldIndices[slot] >= 0 {
            var position = Int(truncatingIfNeeded: oldHashes[slot]) & mask
            while indices[position] >= 0 { position = (position + 1) & mask }
            hashes[position] = oldHashes[slot]
            indices[position] = oldIndices[slot]
        }
    }

    /// A 64-bit hash of `bytes`. Tags are short, so keys of up to 16 bytes are read as two (possibly
    /// overlapping) words without a loop; longer keys eight bytes at a time.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard let base = bytes.baseAddress else { return state }
        let low: UInt64
        let high: UInt64
        if count >= 8 {
            var offset = 0
            while count - offset > 16 {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
                state ^= state >> 32
                offset += 8
            }
            low = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            high = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        } else if count >= 4 {
            low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        } else if count > 0 {
            low =
                UInt64(base.load(as: UInt8.self)) << 16 | UInt64(base.load(fromByteOffset: count / 2, as: UInt8.self))
                << 8
                | UInt64(base.load(fromByteOffset: count - 1, as: UInt8.self))
            high = 0
        } else {
            low = 0
            high = 0
        }
        state = (state ^ low) &* 0xFF51_AFD7_ED55_8CCD
        state = (state ^ (state >> 32) ^ high) &* 0xC4CE_B9FE_1A85_EC53
        return state ^ (state >> 29)
    }
}
