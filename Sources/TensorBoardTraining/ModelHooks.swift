// ModelHooks.swift: how callbacks reach the user's model, whatever framework it is written in.

import Foundation

/// Closures through which callbacks reach a model they know nothing about: its weights, its saved form and
/// its learning rate. Leave out what the model cannot do; callbacks that need it then say so.
///
/// The weight hooks are typed: `captureWeights` returns a `Weights` value and `restoreWeights` takes one back,
/// so a restore can only receive what a capture gave. A capture must be a snapshot that later training does not
/// change: for a model that is a class, return its parameters (an array, a struct), never the model object
/// itself. A captured class instance would change with training, so that "restoring" it would put back the
/// last weights; ``EarlyStopping`` therefore refuses one with a ``TrainingError``. (A struct holding class
/// references cannot be told apart: copy what it refers to.)
public struct ModelHooks {
    /// The weight hooks, type-erased, when the model has them.
    package var weights: WeightHooks?
    /// Writes the model to a file at the given path (``ModelCheckpoint`` calls it with a temporary path and
    /// then renames the file into place, so a reader never sees half a file).
    public var save: ((String) throws -> Void)?
    /// Reads back into the model a file that `save` wrote (``BackupAndRestore`` resumes from it). What `save`
    /// writes and `load` reads must be all that training changes: weights and optimizer state (its learning
    /// rate and momentum), and anything else that decides the next batches, such as a shuffling generator's
    /// state.
    public var load: ((String) throws -> Void)?
    /// Reads the optimizer's learning rate.
    public var learningRate: (() -> Double)?
    /// Sets the optimizer's learning rate (``ReduceLROnPlateau``).
    public var setLearningRate: ((Double) -> Void)?

    /// Creates hooks without weight hooks.
    /// - Parameters:
    ///   - save: Writes the model to a path.
    ///   - load: Reads back what `save` wrote.
    ///   - learningRate: Reads the learning rate.
    ///   - setLearningRate: Sets the learning rate.
    public init(
        save: ((String) throws -> Void)? = nil,
        load: ((String) throws -> Void)? = nil,
        learningRate: (() -> Double)? = nil,
        setLearningRate: ((Double) -> Void)? = nil
    ) {
        self.save = save
        self.load = load
        self.learningRate = learningRate
        self.setLearningRate = setLearningRate
    }

    /// Creates hooks with weight hooks.
    /// - Parameters:
    ///   - captureWeights: Returns a copy of the current weights: a value that later training leaves alone.
    ///   - restoreWeights: Puts back weights that `captureWeights` returned.
    ///   - save: Writes the model to a path.
    ///   - load: Reads back what `save` wrote.
    ///   - learningRate: Reads the learning rate.
    ///   - setLearningRate: Sets the learning rate.
    public init<Weights>(
        captureWeights: @escaping () -> Weights,
        restoreWeights: @escaping (Weights) -> Void,
        save: ((String) throws -> Void)? = nil,
        load: ((String) throws -> Void)? = nil,
        learningRate: (() -> Double)? = nil,
        setLearningRate: ((Double) -> Void)? = nil
    ) {
        self.init(save: save, load: load, learningRate: learningRate, setLearningRate: setLearningRate)
        self.weights = WeightHooks(capture: captureWeights, restore: restoreWeights)
    }

    /// Creates hooks with weight hooks whose weights are `Codable`, so that a backup can also keep
    /// ``EarlyStopping``'s best weights (as JSON).
    /// - Parameters:
    ///   - captureWeights: Returns a copy of the current weights: a value that later training leaves alone.
    ///   - restoreWeights: Puts back weights that `captureWeights` returned.
    ///   - save: Writes the model to a path.
    ///   - load: Reads back what `save` wrote.
    ///   - learningRate: Reads the learning rate.
    ///   - setLearningRate: Sets the learning rate.
    public init<Weights: Codable>(
        captureWeights: @escaping () -> Weights,
        restoreWeights: @escaping (Weights) -> Void,
        save: ((String) throws -> Void)? = nil,
        load: ((String) throws -> Void)? = nil,
        learningRate: (() -> Double)? = nil,
        setLearningRate: ((Double) -> Void)? = nil
    ) {
        self.init(save: save, load: load, learningRate: learningRate, setLearningRate: setLearningRate)
        var hooks = WeightHooks(capture: captureWeights, restore: restoreWeights)
        hooks.encode = { value in
            guard let weights = value as? Weights else { return nil }
            return try? BackupCoding.encoder().encode(weights)
        }
        hooks.decode = { data in try? BackupCoding.decoder().decode(Weights.self, from: data) }
        self.weights = hooks
    }
}

/// The model's weight hooks with their type erased, so that ``ModelHooks`` and ``TrainingContext`` need no
/// type parameter; `restore` checks the type instead, and says whether it could.
package struct WeightHooks {
    /// The weights' type as the hooks declared it, for messages.
    package let typeName: String
    /// Returns the current weights.
    package let capture: () -> Any
    /// Puts weights back; `false` (and nothing done) when the value is not of the hooks' type.
    package let restore: (Any) -> Bool
    /// The weights as JSON, when their type is `Codable`; `nil` when it is not, or the value is not of it.
    package var encode: ((Any) -> Data?)?
    /// Weights from JSON that `encode` gave, or `nil` when the data does not decode.
    package var decode: ((Data) -> Any?)?

    /// Hooks over weights of type `Weights`.
    package init<Weights>(capture: @escaping () -> Weights, restore: @escaping (Weights) -> Void) {
        self.typeName = String(describing: Weights.self)
        self.capture = { capture() }
        self.restore = { value in
            guard let weights = value as? Weights else { return false }
            restore(weights)
            return true
        }
    }

    /// Whether `value` is a class instance: a reference that later training changes, not a snapshot.
    package static func isReference(_ value: Any) -> Bool {
        type(of: value) is AnyObject.Type
    }
}
