// PurgeSteps.swift: the purges of one list of a purge plan, kept as a staircase so they take memory only for
// the steps that matter.

/// Purges in record order (a purge from record `r` at step `s` drops the earlier points at steps `>= s`),
/// reduced to those that can decide a point: a purge whose step is at or above a later one's never does, since
/// every point it drops the later one drops too. What is kept has strictly increasing record indices and steps,
/// so a run of a million points at one step, each purging the one before, holds one purge, not a million.
struct PurgeSteps: Sendable {
    private var recordIndices: [Int] = []
    private var steps: [Int64] = []

    /// How many purges are kept.
    var count: Int { steps.count }

    /// Adds a purge from record `recordIndex`, which is not before the record of any purge added before.
    mutating func append(recordIndex: Int, step: Int64) {
        while let last = steps.last, last >= step {
            steps.removeLast()
            recordIndices.removeLast()
        }
        recordIndices.append(recordIndex)
        steps.append(step)
    }

    /// Adds every purge of `other`, in record order whatever the records of the two lists.
    mutating func absorb(_ other: PurgeSteps) {
        guard let first = other.recordIndices.first else { return }
        if let last = recordIndices.last, last > first {
            let mine = zip(recordIndices, steps)
            let theirs = zip(other.recordIndices, other.steps)
            let all = (Array(mine) + Array(theirs)).sorted { $0.0 < $1.0 }  // a stable sort: ties keep their order
            self = PurgeSteps()
            for (recordIndex, step) in all { append(recordIndex: recordIndex, step: step) }
            return
        }
        for (recordIndex, step) in zip(other.recordIndices, other.steps) {
            append(recordIndex: recordIndex, step: step)
        }
    }

    /// The lowest step of the purges from records after `recordIndex`, or `nil` when there are none: a point of
    /// that record is dropped exactly when its step is at or above it.
    func lowestStep(after recordIndex: Int) -> Int64? {
        var low = 0
        var high = recordIndices.count
        while low < high {
            let middle = (low + high) / 2
            if recordIndices[middle] <= recordIndex { low = middle + 1 } else { high = middle }
        }
        // Steps increase along the list, so the first purge after the record has the lowest step.
        return low < steps.count ? steps[low] : nil
    }
}
