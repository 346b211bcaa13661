// ModelCheckpoint.swift: saves the model every epoch, or when the monitored metric improves.

import Foundation
import TensorBoardEvents

/// Saves the model after each epoch, or only when a monitored metric improves, as Keras's `ModelCheckpoint`
/// does, to a path made from a ``FileNameTemplate`` (`"checkpoints/model-{epoch:02d}-{val_loss:.4f}.json"`).
///
/// The model writes itself through `save` (or the model's `save` hook) to a temporary file beside the target,
/// which is then renamed over it, so the saved file is always whole. The best value so far can be given back
/// to a new instance, so a resumed run only saves what beats the interrupted run's best. A failure to save is
/// reported as a warning and training goes on.
///
/// Not silent: the template is checked when the callback is made (braces, field names, format specs: a
/// ``FileNameTemplate/Error`` becomes a `ConfigurationError` naming `filePath`); a field naming a key the
/// epoch's logs lack is reported when the file is named, as Keras raises `KeyError` then, with
/// ``TrainingContext/fail(_:)`` (``Trainer`` throws it after that epoch), naming the nearest logged key. With
/// `saveBestOnly`, a `monitor` absent from the first logs that could hold it is reported the same way.
///
/// With `smoothing`, "improves" is judged on TensorBoard's smoothed curve of the monitored value
/// (`StreamingSmoother`, fed every epoch's value) rather than on the raw value; ``best`` is then a smoothed
/// value, and the file name still shows the raw logs.
public final class ModelCheckpoint: Callback {
    /// The file-name template.
    public let template: FileNameTemplate
    /// The monitored logs key.
    public let monitor: String
    /// Whether to save only on improvement.
    public let savesBestOnly: Bool
    private let rule: ImprovementRule
    /// The best value `trainingWillBegin` starts from: the initialiser's, or a resumed one.
    var initialBest: Double?
    private let save: ((String) throws -> Void)?
    /// The best monitored value so far (the value last saved, with `savesBestOnly`).
    public private(set) var best: Double?
    /// The epochs (from 0) after which the model was saved.
    public private(set) var savedEpochs: [Int] = []
    /// The paths written, in order.
    public private(set) var savedPaths: [String] = []
    private var monitored: MonitoredKey
    /// The smoother `trainingWillBegin` starts from.
    var initialSmoother: StreamingSmoother?
    /// Where the smoothing of the monitored series stands (`nil` without smoothing); give it back to resume.
    public private(set) var smoother: StreamingSmoother?

    /// Creates the callback.
    /// - Parameters:
    ///   - filePath: The file-name template.
    ///   - monitor: The logs key; `"val_loss"` by default.
    ///   - saveBestOnly: Save only when the monitored value improves; `false` by default.
    ///   - mode: `.auto` (the default) infers the direction from the name.
    ///   - best: The best value so far (Keras's `initial_value_threshold`, or a resumed run's best); none by
    ///     default.
    ///   - smoothing: Judge improvements on the value smoothed as TensorBoard smooths it, for example
    ///     `StreamingSmoother()` (weight 0.6), or a resumed run's ``smoother``; `nil` (the default) judges the raw
    ///     values, as Keras does.
    ///   - save: Writes the model to a path; the model's `save` hook by default.
    /// - Throws: `ConfigurationError` when `mode` is `.auto` and the name gives no direction, or when `filePath`
    ///   is not a valid template (a brace left open, a spec Python would refuse).
    public init(
        filePath: String,
        monitor: String = "val_loss",
        saveBestOnly: Bool = false,
        mode: ImprovementRule.Mode = .auto,
        best: Double? = nil,
        smoothing: StreamingSmoother? = nil,
        save: ((String) throws -> Void)? = nil
    ) throws(ConfigurationError) {
        do {
            self.template = try FileNameTemplate(filePath)
        } catch {
            throw ConfigurationError(
                type: "ModelCheckpoint",
                parameter: "filePath",
                received: filePath,
                allowed: "be a valid file-name template, but \(error.problem)"
            )
        }
        self.monitor = monitor
        self.monitored = MonitoredKey(monitor, of: "ModelCheckpoint")
        self.savesBestOnly = saveBestOnly
        self.rule = try ImprovementRule(monitor: monitor, mode: mode)
        self.initialBest = best
        self.best = best
        self.initialSmoother = smoothing
        self.smoother = smoothing
        self.save = save
    }

    /// Starts from the initial (or resumed) best value and checks that there is a way to save.
    public func trainingWillBegin(context: TrainingContext) {
        best = initialBest
        savedEpochs = []
        savedPaths = []
        smoother = initialSmoother
        monitored.reset()
        if save == nil && context.model.save == nil {
            context.warnOnce("ModelCheckpoint has no way to save the model: pass `save:` or set the model's save hook")
        }
    }

    /// Saves the model after the epoch: always, or with `saveBestOnly` when the monitored value improves.
    public func epochDidEnd(_ epoch: Int, logs: TrainingLogs, context: TrainingContext) {
        let current = logs[monitor].map { smoother.smooth($0) }
        if savesBestOnly {
            guard let current else {
                if monitored.check(logs, context: context) { return }
                context.warnOnce(
                    "ModelCheckpoint monitors '\(monitor)', which is not in the logs. Available: "
                        + logs.orderedMetricNames.joined(separator: ", ")
                )
                return
            }
            guard rule.isImprovement(current, over: best) else { return }
            best = current
        }
        guard let saver = save ?? context.model.save else { return }
        let path: String
        do {
            path = try template.fileName(epoch: epoch, logs: logs)
        } catch {
            guard case .missingKey(let key, _) = error else {
                context.warn("ModelCheckpoint could not name the file after epoch \(oneBased(epoch)): \(error)")
                return
            }
            let (available, suggestion) = nearestKeys(to: key, in: logs)
            context.fail(
                .unknownTemplateKey(key: key, template: template.text, available: available, suggestion: suggestion)
            )
            return
        }
        do {
            try Self.saveAtomically(to: path, using: saver)
            savedEpochs.append(epoch)
            savedPaths.append(path)
        } catch {
            context.warn("ModelCheckpoint could not save after epoch \(oneBased(epoch)): \(error)")
        }
    }

    /// Writes through `saver` to a temporary file beside `path`, then renames it over `path`.
    static func saveAtomically(to path: String, using saver: (String) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try saver(temporary)
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
