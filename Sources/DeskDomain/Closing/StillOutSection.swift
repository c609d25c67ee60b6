/// What one book says is still open at closing, when the report has no part of its own
/// for it (``StillOut/sections``): a title and one line per thing open, in both languages.
///
///     StillOutSection(book: .custody, title: DeskText("代保管物品", "Items in custody"),
///                     lines: [DeskText("C12 财务部 纸箱 2 件", "C12 finance: 2 boxes")])
public struct StillOutSection: Equatable, Sendable {
    public var book: BookName
    public var title: DeskText
    /// One line per thing still open, oldest first.
    public var lines: [DeskText]

    public init(book: BookName, title: DeskText, lines: [DeskText]) {
        self.book = book; self.title = title; self.lines = lines
    }
}
