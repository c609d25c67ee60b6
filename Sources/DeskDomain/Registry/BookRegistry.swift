/// Every book of the desk, each registered once, in the order reports, `verify`, the
/// export's manifest and `BookName.desk` list them.
///
/// ``standard`` is the desk's list: one line per book. Everything that goes over every
/// book takes it from here (the ``Desk``'s opening, refresh, snapshots and damage; the
/// seals of a shift close; `verify --deep`; the report's figures and what is still out;
/// the money of a year and its journal; the export's manifest and README; the demo
/// year), so a new book is its folder and one line below (see ``DeskBook``).
///
///     for book in BookRegistry.standard.books { print(book.name, book.events.count) }
///     let withNotes = BookRegistry(BookRegistry.standard.books + [NotesBook()])   // a test's own book
struct BookRegistry: Sendable {
    /// The books, in report order.
    let books: [any DeskBook]
    /// Each book's schema, in the same order.
    let schemas: [BookSchema]
    private let index: [BookName: Int]

    /// The desk's books. A new book goes before `shift` (which seals the services and is
    /// listed after them) unless it has a reason to be elsewhere.
    static let standard = BookRegistry([
        LostFoundBook(),
        UmbrellaBook(),
        StrollerBook(),
        PointsBook(),
        InvoiceBook(),
        PaidServicesBook(),
        ShiftBook(),
        OperatorsBook(),
    ])

    init(_ books: [any DeskBook]) {
        var index: [BookName: Int] = [:]
        for (i, b) in books.enumerated() {
            precondition(index[b.name] == nil, "book \(b.name) is registered twice")
            index[b.name] = i
        }
        precondition(books.filter(\.saysWhoLeads).count <= 1, "only one book may say who leads")
        self.books = books
        self.index = index
        schemas = books.map(\.schema)
    }

    /// The books' names, in report order.
    var names: [BookName] { books.map(\.name) }

    /// The definition of a book, if it is registered.
    func definition(_ name: BookName) -> (any DeskBook)? { index[name].map { books[$0] } }

    /// The schema of a book, if it is registered.
    func schema(_ name: BookName) -> BookSchema? { index[name].map { schemas[$0] } }

    /// The desk's own order: the book that says who leads first (nobody works without it),
    /// then the others in report order, the books that open after the others last. Opening
    /// names its failures in this order; refresh, snapshots and closing go in it.
    var deskOrder: [any DeskBook] {
        books.filter(\.saysWhoLeads) + books.filter { !$0.saysWhoLeads && !$0.opensAfterOthers } + books.filter(\.opensAfterOthers)
    }

    /// The order books are opened (and deep-verified) side by side: by ``DeskBook/openingRank``,
    /// the largest first, ties in report order; the books that open after the others last.
    var openingOrder: [any DeskBook] {
        let ranked = books.enumerated().sorted { a, b in
            (a.element.opensAfterOthers ? 1 : 0, a.element.openingRank, a.offset)
                < (b.element.opensAfterOthers ? 1 : 0, b.element.openingRank, b.offset)
        }
        return ranked.map(\.element)
    }
}
