// ModelHooks.swift: how callbacks reach the user's model, whatever framework it is written in.

/// Closures through which callbacks reach a model they know nothing about: its weights, its saved form and
/// its learning rate. Leave out what the model cannot do; callbacks that need it then warn once and carry on.
public struct ModelHooks {
    /// Returns a copy of the current weights (any value), kept by ``EarlyStopping`` to restore the best epoch.
    public var captureWeights: (() -> Any)?
    /// Puts back weights that ``captureWeights`` returned.
    public var restoreWeights: ((Any) -> Void)?
    /// Writes the model to a file at the given path (``ModelCheckpoint`` calls it with a temporary path and
    /// then renames the file into place, so a reader never sees half a file).
    public var save: ((String) throws -> Void)?
    /// Reads the optimizer's learning rate.
    public var learningRate: (() -> Double)?
    /// Sets the optimizer's learning rate (``ReduceLROnPlateau``).
    public var setLearningRate: ((Double) -> Void)?

    /// Creates hooks.
    /// - Parameters:
    ///   - captureWeights: Returns a copy of the weights.
    ///   - restoreWeights: Puts weights back.
    ///   - save: Writes the model to a path.
    ///   - learningRate: Reads the learning rate.
    ///   - setLearningRate: Sets the learning rate.
    public init(
        captureWeights: (() -> Any)? = nil,
        restoreWeights: ((Any) -> Void)? = nil,
        save: ((String) throws -> Void)? = nil,
        learningRate: (() -> Double)? = nil,
        setLearningRate: ((Double) -> Void)? = nil
    ) {
        self.captureWeights = captureWeights
        self.restoreWeights = restoreWeights
        self.save = save
        self.learningRate = learningRate
        self.setLearningRate = setLearningRate
    }
}
