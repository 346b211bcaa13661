import Foundation
import TestSupport
import Testing

@testable import EventDumpKit
@testable import TensorBoardEvents

/// `eventdump aggregate`: statistics over the seeds of each group, per tag and step. The expected values are
/// worked out by hand (the standard deviations with Python's `statistics.stdev`).
@Suite struct AggregateCommandTests {
    let directory = TemporaryDirectory()

    /// Four seeds of `exp/a` and one of `exp/b`, each value a 32-bit float exactly:
    /// step 0: 1, 3, 8, 20 (an even count: the median is the mean of 3 and 8); step 1: only seeds 1 and 2 (lax
    /// steps); step 2: 10 and a NaN (left out); step 3: a NaN alone (count 0); tag `y` only in seed 1.
    func writeSeeds() throws {
        let values: [[Int64: Float]] = [
            [0: 1, 1: 2, 2: 10], [0: 3, 1: 4, 2: .nan], [0: 8, 3: .nan], [0: 20],
        ]
        for (index, points) in values.enumerated() {
            let writer = try SummaryWriter(runDirectory: directory.path + "/logs/exp/a_seed-\(index + 1)")
            for (step, value) in points.sorted(by: { $0.key < $1.key }) {
                try writer.scalar("x", value, step: step, wallTime: 1000)
            }
            if index == 0 { try writer.scalar("y", Float(0.5), step: 7, wallTime: 1000) }
            try writer.close()
        }
        let single = try SummaryWriter(runDirectory: directory.path + "/logs/exp/b_seed-1")
        try single.scalar("x", Float(9), step: 0, wallTime: 1000)
        try single.scalar("x", Float(2.5), step: 0, wallTime: 1001)  // step 0 again: the last value counts
        try single.close()
    }

    @Test func givesCountMeanSampleStdMinMaxMedianPerGroupTagAndStep() throws {
        try writeSeeds()
        let result = eventdump("aggregate", directory.path + "/logs", "--group-by", "seed-\\d+", "--format", "csv")
        #expect(result.status == 0)
        #expect(
            result.output == """
                group,tag,step,count,mean,std,min,max,median
                exp/a,x,0,4,8.0,8.524474568362947,1.0,20.0,5.5
                exp/a,x,1,2,3.0,1.4142135623730951,2.0,4.0,3.0
                exp/a,x,2,1,10.0,NaN,10.0,10.0,10.0
                exp/a,x,3,0,NaN,NaN,NaN,NaN,NaN
                exp/a,y,7,1,0.5,NaN,0.5,0.5,0.5
                exp/b,x,0,1,2.5,NaN,2.5,2.5,2.5

                """
        )
        #expect(
            result.errors
                == "note: run exp/b_seed-1: 1 point dropped as TensorBoard drops them after a restart (use --keep-all to keep them)\n"
        )
        // With --keep-all both values are read; the last counts, as tensorboard-reducer's keep-last has it.
        let kept = eventdump(
            "aggregate",
            directory.path + "/logs",
            "--group-by",
            "seed-\\d+",
            "--run",
            "exp/b",
            "--keep-all",
            "--format",
            "csv"
        )
        #expect(kept.output.hasSuffix("exp/b,x,0,1,2.5,NaN,2.5,2.5,2.5\n"))
        #expect(
            kept.errors
                == "note: run exp/b_seed-1: 1 value logged again at a step already logged for its tag; the last value of each step is used\n"
        )
    }

    @Test func filtersByTagAndStepsAsTheOtherCommands() throws {
        try writeSeeds()
        let result = eventdump(
            "aggregate",
            directory.path + "/logs",
            "--group-by",
            "_seed-\\d+",
            "--tag",
            "^x$",
            "--steps",
            "1:2",
            "--run",
            "exp/a",
            "--format",
            "csv"
        )
        #expect(
            result.output == """
                group,tag,step,count,mean,std,min,max,median
                exp/a,x,1,2,3.0,1.4142135623730951,2.0,4.0,3.0
                exp/a,x,2,1,10.0,NaN,10.0,10.0,10.0

                """
        )
    }

    @Test func outputWritesEachGroupsStatisticsAsRunsThatReadBack() throws {
        try writeSeeds()
        let output = directory.path + "/reduced"
        let result = eventdump("aggregate", directory.path + "/logs", "--group-by", "seed-\\d+", "--output", output)
        #expect(result.status == 0 && result.output.isEmpty)
        let names = ["mean", "mean+std", "mean-std", "min", "max", "median"]
        #expect(result.errors.hasSuffix(names.map { "wrote \(output)/exp/b/\($0)\n" }.joined()))
        let log = try Logdir.read(output)
        #expect(log.runs.map(\.name).sorted() == names.flatMap { ["exp/a/\($0)", "exp/b/\($0)"] }.sorted())
        func values(_ run: String, _ tag: String = "x") -> [String] {
            let found = log.runs.first { $0.name == run }?.scalars(tag) ?? []
            return found.map { "\($0.step):\($0.value)" }
        }
        #expect(values("exp/a/mean") == ["0:8.0", "1:3.0", "2:10.0", "3:nan"])
        // 8 + 8.524474568362947 and 3 - 1.4142135623730951 as the nearest 32-bit floats.
        #expect(
            values("exp/a/mean+std").prefix(2) == [
                "0:\(Double(Float(16.524474568362947)))", "1:\(Double(Float(4.414213562373095)))",
            ]
        )
        #expect(
            values("exp/a/mean-std").prefix(2) == [
                "0:\(Double(Float(-0.524474568362947)))", "1:\(Double(Float(1.5857864376269049)))",
            ]
        )
        #expect(values("exp/a/median") == ["0:5.5", "1:3.0", "2:10.0", "3:nan"])
        #expect(values("exp/a/min", "y") == ["7:0.5"])
        #expect(values("exp/b/max") == ["0:2.5"])
        #expect(values("exp/b/mean+std") == ["0:nan"])  // one run: no standard deviation
    }

    @Test func anExistingOutputRunIsRefusedUnlessForcedAndOnlyEventFilesAreReplaced() throws {
        try writeSeeds()
        let output = directory.path + "/reduced"
        let arguments = ["aggregate", directory.path + "/logs", "--group-by", "seed-\\d+", "--output", output]
        #expect(eventdump(arguments).status == 0)
        let again = eventdump(arguments)
        #expect(again.status == 1)
        #expect(
            again.errors.split(separator: "\n").last.map(String.init)
                == "Error: '\(output)/exp/a/mean' already exists and is not empty (--force replaces the event files of such a run)"
        )
        #expect(eventdump(arguments + ["--force"]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: output + "/exp/a/mean")
        #expect(files.count == 1 && files[0].hasPrefix("events.out.tfevents"))
        try "notes".write(toFile: output + "/exp/b/max/notes.txt", atomically: false, encoding: .utf8)
        let refused = eventdump(arguments + ["--force"])
        #expect(refused.status == 1)
        #expect(
            refused.errors.split(separator: "\n").last.map(String.init)
                == "Error: '\(output)/exp/b/max' holds more than event files and was not written by aggregate; remove it yourself"
        )
        // Nothing was removed or written: every directory is checked first.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/exp/a/mean") == files)
    }

    @Test(arguments: [
        (["--format", "csv"], "missing --group-by <regex> (what to remove from run names, such as 'seed-[0-9]+')"),
        (
            ["--group-by", "seed("],
            "--group-by: 'seed(' is not a regular expression this tool takes: missing ')' (at character 6)"
        ),
        (
            ["--group-by", "(?=x)"],
            "--group-by: '(?=x)' is not a regular expression this tool takes: lookaround and inline options are not supported (at character 3)"
        ),
        (["--group-by", "s", "--force"], "--force goes with --output <dir>"),
        (
            ["--group-by", "s", "--output", "x", "--format", "csv"],
            "--output writes TensorBoard runs and takes no --format"
        ),
    ])
    func usageErrorsSayWhatIsWrong(arguments: [String], message: String) {
        let result = eventdump(["aggregate", directory.path] + arguments)
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("Error: \(message)\nUsage: eventdump aggregate <logdir> --group-by <regex>"))
    }
}
