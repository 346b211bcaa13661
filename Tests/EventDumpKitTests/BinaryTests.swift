import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

@Suite struct BinaryTests {
    @Test func theBuiltBinaryPrintsTablesAndExitsWithTheDocumentedStatuses() throws {
        let binary = try #require(
            eventdumpBinary(),
            "eventdump is not built; run `swift build` first (scripts/test does)"
        )
        let ok = try runBinary(
            binary,
            [
                "scalars", packageRoot + "/fixtures/peers/tb_writer_legacy", "--format", "csv", "--tag",
                "legacy/two_values_a",
            ]
        )
        #expect(ok.status == 0)
        #expect(
            ok.output
                == eventdump(
                    "scalars",
                    packageRoot + "/fixtures/peers/tb_writer_legacy",
                    "--format",
                    "csv",
                    "--tag",
                    "legacy/two_values_a"
                ).output
        )
        let usage = try runBinary(binary, ["nonsense"])
        #expect(usage.status == 2)
        let missing = try runBinary(binary, ["scalars", "/nonexistent/logs"])
        #expect(
            missing
                == Invocation(
                    status: 1,
                    output: "",
                    errors: "Error: /nonexistent/logs: not a readable directory: No such file or directory (errno 2)\n"
                )
        )
    }
}
