/// One step in a record's life, for the look-up screens: when, who, and what happened in
/// plain words (both languages).
///
/// A record's history is made from the desk's state, which the books replay, so a look-up
/// shows exactly what the ledger says and nothing kept beside it.
///
///     desk.lostFound.history(of: item)   // [received 03-01 10:02 by clerk.wang, claimed …]
public struct HistoryEntry: Equatable, Sendable {
    public var at: Int64
    public var by: OperatorID
    public var zh: String
    public var en: String

    public init(at: Int64, by: OperatorID, _ zh: String, _ en: String) {
        self.at = at; self.by = by; self.zh = zh; self.en = en
    }

    public func text(_ l: Language) -> String { l.pick(zh, en) }
}
