// SpriteSheet.swift: the projector's sprite: every point's image tiled in one square picture.

/// The projector's sprite: images of one size tiled in a square grid, row by row from the top left, as
/// tensorboardX's `make_sprite` lays them out.
///
/// The grid has `ceil(sqrt(n))` columns (the fewest that make a square of side `columns × width` tall enough),
/// and the picture is that square, the rows below the last image left black (transparent with alpha): the
/// projector needs a square sprite, finds each image by its index and the column count, and shows every image
/// square, so the images must be square too. Gray images become RGB; the sprite is RGBA when any image has
/// alpha (tensorboardX refuses those), RGB otherwise.
package enum SpriteSheet {
    /// The largest side the projector's frontend loads (`TB_MAX_SPRITE_SIZE` in tensorboardX).
    package static let maximumSide = 8192

    /// Why images make no sprite.
    package enum InvalidInput: Error, Equatable, CustomStringConvertible {
        /// An image is not square.
        case notSquare(index: Int, width: Int, height: Int)
        /// An image's size differs from the first's.
        case sizeMismatch(index: Int, width: Int, height: Int, expectedSide: Int)
        /// The sprite would be wider than the projector loads.
        case tooLarge(side: Int)

        /// What is wrong, and what was received.
        package var description: String {
            switch self {
            case .notSquare(let index, let width, let height):
                return "sprite images must be square (the projector shows them square). Received: image \(index) "
                    + "is \(width)×\(height)"
            case .sizeMismatch(let index, let width, let height, let side):
                return "sprite images must all be \(side)×\(side), as the first. Received: image \(index) is "
                    + "\(width)×\(height)"
            case .tooLarge(let side):
                return "the sprite would be \(side) pixels wide; the projector loads at most \(maximumSide)"
            }
        }
    }

    /// The number of grid columns for `count` images: the smallest `c` with `c × c >= count`.
    package static func columnCount(_ count: Int) -> Int {
        var columns = 1
        while columns * columns < count { columns += 1 }
        return columns
    }

    /// The sprite of `images`.
    /// - Parameter images: The images, all square and of one size.
    /// - Returns: The square sprite; `nil` for no images.
    /// - Throws: ``InvalidInput`` when an image is not square or not the first's size, or the sprite would be
    ///   wider than ``maximumSide``.
    package static func make(_ images: [PixelImage]) throws(InvalidInput) -> PixelImage? {
        guard let first = images.first else { return nil }
        let side = first.width
        for (index, image) in images.enumerated() {
            guard image.width == image.height else {
                throw .notSquare(index: index, width: image.width, height: image.height)
            }
            guard image.width == side else {
                throw .sizeMismatch(index: index, width: image.width, height: image.height, expectedSide: side)
            }
        }
        let columns = columnCount(images.count)
        let (total, overflow) = columns.multipliedReportingOverflow(by: side)
        guard !overflow, total <= maximumSide else { throw .tooLarge(side: overflow ? Int.max : total) }
        let hasAlpha = images.contains { $0.format == .rgba || $0.format == .grayAlpha }
        let format: PixelImage.Format = hasAlpha ? .rgba : .rgb
        let channels = format.channelCount
        var pixels = [UInt8](repeating: 0, count: total * total * channels)
        for (index, image) in images.enumerated() {
            let left = (index % columns) * side
            let top = (index / columns) * side
            let converted = rgba(image)
            for y in 0..<side {
                for x in 0..<side {
                    let source = (y * side + x) * 4
                    let target = ((top + y) * total + left + x) * channels
                    for channel in 0..<channels { pixels[target + channel] = converted[source + channel] }
                }
            }
        }
        return try? PixelImage(width: total, height: total, format: format, pixels: pixels)
    }

    /// The image's pixels as red, green, blue and alpha (gray repeated, alpha 255 when there is none).
    private static func rgba(_ image: PixelImage) -> [UInt8] {
        let channels = image.format.channelCount
        var result = [UInt8](repeating: 255, count: image.width * image.height * 4)
        for pixel in 0..<(image.width * image.height) {
            let source = pixel * channels
            switch image.format {
            case .gray, .grayAlpha:
                for channel in 0..<3 { result[pixel * 4 + channel] = image.pixels[source] }
                if image.format == .grayAlpha { result[pixel * 4 + 3] = image.pixels[source + 1] }
            case .rgb, .rgba:
                for channel in 0..<channels { result[pixel * 4 + channel] = image.pixels[source + channel] }
            }
        }
        return result
    }
}
