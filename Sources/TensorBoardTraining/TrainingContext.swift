// TrainingContext.swift: what callbacks share with the training loop.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `index + 1` (an epoch or batch counted from 1, for people), without overflowing: a number from the user's
/// loop must not trap.
func oneBased(_ index: Int) -> Int {
    index == .max ? index : index + 1
}

/// The training loop's state as callbacks see it: where training is, the model's hooks, and the stop request.
///
/// One context lives for one training run; the loop (``Trainer`` or a hand-written one) updates `epoch` and
/// `globalStep`, and stops after the epoch in which any callback called ``requestStop(reason:)``.
public final class TrainingContext {
    /// The number of epochs planned.
    public let epochs: Int
    /// Training batches per epoch, when known.
    public var stepsPerEpoch: Int?
    /// The current epoch, from 0.
    public var epoch = 0
    /// Training batches run so far in the whole run.
    public var globalStep = 0
    /// Whether a ``BackupAndRestore`` restored a backup at `trainingWillBegin`: ``epoch`` is then the epoch to
    /// resume from and ``globalStep`` the batches run before it (a hand-written loop starts from them).
    public internal(set) var isResumed = false
    /// Set by the loop before `trainingDidEnd` when training ends because a step or a callback threw
    /// (``Trainer`` does): ``BackupAndRestore`` then keeps its backup for the next run.
    public var endsByError = false
    /// How callbacks reach the model.
    public var model: ModelHooks
    /// Why callbacks asked to stop, in order.
    public private(set) var stopReasons: [String] = []
    /// The first error a callback reported with ``fail(_:)``, if any.
    public private(set) var failure: TrainingError?
    /// Where warnings go; standard error by default.
    public var warn: (String) -> Void
    private var warned: Set<String> = []

    /// Creates a context.
    /// - Parameters:
    ///   - epochs: Epochs planned.
    ///   - stepsPerEpoch: Training batches per epoch, if known.
    ///   - model: How callbacks reach the model.
    ///   - warn: Where warnings go; standard error by default.
    public init(
        epochs: Int,
        stepsPerEpoch: Int? = nil,
        model: ModelHooks = ModelHooks(),
        warn: @escaping (String) -> Void = TrainingContext.standardErrorWarning
    ) {
        self.epochs = epochs
        self.stepsPerEpoch = stepsPerEpoch
        self.model = model
        self.warn = warn
    }

    /// Whether a callback asked training to stop.
    public var isStopRequested: Bool { !stopReasons.isEmpty }

    /// Asks the loop to stop after the current epoch.
    /// - Parameter reason: Why, for the user (for example "early stopping: no improvement in 5 epochs").
    public func requestStop(reason: String) {
        stopReasons.append(reason)
    }

    /// Reports that a callback cannot do what it was asked, and asks the loop to stop: ``Trainer`` throws the
    /// first such error once the hook returns; a hand-written loop calls ``checkFailure()`` after each hook.
    /// - Parameter error: What is wrong; only the first error is kept.
    public func fail(_ error: TrainingError) {
        if failure == nil { failure = error }
        requestStop(reason: error.description)
    }

    /// Throws the error a callback reported with ``fail(_:)``, if one did.
    /// - Throws: ``failure``, when set.
    public func checkFailure() throws(TrainingError) {
        if let failure { throw failure }
    }

    /// Reports a warning once per distinct text.
    public func warnOnce(_ message: String) {
        guard warned.insert(message).inserted else { return }
        warn(message)
    }

    /// The learning rate, when the model's hooks can read it.
    public var learningRate: Double? { model.learningRate?() }

    /// Writes `message` and a newline to standard error.
    public static func standardErrorWarning(_ message: String) {
        let line = Array(("warning: " + message + "\n").utf8)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
}
