// MediaFormat.swift: what an encoded image or audio clip is, told by its first bytes.

/// The encoding of a stored image or audio clip, told by its magic bytes (a summary's own content type is not
/// trusted: TensorBoard serves the stored bytes as they are, whatever they are).
enum MediaFormat: String, Equatable {
    case png, jpeg, gif, webp, bmp, wav, flac, ogg, mp3
    /// Bytes of no format recognised here.
    case unknown

    /// The format of `bytes`.
    init(of bytes: [UInt8]) {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        let riff = starts(Array("RIFF".utf8))
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            self = .gif
        } else if riff && starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if riff && starts(Array("WAVE".utf8), at: 8) {
            self = .wav
        } else if starts(Array("BM".utf8)) {
            self = .bmp
        } else if starts(Array("fLaC".utf8)) {
            self = .flac
        } else if starts(Array("OggS".utf8)) {
            self = .ogg
        } else if starts(Array("ID3".utf8)) || (bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) {
            self = .mp3
        } else {
            self = .unknown
        }
    }

    /// The file extension: the format's usual one, `bin` for unknown bytes.
    var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .unknown: return "bin"
        default: return rawValue
        }
    }
}
