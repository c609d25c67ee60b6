/// The `operators` book, registered (``BookRegistry/standard``): who may log in, their
/// roles and PINs, failed logins and the data directory's key.
///
/// It says who is a shift lead when: opened first of all, and audited first, since every
/// other book's lead-only events are held to the lead timeline its rules build.
///
///     let operators = try OperatorsBook().open(opening)   // an OperatorDesk
struct OperatorsBook: DeskBook {
    var name: BookName { .operators }
    var events: [EventSchema] { OperatorEvents.schema }
    var openingRank: Int { 6 }
    var saysWhoLeads: Bool { true }

    func open(_ o: BookOpening) throws -> OperatorDesk {
        try OperatorDesk(context: o.context, useSnapshot: o.useSnapshots, pinRounds: o.pinRounds)
    }
    func rules(leads: LeadTimeline) -> OperatorRules { OperatorRules() }
    func leads(from rules: OperatorRules) -> LeadTimeline? { rules.timeline }

    /// Not in the report: its events are counted, not summed.
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("操作员", "Operators") }
    var auditorLabel: String? { "who may log in, and their roles" }
}

extension OperatorDesk: BookService {
    var ledger: ServiceBook<OperatorState> { book }
}
