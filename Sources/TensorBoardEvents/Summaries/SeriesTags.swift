// SeriesTags.swift: what a summary writer remembers about each tag it has written in its current file.

/// Per tag: its encoded `tag` field (key, length, UTF-8 bytes), ready to copy into events, and whether its
/// metadata has gone into the current file. Tags are found by their bytes through a ``TagTable``, so a
/// repeated tag costs a hash and a compare, and nothing is retained or allocated.
struct SeriesTags: ~Copyable {
    private var table = TagTable()
    /// `0a <length> <tag>` for each tag, end to end; tag `i`'s field starts at `fieldStarts[i]`.
    private var fields = ProtoWriter(capacity: 256)
    private var fieldStarts: [Int] = [0]
    /// Whether each tag's metadata is in the current file.
    var isDescribed: [Bool] = []
    /// Whether each tag has a display name or description to put in its metadata (``annotations``).
    private(set) var isAnnotated: [Bool] = []
    /// The display name and description of the tags given one, by index.
    private var annotations: [Int: (displayName: String, description: String)] = [:]
    /// Whether each tag has a value in the current file (kept only when the writer resumes by tag).
    var isWritten: [Bool] = []
    /// The step of the last summary event in the current file (kept only when the writer resumes by tag).
    var lastSummaryStep: Int64?
    /// The encoded metadata of a scalar series (``SummaryMetadata/scalars``).
    private var scalarsMetadataField = ProtoWriter(capacity: 32)

    init() {
        SummaryMetadata.scalars.encode(to: &scalarsMetadataField)
    }

    /// The index of `tag`, adding it when new.
    mutating func index(of tag: String) -> Int {
        // The bytes are borrowed where the string keeps them (a small string's too), with no copy or retain.
        tag.utf8.span.withUnsafeBytes { bytes in
            let (index, isNew) = table.index(of: bytes)
            if isNew {
                // A tag read from a log keeps the bytes it was read from, even those that are not UTF-8.
                if LosslessUTF8.containsEscapes(tag) {
                    fields.writeField(1, bytes: LosslessUTF8.encode(tag))
                } else {
                    fields.writeField(1, bytes: bytes)
                }
                fieldStarts.append(fields.count)
                isDescribed.append(false)
                isAnnotated.append(false)
                isWritten.append(false)
            }
            return index
        }
    }

    /// Tag `index`'s encoded field; valid until a tag is added.
    func field(_ index: Int) -> UnsafeRawBufferPointer {
        let start = fieldStarts[index]
        return UnsafeRawBufferPointer(start: fields.base + start, count: fieldStarts[index + 1] - start)
    }

    /// Gives tag `index` a display name and description for its metadata.
    mutating func annotate(_ index: Int, displayName: String, description: String) {
        annotations[index] = (displayName, description)
        isAnnotated[index] = true
    }

    /// `metadata` with tag `index`'s display name and description, when it has them.
    func annotated(_ metadata: SummaryMetadata, _ index: Int) -> SummaryMetadata {
        guard let annotation = annotations[index] else { return metadata }
        var annotated = metadata
        annotated.displayName = annotation.displayName
        annotated.summaryDescription = annotation.description
        return annotated
    }

    /// The encoded ``SummaryMetadata/scalars``; valid as long as the tags.
    var scalarsMetadata: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: scalarsMetadataField.base, count: scalarsMetadataField.count)
    }
}
