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
}
