import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

// The logs in fixtures/peers were written by the real tools (tf.summary, Keras, tensorboardX, TensorBoard's own
// writer, PyTorch); fixtures/peers/expected/<set>.json holds what TensorBoard's Python loader returns for them
// (scripts/make_peer_fixtures.py made both). Our reader must return the same runs, tags, plugins, steps, wall
// times and values, bit for bit.

/// One set's expected values, as fixtures/README.md describes them.
struct ExpectedSet: Decodable {
    struct Series: Decodable {
        var plugin: String
        var dataClass: Int32
        var contentBase64: String?
        var points: [Point]
        var allPoints: [Point]?

        enum CodingKeys: String, CodingKey {
            case plugin, points
            case dataClass = "data_class"
            case contentBase64 = "content_base64"
            case allPoints = "all_points"
        }
    }

    struct Point: Decodable {
        var step: Int64
        var wallTime: String
        var dtype: String
        var shape: [Int64]
        var values: [Element]

        enum CodingKeys: String, CodingKey {
            case step, dtype, shape, values
            case wallTime = "wall_time"
        }
    }

    /// A flattened tensor element: float64 bits, an integer, a string, or an image digest.
    enum Element: Decodable, Equatable {
        case bits(UInt64)
        case integer(String)
        case utf8(String)
        case base64(String)
        case digest(sha256: String, length: Int)

        init(from decoder: Decoder) throws {
            if let hex = try? decoder.singleValueContainer().decode(String.self) {
                guard let bits = UInt64(hex, radix: 16) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: hex))
                }
                self = .bits(bits)
                return
            }
            let object = try decoder.singleValueContainer().decode([String: AnyValue].self)
            if case .string(let value)? = object["int"] {
                self = .integer(value)
            } else if case .string(let value)? = object["utf8"] {
                self = .utf8(value)
            } else if case .string(let value)? = object["base64"] {
                self = .base64(value)
            } else if case .string(let digest)? = object["sha256"], case .number(let length)? = object["length"] {
                self = .digest(sha256: digest, length: Int(length))
            } else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(object)"))
            }
        }
    }

    enum AnyValue: Decodable {
        case string(String)
        case number(Double)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }
    }

    var runs: [String: [String: Series]]
}

/// Everything our library reads from one fixture set with ``Logdir/read(_:filter:purging:options:)``: per run,
/// the series info and the points, purged as TensorBoard's Python loader purges them, and unpurged.
struct ReadSet {
    var infos: [String: [String: SeriesInfo]] = [:]
    var purged: [String: RunPoints] = [:]
    var unpurged: [String: RunPoints] = [:]
    var errors: [String] = []
}

func readSet(_ logdir: String) throws -> ReadSet {
    var result = ReadSet()
    let purged = try Logdir.read(logdir, purging: .pythonLoader)
    let unpurged = try Logdir.read(logdir, purging: nil)
    result.errors =
        purged.damage.map(\.description) + purged.discoveryProblems.map(\.description)
        + purged.incompleteTails.map { "\($0.path): \($0.byteCount) bytes pending" }
    for run in purged.runs {
        result.infos[run.name] = Dictionary(run.series.map { ($0.tag, $0) }, uniquingKeysWith: { first, _ in first })
        result.purged[run.name] = run.points
    }
    for run in unpurged.runs { result.unpurged[run.name] = run.points }
    return result
}

private let peerSets = ["tf_summary", "keras_fit", "tensorboardx", "tb_writer_legacy", "pytorch", "resume_purge"]

private func loadExpected(_ set: String) throws -> ExpectedSet {
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/peers/expected/\(set).json")
    return try JSONDecoder().decode(ExpectedSet.self, from: Data(contentsOf: url))
}

/// Compares one of our points with the Python loader's; returns what differs, or `nil`.
private func difference(_ ours: DataPoint, _ expected: ExpectedSet.Point, dataClass: Int32) -> String? {
    guard ours.step == expected.step else { return "step \(ours.step) != \(expected.step)" }
    guard
        String(ours.wallTime.bitPattern, radix: 16) == expected.wallTime.drop(while: { $0 == "0" })
            || ours.wallTime.bitPattern == UInt64(expected.wallTime, radix: 16)
    else {
        return "wall time \(ours.wallTime) != \(expected.wallTime)"
    }
    let narrow = expected.dtype == "float32"  // the Python loader's legacy conversions round to float32
    func bits(_ value: Double) -> ExpectedSet.Element { .bits((narrow ? Double(Float(value)) : value).bitPattern) }
    let values: [ExpectedSet.Element]
    var shape: [Int64]
    switch ours.value {
    case .scalar(let value):
        if expected.dtype.hasPrefix("int") || expected.dtype.hasPrefix("uint") || expected.dtype == "bool" {
            // Our scalars are doubles: an integer beyond ±2^53 comes back as the nearest double (as TensorBoard's
            // dashboard, whose numbers are JavaScript doubles, shows it); the Python loader keeps the integer.
            guard case .integer(let text)? = expected.values.first, let integer = Int64(text), value == Double(integer)
            else {
                return "integer scalar \(value) != \(expected.values)"
            }
            return nil
        }
        values = [bits(value)]
        shape = []
    case .histogram(let buckets):
        values = buckets.flatMap { [bits($0.leftEdge), bits($0.rightEdge), bits($0.count)] }
        shape = [Int64(buckets.count), 3]
    case .text(let strings, let textShape):
        values = strings.map { .utf8($0) }
        shape = textShape
    case .images(let sample):
        values =
            [.utf8(String(sample.width)), .utf8(String(sample.height))]
            + sample.images.map { .digest(sha256: sha256Hex($0), length: $0.count) }
        shape = [Int64(sample.images.count + 2)]
    case .hparams:
        values = []
        shape = [0]
    case .tensor(let tensor):
        if tensor.dataType == .string {
            values = tensor.stringValues.map { .utf8(String(decoding: $0, as: UTF8.self)) }
        } else {
            values = (TensorValues.numbers(of: tensor) ?? []).map(bits)
        }
        shape = tensor.shape?.sizes ?? []
        // TensorBoard's loaders present a rank-0 blob (Keras's model JSON, plugin graph_keras_model) as a
        // sequence of one blob (tensorboard/dataclass_compat.py); we keep the tensor as written.
        if dataClass == DataClass.blobSequence.rawValue, shape.isEmpty, expected.shape == [1] { shape = [1] }
    case .audio(let clips):
        values = clips.map { .base64(Data($0).base64EncodedString()) }
        shape = [Int64(clips.count)]
    }
    // Scalar tensors may be rank 0 or hold one element; the loader reports the written shape.
    if case .scalar = ours.value {
        guard expected.values.count == 1 else { return "expected one value, got \(expected.values)" }
    } else if shape != expected.shape {
        return "shape \(shape) != \(expected.shape)"
    }
    guard values == expected.values else { return "values \(values.prefix(6)) != \(expected.values.prefix(6))" }
    return nil
}

@Suite struct PeerFixtureTests {
    @Test(arguments: peerSets)
    func readsWhatTensorBoardsPythonLoaderReads(set: String) throws {
        let expected = try loadExpected(set)
        let read = try readSet(packageRoot + "/fixtures/peers/\(set)")
        #expect(read.errors.isEmpty, "\(read.errors)")
        #expect(Set(read.purged.keys) == Set(expected.runs.keys))
        for (run, tags) in expected.runs {
            let infos = read.infos[run] ?? [:]
            #expect(Set(infos.keys) == Set(tags.keys), "\(set) \(run): tags")
            for (tag, series) in tags {
                guard let info = infos[tag] else { continue }
                #expect(info.pluginName == series.plugin, "\(set) \(run)/\(tag): plugin")
                #expect(info.effectiveDataClass.rawValue == series.dataClass, "\(set) \(run)/\(tag): data class")
                let ours = read.purged[run]?.pointsByTag[tag] ?? []
                #expect(
                    ours.count == series.points.count,
                    "\(set) \(run)/\(tag): \(ours.count) points, expected \(series.points.count)"
                )
                for (point, expectedPoint) in zip(ours, series.points) {
                    if let problem = difference(point, expectedPoint, dataClass: series.dataClass) {
                        Issue.record("\(set) \(run)/\(tag) step \(expectedPoint.step): \(problem)")
                    }
                }
                if let allPoints = series.allPoints {
                    let unpurged = read.unpurged[run]?.pointsByTag[tag] ?? []
                    #expect(unpurged.count == allPoints.count, "\(set) \(run)/\(tag): all points")
                    for (point, expectedPoint) in zip(unpurged, allPoints) {
                        if let problem = difference(point, expectedPoint, dataClass: series.dataClass) {
                            Issue.record("\(set) \(run)/\(tag) (all points) step \(expectedPoint.step): \(problem)")
                        }
                    }
                }
                if let content = series.contentBase64, let bytes = Data(base64Encoded: content) {
                    let expectedData = try HParamsPluginData(serializedBytes: [UInt8](bytes))
                    if case .hparams(let data)? = ours.first?.value {
                        #expect(data == expectedData, "\(set) \(run)/\(tag): hparams content")
                    } else {
                        Issue.record("\(set) \(run)/\(tag): no hparams point")
                    }
                }
            }
        }
    }
}
