/// Event names that belong to the ledger itself rather than to a desk service.
public enum LedgerEvents {
    /// A torn tail was set aside: body has `bytes`, `offset`, `quarantine`, `reason`, `seq`.
    public static let recovered = "ledger.recovered"
    /// The fields of `ledger.recovered` (open: a later version may say more, e.g. who ran
    /// `recover`). Every book may hold it.
    public static let schema = EventSchema(recovered, [.int("bytes"), .int("offset"), .text("quarantine"), .text("reason"),
                                                       .int("seq")], open: true)
}
