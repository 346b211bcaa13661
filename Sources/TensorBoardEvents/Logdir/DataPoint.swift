// DataPoint.swift: one decoded point of a series.

/// One point of a series: a tag's value at a step.
public struct DataPoint: Sendable, Equatable {
    /// The tag.
    public var tag: String
    /// The step.
    public var step: Int64
    /// Seconds since the epoch.
    public var wallTime: Double
    /// The value.
    public var value: DataValue

    /// Creates a point.
    /// - Parameters:
    ///   - tag: The tag.
    ///   - step: The step.
    ///   - wallTime: Seconds since the epoch.
    ///   - value: The value.
    public init(tag: String, step: Int64, wallTime: Double, value: DataValue) {
        self.tag = tag
        self.step = step
        self.wallTime = wallTime
        self.value = value
    }
}

/// The value of a point, decoded according to the kind of its series.
public enum DataValue: Sendable, Equatable {
    /// A scalar, exactly as stored (32-bit floats widen exactly).
    case scalar(Double)
    /// Histogram buckets, left to right.
    case histogram([HistogramBucket])
    /// Text: the strings of a string tensor (UTF-8, invalid sequences replaced) and its shape.
    case text([String], shape: [Int64])
    /// Images: width and height as the summary states them, and the encoded images (PNG, JPEG or GIF).
    case images(ImageSample)
    /// Audio clips, encoded (usually WAV).
    case audio([[UInt8]])
    /// An hparams record (experiment, session start or session end).
    case hparams(HParamsPluginData)
    /// Any other tensor, undecoded.
    case tensor(TensorProto)

    /// The scalar, or `nil` for another kind of value.
    public var scalar: Double? {
        if case .scalar(let value) = self { return value }
        return nil
    }
}

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
