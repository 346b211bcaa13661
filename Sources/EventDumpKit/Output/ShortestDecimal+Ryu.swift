// ShortestDecimal+Ryu.swift: the shortest decimal digits of a Double, after Ulf Adams's Ryū (PLDI 2018),
// with its power-of-five tables computed at start-up.

extension ShortestDecimal {
    /// Ryū's search for the shortest decimal in a binary64 value's rounding interval.
    enum Ryu {
        /// Bits kept of each power of five (and of each inverse), as in the paper.
        static let tableBits = 125

        /// The shortest digits and decimal exponent of the positive value with these exponent and significand
        /// bits (not both zero; exponent bits below 2047).
        ///
        /// The value is `m × 2^e`; the interval `[4m - 1 - s, 4m + 2] × 2^(e - 2)` (s = 1 except at a power of
        /// two, whose lower neighbour is nearer) holds every decimal that reads back to it, its ends included when
        /// `m` is even. Scaled by 10^-q (q chosen so that a few digits more than needed are in the integer part),
        /// the three points become integers `vm < vr < vp` to which digits are then removed while `vp` and `vm`
        /// still differ. Whether the removed digits were all zero is tracked only in the rare cases where the
        /// scaling was exact, for the round-to-even tie and for an end of the interval that is itself a decimal.
        @inline(__always)
        static func shortest(mantissa: UInt64, exponent: Int) -> (digits: UInt64, exponent: Int) {
            let m2: UInt64
            let e2: Int
            if exponent == 0 {
                m2 = mantissa
                e2 = 1 - 1023 - 52 - 2
            } else {
                m2 = mantissa | (1 << 52)
                e2 = exponent &- (1023 + 52 + 2)
            }
            let acceptsBounds = m2 & 1 == 0
            let mv = m2 << 2
            let mmShift: UInt64 = mantissa != 0 || exponent <= 1 ? 1 : 0

            var vr: UInt64
            var vp: UInt64
            var vm: UInt64
            var e10: Int
            var vmIsTrailingZeros = false
            var vrIsTrailingZeros = false
            if e2 >= 0 {
                let q = log10Pow2(e2) - (e2 > 3 ? 1 : 0)
                e10 = q
                let shift = tableBits + pow5Bits(q) - 1 - e2 + q
                (vr, vp, vm) = Tables.shared.withInverse(q) { multiply(mv, mmShift, $0, $1, shift) }
                // A point scaled exactly when 5^q divides it, which needs q ≤ 23 (all are below 2^55 < 5^24).
                // (Only values above 2^54 come here, so these checks cost nothing in practice.)
                if q <= 23 {
                    vrIsTrailingZeros = isMultipleOfPowerOf5(mv, q)
                    if acceptsBounds {
                        vmIsTrailingZeros = isMultipleOfPowerOf5(mv - 1 - mmShift, q)
                    } else if isMultipleOfPowerOf5(mv + 2, q) {
                        vp -= 1
                    }
                }
            } else {
                let q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0)
                e10 = q + e2
                let i = -e2 - q
                let shift = q - (pow5Bits(i) - tableBits)
                (vr, vp, vm) = Tables.shared.withPower(i) { multiply(mv, mmShift, $0, $1, shift) }
                if q <= 1 {
                    // A point is scaled exactly when 2^q divides it: mv has two trailing zero bits, mp = mv + 2
                    // one, and mm = mv - 1 - s one when s is 1.
                    vrIsTrailingZeros = true
                    if acceptsBounds {
                        vmIsTrailingZeros = q == 0 || mmShift == 1
                    } else {
                        vp -= 1
                    }
                } else if q < 63 {
                    // Exact when 2^q divides mv (5^(-e2 - q) is an integer); mm and mp have one zero bit at most.
                    vrIsTrailingZeros = mv & ((1 << UInt64(q)) - 1) == 0
                }
            }

            var removed = 0
            var output: UInt64
            if vmIsTrailingZeros {
                // The lower end is itself a decimal (and may be the output): the rare general case.
                var lastRemoved: UInt64 = 0
                while vp / 10 > vm / 10 {
                    vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0
                    vrIsTrailingZeros = vrIsTrailingZeros && lastRemoved == 0
                    lastRemoved = vr % 10
                    vr /= 10
                    vp /= 10
                    vm /= 10
                    removed += 1
                }
                if vmIsTrailingZeros {
                    // Zeros to remove from the lower end too.
                    while vm % 10 == 0 {
                        vrIsTrailingZeros = vrIsTrailingZeros && lastRemoved == 0
                        lastRemoved = vr % 10
                        vr /= 10
                        vp /= 10
                        vm /= 10
                        removed += 1
                    }
                }
                if vrIsTrailingZeros && lastRemoved == 5 && vr % 2 == 0 {
                    // Exactly half way: round to even.
                    lastRemoved = 4
                }
                let outside = vr == vm && (!acceptsBounds || !vmIsTrailingZeros)
                output = vr + (outside || lastRemoved >= 5 ? 1 : 0)
            } else {
                // The common case. The last removed digit rounds; the ones below it matter only for an exact
                // tie, which needs the scaling to have been exact and every one of them to be zero.
                var last: UInt64 = 0
                var isSticky = !vrIsTrailingZeros
                let vpBy100 = vp / 100
                let vmBy100 = vm / 100
                if vpBy100 > vmBy100 {
                    // Two digits at once (most of the time).
                    let vrBy100 = vr / 100
                    let pair = vr &- vrBy100 &* 100
                    last = pair / 10
                    isSticky = isSticky || pair &- last &* 10 != 0
                    vr = vrBy100
                    vp = vpBy100
                    vm = vmBy100
                    removed = 2
                }
                while true {
                    let vpBy10 = vp / 10
                    let vmBy10 = vm / 10
                    if vpBy10 <= vmBy10 { break }
                    let vrBy10 = vr / 10
                    isSticky = isSticky || last != 0
                    last = vr &- vrBy10 &* 10
                    vr = vrBy10
                    vp = vpBy10
                    vm = vmBy10
                    removed &+= 1
                }
                let roundsUp = last > 5 || (last == 5 && (isSticky || vr & 1 == 1))
                output = vr &+ (vr == vm || roundsUp ? 1 : 0)
            }
            return (output, e10 &+ removed)
        }

        /// `(4m, 4m + 2, 4m - 1 - s) × factor >> shift`, `factor` being `high × 2^64 + low`.
        @inline(__always)
        private static func multiply(
            _ mv: UInt64,
            _ mmShift: UInt64,
            _ low: UInt64,
            _ high: UInt64,
            _ shift: Int
        ) -> (UInt64, UInt64, UInt64) {
            (
                multiplyShift(mv, low, high, shift),
                multiplyShift(mv + 2, low, high, shift),
                multiplyShift(mv - 1 - mmShift, low, high, shift)
            )
        }

        /// `m × (high × 2^64 + low) >> shift`, for shifts from 65 to 127 (every one the algorithm uses).
        @inline(__always)
        static func multiplyShift(_ m: UInt64, _ low: UInt64, _ high: UInt64, _ shift: Int) -> UInt64 {
            let lowProduct = m.multipliedFullWidth(by: low).high
            let (highProduct, highLow) = m.multipliedFullWidth(by: high)
            let (sumLow, carry) = highLow.addingReportingOverflow(lowProduct)
            let sumHigh = highProduct &+ (carry ? 1 : 0)
            let bits = UInt64(truncatingIfNeeded: shift &- 64)
            return (sumHigh &<< (64 &- bits)) | (sumLow &>> bits)
        }

        /// ⌈log2(5^e)⌉ for 1 ≤ e ≤ 3528 (and 1 for e = 0): the bit length of 5^e.
        @inline(__always)
        static func pow5Bits(_ e: Int) -> Int { ((e &* 1_217_359) >> 19) &+ 1 }

        /// ⌊log10(2^e)⌋ for 0 ≤ e ≤ 1650.
        @inline(__always)
        static func log10Pow2(_ e: Int) -> Int { (e &* 78913) >> 18 }

        /// ⌊log10(5^e)⌋ for 0 ≤ e ≤ 2620.
        @inline(__always)
        static func log10Pow5(_ e: Int) -> Int { (e &* 732_923) >> 20 }

        /// Whether 5^p divides `value` (not zero).
        static func isMultipleOfPowerOf5(_ value: UInt64, _ p: Int) -> Bool {
            var value = value
            var count = 0
            while value % 5 == 0 {
                value /= 5
                count += 1
                if count >= p { return true }
            }
            return count >= p
        }
    }
}

// MARK: Tables

extension ShortestDecimal.Ryu {
    /// The top 125 bits of 5^i and of 5^-q, computed once with exact multi-word arithmetic.
    struct Tables: Sendable {
        /// Entries for 5^i, 0 ≤ i < 326: ⌊5^i / 2^(bits(5^i) - 125)⌋ (low word, high word).
        let powers: [UInt64]
        /// Entries for 5^-q, 0 ≤ q < 342: ⌊2^(bits(5^q) - 1 + 125) / 5^q⌋ + 1 (low word, high word).
        let inverses: [UInt64]

        static let shared = Tables()

        static let powerCount = 326
        static let inverseCount = 342

        @inline(__always)
        func withPower<R>(_ i: Int, _ body: (UInt64, UInt64) -> R) -> R {
            powers.withUnsafeBufferPointer { body($0[2 &* i], $0[2 &* i &+ 1]) }
        }

        @inline(__always)
        func withInverse<R>(_ q: Int, _ body: (UInt64, UInt64) -> R) -> R {
            inverses.withUnsafeBufferPointer { body($0[2 &* q], $0[2 &* q &+ 1]) }
        }

        init() {
            let bits = ShortestDecimal.Ryu.tableBits
            var powers: [UInt64] = []
            var power = BigNumber(1)
            for _ in 0..<Self.powerCount {
                let length = power.bitLength
                let top = length >= bits ? power.shiftedRight(by: length - bits) : power.shiftedLeft(by: bits - length)
                powers += [top.low, top.high]
                power.multiply(by: 5)
            }
            // ⌊2^M / 5^q⌋ by repeated exact division by 5 (⌊⌊x/5⌋/5⌋ = ⌊x/25⌋), then shifted down to 2^j.
            let totalBits = 1024
            var inverses: [UInt64] = []
            var quotient = BigNumber(1).shiftedLeft(by: totalBits)
            for q in 0..<Self.inverseCount {
                let j = ShortestDecimal.Ryu.pow5Bits(q) - 1 + bits
                let top = quotient.shiftedRight(by: totalBits - j)
                let (low, carry) = top.low.addingReportingOverflow(1)
                inverses += [low, top.high &+ (carry ? 1 : 0)]
                quotient.divide(by: 5)
            }
            self.powers = powers
            self.inverses = inverses
        }
    }

    /// A non-negative integer of any size, in 32-bit limbs, least significant first: just what the tables need.
    struct BigNumber {
        var limbs: [UInt32]

        init(_ value: UInt32) { limbs = [value] }

        var bitLength: Int {
            guard let index = limbs.lastIndex(where: { $0 != 0 }) else { return 0 }
            return index * 32 + 32 - limbs[index].leadingZeroBitCount
        }

        /// The low 128 bits.
        var low: UInt64 { word(0) }
        var high: UInt64 { word(2) }

        private func word(_ limb: Int) -> UInt64 {
            let lower = limb < limbs.count ? UInt64(limbs[limb]) : 0
            let upper = limb + 1 < limbs.count ? UInt64(limbs[limb + 1]) : 0
            return lower | upper << 32
        }

        mutating func multiply(by factor: UInt32) {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = UInt64(limbs[index]) * UInt64(factor) + carry
                limbs[index] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            if carry != 0 { limbs.append(UInt32(carry)) }
        }

        mutating func divide(by divisor: UInt32) {
            var remainder: UInt64 = 0
            for index in limbs.indices.reversed() {
                let current = remainder << 32 | UInt64(limbs[index])
                limbs[index] = UInt32(current / UInt64(divisor))
                remainder = current % UInt64(divisor)
            }
        }

        func shiftedLeft(by count: Int) -> BigNumber {
            var result = BigNumber(0)
            result.limbs = Array(repeating: 0, count: count / 32) + limbs + [0]
            let bits = count % 32
            if bits > 0 {
                for index in result.limbs.indices.reversed() {
                    let lower = index > 0 ? result.limbs[index - 1] : 0
                    result.limbs[index] = result.limbs[index] << bits | lower >> (32 - bits)
                }
            }
            return result
        }

        func shiftedRight(by count: Int) -> BigNumber {
            var result = BigNumber(0)
            let whole = count / 32
            guard whole < limbs.count else { return result }
            result.limbs = Array(limbs[whole...])
            let bits = count % 32
            if bits > 0 {
                for index in result.limbs.indices {
                    let upper = index + 1 < result.limbs.count ? result.limbs[index + 1] : 0
                    result.limbs[index] = result.limbs[index] >> bits | upper << (32 - bits)
                }
            }
            return result
        }
    }
}
