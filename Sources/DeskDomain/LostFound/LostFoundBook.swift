/// The `lostfound` book, registered (``BookRegistry/standard``): items found, lost
/// reports, claims and disposals.
///
///     let lostFound = try LostFoundBook().open(opening)   // a LostFoundDesk
struct LostFoundBook: DeskBook {
    var name: BookName { .lostfound }
    var events: [EventSchema] { LostFoundEvents.schema }
    var openingRank: Int { 3 }

    func open(_ o: BookOpening) throws -> LostFoundDesk { try LostFoundDesk(context: o.context, useSnapshot: o.useSnapshots) }
    func rules(leads: LeadTimeline) -> LostFoundRules { LostFoundRules() }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) { t.addLostFound(r) }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("失物招领", "Lost and found") }
    var tracksStillOut: Bool { true }

    /// Lost reports still open (oldest first), and the items in storage past their
    /// retention (longest overdue first) with when each ran out.
    func stillOut(_ state: LostFoundState, into s: inout StillOut, config: DeskConfig) {
        s.openReports = state.reports.values.filter { $0.status == .open }.sorted { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) }
        var stored = 0
        var expired: [(until: Int64, item: LostItem)] = []
        for item in state.items.values where item.status == .inStorage {
            stored += 1
            let until = item.retainUntil(config)
            if s.at >= until { expired.append((until, item)) }
        }
        expired.sort { ($0.until, $0.item.tag) < ($1.until, $1.item.tag) }
        s.pastRetention = expired.map(\.item)
        s.retainedUntil = expired.map(\.until)
        s.inStorage = stored
    }

    var auditorLabel: String? { "lost and found" }
}

extension LostFoundDesk: BookService {
    var ledger: ServiceBook<LostFoundState> { book }
}
