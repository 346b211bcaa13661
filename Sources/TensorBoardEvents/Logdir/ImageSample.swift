// ImageSample.swift: the images of one image point.

/// The images of one image point.
public struct ImageSample: Sendable, Equatable {
    /// Width in pixels, as the summary states it.
    public var width: Int
    /// Height in pixels, as the summary states it.
    public var height: Int
    /// The encoded images.
    public var images: [[UInt8]]

    /// Creates an image sample.
    /// - Parameters:
    ///   - width: Width in pixels.
    ///   - height: Height in pixels.
    ///   - images: The encoded images.
    public init(width: Int, height: Int, images: [[UInt8]]) {
        self.width = width
        self.height = height
        self.images = images
    }
}
