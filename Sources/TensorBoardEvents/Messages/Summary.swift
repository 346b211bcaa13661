// Summary.swift: a set of tagged values logged at one step.

/// The values an event logs at one step. Proto message `Summary`.
public struct Summary: Sendable, Equatable {
    /// The values. Proto field `repeated Value value = 1`.
    public var values: [Value]

    /// Creates a summary.
    /// - Parameter values: The values.
    public init(values: [Value] = []) {
        self.values = values
    }

    /// One tagged value. Proto message `Summary.Value`.
    public struct Value: Sendable, Equatable {
        /// The series name. Proto field `tag = 1`. Bytes that are not valid UTF-8 are kept, each as a private-use
        /// scalar U+F700 + byte (U+F780 to U+F7FF), which encoding writes back as that byte.
        public var tag: String
        /// Legacy name of the op that made the value; TensorBoard's Python loader uses it as the tag of a tensor
        /// value whose `tag` is empty. Proto field `node_name = 7`.
        public var nodeName: String
        /// What the value is and how to show it. Proto field `metadata = 9`.
        public var metadata: SummaryMetadata?
        /// The value itself: proto `oneof value`, or `nil` when none is set (a metadata-only value).
        public var kind: Kind?

        /// The value of a ``Summary/Value``: proto `oneof value`.
        public enum Kind: Sendable, Equatable {
            /// Legacy scalar. Proto field `simple_value = 2` (float).
            case simpleValue(Float)
            /// Proto field `obsolete_old_style_histogram = 3`, kept as bytes.
            case obsoleteOldStyleHistogram([UInt8])
            /// Legacy image. Proto field `image = 4`.
            case image(Image)
            /// Legacy histogram. Proto field `histo = 5`.
            case histogram(HistogramProto)
            /// Legacy audio. Proto field `audio = 6`.
            case audio(Audio)
            /// Modern tensor value, interpreted through the metadata's plugin. Proto field `tensor = 8`.
            case tensor(TensorProto)
        }

        /// Creates a value.
        /// - Parameters:
        ///   - tag: The series name.
        ///   - kind: The value.
        ///   - metadata: What the value is and how to show it.
        ///   - nodeName: Legacy op name.
        public init(tag: String = "", kind: Kind? = nil, metadata: SummaryMetadata? = nil, nodeName: String = "") {
            self.tag = tag
            self.kind = kind
            self.metadata = metadata
            self.nodeName = nodeName
        }
    }

    /// A legacy encoded image. Proto message `Summary.Image`.
    public struct Image: Sendable, Equatable {
        /// Height in pixels. Proto field `height = 1`.
        public var height: Int32
        /// Width in pixels. Proto field `width = 2`.
        public var width: Int32
        /// 1 gray, 2 gray and alpha, 3 RGB, 4 RGBA, 5 digital YUV, 6 BGRA. Proto field `colorspace = 3`.
        public var colorspace: Int32
        /// PNG, JPEG or GIF bytes. Proto field `encoded_image_string = 4`.
        public var encodedImage: [UInt8]

        /// Creates an image.
        /// - Parameters:
        ///   - width: Width in pixels.
        ///   - height: Height in pixels.
        ///   - colorspace: Channel layout code.
        ///   - encodedImage: PNG, JPEG or GIF bytes.
        public init(width: Int32 = 0, height: Int32 = 0, colorspace: Int32 = 0, encodedImage: [UInt8] = []) {
            self.width = width
            self.height = height
            self.colorspace = colorspace
            self.encodedImage = encodedImage
        }
    }

    /// Legacy encoded audio. Proto message `Summary.Audio`.
    public struct Audio: Sendable, Equatable {
        /// Samples per second. Proto field `sample_rate = 1` (float).
        public var sampleRate: Float
        /// Channels. Proto field `num_channels = 2`.
        public var channelCount: Int64
        /// Samples per channel. Proto field `length_frames = 3`.
        public var frameCount: Int64
        /// The encoded audio. Proto field `encoded_audio_string = 4`.
        public var encodedAudio: [UInt8]
        /// MIME type, such as `"audio/wav"`. Proto field `content_type = 5`.
        public var contentType: String

        /// Creates audio.
        /// - Parameters:
        ///   - sampleRate: Samples per second.
        ///   - channelCount: Channels.
        ///   - frameCount: Samples per channel.
        ///   - encodedAudio: The encoded audio.
        ///   - contentType: MIME type.
        public init(
            sampleRate: Float = 0,
            channelCount: Int64 = 0,
            frameCount: Int64 = 0,
            encodedAudio: [UInt8] = [],
            contentType: String = ""
        ) {
            self.sampleRate = sampleRate
            self.channelCount = channelCount
            self.frameCount = frameCount
            self.encodedAudio = encodedAudio
            self.contentType = contentType
        }
    }
}
