// AudioCommand.swift: `eventdump audio`, the audio clips of a log: listed, or written out as files.

/// `eventdump audio LOGDIR [--output DIR]`: one row per clip, or one file per clip.
enum AudioCommand: Command {
    static let name = "audio"
    static let abstract = "List the clips of audio summaries, or write each as a file (--output)."
    static let kind = MediaCommand.Kind(
        seriesKind: .audio,
        noun: ("audio clip", "audio clips"),
        showsSize: false
    )
    static let help = """
        OVERVIEW: \(abstract)

        Modern (plugin audio: a [k, 2] tensor of encoded clip and label) and legacy (Summary.Audio) audio
        summaries alike. Without --output, one row per clip: run, tag, step, wall time, its index in the sample
        (from 0), its size in bytes and its format (wav, flac, ogg, mp3, told by the first bytes; unknown
        otherwise).

        With --output <dir>, each clip is written as a file holding exactly the bytes stored in the log, which
        are the bytes TensorBoard's Audio dashboard serves:

          <dir>/<run>/<tag>/<step>.wav        a sample of one clip
          <dir>/<run>/<tag>/<step>-<k>.wav    the k-th clip (from 0) of a sample of several

        The extension follows the format (.bin for bytes of no known format, with a note). Run names and tags
        become path components as `eventdump images --help` describes: percent-encoded, '/' as %2F, the run '.'
        as %2E; no path can leave <dir> and different names never share a file. An existing file stops the
        export with an error unless --force.

        USAGE: eventdump audio <logdir> [--output <dir> [--force]] [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(MediaCommand.exportHelp(noun: "clip"))
        \(CommonOptions.help)
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump audio runs --format csv
          eventdump audio runs --tag speech --output clips
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        try MediaCommand.run(kind, arguments, context: context)
    }
}
