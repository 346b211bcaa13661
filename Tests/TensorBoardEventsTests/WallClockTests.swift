import Foundation
import Testing

@testable import TensorBoardEvents

/// A made-up processor counter and system clock: `ticksPerNanosecond` ticks a nanosecond from `startTicks`, the
/// system's time `startNanoseconds` then.
private struct MadeUpClocks {
    var ticksPerNanosecond: Double = 2.8
    var startTicks: UInt64 = 1 << 40
    var startNanoseconds: Int64 = 1_796_122_563_376_386_200

    func ticks(at nanoseconds: Int64) -> UInt64 {
        startTicks &+ UInt64(bitPattern: Int64(Double(nanoseconds - startNanoseconds) * ticksPerNanosecond))
    }

    /// Anchors `clock` with a system reading at `nanoseconds` that took `width` ticks.
    func anchor(_ clock: inout WallClock, at nanoseconds: Int64, width: UInt64 = 100) {
        let middle = ticks(at: nanoseconds)
        clock.anchor(
            ticksBefore: middle - width / 2,
            seconds: nanoseconds / 1_000_000_000,
            nanoseconds: nanoseconds % 1_000_000_000,
            ticksAfter: middle + width / 2
        )
    }
}

/// Made-up clocks, and a clock anchored twice, 1 ms apart from their start, so that its rate is known.
private func calibratedClock() -> (clocks: MadeUpClocks, clock: WallClock, start: Int64) {
    let clocks = MadeUpClocks()
    var clock = WallClock(usesTicks: false)
    clocks.anchor(&clock, at: clocks.startNanoseconds)
    clocks.anchor(&clock, at: clocks.startNanoseconds + 1_000_000)
    return (clocks, clock, clocks.startNanoseconds)
}

private func seconds(_ nanoseconds: Int64) -> Double {
    Double(nanoseconds / 1_000_000_000) + Double(nanoseconds % 1_000_000_000) * 1e-9
}

@Suite struct WallClockTests {
    @Test func derivesNothingUntilTheRateIsMeasured() {
        let clocks = MadeUpClocks()
        var clock = WallClock(usesTicks: false)
        let start = clocks.startNanoseconds
        #expect(clock.derived(atTicks: clocks.ticks(at: start)) == nil)
        clocks.anchor(&clock, at: start)
        // One anchor gives no rate; neither does a second one too close to it.
        #expect(clock.derived(atTicks: clocks.ticks(at: start + 10)) == nil)
        clocks.anchor(&clock, at: start + 100_000)
        #expect(clock.nanosecondsPerTick == 0)
        clocks.anchor(&clock, at: start + 1_000_000)
        #expect(clock.nanosecondsPerTick != 0)
        #expect(clock.derived(atTicks: clocks.ticks(at: start + 1_000_010)) != nil)
    }

    @Test(arguments: [1.0, 2.8, 3.7])
    func derivedTimesFollowTheSystemClock(ticksPerNanosecond: Double) throws {
        let clocks = MadeUpClocks(ticksPerNanosecond: ticksPerNanosecond)
        var clock = WallClock(usesTicks: false)
        var anchors = 0
        // 20 ms of readings every 997 ns, anchored whenever the clock asks, as `now()` does.
        var time = clocks.startNanoseconds
        var largestError = 0.0
        for _ in 0..<20_000 {
            if let derived = clock.derived(atTicks: clocks.ticks(at: time)) {
                largestError = max(largestError, abs(derived - seconds(time)))
            } else {
                clocks.anchor(&clock, at: time)
                anchors += 1
            }
            time += 997
        }
        // A Double of seconds since 1970 resolves 238 ns; the derived times are within it.
        #expect(largestError < 0.3e-6)
        // One anchor per reading until 2^20 ticks have passed (the rate is unknown), then one every 2^21 ticks.
        let readingTicks = 997 * ticksPerNanosecond
        let measuring = (Double(WallClock.shortestMeasurement) / readingTicks).rounded(.up)
        let expected = measuring + (20_000 - measuring) * readingTicks / Double(WallClock.anchorInterval)
        #expect(abs(Double(anchors) - expected) <= 3)
    }

    @Test func aSystemReadingThatWasInterruptedIsNoAnchor() {
        let (clocks, calibrated, start) = calibratedClock()
        var clock = calibrated
        let rate = clock.nanosecondsPerTick
        // A reading that took 10 µs is not taken: the derived time still counts from the last anchor.
        clocks.anchor(&clock, at: start + 1_500_000, width: 28_000)
        #expect(clock.nanosecondsPerTick == rate)
        #expect(clock.derived(atTicks: clocks.ticks(at: start + 1_500_000)) != nil)
        // Past the anchor interval from the last good anchor, a reading is due.
        #expect(clock.derived(atTicks: clocks.ticks(at: start + 1_800_000)) == nil)
    }

    @Test func aStepOfTheSystemClockShowsAtTheNextAnchorAndKeepsTheRate() throws {
        var (clocks, clock, start) = calibratedClock()
        let rate = clock.nanosecondsPerTick
        // The system clock is set forward by 50 µs: the same ticks now read 50 µs later, and the span between the
        // anchors measures a rate 5% too high, which is not taken.
        let step: Int64 = 50_000
        clocks.startNanoseconds += step
        clocks.anchor(&clock, at: start + 2_000_000 + step)
        #expect(clock.nanosecondsPerTick == rate)
        let derived = try #require(clock.derived(atTicks: clocks.ticks(at: start + 2_100_000 + step)))
        #expect(abs(derived - seconds(start + 2_100_000 + step)) < 0.3e-6)
    }

    @Test func threeOutliersInARowReplaceTheRate() {
        var clocks = MadeUpClocks(ticksPerNanosecond: 2.8)
        var clock = WallClock(usesTicks: false)
        var time = clocks.startNanoseconds
        clocks.anchor(&clock, at: time)
        time += 1_000_000
        clocks.anchor(&clock, at: time)
        let first = clock.nanosecondsPerTick
        // The counter turns out to run 1% faster than first measured (say the first anchors were off).
        clocks.startTicks = clocks.ticks(at: time)
        clocks.startNanoseconds = time
        clocks.ticksPerNanosecond = 2.828
        for expectedOutliers in 1...4 {
            time += 1_000_000
            clocks.anchor(&clock, at: time)
            if expectedOutliers <= 3 { #expect(clock.nanosecondsPerTick == first) }
        }
        let measured = Double(clock.nanosecondsPerTick) / 4_294_967_296
        #expect(abs(measured - 1 / 2.828) < 1e-6)
    }

    @Test func aCounterThatGoesBackwardsAsksForASystemReading() {
        let (clocks, calibrated, start) = calibratedClock()
        var clock = calibrated
        #expect(clock.derived(atTicks: clocks.ticks(at: start + 1_000_000) - 1) == nil)
        // A backwards span measures no rate either.
        let rate = clock.nanosecondsPerTick
        clocks.anchor(&clock, at: start - 5_000_000)
        #expect(clock.nanosecondsPerTick == rate)
    }

    @Test func readingsOnThisMachineLieBetweenTheSystemReadingsAroundThem() {
        var clock = WallClock()
        // 30 ms or more of readings, each between a system reading before and one after it (to within the
        // derivation's error and a Double's resolution).
        let tolerance = 5e-6
        var checked = 0
        let end = SystemCalls.currentTime() + 0.03
        while true {
            let before = SystemCalls.currentTime()
            let reading = clock.now()
            let after = SystemCalls.currentTime()
            #expect(reading >= before - tolerance && reading <= after + tolerance)
            checked += 1
            if before > end && checked >= 10_000 { break }
        }
        // Where the counter is used, the rate was measured, so most readings were derived from it.
        if WallClock.ticksAreReliable { #expect(clock.nanosecondsPerTick != 0) }
    }
}
