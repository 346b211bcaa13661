// MediaItem.swift: one image or audio clip of a point, with where it belongs.

import TensorBoardEvents

/// One encoded image or audio clip of a point: its run, tag, step, place in its sample, and bytes as stored.
struct MediaItem {
    var run: String
    var tag: String
    var step: Int64
    var wallTime: Double
    /// The item's index in its point's sample, from 0.
    var index: Int
    /// How many items the point's sample holds.
    var count: Int
    /// Width and height as the summary states them (images only).
    var size: (width: Int, height: Int)?
    /// The encoded bytes, exactly as stored.
    var bytes: [UInt8]

    /// The items of a point of the given kind (none for a value of another kind).
    static func items(of point: DataPoint, run: String) -> [MediaItem] {
        let (encoded, size): ([[UInt8]], (width: Int, height: Int)?)
        switch point.value {
        case .images(let sample): (encoded, size) = (sample.images, (sample.width, sample.height))
        case .audio(let clips): (encoded, size) = (clips, nil)
        default: return []
        }
        return encoded.enumerated().map { index, bytes in
            MediaItem(
                run: run,
                tag: point.tag,
                step: point.step,
                wallTime: point.wallTime,
                index: index,
                count: encoded.count,
                size: size,
                bytes: bytes
            )
        }
    }

    /// The item's file under an export directory (see ``ExportPath``), with its format's extension.
    var relativePath: String {
        ExportPath.relativePath(
            run: run,
            tag: tag,
            step: step,
            index: count > 1 ? index : nil,
            fileExtension: MediaFormat(of: bytes).fileExtension
        )
    }
}
