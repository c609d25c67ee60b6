/// A book open inside a ``Desk``, whatever its state's type: what refresh, snapshots,
/// closing, damage and the shift close's seals do with every book alike.
///
///     for b in desk.books { try b.ledger.saveSnapshot() }
protocol OpenBook: ClosingBook {
    /// Whether opening used the book's snapshot.
    var openedFromSnapshot: Bool { get }
    /// Why opening did not use the book's snapshot, when a lead should know.
    var snapshotWarning: SnapshotWarning? { get }
    /// Reads what other consoles appended, when the file moved; true when the head moved.
    func refreshIfChanged() throws -> Bool
    /// Writes the derived snapshot of the current state.
    func saveSnapshot() throws
    /// Flushes a deferred writer and releases the book.
    func close() throws
    /// The replayed state (for comparing a live desk with a replayed one).
    var anyState: any BookState { get }
}

extension ServiceBook: OpenBook {
    var anyState: any BookState { state }
}
