// ImagesCommand.swift: `eventdump images`, the image samples of a log: listed, or written out as files.

/// `eventdump images LOGDIR [--output DIR]`: one row per image, or one file per image.
enum ImagesCommand: Command {
    static let name = "images"
    static let abstract = "List the images of image summaries, or write each as a file (--output)."
    static let kind = MediaCommand.Kind(
        seriesKind: .image,
        noun: ("image", "images"),
        showsSize: true
    )
    static let help = """
        OVERVIEW: \(abstract)

        Modern (plugin images: width, height, then the encoded images) and legacy (Summary.Image) image
        summaries alike. Without --output, one row per image: run, tag, step, wall time, its index in the
        sample (from 0), the width and height the summary states, its size in bytes and its format (png, jpeg,
        gif, webp, bmp, told by the first bytes; unknown otherwise).

        With --output <dir>, each image is written as a file holding exactly the bytes stored in the log, which
        are the bytes TensorBoard's Images dashboard serves (nothing is decoded or re-encoded):

          <dir>/<run>/<tag>/<step>.png        a sample of one image
          <dir>/<run>/<tag>/<step>-<k>.png    the k-th image (from 0) of a sample of several

        The extension follows the format: .png, .jpg, .gif, .webp, .bmp, or .bin for bytes of no known format
        (with a note). Run names and tags are percent-encoded into one path component each, as TensorBoard's
        URLs spell them: letters, digits, space, -_.+=,;@!~'()[]{}&$#^ and printable non-ASCII characters stay;
        '/' becomes %2F (a tag train/images gives the directory train%2Fimages), and so do '\\', '%', ':', '*',
        '?', '"', '<', '>', '|', control and invisible characters and bytes that are not UTF-8 (%XX); the run
        '.' (the log directory itself) becomes %2E, '..' becomes %2E., an empty name '%'. No path can leave
        <dir>, and different runs or tags never share a file. An existing file stops the export with an error
        unless --force; a step logged twice (kept with --keep-all) leaves the later image. Standard error ends
        with how many files were written.

        USAGE: eventdump images <logdir> [--output <dir> [--force]] [options]

        ARGUMENTS:
          <logdir>                A log directory, or one event file.

        OPTIONS:
        \(MediaCommand.exportHelp(noun: "image"))
        \(CommonOptions.help)
          -h, --help              Show help information.

        \(OutputFormat.controlCharactersHelp)

        EXAMPLES:
          eventdump images runs
          eventdump images runs --tag samples --steps 100: --output exported
        """

    static func run(_ arguments: [String], context: CommandContext) throws {
        try MediaCommand.run(kind, arguments, context: context)
    }
}
