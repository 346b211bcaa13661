import Foundation
import Testing

@testable import EventDumpKit

/// SplitMix64: a small seeded generator, so that every run checks the same values.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Where `ShortestDecimal` and `Double.description` disagree among `values` (non-finite ones skipped), at most
/// `limit` of them.
private func disagreements(_ values: some Sequence<Double>, limit: Int = 5) -> [String] {
    var found: [String] = []
    withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { buffer in
        for value in values where value.isFinite {
            let length = ShortestDecimal.write(value, to: buffer.baseAddress!)
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
            if text != value.description {
                found.append("\(value.bitPattern): \(text) vs \(value.description)")
                if found.count >= limit { return }
            }
        }
    }
    return found
}

/// A value and its neighbours on either side.
private func withNeighbours(_ value: Double) -> [Double] {
    [value.nextDown.nextDown, value.nextDown, value, value.nextUp, value.nextUp.nextUp].flatMap { [$0, -$0] }
}

@Suite struct ShortestDecimalTests {
    @Test func spellsValuesAsSwiftDoes() {
        let cases: [(Double, String)] = [
            (0, "0.0"), (-0.0, "-0.0"), (1, "1.0"), (-1, "-1.0"), (0.1, "0.1"), (123.456, "123.456"),
            (100, "100.0"), (1e15, "1000000000000000.0"), (9_007_199_254_740_992, "9007199254740992.0"),
            (9_007_199_254_740_994, "9.007199254740994e+15"), (1e16, "1e+16"), (1e-4, "0.0001"),
            (1e-5, "1e-05"), (9.999e-5, "9.999e-05"), (.leastNonzeroMagnitude, "5e-324"), (1.5e300, "1.5e+300"),
            (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (-2.2250738585072014e-308, "-2.2250738585072014e-308"),
            (Double(Float(0.1)), "0.10000000149011612"), (1_795_476_561.8499458, "1795476561.8499458"),
            (2.0 / 3.0, "0.6666666666666666"), (1e23, "1e+23"),
        ]
        for (value, text) in cases {
            #expect(ShortestDecimal.text(value) == text)
            #expect(value.description == text)
        }
    }

    /// 2^21 seeded random bit patterns: every exponent, sign and significand, uniformly.
    @Test func agreesWithSwiftOnRandomBitPatterns() {
        var generator = SeededGenerator(state: 0x5EED_0001)
        let values = (0..<(1 << 21)).lazy.map { _ in Double(bitPattern: generator.next()) }
        #expect(disagreements(values) == [])
    }

    /// Values with few digits (random digits times a random power of ten), where the interval's ends and exact
    /// ties (the rare paths) are common; and numbers as scalar logs hold them.
    @Test func agreesWithSwiftOnShortDecimalsFloatsAndTimestamps() {
        var generator = SeededGenerator(state: 0x5EED_0002)
        let decimals = (0..<(1 << 19)).lazy.map { _ -> Double in
            let digits = Int.random(in: 1...17, using: &generator)
            let significand = UInt64.random(in: 0..<UInt64(pow(10.0, Double(digits))), using: &generator)
            let exponent = Int.random(in: -330...310, using: &generator)
            return Double("\(significand)e\(exponent)") ?? 0
        }
        #expect(disagreements(decimals) == [])
        let floats = (0..<(1 << 19)).lazy.map { _ in
            Double(Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())))
        }
        #expect(disagreements(floats) == [])
        let times = (0..<(1 << 17)).lazy.map { _ in Double.random(in: 1.5e9...1.9e9, using: &generator) }
        #expect(disagreements(times) == [])
        let small = (0..<(1 << 17)).lazy.map { _ in Double(Float.random(in: -10...10, using: &generator)) }
        #expect(disagreements(small) == [])
    }

    /// From 2^30 to 2^31 the digits come from ``ShortestDecimal/wallTimeDigits(significand:)``: the same as Ryū's
    /// for random significands, and for every low 16 bits (which alone decide the position's fraction, so every
    /// exact tie and interval end) under several high parts; the texts are Swift's, for wall times with few
    /// decimals too.
    @Test func wallTimesGetRyusDigits() {
        typealias Ryu = ShortestDecimal.Ryu
        var generator = SeededGenerator(state: 0x5EED_0004)
        var significands = (0..<(1 << 18)).map { _ in generator.next() & (1 << 52 - 1) }
        for _ in 0..<6 {
            let high = generator.next() & (1 << 52 - 1) & ~0xFFFF
            significands += (0..<(1 << 16)).map { high | UInt64($0) }
        }
        significands += [0, 1, 2, 1 << 52 - 1, 1 << 52 - 2, 1 << 22, 1 << 21, 0x8000]
        var mismatches: [UInt64] = []
        for significand in significands
        where ShortestDecimal.wallTimeDigits(significand: significand)
            != Ryu.shortest(mantissa: significand, exponent: 1053)
        {
            mismatches.append(significand)
            if mismatches.count >= 5 { break }
        }
        #expect(mismatches == [])
        let values = significands.map { Double(sign: .plus, exponentBitPattern: 1053, significandBitPattern: $0) }
        #expect(values.allSatisfy { $0 >= 0x1p30 && $0 < 0x1p31 })
        #expect(disagreements(values.prefix(1 << 16).flatMap { [$0, -$0] }) == [])
        // Whole seconds and a few decimals, as clocks with coarser ticks write them.
        let fewDigits = (0..<(1 << 16)).map { index -> Double in
            let seconds = Double(UInt64.random(in: 1 << 30..<1 << 31, using: &generator))
            let decimals = index % 8
            let scale = pow(10.0, Double(decimals))
            return seconds + Double(UInt64.random(in: 0..<UInt64(scale), using: &generator)) / scale
        }
        #expect(disagreements(fewDigits.filter { $0 < 0x1p31 }) == [])
    }

    /// From 2^-11 to 2^53 the digits come from ``ShortestDecimal/exactDigits(n:e:)``: the same as Ryū's for every
    /// exponent, for random significands and for ones whose position falls exactly half way between two units
    /// (a significand with exactly `-e - 1 - k` trailing zero bits), where the even unit is taken.
    @Test func valuesFromTwoToTheMinusElevenToTwoToTheFiftyThreeGetRyusDigits() {
        typealias Ryu = ShortestDecimal.Ryu
        var generator = SeededGenerator(state: 0x5EED_0005)
        var mismatches: [String] = []
        var ties = 0
        for exponentBits in 1012...1074 {
            let e = exponentBits - 1075
            let k = -Int((Double(e) * log10(2.0)).rounded(.down))
            var significands = (0..<4096).map { _ in generator.next() & (1 << 52 - 1) | 1 }
            let zeros = -e - 1 - k
            if zeros >= 0 && zeros <= 51 {
                for _ in 0..<256 {
                    // An odd part with its top bit at 52 - zeros, shifted up by zeros: exactly that many zero bits.
                    let odd = (generator.next() & (1 << (52 - zeros) - 1)) | 1 << (52 - zeros) | 1
                    significands.append(odd << zeros & (1 << 52 - 1))
                    ties += 1
                }
            }
            for significand in significands {
                let exact = ShortestDecimal.exactDigits(n: significand | 1 << 52, e: e)
                let ryu = Ryu.shortest(mantissa: significand, exponent: exponentBits)
                if exact != ryu, mismatches.count < 5 { mismatches.append("\(exponentBits) \(significand)") }
            }
        }
        #expect(mismatches == [])
        #expect(ties > 10_000)
    }

    @Test func agreesWithSwiftOnEdgeCases() {
        var values: [Double] = [0, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude]
        // Every subnormal with one or two significand bits set, and the largest.
        for bit in 0..<52 {
            values.append(Double(bitPattern: 1 << UInt64(bit)))
            values.append(Double(bitPattern: 1 << UInt64(bit) | 1))
        }
        values += withNeighbours(Double(bitPattern: (1 << 52) - 1))
        // Every power of two and of ten, each with its neighbours.
        for exponent in -1074...1023 {
            values += withNeighbours(Double(sign: .plus, exponent: exponent, significand: 1))
        }
        for exponent in -323...308 { values += withNeighbours(Double("1e\(exponent)")!) }
        // Where the layout switches: 10^-5 and 10^-4, 2^53 and 2^54, 10^15 and 10^16.
        for value in [1e-5, 1e-4, 9.9999e-5, 9_007_199_254_740_992, 18_014_398_509_481_984, 1e15, 1e16] {
            values += withNeighbours(value)
        }
        // Integers around 2^53, and 0.1-style fractions.
        values += (0..<2000).map { Double(9_007_199_254_740_992 - 1000 + $0 * 2) }
        for denominator in [10.0, 100, 1000, 3, 7] { values += (1...1000).map { Double($0) / denominator } }
        // Floats widened: powers of ten and their neighbours as floats.
        for exponent in -45...38 {
            guard let float = Float("1e\(exponent)") else { continue }
            values += [float.nextDown, float, float.nextUp].map(Double.init)
        }
        #expect(disagreements(values, limit: 20) == [])
    }

    @Test func writesAtMostTheLongestTextAndNothingPastIt() {
        var generator = SeededGenerator(state: 0x5EED_0003)
        var buffer = [UInt8](repeating: 0xEE, count: 40)
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let length = buffer.withUnsafeMutableBytes { ShortestDecimal.write(value, to: $0.baseAddress!) }
            #expect(length <= ShortestDecimal.maximumLength)
            #expect(buffer[ShortestDecimal.maximumLength...].allSatisfy { $0 == 0xEE })
        }
    }

    @Test func writesEightDigitsAtATime() {
        var samples: [UInt32] = [0, 1, 9, 10, 99, 100, 9999, 10_000, 12_345_678, 99_999_999]
        samples += stride(from: 0, to: 100_000_000, by: 9_973).map { UInt32($0) }
        for value in samples {
            let text = withUnsafeBytes(of: ShortestDecimal.Digits.eight(value)) { String(decoding: $0, as: UTF8.self) }
            #expect(text == String(repeating: "0", count: 8 - String(value).count) + String(value))
        }
        for exponent in 0...19 {
            let power = ShortestDecimal.Digits.powerOf10(exponent)
            #expect(ShortestDecimal.Digits.count(power) == exponent + 1)
            if exponent > 0 { #expect(ShortestDecimal.Digits.count(power - 1) == exponent) }
        }
    }

    /// The text-in-registers operations against the same edits on byte arrays, at every offset.
    @Test func editsTextInRegistersAsOnBytes() {
        typealias Text = ShortestDecimal.Text
        func bytes(_ text: Text) -> [UInt8] {
            [text.low, text.middle, text.high].flatMap { word in
                (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) }
            }
        }
        func text(_ bytes: [UInt8]) -> Text {
            let padded = bytes + Array(repeating: 0, count: 24 - bytes.count)
            let words = (0..<3).map { word in
                (0..<8).reduce(UInt64(0)) { $0 | UInt64(padded[word * 8 + $1]) << ($1 * 8) }
            }
            return Text(low: words[0], middle: words[1], high: words[2])
        }
        let digits = Array("12345678901234567".utf8)
        for count in 1...17 {
            let string = Array(digits[..<count])
            #expect(
                bytes(ShortestDecimal.Digits.text(UInt64(String(decoding: string, as: UTF8.self))!, count: count))
                    == string + Array(repeating: 0, count: 24 - count)
            )
            for offset in 0...min(count, 16) {
                var expected = string
                expected.insert(UInt8(ascii: "."), at: offset)
                #expect(
                    bytes(text(string).inserting(UInt8(ascii: "."), at: offset)) == expected
                        + Array(repeating: 0, count: 24 - expected.count)
                )
            }
            for shift in 1...7 where count + shift <= 24 {
                #expect(
                    bytes(text(string).shiftedUp(by: shift)) == Array(repeating: 0, count: shift) + string
                        + Array(repeating: 0, count: 24 - count - shift)
                )
            }
        }
        for offset in 0...23 {
            var placed = text([])
            placed.place(0x0102_0304_0506_0708, at: offset)
            let expected = (Array(repeating: UInt8(0), count: offset) + [8, 7, 6, 5, 4, 3, 2, 1]).prefix(24)
            #expect(bytes(placed) == Array(expected) + Array(repeating: 0, count: 24 - expected.count))
        }
        for start in 0...16 {
            for end in start...16 {
                var filled = text([])
                filled.fill(UInt8(ascii: "0"), from: start, to: end)
                let expected =
                    Array(repeating: 0, count: start) + Array(repeating: UInt8(ascii: "0"), count: end - start)
                #expect(bytes(filled) == expected + Array(repeating: 0, count: 24 - end))
            }
        }
    }

    /// The integer approximations of logarithms are exact over the ranges used, and every shift is in range.
    @Test func logarithmApproximationsAndShiftsHoldWhereUsed() {
        typealias Ryu = ShortestDecimal.Ryu
        var power = Ryu.BigNumber(1)
        for e in 0...3528 {
            #expect(Ryu.pow5Bits(e) == max(power.bitLength, 1), "pow5Bits(\(e))")
            power.multiply(by: 5)
        }
        for e in 0...1650 { #expect(Ryu.log10Pow2(e) == Int((Double(e) * log10(2.0)).rounded(.down))) }
        for e in 0...2620 { #expect(Ryu.log10Pow5(e) == Int((Double(e) * log10(5.0)).rounded(.down))) }
        for exponent in 1...2046 {
            let e2 = exponent - 1077
            let shift: Int
            if e2 >= 0 {
                let q = Ryu.log10Pow2(e2) - (e2 > 3 ? 1 : 0)
                #expect(q < Ryu.Tables.inverseCount)
                shift = Ryu.tableBits + Ryu.pow5Bits(q) - 1 - e2 + q
            } else {
                let q = Ryu.log10Pow5(-e2) - (-e2 > 1 ? 1 : 0)
                #expect(-e2 - q < Ryu.Tables.powerCount)
                shift = q - (Ryu.pow5Bits(-e2 - q) - Ryu.tableBits)
            }
            #expect((65...127).contains(shift), "exponent bits \(exponent)")
        }
    }

    @Test func tablesHoldTheTopBitsOfPowersOfFive() {
        let tables = ShortestDecimal.Ryu.Tables.shared
        // 5 × 2^122 and ⌊2^127 / 5⌋ + 1.
        #expect(tables.powers[2] == 0 && tables.powers[3] == 5 << 58)
        #expect(tables.inverses[2] == 0x9999_9999_9999_999A && tables.inverses[3] == 0x1999_9999_9999_9999)
        // 5^0 as 2^124, and 2^125 + 1.
        #expect(tables.powers[0] == 0 && tables.powers[1] == 1 << 60)
        #expect(tables.inverses[0] == 1 && tables.inverses[1] == 1 << 61)
        // Every entry has exactly 125 significant bits (126 for the inverses, which are rounded up).
        for index in 0..<ShortestDecimal.Ryu.Tables.powerCount {
            #expect(tables.powers[2 * index + 1] >> 60 == 1)
        }
        for index in 0..<ShortestDecimal.Ryu.Tables.inverseCount {
            #expect(tables.inverses[2 * index + 1] >> 62 == 0 && tables.inverses[2 * index + 1] >> 60 >= 1)
        }
    }
}
