/// What a book's service is opened with (``DeskBook/open(_:)``).
///
///     func open(_ o: BookOpening) throws -> StrollerDesk {
///         try StrollerDesk(context: o.context, useSnapshot: o.useSnapshots)
///     }
struct BookOpening {
    let context: DeskContext
    /// Start from the derived snapshot where it still matches the ledger.
    let useSnapshots: Bool
    /// PBKDF2 rounds for new PINs (tests and the demo use few).
    let pinRounds: Int
    /// The books opened before this one, in the desk's order: empty unless the book
    /// ``DeskBook/opensAfterOthers`` (the shift book, which seals all of them).
    let others: [OpenedBook]
    /// The registry the desk is opened with (the shift book's report lists its books).
    let registry: BookRegistry
}
