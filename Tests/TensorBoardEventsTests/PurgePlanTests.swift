import TestSupport
import Testing

@testable import TensorBoardEvents

/// Decodes `payloads` twice: once into RunPoints (purging as events arrive), once through a PurgePlan's two
/// passes; both must keep the same points.
private func bothWays(_ payloads: [[UInt8]], rules: RestartPurge.Rules) throws -> (direct: [String], planned: [String])
{
    var decoder = RunDecoder()
    var collected = RunPoints(rules: rules)
    var plan = PurgePlan(rules: rules)
    var everything: [(Int, DataPoint)] = []
    for (index, payload) in payloads.enumerated() {
        var points: [DataPoint] = []
        let header = try payload.withUnsafeBytes { try decoder.decode($0) { points.append($0) } }
        collected.add(header, points: points)
        plan.observe(header, tags: points.map(\.tag), recordIndex: index)
        everything += points.map { (index, $0) }
    }
    plan.finish()
    let direct = collected.tags.flatMap { tag in
        (collected.pointsByTag[tag] ?? []).map { "\(tag)@\($0.step)=\($0.value)" }
    }
    let kept = everything.filter { !plan.isPurged(tag: $0.1.tag, step: $0.1.step, recordIndex: $0.0) }.map(\.1)
    let planned = collected.tags.flatMap { tag in kept.filter { $0.tag == tag }.map { "\(tag)@\($0.step)=\($0.value)" }
    }
    return (direct, planned)
}

/// As ``bothWays(_:rules:)``, the plan's first pass by series index (as `eventdump` makes it): each point with
/// ``PurgePlan/observePoint(series:step:recordIndex:)``, then the record.
private func bothWaysByIndex(
    _ payloads: [[UInt8]],
    rules: RestartPurge.Rules
) throws -> (direct: [String], planned: [String]) {
    var decoder = RunDecoder()
    var collected = RunPoints(rules: rules)
    for payload in payloads {
        var points: [DataPoint] = []
        let header = try payload.withUnsafeBytes { try decoder.decode($0) { points.append($0) } }
        collected.add(header, points: points)
    }
    var plan = PurgePlan(rules: rules)
    var scalars = RunDecoder()
    var everything: [(Int, ScalarPoint)] = []
    for (index, payload) in payloads.enumerated() {
        var points: [ScalarPoint] = []
        let header = try payload.withUnsafeBytes { try scalars.decodeScalars($0) { points.append($0) } }
        for point in points { plan.observePoint(series: point.seriesIndex, step: header.step, recordIndex: index) }
        plan.observe(header, recordIndex: index)
        everything += points.map { (index, $0) }
    }
    plan.finish(tagOfSeries: { scalars.tag(ofSeries: $0) })
    let direct = collected.tags.flatMap { tag in
        (collected.pointsByTag[tag] ?? []).map { "\(tag)@\($0.step)=\($0.value.scalar ?? .nan)" }
    }
    let kept = everything.filter {
        !plan.isPurged(tag: scalars.tag(ofSeries: $0.1.seriesIndex), step: $0.1.step, recordIndex: $0.0)
    }
    let planned = collected.tags.flatMap { tag in
        kept.filter { scalars.tag(ofSeries: $0.1.seriesIndex) == tag }.map { "\(tag)@\($0.1.step)=\($0.1.value)" }
    }
    return (direct, planned)
}

/// A run of 40 random events: scalar events of one to three values (a tag may repeat within one), some restart
/// STARTs, and a file version first in every other round, or a version below 2 in some.
private func randomRun(round: Int, generator: inout SplitMix64) -> [[UInt8]] {
    var payloads: [[UInt8]] = round % 2 == 0 ? [version2] : round % 3 == 0 ? [version1] : []
    for _ in 0..<40 {
        let roll = generator.next() % 10
        let step = Int64(generator.next() % 20)
        if roll == 0 {
            payloads.append(start(step))
        } else {
            let values = (0...(generator.next() % 3 == 0 ? generator.next() % 3 : 0)).map { _ in
                Summary.Value(tag: ["a", "b", "c"][Int(generator.next() % 3)], kind: .simpleValue(Float(step)))
            }
            payloads.append(
                Event(wallTime: 1, step: step, content: .summary(Summary(values: values))).serializedBytes()
            )
        }
    }
    return payloads
}

private func scalar(_ tag: String, _ step: Int64, _ value: Float) -> [UInt8] {
    Event(
        wallTime: 1,
        step: step,
        content: .summary(Summary(values: [Summary.Value(tag: tag, kind: .simpleValue(value))]))
    ).serializedBytes()
}

private func start(_ step: Int64) -> [UInt8] {
    Event(wallTime: 1, step: step, content: .sessionLog(SessionLog(status: .start))).serializedBytes()
}

private let version2 = Event(wallTime: 1, content: .fileVersion("brain.Event:2")).serializedBytes()
private let version1 = Event(wallTime: 1, content: .fileVersion("brain.Event:1")).serializedBytes()

@Suite struct PurgePlanTests {
    @Test func agreesWithPurgingAsEventsArriveOnRandomRestarts() throws {
        var generator = SplitMix64(seed: 7)
        for round in 0..<200 {
            var payloads: [[UInt8]] = round % 2 == 0 ? [version2] : []
            for _ in 0..<40 {
                let roll = generator.next() % 10
                if roll == 0 {
                    payloads.append(start(Int64(generator.next() % 20)))
                } else {
                    let tag = ["a", "b", "c"][Int(generator.next() % 3)]
                    payloads.append(scalar(tag, Int64(generator.next() % 20), Float(generator.next() % 100)))
                }
            }
            for rules in [RestartPurge.Rules.rustLoader, .pythonLoader, .both] {
                let (direct, planned) = try bothWays(payloads, rules: rules)
                #expect(direct == planned, "round \(round) rules \(rules.rawValue)")
            }
        }
    }

    @Test func agreesWithPurgingAsEventsArriveWhenObservedBySeriesIndex() throws {
        var generator = SplitMix64(seed: 11)
        for round in 0..<300 {
            let payloads = randomRun(round: round, generator: &generator)
            for rules in [RestartPurge.Rules.rustLoader, .pythonLoader, .both] {
                let (direct, planned) = try bothWaysByIndex(payloads, rules: rules)
                #expect(direct == planned, "round \(round) rules \(rules.rawValue)")
                let (directByTag, plannedByTag) = try bothWays(payloads, rules: rules)
                #expect(directByTag == plannedByTag, "round \(round) rules \(rules.rawValue)")
            }
        }
    }

    @Test func purgesAStepGoingBackOnlyForTheTagsOfItsEventWithoutAFileVersion() throws {
        let payloads = [scalar("a", 5, 1), scalar("b", 6, 2), scalar("a", 3, 3), scalar("b", 7, 4)]
        let (direct, planned) = try bothWaysByIndex(payloads, rules: .pythonLoader)
        #expect(direct == ["a@3=3.0", "b@6=2.0", "b@7=4.0"])
        #expect(planned == direct)
    }

    @Test func keepsEverythingWhenStepsOnlyGrow() throws {
        var plan = PurgePlan()
        var decoder = RunDecoder()
        for (index, payload) in ([version2] + (0..<10).map { scalar("x", Int64($0), 1) }).enumerated() {
            var tags: [String] = []
            let header = try payload.withUnsafeBytes { try decoder.decode($0) { tags.append($0.tag) } }
            plan.observe(header, tags: tags, recordIndex: index)
        }
        plan.finish()
        #expect(plan.isEmpty)
    }

    /// A million points of one series at one step (each dropping the one before, as TensorBoard's Rust loader
    /// does), then a million restarts at one step: the plan holds one purge of each, not a million.
    @Test(arguments: [RestartPurge.Rules.rustLoader, .both])
    func holdsOnePurgeForAMillionPointsAtOneStep(rules: RestartPurge.Rules) {
        var plan = PurgePlan(rules: rules)
        plan.observe(EventHeader(wallTime: 1, step: 0, content: .fileVersion(number: 2)), recordIndex: 0)
        let pointsAtOneStep = EventHeader(wallTime: 1, step: 7, content: .summary(valueCount: 1))
        for record in 1...1_000_000 {
            plan.observePoint(series: 0, step: 7, recordIndex: record)
            plan.observe(pointsAtOneStep, recordIndex: record)
        }
        #expect(plan.purgeCount <= 1)
        let restart = EventHeader(wallTime: 1, step: 3, content: .sessionLog(.start))
        for record in 1_000_001...2_000_000 { plan.observe(restart, recordIndex: record) }
        plan.finish(tagOfSeries: { _ in "x" })
        #expect(plan.purgeCount <= 2)
        // The later points at step 7 drop each earlier one; the restarts at step 3 drop the last one too.
        #expect(plan.isPurged(tag: "x", step: 7, recordIndex: 1))
        #expect(plan.isPurged(tag: "x", step: 7, recordIndex: 1_000_000) == rules.contains(.pythonLoader))
        #expect(!plan.isPurged(tag: "x", step: 2, recordIndex: 1))
        #expect(!plan.isPurged(tag: "x", step: 7, recordIndex: 2_000_000))
    }
}
