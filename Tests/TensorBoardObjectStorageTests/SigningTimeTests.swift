// SigningTimeTests.swift: the signer's UTC timestamps against Foundation's Gregorian calendar.

import Foundation
import Testing

@testable import TensorBoardObjectStorage

/// `SigningTime` against Foundation's `DateFormatter` in UTC, an independent calendar.
struct SigningTimeTests {
    /// Foundation's spelling of `seconds` as `yyyyMMdd'T'HHmmss'Z'`.
    private static func foundationTimestamp(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Days around the epoch, leap days (2000, 2024) and non-leap century ends (1900, 2100), the end of a year,
    /// and the last second of year 9999.
    @Test(arguments: [
        Int64(0), -1, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_400, -2_203_891_200,
        1_735_689_599, 1_440_938_160, 253_402_300_799,
    ])
    func writesTheTimestampFoundationWrites(seconds: Int64) {
        let time = SigningTime(secondsSince1970: seconds)
        #expect(time.timestamp == Self.foundationTimestamp(seconds))
        #expect(time.date == String(Self.foundationTimestamp(seconds).prefix(8)))
    }

    /// Every 768,143 seconds (about nine days, at a different time of day each step) over ten years agrees too.
    @Test func agreesWithFoundationOverADecade() {
        var mismatches: [Int64] = []
        for seconds in stride(from: Int64(1_600_000_000), to: 1_915_000_000, by: 768_143)
        where SigningTime(secondsSince1970: seconds).timestamp != Self.foundationTimestamp(seconds) {
            mismatches.append(seconds)
        }
        #expect(mismatches.isEmpty)
    }
}
