/// Event names that belong to the ledger itself rather than to a desk service.
public enum LedgerEvents {
    /// A torn tail was set aside: body has `bytes`, `offset`, `quarantine`, `reason`, `seq`.
    public static let recovered = "ledger.recovered"
}
