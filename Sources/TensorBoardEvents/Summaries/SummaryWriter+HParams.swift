// SummaryWriter+HParams.swift: hyperparameters and metrics for TensorBoard's HParams dashboard.

extension SummaryWriter {
    /// Records this run's hyperparameters given as plain values, variables as well as literals, as
    /// ``hparams(_:metrics:groupName:wallTime:)-([String:HParamValue],_,_,_)`` does:
    /// `try writer.hparams(["lr": lr, "optimizer": "sgd", "layers": 3, "dropout": true])`.
    /// - Parameters:
    ///   - hparams: The values by name: numbers, strings and Booleans (see ``HParamConvertible``).
    ///   - metrics: The scalar series to show as metrics.
    ///   - groupName: Runs with the same group name are shown as one group; empty (each run its own) by default.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func hparams(
        _ hparams: [String: any HParamConvertible],
        metrics: [HParamsPluginData.Experiment.MetricInfo] = [],
        groupName: String = "",
        wallTime: Double? = nil
    ) throws(EventFileError) {
        try self.hparams(hparams.mapValues(\.hparamValue), metrics: metrics, groupName: groupName, wallTime: wallTime)
    }

    /// Records this run's hyperparameters and the metrics to show beside them, so that the HParams dashboard
    /// lists the run with its values.
    ///
    /// Writes, at step 0 and into this same run, an experiment (`_hparams_/experiment`: one entry per
    /// hyperparameter with its type, and the metrics) and the session start (`_hparams_/session_start_info`:
    /// the values). Call ``hparamsEnd(status:wallTime:)`` when training ends. The dashboard shows one experiment
    /// for a whole log directory, so for several runs that share one (a sweep), write it once with
    /// ``hparamsConfig(_:metrics:wallTime:)`` and each run's values with
    /// ``hparamsSession(_:groupName:wallTime:)``.
    /// - Parameters:
    ///   - hparams: The values by name (`["optimizer": .string(name)]` works here, where the overload taking
    ///     ``HParamConvertible`` values cannot resolve `.string`).
    ///   - metrics: The scalar series to show as metrics, for example
    ///     `.init(group: "validation", tag: "epoch_accuracy")` for a Keras-style `validation` sub-run of this run.
    ///   - groupName: Runs with the same group name are shown as one group; empty (each run its own) by default.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func hparams(
        _ hparams: [String: HParamValue],
        metrics: [HParamsPluginData.Experiment.MetricInfo] = [],
        groupName: String = "",
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let time = Self.wallTime(wallTime)
        let infos = hparams.keys.sorted().compactMap { name in
            hparams[name].map { HParamsPluginData.Experiment.HParamInfo(name: name, type: $0.hparamsType) }
        }
        try hparamsConfig(infos, metrics: metrics, wallTime: time)
        try hparamsSession(hparams, groupName: groupName, wallTime: time)
    }

    /// Records an experiment alone, as TensorBoard's `hp.hparams_config` does: which hyperparameters (with their
    /// types and domains) and which metrics the HParams dashboard shows for every session of the log directory.
    ///
    /// Writes `_hparams_/experiment` at step 0. Write it once, in the run at the root of the runs it describes
    /// (a sweep's directory): the dashboard uses the first experiment it finds for the whole log directory.
    /// - Parameters:
    ///   - hparams: The hyperparameters, in the order to show them.
    ///   - metrics: The scalar series to show as metrics, each relative to a session's run
    ///     (`.init(group: "validation", tag: "epoch_loss")` is `<session>/validation`'s `epoch_loss`).
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func hparamsConfig(
        _ hparams: [HParamsPluginData.Experiment.HParamInfo],
        metrics: [HParamsPluginData.Experiment.MetricInfo],
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let time = Self.wallTime(wallTime)
        let experiment = HParamsPluginData.Experiment(
            hparamInfos: hparams,
            metricInfos: metrics,
            timeCreatedSeconds: time
        )
        try writeHParams(
            HParamsPluginData(data: .experiment(experiment)),
            tag: HParamsPluginData.experimentTag,
            time: time
        )
    }

    /// Records this run's session start alone, its hyperparameter values, as TensorBoard's `hp.hparams` does for
    /// one trial of an experiment written elsewhere with ``hparamsConfig(_:metrics:wallTime:)``.
    ///
    /// Writes `_hparams_/session_start_info` at step 0. Call ``hparamsEnd(status:wallTime:)`` when the run ends.
    /// - Parameters:
    ///   - hparams: The values by name.
    ///   - groupName: Sessions with the same group name are shown as one group (their metrics averaged); empty
    ///     (each session its own group) by default.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func hparamsSession(
        _ hparams: [String: HParamValue],
        groupName: String = "",
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let time = Self.wallTime(wallTime)
        let start = HParamsPluginData.SessionStartInfo(
            hparams: hparams.mapValues(\.protobufValue),
            groupName: groupName,
            startTimeSeconds: time
        )
        try writeHParams(
            HParamsPluginData(data: .sessionStartInfo(start)),
            tag: HParamsPluginData.sessionStartInfoTag,
            time: time
        )
    }

    /// Records how the run ended (`_hparams_/session_end_info`).
    /// - Parameters:
    ///   - status: `.success` by default.
    ///   - wallTime: Seconds since the epoch; the current time by default, and in place of a non-finite value.
    /// - Throws: ``EventFileError`` when a flush fails or the writer is closed.
    public func hparamsEnd(
        status: HParamsPluginData.SessionEndInfo.Status = .success,
        wallTime: Double? = nil
    ) throws(EventFileError) {
        let time = Self.wallTime(wallTime)
        let end = HParamsPluginData.SessionEndInfo(status: status, endTimeSeconds: time)
        try writeHParams(
            HParamsPluginData(data: .sessionEndInfo(end)),
            tag: HParamsPluginData.sessionEndInfoTag,
            time: time
        )
    }

    /// Writes one hparams summary: the content in the metadata, and the "null tensor" (DT_FLOAT, shape `[0]`)
    /// as the value, as TensorBoard's own hparams summaries do.
    private func writeHParams(_ data: HParamsPluginData, tag: String, time: Double) throws(EventFileError) {
        let value = Summary.Value(
            tag: tag,
            kind: .tensor(TensorProto(dataType: .float, shape: TensorShapeProto([0]))),
            metadata: .hparams(data)
        )
        try write(Event(wallTime: time, step: 0, content: .summary(Summary(values: [value]))))
    }
}
