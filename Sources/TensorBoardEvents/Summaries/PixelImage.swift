// PixelImage.swift: 8-bit pixels to log as an image.

/// An image as 8-bit pixels, row by row from the top, each pixel's channels together.
///
/// Every value is valid by construction: the initialiser checks the size against the pixel count.
public struct PixelImage: Sendable, Equatable {
    /// The channel layout of each pixel.
    public enum Format: Int, Sendable, Equatable {
        /// One gray channel.
        case gray = 1
        /// Gray and alpha.
        case grayAlpha = 2
        /// Red, green, blue.
        case rgb = 3
        /// Red, green, blue, alpha.
        case rgba = 4

        /// Channels per pixel.
        public var channelCount: Int { rawValue }
    }

    /// Why pixels do not make an image.
    public enum Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// Width or height is not positive, or larger than PNG allows (2^31 − 1).
        case invalidSize(width: Int, height: Int)
        /// The pixel array does not hold `width × height × channels` bytes.
        case pixelCountMismatch(expected: Int, received: Int)
        /// A channel count other than 1 (gray), 2 (gray and alpha), 3 (RGB) or 4 (RGBA).
        case invalidChannelCount(Int)

        /// A message saying what is wrong and what was received.
        public var description: String {
            switch self {
            case .invalidSize(let width, let height):
                return
                    "image width and height must be between 1 and 2147483647. Received: width=\(width), height=\(height)"
            case .pixelCountMismatch(let expected, let received):
                return "expected \(expected) pixel bytes (width × height × channels). Received: \(received) bytes"
            case .invalidChannelCount(let count):
                return "an image has 1 to 4 channels (gray, gray and alpha, RGB, RGBA). Received: \(count)"
            }
        }
    }

    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Channel layout.
    public let format: Format
    /// `width × height × format.channelCount` bytes, row-major from the top-left.
    public let pixels: [UInt8]

    /// Creates an image.
    /// - Parameters:
    ///   - width: Width in pixels.
    ///   - height: Height in pixels.
    ///   - format: Channel layout.
    ///   - pixels: `width × height × channels` bytes, row-major from the top-left.
    /// - Throws: ``Error`` when the size or pixel count is wrong.
    public init(width: Int, height: Int, format: Format, pixels: [UInt8]) throws(Error) {
        let limit = Int(Int32.max)
        guard width > 0, height > 0, width <= limit, height <= limit else {
            throw .invalidSize(width: width, height: height)
        }
        let (area, overflow1) = width.multipliedReportingOverflow(by: height)
        let (expected, overflow2) = area.multipliedReportingOverflow(by: format.channelCount)
        guard !overflow1, !overflow2, pixels.count == expected else {
            throw .pixelCountMismatch(expected: overflow1 || overflow2 ? Int.max : expected, received: pixels.count)
        }
        self.width = width
        self.height = height
        self.format = format
        self.pixels = pixels
    }
}
