// SeriesTags.swift: what a summary writer remembers about each tag it has written in its current file.

/// Per tag: its encoded `tag` field (key, length, UTF-8 bytes), ready to copy into events, and whether its
/// metadata has gone into the current file. Tags are found by their bytes through a ``TagTable``, so a
/// repeated tag costs a hash and a compare.
struct SeriesTags {
    private var table = TagTable()
    /// `0a <length> <tag>` for each tag, end to end; tag `i`'s field starts at `fieldStarts[i]`.
    private var fieldBytes: [UInt8] = []
    private var fieldStarts: [Int] = [0]
    /// Whether each tag's metadata is in the current file.
    var isDescribed: [Bool] = []

    /// The size of tag `index`'s encoded field.
    @inline(__always)
    func fieldSize(_ index: Int) -> Int { fieldStarts[index + 1] - fieldStarts[index] }

    /// Calls `body` with tag `index`'s encoded field.
    @inline(__always)
    func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = fieldStarts[index]
        let end = fieldStarts[index + 1]
        return fieldBytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The index of `tag`, adding it when new.
    @inline(__always)
    mutating func index(of tag: String) -> Int {
        if let found = tag.utf8.withContiguousStorageIfAvailable({ index(ofBytes: UnsafeRawBufferPointer($0)) }) {
            return found
        }
        return Array(tag.utf8).withUnsafeBytes { index(ofBytes: $0) }
    }

    private mutating func index(ofBytes bytes: UnsafeRawBufferPointer) -> Int {
        let (index, isNew) = table.index(of: bytes)
        if isNew {
            var writer = ProtoWriter(capacity: bytes.count + 12)
            writer.writeField(1, bytes: bytes)
            fieldBytes.append(contentsOf: writer.bytes)
            fieldStarts.append(fieldBytes.count)
            isDescribed.append(false)
        }
        return index
    }

    /// Forgets which tags are described (for a new file).
    mutating func resetDescriptions() {
        for index in isDescribed.indices { isDescribed[index] = false }
    }
}
