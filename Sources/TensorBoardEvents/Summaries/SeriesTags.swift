// SeriesTags.swift: what a summary writer remembers about each tag it has written in its current file.

/// Per tag: its encoded `tag` field (key, length, UTF-8 bytes), ready to copy into events, and whether its
/// metadata has gone into the current file. Tags are found by their bytes through a ``TagTable``, so a
/// repeated tag costs a hash and a compare.
struct SeriesTags {
    /// Fields up to this size are copied as two 8-byte words (see ``storeField(_:at:)``).
    static let shortFieldSize = 16

    private var table = TagTable()
    /// `0a <length> <tag>` for each tag, end to end, then ``shortFieldSize`` zero bytes, so that the two words
    /// of a short field can always be loaded; tag `i`'s field starts at `fieldStarts[i]`.
    private var fieldBytes = [UInt8](repeating: 0, count: Self.shortFieldSize)
    private var fieldStarts: [Int] = [0]
    /// Whether each tag's metadata is in the current file.
    var isDescribed: [Bool] = []
    /// For each tag and each ``SummaryWriter/ScalarEncoding``, the bytes of a scalar event of that tag (without
    /// metadata) from the summary field to its value's four bytes: `2a <n> 0a <n - 2>`, the tag field, then
    /// `42 0a 08 01 12 00 2a 04` or `15`. (Everything in a scalar event after its step but the value is fixed by
    /// its tag.) Tail `2 × tag + encoding` starts at `tailStarts[that]`, is `tailSizes[that]` bytes and is
    /// followed by zeros up to at least ``tailStride`` bytes from its start, so that a short tail can always be
    /// loaded as whole words.
    private var tailBytes: [UInt8] = []
    private var tailStarts: [Int] = []
    private var tailSizes: [Int] = []
    /// Scalar tails up to this size are stored as four 8-byte words (see ``storeScalarTail(_:encoding:at:)``).
    static let tailStride = 32

    /// The size of tag `index`'s encoded field.
    @inline(__always)
    func fieldSize(_ index: Int) -> Int { fieldStarts[index + 1] - fieldStarts[index] }

    /// Stores tag `index`'s encoded field at `destination` and returns its size. A field of up to
    /// ``shortFieldSize`` bytes is stored as two 8-byte words, the bytes after it included: the destination
    /// must have room for at least that many bytes, and the caller writes over the ones past the field.
    @inline(__always)
    func storeField(_ index: Int, at destination: UnsafeMutableRawPointer) -> Int {
        let start = fieldStarts[index]
        let size = fieldStarts[index + 1] - start
        fieldBytes.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let source = base + start
            if size <= Self.shortFieldSize {
                destination.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    toByteOffset: 8,
                    as: UInt64.self
                )
            } else {
                destination.copyMemory(from: source, byteCount: size)
            }
        }
        return size
    }

    /// Stores the bytes of a scalar event of tag `index` in `encoding`, without metadata, from its summary field
    /// up to its value's four bytes, at `destination`, and returns their size. A tail of up to ``tailStride``
    /// bytes is stored as four 8-byte words, zeros after it included: the destination must have room for at
    /// least that many bytes, and the caller writes over the ones past the tail.
    @inline(__always)
    func storeScalarTail(
        _ index: Int,
        encoding: SummaryWriter.ScalarEncoding,
        at destination: UnsafeMutableRawPointer
    ) -> Int {
        let tail = 2 &* index &+ Self.slot(encoding)
        let size = tailSizes[tail]
        let start = tailStarts[tail]
        tailBytes.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            let source = base + start
            if size <= Self.tailStride {
                for word in 0..<4 {
                    destination.storeBytes(
                        of: source.loadUnaligned(fromByteOffset: 8 &* word, as: UInt64.self),
                        toByteOffset: 8 &* word,
                        as: UInt64.self
                    )
                }
            } else {
                destination.copyMemory(from: source, byteCount: size)
            }
        }
        return size
    }

    @inline(__always)
    private static func slot(_ encoding: SummaryWriter.ScalarEncoding) -> Int {
        switch encoding {
        case .tensor: 0
        case .simpleValue: 1
        }
    }

    /// The index of `tag`, adding it when new.
    ///
    /// The bytes are borrowed through `utf8.span`, which reaches a small string's bytes where they are:
    /// `withContiguousStorageIfAvailable` copied them out and retained and released the string on every call
    /// (about 60 instructions of a scalar event's 540).
    @inline(__always)
    mutating func index(of tag: String) -> Int {
        if #available(macOS 26, *) {
            return tag.utf8.span.withUnsafeBytes { index(ofBytes: $0) }
        }
        if let found = tag.utf8.withContiguousStorageIfAvailable({ index(ofBytes: UnsafeRawBufferPointer($0)) }) {
            return found
        }
        return Array(tag.utf8).withUnsafeBytes { index(ofBytes: $0) }
    }

    @inline(__always)
    private mutating func index(ofBytes bytes: UnsafeRawBufferPointer) -> Int {
        let (index, isNew) = table.index(of: bytes)
        if isNew { addField(bytes) }
        return index
    }

    /// Records the encoded field of a tag just added to the table.
    @inline(never)
    private mutating func addField(_ bytes: UnsafeRawBufferPointer) {
        var writer = ProtoWriter(capacity: bytes.count + 12)
        writer.writeField(1, bytes: bytes)
        let end = fieldBytes.count - Self.shortFieldSize
        fieldBytes.replaceSubrange(end..<fieldBytes.count, with: writer.bytes)
        fieldStarts.append(fieldBytes.count)
        fieldBytes.append(contentsOf: repeatElement(0, count: Self.shortFieldSize))
        isDescribed.append(false)
        for encoding in [SummaryWriter.ScalarEncoding.tensor, .simpleValue] {
            let tail = ScalarEventEncoding.tail(tagField: writer.bytes, encoding: encoding)
            tailStarts.append(tailBytes.count)
            tailSizes.append(tail.count)
            tailBytes += tail
            tailBytes.append(contentsOf: repeatElement(0, count: max(0, Self.tailStride - tail.count)))
        }
    }

    /// Forgets which tags are described (for a new file).
    mutating func resetDescriptions() {
        for index in isDescribed.indices { isDescribed[index] = false }
    }
}
