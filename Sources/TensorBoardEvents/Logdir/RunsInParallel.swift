// RunsInParallel.swift: reads the runs of a log directory on every core at once, results in run order.

import Dispatch
import Foundation

/// Maps a function over a log directory's runs on every core (`DispatchQueue.concurrentPerform`, one work item
/// per run), so that a log directory of many runs is read in about the time of its share per core; runs are
/// independent, and each is read whole by one thread. The number at once is the core count, which also bounds
/// the requests in flight to object storage.
///
/// The task's ``ObjectStoragePath/storeOverride`` goes along to the worker threads, which inherit no task-local
/// values. Results are collected under an `NSLock` (a pthread mutex, which ThreadSanitizer understands).
package enum RunsInParallel {
    /// `body` applied to each of `runs`, in the order of `runs`.
    package static func map<Result: Sendable>(_ runs: [Run], _ body: @Sendable (Run) -> Result) -> [Result] {
        guard runs.count > 1 else { return runs.map(body) }
        let store = ObjectStoragePath.storeOverride
        let results = Results<Result>(count: runs.count)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let result = ObjectStoragePath.$storeOverride.withValue(store) { body(runs[index]) }
            results.set(index, result)
        }
        return results.collected()
    }

    /// One slot per run, filled from any thread.
    private final class Results<Result: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ result: Result) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
        }

        /// The results; every slot is filled once `concurrentPerform` has returned.
        func collected() -> [Result] {
            lock.lock()
            defer { lock.unlock() }
            return slots.compactMap { $0 }
        }
    }
}
