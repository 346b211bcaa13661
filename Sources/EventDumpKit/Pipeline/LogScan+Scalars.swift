// LogScan+Scalars.swift: a run's kept scalar points, one at a time or in batches.

import TensorBoardEvents

extension LogScan {
    /// Calls `body` with every kept scalar of a run (tag, step, wall time, value) without allocating per point;
    /// returns how many points purging dropped. With `filtersSteps` off, `--steps` is left to the caller (which
    /// smooths over every point first).
    @discardableResult
    func forEachScalar(
        of run: Run,
        filtersSteps: Bool = true,
        _ body: (String, Int64, Double, Double) -> Void
    ) throws -> Int {
        try forEachScalarPoint(of: run, filtersSteps: filtersSteps) { point, tag in
            body(tag, point.step, point.wallTime, point.value)
        }
    }

    /// Calls `body` with every kept scalar point of a run and its tag (the point's series index stays the same for
    /// a tag throughout the run), without allocating per point; returns how many points inside `--steps` purging
    /// dropped. With `filtersSteps` off, kept points outside `--steps` reach `body` too.
    @discardableResult
    func forEachScalarPoint(
        of run: Run,
        filtersSteps: Bool = true,
        _ body: (ScalarPoint, String) -> Void
    ) throws -> Int {
        let plan = try purgePlan(of: run, kinds: [.scalar])
        var decoder = RunDecoder(filter: filter(kinds: [.scalar]))
        var purged = 0
        var failure: Error?
        var points: [ScalarPoint] = []
        try forEachRecord(of: run) { location, payload in
            guard failure == nil else { return }
            points.removeAll(keepingCapacity: true)
            do throws(WireDecodingError) {
                try decoder.decodeScalars(payload) { points.append($0) }
            } catch {
                failure = reportInvalidEvent(error, at: location, in: run)
                return
            }
            for point in points {
                let inRange = options.includesStep(point.step)
                guard inRange || !filtersSteps else { continue }
                let tag = decoder.tag(ofSeries: point.seriesIndex)
                if let plan, plan.isPurged(tag: tag, step: point.step, recordIndex: location.index) {
                    if inRange { purged += 1 }
                    continue
                }
                body(point, tag)
            }
        }
        if let failure { throw failure }
        return purged
    }

    /// Calls `body` with the kept scalar points of a run inside `--steps`, in reading order, in batches of about
    /// `batchSize` (a record's points are never split), each with the tags of the series seen since the previous
    /// batch (by series index, the index a point names; series of other kinds among them); returns how many
    /// points inside `--steps` purging dropped. The points read before an error (`--strict`'s stop, a failed
    /// read) are passed on before it is rethrown.
    ///
    /// Points go straight from the decoder into the batch: with nothing to purge and no `--steps`, nothing is
    /// done per point but the copy.
    func forEachScalarBatch(
        of run: Run,
        batchSize: Int,
        _ body: (_ points: [ScalarPoint], _ newTags: [(Int, String)]) -> Void
    ) throws -> Int {
        let plan = try purgePlan(of: run, kinds: [.scalar])
        var decoder = RunDecoder(filter: filter(kinds: [.scalar]))
        let keepsEveryPoint = plan == nil && options.steps == nil
        var purged = 0
        var failure: Error?
        var batch: [ScalarPoint] = []
        batch.reserveCapacity(batchSize)
        var namedSeries = 0
        do {
            try forEachRecord(of: run) { location, payload in
                guard failure == nil else { return }
                let mark = batch.count
                do throws(WireDecodingError) {
                    try decoder.decodeScalars(payload) { batch.append($0) }
                } catch {
                    batch.removeSubrange(mark...)
                    failure = reportInvalidEvent(error, at: location, in: run)
                    return
                }
                if !keepsEveryPoint {
                    // Keep, in place, the record's points inside --steps that are not purged.
                    var kept = mark
                    for position in mark..<batch.count {
                        let point = batch[position]
                        guard options.includesStep(point.step) else { continue }
                        let tag = decoder.tag(ofSeries: point.seriesIndex)
                        if let plan, plan.isPurged(tag: tag, step: point.step, recordIndex: location.index) {
                            purged += 1
                            continue
                        }
                        batch[kept] = point
                        kept += 1
                    }
                    batch.removeSubrange(kept...)
                }
                if batch.count >= batchSize { Self.deliver(&batch, &namedSeries, decoder, body) }
            }
        } catch {
            if !batch.isEmpty { Self.deliver(&batch, &namedSeries, decoder, body) }
            throw error
        }
        if !batch.isEmpty { Self.deliver(&batch, &namedSeries, decoder, body) }
        if let failure { throw failure }
        return purged
    }

    /// Passes on a batch with the tags of the series the decoder met since the last (a function of its own, not a
    /// closure capturing them, so that the batch and the decoder need no dynamic exclusivity checks).
    private static func deliver(
        _ batch: inout [ScalarPoint],
        _ namedSeries: inout Int,
        _ decoder: RunDecoder,
        _ body: (_ points: [ScalarPoint], _ newTags: [(Int, String)]) -> Void
    ) {
        var newTags: [(Int, String)] = []
        while namedSeries < decoder.seriesCount {
            newTags.append((namedSeries, decoder.tag(ofSeries: namedSeries)))
            namedSeries += 1
        }
        body(batch, newTags)
        batch.removeAll(keepingCapacity: true)
    }
}
