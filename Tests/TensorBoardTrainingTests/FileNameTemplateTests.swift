import Foundation
import TestSupport
import Testing

@testable import TensorBoardTraining

/// fixtures/callbacks/format_spec.json: `format(value, spec)` as Python 3 computed it (or the error it raised).
private struct FormatCase: Decodable {
    enum Value: Decodable {
        case float(Double)
        case int(Int)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bits = try? container.decode(String.self) {
                self = .float(UInt64(bits, radix: 16).map(Double.init(bitPattern:)) ?? .nan)
            } else {
                self = .int(try container.decode(Int.self))
            }
        }
    }

    var kind: String
    var value: Value
    var spec: String
    var text: String?
    var error: String?
}

private let formatCases: [FormatCase] = {
    struct File: Decodable { var cases: [FormatCase] }
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/callbacks/format_spec.json")
    return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases) ?? []
}()

@Suite struct FileNameTemplateTests {
    @Test func formatsEveryFieldAsPythonFormatsIt() throws {
        #expect(formatCases.count > 3000)
        var refused = 0
        for testCase in formatCases {
            // A float goes in as a logs value, an int as the epoch (which the template shows from 1).
            let ours: Result<String, FileNameTemplate.Error>
            switch testCase.value {
            // A refused spec is refused when the template is made, before any value.
            case .float(let value):
                ours = Result { () throws(FileNameTemplate.Error) in
                    try FileNameTemplate("{x:\(testCase.spec)}").fileName(epoch: 0, logs: ["x": value])
                }
            case .int(let value):
                ours = Result { () throws(FileNameTemplate.Error) in
                    try FileNameTemplate("{epoch:\(testCase.spec)}").fileName(epoch: value - 1, logs: [:])
                }
            }
            let label = "format(\(testCase.value), '\(testCase.spec)')"
            if let text = testCase.text {
                #expect((try? ours.get()) == text, "\(label): \(ours) vs Python's '\(text)'")
            } else {
                guard case .failure(.invalidFormatSpec) = ours else {
                    Issue.record("\(label): \(ours), but Python raised \(testCase.error ?? "")")
                    continue
                }
                refused += 1
            }
        }
        #expect(refused == formatCases.filter { $0.text == nil }.count)
    }

    @Test func fillsInFieldsAndLiteralBraces() throws {
        let logs: TrainingLogs = ["val_loss": 0.123456789, "acc": 0.5]
        #expect(try FileNameTemplate("m-{epoch:02d}-{val_loss:.4f}").fileName(epoch: 6, logs: logs) == "m-07-0.1235")
        #expect(try FileNameTemplate("{epoch}_{acc}|{{x}}").fileName(epoch: 0, logs: logs) == "1_0.5|{x}")
        #expect(throws: FileNameTemplate.Error.missingKey("val_acc", template: "{val_acc}")) {
            try FileNameTemplate("{val_acc}").fileName(epoch: 0, logs: logs)
        }
        #expect(throws: FileNameTemplate.Error.malformed("{epoch")) {
            try FileNameTemplate("{epoch").fileName(epoch: 0, logs: logs)
        }
        let error = FileNameTemplate.Error.invalidFormatSpec(
            "d",
            key: "acc",
            reason: "Unknown format code 'd' for object of type 'float'",
            template: "{acc:d}"
        )
        #expect(throws: error) { try FileNameTemplate("{acc:d}").fileName(epoch: 0, logs: logs) }
        #expect(
            error.description
                == "the format spec 'd' of '{acc}' cannot be used: Unknown format code 'd' for object of type 'float'. "
                + "Received: template={acc:d}"
        )
    }

    @Test func refusesTheCodesItDoesNotSupportAndHugeWidths() {
        for spec in ["x", "X", "o", "b", "c", "n", "1001", ".1001f", "99999999999999999999d"] {
            #expect(throws: FileNameTemplate.Error.self, "\(spec)") {
                try FileNameTemplate("{epoch:\(spec)}").fileName(epoch: 3, logs: [:])
            }
        }
        #expect(throws: Never.self) { try FileNameTemplate("{epoch}").fileName(epoch: .max, logs: [:]) }
    }
}
