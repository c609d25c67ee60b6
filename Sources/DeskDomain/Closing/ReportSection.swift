/// A registered book's part of a closing report when the report has no section of its
/// own for it (``DeskBook/reportsOwnSection``): its events in the window, per type.
///
///     ReportSection(book: .feedback, title: DeskText("顾客意见", "Feedback"),
///                   counts: [.init(event: "feedback.received", count: 3)])
public struct ReportSection: Equatable, Sendable {
    /// How many events of one type the window has.
    public struct Count: Equatable, Sendable {
        public var event: String
        public var count: Int
        public init(event: String, count: Int) { self.event = event; self.count = count }
    }

    public var book: BookName
    public var title: DeskText
    /// Every event type of the book's schema, in its order (0 for those not in the window).
    public var counts: [Count]

    public init(book: BookName, title: DeskText, counts: [Count]) {
        self.book = book; self.title = title; self.counts = counts
    }
}
