// TrainingState.swift: everything the demo's training changes, saved and loaded as one JSON file.

import Foundation

/// What decides the rest of a demo run: the network, the optimizer (learning rate and momentum) and the
/// batch-order generator. The model's `save` hook writes it and its `load` hook reads it back, so a resumed run
/// trains on exactly what an uninterrupted one would.
struct TrainingState: Codable {
    var network: Network
    var optimizer: MomentumOptimizer
    var shuffling: SplitMix64?

    /// Writes the state as JSON to `path`.
    func save(to path: String) throws {
        try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// Reads a state that ``save(to:)`` wrote.
    static func load(from path: String) throws -> TrainingState {
        do {
            return try JSONDecoder().decode(TrainingState.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw DemoError("cannot load the training state from \(path): \(error)")
        }
    }
}
