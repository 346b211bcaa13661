// SeriesTable.swift: what a run decoder knows of each series it has met, by series index.

/// The series of one run by index (the index a ``TagTable`` gives their tags), in separate arrays so that the
/// hot path touches only trivially copyable values.
struct SeriesTable {
    private var table = TagTable()
    /// Each series' tag.
    private(set) var tags: [String] = []
    /// What each series' metadata says, once its kind is known.
    private(set) var infos: [SeriesInfo?] = []
    /// Each series' kind, once known.
    private(set) var kinds: [SeriesKind?] = []
    /// Whether the decoder's filter asks for each series.
    private(set) var isWanted: [Bool] = []
    /// Whether each series' kind was guessed from a tensor value without metadata (and may still change).
    private(set) var isProvisional: [Bool] = []
    /// Whether each series is a wanted scalar series whose kind is settled: all the scalar fast path asks.
    private(set) var isSettledWantedScalar: [Bool] = []

    /// The index of the series whose tag is `tag`, adding a series of unknown kind when it is new.
    @inline(__always)
    mutating func index(of tag: UnsafeRawBufferPointer) -> Int {
        let (index, isNew) = table.index(of: tag)
        if isNew { add(tag) }
        return index
    }

    @inline(never)
    private mutating func add(_ tag: UnsafeRawBufferPointer) {
        tags.append(LosslessUTF8.decode(tag))  // tags whose bytes differ stay apart
        infos.append(nil)
        kinds.append(nil)
        isWanted.append(false)
        isProvisional.append(false)
        isSettledWantedScalar.append(false)
    }

    /// Records what series `index` is.
    mutating func settle(_ index: Int, info: SeriesInfo, isWanted wanted: Bool, isProvisional provisional: Bool) {
        infos[index] = info
        kinds[index] = info.kind
        isWanted[index] = wanted
        isProvisional[index] = provisional
        isSettledWantedScalar[index] = wanted && info.kind == .scalar && !provisional
    }
}
