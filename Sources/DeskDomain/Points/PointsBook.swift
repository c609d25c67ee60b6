/// The `points` book, registered (``BookRegistry/standard``): points cards, their
/// points and their replacements.
///
///     let points = try PointsBook().open(opening)   // a PointsDesk
struct PointsBook: DeskBook {
    var name: BookName { .points }
    var events: [EventSchema] { PointsEvents.schema }
    /// Its state is the second largest: opened early, but not beside the invoices.
    var openingRank: Int { 2 }

    func open(_ o: BookOpening) throws -> PointsDesk { try PointsDesk(context: o.context, useSnapshot: o.useSnapshots) }
    func rules(leads: LeadTimeline) -> PointsRules { PointsRules() }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) { t.addPoints(r) }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("积分卡", "Points cards") }
    var auditorLabel: String? { "points cards" }
}

extension PointsDesk: BookService {
    var ledger: ServiceBook<PointsState> { book }
}
