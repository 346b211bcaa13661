import TensorBoardEvents
import TestSupport
import Testing

@testable import EventDumpKit

@Suite struct OutputTests {
    @Test func numbersReadBackExactly() {
        #expect(NumberFormatting.text(Double(Float(0.1))) == "0.10000000149011612")
        #expect(NumberFormatting.readable(Double(Float(0.1))) == "0.1")
        #expect(Float(NumberFormatting.readable(Double(Float(0.1)))) == Float(0.1))
        #expect(NumberFormatting.readable(0.1) == "0.1")  // a double that is not a float stays a double
        #expect(NumberFormatting.readable(1.0 / 3.0) == "0.3333333333333333")
        #expect(NumberFormatting.readable(1_795_476_561.8499458) == "1795476561.8499458")
        #expect(NumberFormatting.readable(Double(Float.greatestFiniteMagnitude)) == "3.4028235e+38")
        #expect(NumberFormatting.readable(1e300) == "1e+300")
        #expect(NumberFormatting.readable(-0.0) == "-0.0")
        #expect(NumberFormatting.readable(.nan) == "NaN")
        #expect(NumberFormatting.readable(-.infinity) == "-inf")
        #expect(NumberFormatting.json(.infinity) == "\"Infinity\"")
        for _ in 0..<1000 {
            let value = Double(Float(bitPattern: UInt32.random(in: 0...UInt32.max)))
            guard value.isFinite else { continue }
            #expect(Float(NumberFormatting.readable(value)).map(Double.init) == value)
            #expect(Double(NumberFormatting.text(value)) == value)
        }
    }

    @Test func csvFieldsAreQuotedAndFormulasNeutralised() {
        #expect(CSV.field("loss") == "loss")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("=1+2") == "'=1+2")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSV.field("-0.5", isText: false) == "-0.5")
        #expect(CSV.field("a\tb", separator: "\t") == "\"a\tb\"")
        #expect(CSV.field("a\tb") == "a\tb")
    }

    @Test func controlCharactersAreShownNotSent() {
        #expect(TerminalSafety.escaped("epoch_loss") == "epoch_loss")
        #expect(TerminalSafety.escaped("\u{1B}[2J") == "\\e[2J")
        #expect(TerminalSafety.escaped("a\\b\n") == "a\\\\b\\n")
        #expect(TerminalSafety.escaped("\u{9B}31m") == "\\u{9b}31m")
        #expect(TerminalSafety.escaped("bell\u{07}") == "bell\\x07")
        #expect(TerminalSafety.escaped("päivä ✓") == "päivä ✓")
    }

    @Test(arguments: [OutputFormat.csv, .tsv])
    func theFastScalarRowsAreByteForByteWhatTheTableWriterWrites(format: OutputFormat) throws {
        let numbers: [Double] = [
            0, -0.0, 1, -1.5, 0.1, Double(Float(0.1)), 1 / 3, 1e-300, .leastNonzeroMagnitude, 1e300,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .nan, .infinity, -.infinity, 1_795_476_561.8499458,
            123_456_789_012_345_680,
        ]
        let steps: [Int64] = [
            0, 1, -1, 9, 10, 99, 100, 1 << 40, .max, .min, -1_234_567_890, 12_345_678, 123_456_789,
            999_999_999_999_999, 9_999_999_999_999_999, 10_000_000_000_000_000, 99_999_999, 100_000_000,
        ]
        let tags = [
            "loss", "a,b", "say \"hi\"", "=cmd", "tab\there", "two\nlines", "-x", String(repeating: "t", count: 70_000),
        ]
        let runs = [".", "train", "run, with comma"]
        let fast = StringSink()
        let batched = StringSink()
        let prepared = StringSink()
        let general = StringSink()
        let encoder = try #require(ScalarRowEncoder(format: format, sink: fast))
        let batchEncoder = try #require(ScalarRowEncoder(format: format, sink: batched))
        // Batches whose numbers' texts were made ahead (values only, or values and wall times, by turns), as the
        // reading thread of `eventdump scalars` makes them when the writing thread falls behind.
        let preparedEncoder = try #require(ScalarRowEncoder(format: format, sink: prepared))
        var batchNumber = 0
        let table = TableWriter(format: format, columns: ["run", "tag", "step", "wall_time", "value"], sink: general)
        var generator = SystemRandomNumberGenerator()
        for run in runs {
            encoder.startRun(run)
            batchEncoder.startRun(run)
            preparedEncoder.startRun(run)
            var batch: [ScalarPoint] = []
            for row in 0..<3000 {
                // The long tag (past the 64 KiB buffer: the fallback path) now and then; the others at random.
                let series = row % 500 == 7 ? tags.count - 1 : Int.random(in: 0..<(tags.count - 1), using: &generator)
                let step = row < steps.count ? steps[row] : Int64.random(in: -1000...1_000_000, using: &generator)
                let wallTime = numbers.randomElement(using: &generator) ?? 0
                let value =
                    row % 3 == 0
                    ? Double(Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &generator)))
                    : (numbers.randomElement(using: &generator) ?? 0)
                encoder.append(seriesIndex: series, tag: tags[series], step: step, wallTime: wallTime, value: value)
                table.write([.text(run), .text(tags[series]), .integer(step), .number(wallTime), .number(value)])
                batch.append(ScalarPoint(seriesIndex: series, step: step, wallTime: wallTime, value: value))
                if row % 7 == 3 || Int.random(in: 0..<100, using: &generator) == 0 {
                    batchEncoder.append(batch, tags: tags)
                    let texts = ScalarRowEncoder.PreparedTexts(batch, withWallTimes: batchNumber % 2 == 0)
                    preparedEncoder.append(batch, tags: tags, texts: texts)
                    batchNumber += 1
                    batch.removeAll()
                }
            }
            batchEncoder.append(batch, tags: tags)
            preparedEncoder.append(batch, tags: tags, texts: ScalarRowEncoder.PreparedTexts(batch, withWallTimes: true))
        }
        encoder.flush()
        batchEncoder.flush()
        preparedEncoder.flush()
        table.finish()
        #expect(fast.text.utf8.count > 1 << 18)  // several buffers' worth, and the long tag's fallback
        #expect(fast.text == general.text)
        #expect(batched.text == general.text)
        #expect(prepared.text == general.text)
    }

    @Test func aNumbersTextMadeAheadIsTheTextOfTheNumber() {
        let numbers: [Double] = [
            0, -0.0, 1, -1.5, 0.1, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .nan, -.nan, .infinity,
            -.infinity, 1_795_476_561.8499458,
        ]
        for number in numbers {
            let made = NumberText(number)
            let text = withUnsafeTemporaryAllocation(byteCount: NumberText.maximumLength, alignment: 8) { buffer in
                let length = made.store(at: buffer.baseAddress!)
                return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
            }
            #expect(text == NumberFormatting.text(number))
        }
    }
}
