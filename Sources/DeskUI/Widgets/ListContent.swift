/// What a panel's list shows: column headings and rows, already filtered by the search.
public struct ListContent: Equatable, Sendable {
    /// One row; `id` is what actions act on (a tag, a unit, a card number …).
    public struct Row: Equatable, Sendable {
        public var id: String
        public var cells: [String]
        /// Shown dimmed or highlighted by the panel (e.g. past retention, out overnight).
        public var flagged: Bool
        public init(id: String, cells: [String], flagged: Bool = false) { self.id = id; self.cells = cells; self.flagged = flagged }
    }

    public var headings: [String]
    /// Relative widths of the columns; the last one takes what is left.
    public var widths: [Int]
    public var rows: [Row]
    /// Shown when there are no rows.
    public var empty: String
    /// A line under the list (counts, totals).
    public var footer: String

    public init(headings: [String], widths: [Int], rows: [Row], empty: String, footer: String = "") {
        self.headings = headings; self.widths = widths; self.rows = rows; self.empty = empty; self.footer = footer
    }
}

/// Where the clerk is in a list: the search typed and the selected row.
public struct ListState: Equatable, Sendable {
    public var search = LineEditor("", limit: 40)
    public var searching = false
    public var selection = 0
    public var scroll = 0
    public init() {}

    public var query: String { search.text }

    /// Moves the selection with arrow and page keys; true when the key was used.
    public mutating func handle(_ key: Key, rowCount: Int, pageSize: Int) -> Bool {
        switch key {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, rowCount - 1), selection + 1)
        case .pageUp: selection = max(0, selection - max(1, pageSize))
        case .pageDown: selection = min(max(0, rowCount - 1), selection + max(1, pageSize))
        case .home: selection = 0
        case .end: selection = max(0, rowCount - 1)
        default: return false
        }
        return true
    }

    /// Keeps the selection inside the rows and visible in a window of `height` rows.
    public mutating func clamp(rowCount: Int, height: Int) {
        selection = min(max(0, selection), max(0, rowCount - 1))
        if selection < scroll { scroll = selection }
        if height > 0 && selection >= scroll + height { scroll = selection - height + 1 }
        scroll = max(0, min(scroll, max(0, rowCount - height)))
    }
}
