/// What the shift lead must chase at closing: umbrellas and strollers on loan, open lost
/// reports, lost property kept past its retention, and whatever else a registered book
/// says is still open (``sections``).
///
/// Each book fills in its own part from its state (``DeskBook/stillOut(_:into:config:)``),
/// from the live desk at a close or from the ledgers replayed for `report`.
///
///     var out = StillOut(at: now)
///     for b in desk.books { b.stillOut?(&out, config) }
public struct StillOut: Equatable, Sendable {
    /// The moment it describes (times out are counted up to it).
    public var at: Int64
    /// Umbrellas on loan, longest out first.
    public var umbrellas: [UmbrellaLoan] = []
    /// Strollers on loan, longest out first.
    public var strollers: [StrollerLoan] = []
    /// Lost reports still open, oldest first.
    public var openReports: [LostReport] = []
    /// Items still in storage past their retention, longest overdue first.
    public var pastRetention: [LostItem] = []
    /// Items in storage (past retention or not).
    public var inStorage = 0
    /// When each item of ``pastRetention`` ran out of retention (same order).
    public var retainedUntil: [Int64] = []
    /// What the books without a part of their own above say is still open, in report
    /// order (empty for the books the report was first written for).
    public var sections: [StillOutSection] = []

    /// Nothing out yet, at `at`.
    public init(at: Int64) { self.at = at }

    /// What is out according to the states of the books the report was written for
    /// (each book's definition fills in its part), at `at`.
    public init(umbrellas u: UmbrellaState, strollers s: StrollerState, lostFound lf: LostFoundState, at: Int64, config: DeskConfig) {
        self.init(at: at)
        UmbrellaBook().stillOut(u, into: &self, config: config)
        StrollerBook().stillOut(s, into: &self, config: config)
        LostFoundBook().stillOut(lf, into: &self, config: config)
    }

    /// The deposits held for the umbrellas on loan (they are in the drawer).
    public var depositsHeld: Money { umbrellas.reduce(.zero) { $0 + $1.deposit } }

    /// Minutes an umbrella or stroller lent at `lentAt` has been out at ``at``.
    public func minutesOut(since lentAt: Int64) -> Int64 { max(0, at - lentAt) / 60 }
}
