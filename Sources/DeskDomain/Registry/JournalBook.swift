/// A book's part of the ledger-cli journal (``LedgerJournal``): the transaction of each of
/// its events that moves money, and the deposits it still holds from earlier years.
///
///     JournalBook(postings: UmbrellaBook.journalEntry,
///                 carried: "Umbrella deposits still held from earlier years")
struct JournalBook: Sendable {
    /// The transaction of an event (payee, postings in fen), or nil when it moves no money.
    let postings: @Sendable (LedgerRecord) -> (payee: String, postings: [LedgerJournal.Posting])?
    /// The payee of the transaction that opens the year with what the book's earlier years
    /// left on `Liabilities:Deposits` (nil: the book holds no deposits over a year end).
    let carried: String?

    init(postings: @escaping @Sendable (LedgerRecord) -> (payee: String, postings: [LedgerJournal.Posting])?, carried: String? = nil) {
        self.postings = postings; self.carried = carried
    }
}
