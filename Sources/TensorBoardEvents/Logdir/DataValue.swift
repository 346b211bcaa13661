// DataValue.swift: the value of a point, decoded according to the kind of its series.

/// The value of a point, decoded according to the kind of its series.
///
/// The large payloads (images, hparams records, tensors) are `indirect`, stored in a box of their own, so that
/// a value takes the room of its largest small payload: a run's points are held by the million, and a point of
/// a scalar series would otherwise take the room of a tensor, which every point's memory then has to be
/// allocated, faulted in and copied for.
public enum DataValue: Sendable, Equatable {
    /// A scalar, exactly as stored (32-bit floats widen exactly).
    case scalar(Double)
    /// Histogram buckets, left to right.
    case histogram([HistogramBucket])
    /// Text: the strings of a string tensor (UTF-8, invalid sequences replaced) and its shape.
    case text([String], shape: [Int64])
    /// Images: width and height as the summary states them, and the encoded images (PNG, JPEG or GIF).
    indirect case images(ImageSample)
    /// Audio clips, encoded (usually WAV).
    case audio([[UInt8]])
    /// An hparams record (experiment, session start or session end).
    indirect case hparams(HParamsPluginData)
    /// Any other tensor, undecoded.
    indirect case tensor(TensorProto)

    /// The scalar, or `nil` for another kind of value.
    public var scalar: Double? {
        if case .scalar(let value) = self { return value }
        return nil
    }
}
