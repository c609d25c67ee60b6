/// A grid of cells that panels draw on: the console's view is a pure function to a Screen.
///
/// The same Screen is shown by the ncurses terminal and read back as text by tests. A wide
/// (CJK) character fills its cell and marks the next one as its continuation, so columns
/// line up exactly as a terminal shows them.
public struct Screen: Equatable, Sendable {
    /// One cell: a character and how it is shown.
    public struct Cell: Equatable, Sendable {
        public var character: Character
        public var style: Style
        /// True for the right half of a wide character.
        public var isContinuation: Bool

        public static let blank = Cell(character: " ", style: .normal, isContinuation: false)
    }

    /// How a cell is shown; the terminal maps these to colours or plain attributes.
    public enum Style: Equatable, Sendable {
        case normal, bold, reverse, dim, title, keyBar, error, success, field, fieldFocused
    }

    public let rows: Int
    public let columns: Int
    public private(set) var cells: [Cell]

    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        cells = Array(repeating: .blank, count: self.rows * self.columns)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * columns + column]
    }

    /// Writes text from (row, column), clipped at the right edge; a wide character that
    /// does not fit whole is not drawn. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal) -> Int {
        guard row >= 0, row < rows else { return column }
        var col = column
        for ch in text {
            let w = TextWidth.of(ch)
            if w == 0 { continue }
            if col < 0 { col += w; continue }
            if col + w > columns { break }
            clearWide(row: row, column: col)
            if w == 2 { clearWide(row: row, column: col + 1) }
            cells[row * columns + col] = Cell(character: ch, style: style, isContinuation: false)
            if w == 2 { cells[row * columns + col + 1] = Cell(character: " ", style: style, isContinuation: true) }
            col += w
        }
        return col
    }

    /// Fills a row segment with spaces in a style.
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: Style = .normal) {
        guard row >= 0, row < rows else { return }
        let end = min(to ?? columns, columns)
        var c = max(0, from)
        while c < end {
            clearWide(row: row, column: c)
            cells[row * columns + c] = Cell(character: " ", style: style, isContinuation: false)
            c += 1
        }
    }

    /// Overwriting half of a wide character blanks its other half.
    mutating func clearWide(row: Int, column: Int) {
        let i = row * columns + column
        if cells[i].isContinuation, column > 0 {
            cells[i - 1] = Cell(character: " ", style: cells[i - 1].style, isContinuation: false)
        } else if column + 1 < columns, cells[i + 1].isContinuation {
            cells[i + 1] = Cell(character: " ", style: cells[i + 1].style, isContinuation: false)
        }
    }

    /// The text of one row as a terminal shows it (continuation cells left out).
    public func text(row: Int) -> String {
        var s = ""
        for c in 0..<columns where !self[row, c].isContinuation { s.append(self[row, c].character) }
        return s
    }

    /// The whole screen as text, one line per row, trailing spaces trimmed.
    public var text: String {
        (0..<rows).map { r in
            var line = text(row: r)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
