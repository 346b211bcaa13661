import Dispatch
import Foundation
import Testing

@testable import TensorBoardEvents

@Suite struct LockedStateTests {
    /// Eight threads add to one counter under the lock, some of them sleeping while they hold it so that the
    /// others find it held and wait: every addition is counted, each thread's additions are in its order, and
    /// no thread is left waiting.
    @Test func everyThreadGetsTheLockAndNoUpdateIsLost() {
        let threads = 8
        let perThread = 4000
        let state = LockedState<(count: Int, lastSeen: [Int])>((0, Array(repeating: -1, count: threads)))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                state.withLock { value in
                    // Read, work a little, then write: without the lock, threads would overwrite each other.
                    let before = value.count
                    var work = UInt64(truncatingIfNeeded: before)
                    for _ in 0..<64 { work = work &* 6_364_136_223_846_793_005 &+ 1 }
                    value.count = before + (work == 0 ? 2 : 1)
                    // Within one thread, the updates are seen in the order they were made.
                    if value.lastSeen[thread] == index - 1 { value.lastSeen[thread] = index }
                    if index % 500 == 0 { usleep(200) }
                }
            }
        }
        let (count, lastSeen) = state.withLock { $0 }
        #expect(count == threads * perThread, "\(count) additions counted")
        #expect(lastSeen == Array(repeating: perThread - 1, count: threads))
    }

    /// `lock()` and `unlock()` hand over the same state as `withLock`, and a thread waiting in `lock()` gets it
    /// once the holder unlocks.
    @Test func aWaitingThreadGetsTheLockWhenItIsReleased() {
        let state = LockedState<[String]>([])
        let held = state.lock()
        held.pointee.append("holder")
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            state.withLock { $0.append("waiter") }
            done.signal()
        }
        usleep(20_000)
        #expect(held.pointee == ["holder"])
        state.unlock()
        done.wait()
        #expect(state.withLock { $0 } == ["holder", "waiter"])
    }
}
