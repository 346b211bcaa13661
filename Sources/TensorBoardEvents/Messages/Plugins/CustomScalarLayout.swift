// CustomScalarLayout.swift: the Custom Scalars dashboard's layout (proto message `tensorboard.Layout`).

/// How TensorBoard's Custom Scalars dashboard lays out its charts: categories of charts, each chart drawing
/// every scalar series whose tag matches one of its regular expressions (several lines on one chart, across
/// runs) or a value with a lower and upper bound (a margin chart). Proto message `Layout` of the
/// `custom_scalars` plugin, written with ``SummaryWriter/customScalarLayout(_:step:wallTime:)``.
///
/// The dashboard reads the layout of every run that has one and merges them in run-name order: categories with
/// the same title are one category, and a chart already in it is not added twice.
public struct CustomScalarLayout: Sendable, Equatable {
    /// The tag under which the layout is written, as TensorBoard's plugin looks it up.
    public static let tag = "custom_scalars__config__"
    /// The plugin's name.
    public static let pluginName = "custom_scalars"

    /// Proto field `version = 1`; 0, as every writer leaves it.
    public var version: Int32
    /// The categories, in the order the dashboard shows them. Proto field `repeated Category category = 2`.
    public var categories: [Category]

    /// Creates a layout.
    /// - Parameters:
    ///   - categories: The categories, top to bottom.
    ///   - version: The layout version; 0 by default.
    public init(_ categories: [Category], version: Int32 = 0) {
        self.categories = categories
        self.version = version
    }

    /// A collapsible group of charts. Proto message `Category`.
    public struct Category: Sendable, Equatable {
        /// Proto field `title = 1`.
        public var title: String
        /// Proto field `repeated Chart chart = 2`.
        public var charts: [Chart]
        /// Whether it starts collapsed. Proto field `closed = 3`.
        public var isClosed: Bool

        /// Creates a category.
        /// - Parameters:
        ///   - title: The title shown above its charts.
        ///   - charts: Its charts, in order.
        ///   - isClosed: Whether it starts collapsed; `false` by default.
        public init(_ title: String, charts: [Chart], isClosed: Bool = false) {
            self.title = title
            self.charts = charts
            self.isClosed = isClosed
        }
    }

    /// One chart. Proto message `Chart`: `title = 1` and `oneof content`.
    public struct Chart: Sendable, Equatable {
        /// The title shown atop the chart (the dashboard shows "untitled" for an empty one).
        public var title: String
        /// What the chart draws, or `nil` for a chart without content.
        public var content: Content?

        /// What a chart draws.
        public enum Content: Sendable, Equatable {
            /// One line per series whose tag matches one of these regular expressions, in every run. Proto field
            /// `MultilineChartContent multiline = 2` (`repeated string tag = 1`).
            case multiline(tagPatterns: [String])
            /// Each series drawn as its value tag with a band from its lower to its upper tag. Proto field
            /// `MarginChartContent margin = 3` (`repeated Series series = 1`).
            case margin([MarginSeries])
        }

        /// Creates a chart.
        /// - Parameters:
        ///   - title: The chart's title.
        ///   - content: What it draws.
        public init(title: String, content: Content?) {
            self.title = title
            self.content = content
        }

        /// A chart with one line per series whose tag matches one of `tagPatterns` (regular expressions, as the
        /// dashboard matches them; a plain tag with no special characters matches itself).
        public static func multiline(_ title: String, tagPatterns: [String]) -> Chart {
            Chart(title: title, content: .multiline(tagPatterns: tagPatterns))
        }

        /// A chart of a value with its lower and upper bound, each a scalar tag.
        public static func margin(_ title: String, value: String, lower: String, upper: String) -> Chart {
            Chart(title: title, content: .margin([MarginSeries(value: value, lower: lower, upper: upper)]))
        }
    }

    /// A margin chart's series: the tags of its value, lower bound and upper bound. Proto message
    /// `MarginChartContent.Series` (`value = 1`, `lower = 2`, `upper = 3`).
    public struct MarginSeries: Sendable, Equatable {
        /// The value's tag.
        public var value: String
        /// The lower bound's tag.
        public var lower: String
        /// The upper bound's tag.
        public var upper: String

        /// Creates a margin series.
        /// - Parameters:
        ///   - value: The value's tag.
        ///   - lower: The lower bound's tag.
        ///   - upper: The upper bound's tag.
        public init(value: String, lower: String, upper: String) {
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }
}
