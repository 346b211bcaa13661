// Smoothing+Monitor.swift: how the monitoring callbacks apply their optional smoothing.

import TensorBoardEvents

extension StreamingSmoother? {
    /// `value` smoothed when there is a smoother (which takes the value in), else `value` itself.
    mutating func smooth(_ value: Double) -> Double {
        guard var smoother = self else { return value }
        let smoothed = smoother.smooth(value)
        self = smoother
        return smoothed
    }
}
