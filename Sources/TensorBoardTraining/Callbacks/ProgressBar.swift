// ProgressBar.swift: Keras-like progress output.

import Foundation

/// Shows training progress as Keras does: on a terminal, a live bar per epoch with the step count, an ETA and
/// the running metrics, finished by the epoch's time and metrics; when the output is not a terminal (a log
/// file, CI), one line per epoch.
///
/// ```
/// Epoch 3/30
/// 45/45 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.9412 - loss: 0.2231 - val_accuracy: 0.9306 - val_loss: 0.2503
/// ```
public final class ProgressBar: Callback {
    private let output: (String) -> Void
    private let isLive: Bool
    private let width = 20
    private var epochStart = Date()
    private var lastDraw = Date.distantPast
    private var steps: Int?
    private var epochs = 0

    /// Creates a progress display.
    /// - Parameters:
    ///   - live: Whether to redraw a bar in place; by default, when standard output is a terminal.
    ///   - output: Where the text goes; standard output by default.
    public init(live: Bool? = nil, output: ((String) -> Void)? = nil) {
        self.isLive = live ?? (isatty(1) != 0)
        self.output =
            output ?? { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            }
    }

    /// Notes the planned epochs and steps.
    public func trainingWillBegin(context: TrainingContext) {
        epochs = context.epochs
        steps = context.stepsPerEpoch
    }

    /// Starts the epoch's clock (and, live, prints `Epoch n/N`).
    public func epochWillBegin(_ epoch: Int, context: TrainingContext) {
        epochStart = Date()
        lastDraw = .distantPast
        if isLive { output("Epoch \(oneBased(epoch))/\(epochs)\n") }
    }

    /// Redraws the live bar (at most every 50 ms, and at the last step).
    public func trainingBatchDidEnd(_ batch: Int, logs: TrainingLogs, context: TrainingContext) {
        guard isLive else { return }
        let now = Date()
        let total = steps ?? context.stepsPerEpoch
        guard now.timeIntervalSince(lastDraw) >= 0.05 || oneBased(batch) == total else { return }
        lastDraw = now
        let done = oneBased(batch)
        let elapsed = now.timeIntervalSince(epochStart)
        var line = "\r"
        if let total, total > 0 {
            let filled = Int(min(max(Double(done) / Double(total), 0), 1) * Double(width))
            line +=
                "\(done)/\(total) " + String(repeating: "━", count: filled)
                + String(repeating: "─", count: width - filled)
            let remaining = elapsed / Double(done) * Double(max(total - done, 0))
            line += " ETA: " + Self.duration(remaining)
        } else {
            line += "\(done) steps " + Self.duration(elapsed)
        }
        line += Self.metrics(logs) + "\u{1B}[K"
        output(line)
    }

    /// Prints the epoch's time, time per step and metrics.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        let elapsed = Date().timeIntervalSince(epochStart)
        let total = context.stepsPerEpoch ?? steps ?? 0
        let perStep = total > 0 ? " \(Self.stepTime(elapsed / Double(total)))/step" : ""
        if isLive {
            let bar = total > 0 ? "\(total)/\(total) " + String(repeating: "━", count: width) + " " : ""
            output("\r" + bar + Self.duration(elapsed) + perStep + Self.metrics(logs) + "\u{1B}[K\n")
        } else {
            output(
                "Epoch \(oneBased(epoch))/\(epochs) - " + Self.duration(elapsed) + perStep + Self.metrics(logs) + "\n"
            )
        }
    }

    /// Prints why training stopped early, if it did.
    public func trainingDidEnd(logs: TrainingLogs, context: TrainingContext) {
        for reason in context.stopReasons { output("Stopped: \(reason)\n") }
    }

    /// ` - name: value` for each metric, in Keras's order, four decimals.
    static func metrics(_ logs: TrainingLogs) -> String {
        logs.orderedMetricNames.compactMap { name in
            logs[name].map {
                " - \(name): " + (abs($0) < 1e-3 && $0 != 0 ? String(format: "%.4e", $0) : String(format: "%.4f", $0))
            }
        }.joined()
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e15 else { return "?" }
        if seconds < 60 { return "\(Int(seconds.rounded()))s" }
        let minutes = Int(seconds) / 60
        if minutes < 60 { return "\(minutes)m \(Int(seconds) % 60)s" }
        return "\(minutes / 60)h \(minutes % 60)m"
    }

    static func stepTime(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds < 1e15, seconds >= 0 else { return "?" }
        return seconds >= 1
            ? "\(Int(seconds.rounded()))s"
            : (seconds >= 1e-3 ? "\(Int((seconds * 1e3).rounded()))ms" : "\(Int((seconds * 1e6).rounded()))us")
    }
}
