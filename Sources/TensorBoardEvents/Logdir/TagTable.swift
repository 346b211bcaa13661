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

    /// A 64-bit hash of `bytes`: eight bytes at a time, multiplied and folded.
    @inline(__always)
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
            tail |= UInt64(bytes.load(fromByteOffset: offset, as: UInt8.self)) << shift
            shift += 8
            offset += 1
        }
        state = (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return state ^ (state >> 29)
    }
}
