import Foundation
import TensorBoardEvents
import TestSupport
import Testing

@testable import TensorBoardTraining

/// The logger's runs after a resume (files of version 1 with restart markers) show, under each of
/// TensorBoard's purging rules as ``RestartPurge`` applies them, every epoch and batch step once, with the
/// resumed run's values, as the same run uninterrupted.
@Suite struct ResumedLoggerPurgeTests {
    /// Every tag's (step, value) of every run of `logdir`, purged by `rules`.
    private func series(_ logdir: String, _ rules: RestartPurge.Rules?) throws -> [String: [(Int64, Double)]] {
        var all: [String: [(Int64, Double)]] = [:]
        for run in try Logdir.read(logdir, purging: rules).runs {
            for tag in run.tags {
                let scalars = run.scalars(tag)
                if !scalars.isEmpty { all[run.name + "/" + tag] = scalars.map { ($0.step, $0.value) } }
            }
        }
        return all
    }

    @Test(arguments: [RestartPurge.Rules.rustLoader, .pythonLoader, .both])
    func eachStepOnceWithTheResumedValues(rules: RestartPurge.Rules) throws {
        let whole = TemporaryDirectory()
        let split = TemporaryDirectory()
        try ResumeHarness(directory: whole.path).fit()
        let first = try ResumeHarness(directory: split.path)
        first.crash = (4, 3)
        #expect(throws: ResumeHarness.Crash.self) { try first.fit() }
        // What the crash left must be there to purge: batch steps of epoch 4, past the backup's step 24.
        let stale = try series(split.path + "/logs", nil)["train/batch_loss"]?.map(\.0) ?? []
        #expect(stale.contains(26))
        try ResumeHarness(directory: split.path).fit()
        let want = try series(whole.path + "/logs", nil)
        let got = try series(split.path + "/logs", rules)
        #expect(Set(got.keys) == Set(want.keys) && want.keys.contains("validation/evaluation_loss_vs_iterations"))
        for (tag, points) in want {
            #expect(got[tag]?.map(\.0) == points.map(\.0), "\(tag)")
            #expect(got[tag]?.map(\.1) == points.map(\.1), "\(tag)")
        }
    }

    @Test func theResumedLogHoldsStalePointsToPurge() throws {
        // The test above would pass vacuously if nothing were stale: the same log, unpurged, repeats steps.
        let split = TemporaryDirectory()
        let first = try ResumeHarness(directory: split.path)
        first.crash = (4, 3)
        #expect(throws: ResumeHarness.Crash.self) { try first.fit() }
        try ResumeHarness(directory: split.path).fit()
        let kept = try series(split.path + "/logs", nil)["train/batch_loss"]?.map(\.0) ?? []
        #expect(kept.filter { $0 == 26 }.count == 2)
    }
}
