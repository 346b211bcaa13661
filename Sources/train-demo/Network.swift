// Network.swift: a one-hidden-layer network trained by mini-batch gradient descent with momentum.

import Foundation

/// A multilayer perceptron: inputs → hidden layer (ReLU) → softmax over the classes, trained on
/// cross-entropy by gradient descent with momentum. Pure Swift, flat row-major weight arrays.
struct Network: Codable {
    let inputs: Int
    let hidden: Int
    let outputs: Int
    var hiddenWeights: [Float]  // hidden × inputs
    var hiddenBias: [Float]
    var outputWeights: [Float]  // outputs × hidden
    var outputBias: [Float]

    /// He-initialised weights, zero biases.
    init(inputs: Int, hidden: Int, outputs: Int, generator: inout SplitMix64) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        func normal(_ scale: Float) -> Float {
            let u1 = Float.random(in: Float.ulpOfOne..<1, using: &generator)
            let u2 = Float.random(in: 0..<1, using: &generator)
            return scale * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        }
        hiddenWeights = (0..<(hidden * inputs)).map { _ in normal((2 / Float(inputs)).squareRoot()) }
        hiddenBias = Array(repeating: 0, count: hidden)
        outputWeights = (0..<(outputs * hidden)).map { _ in normal((2 / Float(hidden)).squareRoot()) }
        outputBias = Array(repeating: 0, count: outputs)
    }

    /// Hidden activations and class probabilities for one sample.
    func forward(_ x: [Float]) -> (hidden: [Float], probabilities: [Float]) {
        var activations = hiddenBias
        for unit in 0..<hidden {
            var sum = activations[unit]
            let row = unit * inputs
            for input in 0..<min(inputs, x.count) { sum += hiddenWeights[row + input] * x[input] }
            activations[unit] = max(0, sum)
        }
        var logits = outputBias
        for output in 0..<outputs {
            var sum = logits[output]
            let row = output * hidden
            for unit in 0..<hidden { sum += outputWeights[row + unit] * activations[unit] }
            logits[output] = sum
        }
        let largest = logits.max() ?? 0
        let exponentials = logits.map { exp($0 - largest) }
        let total = exponentials.reduce(0, +)
        return (activations, exponentials.map { $0 / total })
    }

    /// The gradients of the mean cross-entropy over a batch, and that mean loss and the probabilities. A label
    /// that is not an output index (``Dataset/load(csvAt:)`` lets none through) adds no loss and no gradient.
    func gradients(features: [[Float]], labels: [Int]) -> (gradients: Network, loss: Double, probabilities: [[Float]]) {
        var gradient = self
        gradient.hiddenWeights = Array(repeating: 0, count: hiddenWeights.count)
        gradient.hiddenBias = Array(repeating: 0, count: hidden)
        gradient.outputWeights = Array(repeating: 0, count: outputWeights.count)
        gradient.outputBias = Array(repeating: 0, count: outputs)
        var loss = 0.0
        var allProbabilities: [[Float]] = []
        let scale = 1 / Float(max(labels.count, 1))
        for (x, label) in zip(features, labels) {
            let (activations, probabilities) = forward(x)
            allProbabilities.append(probabilities)
            // Dataset.load only accepts labels below the class count; any other label adds nothing.
            guard probabilities.indices.contains(label) else { continue }
            loss -= Double(log(max(probabilities[label], 1e-12)))
            var outputDelta = probabilities
            outputDelta[label] -= 1
            var hiddenDelta = [Float](repeating: 0, count: hidden)
            for output in 0..<outputs {
                let delta = outputDelta[output] * scale
                gradient.outputBias[output] += delta
                let row = output * hidden
                for unit in 0..<hidden {
                    gradient.outputWeights[row + unit] += delta * activations[unit]
                    hiddenDelta[unit] += outputWeights[row + unit] * outputDelta[output]
                }
            }
            for unit in 0..<hidden where activations[unit] > 0 {
                let delta = hiddenDelta[unit] * scale
                gradient.hiddenBias[unit] += delta
                let row = unit * inputs
                for input in 0..<min(inputs, x.count) { gradient.hiddenWeights[row + input] += delta * x[input] }
            }
        }
        return (gradient, loss / Double(max(labels.count, 1)), allProbabilities)
    }
}

/// Gradient descent with momentum: `v = μv − η·g`, `w += v`.
struct MomentumOptimizer: Codable {
    var learningRate: Float
    let momentum: Float
    private var velocity: Network?

    init(learningRate: Float, momentum: Float) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    mutating func step(_ network: inout Network, gradients: Network) {
        var velocity =
            self.velocity
            ?? {
                var zero = gradients
                zero.hiddenWeights = zero.hiddenWeights.map { _ in 0 }
                zero.hiddenBias = zero.hiddenBias.map { _ in 0 }
                zero.outputWeights = zero.outputWeights.map { _ in 0 }
                zero.outputBias = zero.outputBias.map { _ in 0 }
                return zero
            }()
        func update(_ weights: inout [Float], _ moving: inout [Float], _ gradient: [Float]) {
            for index in weights.indices {
                moving[index] = momentum * moving[index] - learningRate * gradient[index]
                weights[index] += moving[index]
            }
        }
        update(&network.hiddenWeights, &velocity.hiddenWeights, gradients.hiddenWeights)
        update(&network.hiddenBias, &velocity.hiddenBias, gradients.hiddenBias)
        update(&network.outputWeights, &velocity.outputWeights, gradients.outputWeights)
        update(&network.outputBias, &velocity.outputBias, gradients.outputBias)
        self.velocity = velocity
    }
}
