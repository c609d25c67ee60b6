/// The `stroller` book, registered (``BookRegistry/standard``): free loans inside the plaza.
///
///     let strollers = try StrollerBook().open(opening)   // a StrollerDesk
struct StrollerBook: DeskBook {
    var name: BookName { .stroller }
    var events: [EventSchema] { StrollerEvents.schema }
    var openingRank: Int { 5 }

    func open(_ o: BookOpening) throws -> StrollerDesk { try StrollerDesk(context: o.context, useSnapshot: o.useSnapshots) }
    func rules(leads: LeadTimeline) -> StrollerRules { StrollerRules() }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) { t.addStroller(r) }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("童车", "Strollers") }
    var tracksStillOut: Bool { true }

    /// Strollers on loan, longest out first (they should be back before the plaza closes).
    func stillOut(_ state: StrollerState, into s: inout StillOut, config: DeskConfig) {
        s.strollers = state.out.values.sorted { ($0.lentAt, $0.unit) < ($1.lentAt, $1.unit) }
    }
}

extension StrollerDesk: BookService {
    var ledger: ServiceBook<StrollerState> { book }
}
