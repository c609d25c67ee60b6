/// What the shift lead must chase at closing: umbrellas and strollers on loan, open lost
/// reports, lost property kept past its retention.
public struct StillOut: Equatable, Sendable {
    /// The moment it describes (times out are counted up to it).
    public var at: Int64
    /// Umbrellas on loan, longest out first.
    public var umbrellas: [UmbrellaLoan]
    /// Strollers on loan, longest out first.
    public var strollers: [StrollerLoan]
    /// Lost reports still open, oldest first.
    public var openReports: [LostReport]
    /// Items still in storage past their retention, longest overdue first.
    public var pastRetention: [LostItem]
    /// Items in storage (past retention or not).
    public var inStorage: Int
    /// When each item of ``pastRetention`` ran out of retention (same order).
    public var retainedUntil: [Int64]

    /// The deposits held for the umbrellas on loan (they are in the drawer).
    public var depositsHeld: Money { umbrellas.reduce(.zero) { $0 + $1.deposit } }

    /// Minutes an umbrella or stroller lent at `lentAt` has been out at ``at``.
    public func minutesOut(since lentAt: Int64) -> Int64 { max(0, at - lentAt) / 60 }

    /// What is out according to the given states, at `at`.
    public init(umbrellas u: UmbrellaState, strollers s: StrollerState, lostFound lf: LostFoundState, at: Int64, config: DeskConfig) {
        self.at = at
        umbrellas = u.out.values.sorted { ($0.lentAt, $0.unit) < ($1.lentAt, $1.unit) }
        strollers = s.out.values.sorted { ($0.lentAt, $0.unit) < ($1.lentAt, $1.unit) }
        openReports = lf.reports.values.filter { $0.status == .open }.sorted { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) }
        var stored = 0
        var expired: [(until: Int64, item: LostItem)] = []
        for item in lf.items.values where item.status == .inStorage {
            stored += 1
            let until = item.retainUntil(config)
            if at >= until { expired.append((until, item)) }
        }
        expired.sort { ($0.until, $0.item.tag) < ($1.until, $1.item.tag) }
        pastRetention = expired.map(\.item)
        retainedUntil = expired.map(\.until)
        inStorage = stored
    }
}
