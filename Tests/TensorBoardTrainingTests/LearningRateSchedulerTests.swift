import Foundation
import Testing

@testable import TensorBoardTraining

/// The learning-rate schedule callback, as Keras's `LearningRateScheduler`, and its two schedules.
@Suite struct LearningRateSchedulerTests {
    /// Trains `epochs` epochs with `scheduler`; returns the rates the epochs trained with (from the logs) and
    /// the rates each training step saw.
    private func rates(
        _ scheduler: LearningRateScheduler,
        epochs: Int,
        initial: Double = 1
    ) throws -> (logged: [Double?], seen: [Double]) {
        var rate = initial
        var seen: [Double] = []
        let history = try Trainer(callbacks: [scheduler]).fit(
            epochs: epochs,
            trainingBatches: 1,
            trainStep: { _, _ in
                seen.append(rate)
                return try BatchResult(loss: 1)
            },
            model: ModelHooks(learningRate: { rate }, setLearningRate: { rate = $0 })
        )
        return (history.values(of: "learning_rate"), seen)
    }

    @Test func setsEachEpochsRateFromTheEpochAndTheCurrentRate() throws {
        // Halve the current rate from epoch 2 on (Keras's documentation example, with our numbers).
        let scheduler = LearningRateScheduler { epoch, rate in epoch < 2 ? rate : rate / 2 }
        let (logged, seen) = try rates(scheduler, epochs: 5)
        #expect(seen == [1, 1, 0.5, 0.25, 0.125])
        #expect(logged == seen.map { $0 })
    }

    @Test func stepDecayFallsByTheFactorEveryFewEpochs() throws {
        let schedule = try LearningRateScheduler.stepDecay(initial: 0.1, factor: 0.5, every: 2)
        #expect((0..<6).map { schedule($0, 99) } == [0.1, 0.1, 0.05, 0.05, 0.025, 0.025])
    }

    @Test func cosineDecayGoesFromTheInitialRateToAlphaTimesIt() throws {
        let schedule = try LearningRateScheduler.cosineDecay(initial: 0.2, epochs: 4, alpha: 0.1)
        #expect(schedule(0, 0) == 0.2)
        #expect(abs(schedule(2, 0) - 0.2 * (0.9 * 0.5 + 0.1)) < 1e-15)
        #expect(abs(schedule(1, 0) - 0.2 * (0.9 * 0.5 * (1 + cos(Double.pi / 4)) + 0.1)) < 1e-15)
        #expect(abs(schedule(4, 0) - 0.02) < 1e-15)
        #expect(schedule(9, 0) == schedule(4, 0))
    }

    @Test func aScheduleGivingNoUsableRateKeepsTheRateAndWarnsOnce() throws {
        var warnings: [String] = []
        var rate = 0.3
        let scheduler = LearningRateScheduler { _, _ in .nan }
        let context = TrainingContext(epochs: 3, warn: { warnings.append($0) })
        context.model = ModelHooks(learningRate: { rate }, setLearningRate: { rate = $0 })
        scheduler.trainingWillBegin(context: context)
        for epoch in 0..<3 { scheduler.epochWillBegin(epoch, context: context) }
        #expect(rate == 0.3)
        #expect(warnings.count == 1)
    }

    @Test(arguments: [(-1.0, 0.5, 2), (0.1, 0, 2), (0.1, 1.5, 2), (0.1, 0.5, 0), (.nan, 0.5, 1)])
    func badStepDecayParametersAreRefused(initial: Double, factor: Double, every: Int) {
        #expect(throws: ConfigurationError.self) {
            try LearningRateScheduler.stepDecay(initial: initial, factor: factor, every: every)
        }
    }

    @Test(arguments: [(0.1, 0, 0.0), (0.1, 5, -0.1), (0.1, 5, 1.5), (.infinity, 5, 0)])
    func badCosineParametersAreRefused(initial: Double, epochs: Int, alpha: Double) {
        #expect(throws: ConfigurationError.self) {
            try LearningRateScheduler.cosineDecay(initial: initial, epochs: epochs, alpha: alpha)
        }
    }
}
