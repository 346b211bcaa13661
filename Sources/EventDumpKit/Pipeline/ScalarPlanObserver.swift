// ScalarPlanObserver.swift: what the scalar first pass of restart purging does with each record.

import TensorBoardEvents

/// What the scalar first pass does with each record: decodes it and tells the plan its header and the series of
/// its points (observed only once the record decoded whole).
struct ScalarPlanObserver {
    private var first = 0
    private var others: [Int] = []
    private var count = 0

    @inline(__always)
    mutating func observe(
        _ payload: UnsafeRawBufferPointer,
        _ recordIndex: Int,
        _ decoder: inout RunDecoder,
        _ plan: inout PurgePlan
    ) {
        if count > 1 { others.removeAll(keepingCapacity: true) }
        count = 0
        let decoded = try? decoder.decodeScalars(payload) { point in
            if count == 0 { first = point.seriesIndex } else { others.append(point.seriesIndex) }
            count &+= 1
        }
        guard let header = decoded else { return }
        if count > 0 {
            plan.observePoint(series: first, step: header.step, recordIndex: recordIndex)
            for index in others {
                plan.observePoint(series: index, step: header.step, recordIndex: recordIndex)
            }
        }
        plan.observe(header, recordIndex: recordIndex)
    }
}
