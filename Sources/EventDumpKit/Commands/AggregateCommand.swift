// AggregateCommand.swift: `eventdump aggregate`, statistics over the seeds of each group of runs.

import TensorBoardEvents

/// `eventdump aggregate LOGDIR --group-by REGEX`: per group of runs (the run name without what the pattern
/// matches), tag and step, the count, mean, standard deviation, min, max and median over the group's runs, as
/// tensorboard-reducer reduces runs; or, with `--output`, those statistics written as TensorBoard runs.
enum AggregateCommand: Command {
    static let name = "aggregate"
    static let abstract = "Mean, std, min, max and median over the seeds of each group of runs, per tag and step."
    static let help = """
        OVERVIEW: \(abstract)

        A run's group is its name with every match of the --group-by pattern removed: with 'seed-\\d+', the runs
        sweep/lr-0.05_seed-1/train and sweep/lr-0.05_seed-2/train are the group sweep/lr-0.05/train. Where a
        match was removed, the separators (- _ .) that meet become one, none is left at the start or end of a path
        component, and a component left empty goes; a run the pattern does not match is a group of its own.

        At each step any run of a group logged, the statistics are over the runs that logged it (a run that
        stopped early, or a tag only some runs have, counts where it has values), as tensorboard-reducer's
        --lax-steps --lax-tags --min-runs-per-step 1 reduce them. NaN values are left out, as pandas leaves them
        out: count is the number of values that are not NaN (0, with NaN statistics, when all are). std is the
        sample standard deviation (NaN for one value); the median of an even count is the mean of the middle
        two. Points are read as the other commands read them (restart purging, --keep-all, --steps); a step a run
        logged twice counts once, with its last value (purging drops the earlier one; with --keep-all a note
        says so).

        With --output, each group's statistics are written as TensorBoard runs <dir>/<group>/<statistic> for
        mean, mean+std, mean-std, min, max and median (the runs tensorboard-reducer writes), one scalar series per
        tag, instead of the table. An output run directory that exists and is not empty is refused; --force
        replaces its event files when it holds nothing else.

        USAGE: eventdump aggregate <logdir> --group-by <regex> [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
          --group-by <regex>      What to remove from run names to group them, such as 'seed-\\d+' (required).
        \(CommonOptions.help)
          --output <dir>          Write the statistics as TensorBoard runs under dir instead of the table.
          --force                 With --output, replace the event files of existing output runs.
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump aggregate runs --group-by 'seed-\\d+'
          eventdump aggregate runs --group-by '_seed\\d+' --tag epoch_loss --format csv > seeds.csv
          eventdump aggregate runs --group-by 'seed-\\d+' --output runs-aggregated
        """

    /// The columns of the table.
    static let columns = ["group", "tag", "step", "count", "mean", "std", "min", "max", "median"]

    static func run(_ arguments: [String], context: CommandContext) throws {
        let parsed = try ArgumentList(
            arguments,
            valueOptions: CommonOptions.valueOptions.union(["--group-by", "--output"]),
            flagOptions: CommonOptions.flagOptions.union(["--force"])
        )
        let logdir = try parsed.onlyPositional(named: "<logdir>")
        let options = try CommonOptions(parsed, defaultFormat: defaultFormat(for: context.output))
        let grouping = try groupingOption(parsed)
        let output = parsed.value("--output")
        if output == nil, parsed.has("--force") { throw UsageError("--force goes with --output <dir>") }
        if output != nil, parsed.value("--format") != nil {
            throw UsageError("--output writes TensorBoard runs and takes no --format")
        }
        let scan = LogScan(logdir: logdir, options: options, context: context)
        let series = try SeedAggregation.collect(scan, grouping: grouping)
        if series.isEmpty { context.note("no scalar points to aggregate") }
        if let output {
            let written = try StatisticRuns(directory: output, force: parsed.has("--force")).write(series)
            for path in written { context.errors.write("wrote \(TerminalSafety.escaped(path))\n") }
            return
        }
        let table = TableWriter(format: options.format, columns: columns, sink: context.output)
        for entry in series {
            for (step, statistics) in entry.statistics {
                table.write([
                    .text(entry.group), .text(entry.tag), .integer(step), .integer(Int64(statistics.count)),
                    .number(statistics.mean), .number(statistics.std), .number(statistics.minimum),
                    .number(statistics.maximum), .number(statistics.median),
                ])
                if context.isOutputClosed { throw OutputClosed() }
            }
        }
        table.finish()
    }

    /// The `--group-by` pattern (required).
    static func groupingOption(_ parsed: ArgumentList) throws(UsageError) -> RunGrouping {
        guard let pattern = try CommonOptions.regex(parsed.value("--group-by"), option: "--group-by") else {
            throw UsageError("missing --group-by <regex> (what to remove from run names, such as 'seed-[0-9]+')")
        }
        return RunGrouping(pattern: pattern)
    }
}
