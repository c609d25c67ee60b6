/// The `shift` book, registered (``BookRegistry/standard``): shifts opened and closed,
/// cash paid in and out, and the close's seal over every other book's head.
///
/// It opens after the other books and is given them: the close sums their events, seals
/// their heads and lists what their states say is still out.
///
///     let shift = try ShiftBook().open(opening)   // a ShiftDesk over opening.others
struct ShiftBook: DeskBook {
    var name: BookName { .shift }
    var events: [EventSchema] { ShiftEvents.schema }
    var opensAfterOthers: Bool { true }

    func open(_ o: BookOpening) throws -> ShiftDesk { try ShiftDesk(context: o.context, useSnapshot: o.useSnapshots, others: o.others, registry: o.registry) }
    func rules(leads: LeadTimeline) -> ShiftRules { ShiftRules() }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) {
        if r.ev == ShiftEvents.paid, let m = CashMovement(r) { t.movements.append(m) }
    }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("班次", "Shifts") }

    var cash: BookCash { .drawer }
    func takeMoney(from book: ClosingTally, into year: inout ClosingTally) { year.movements = book.movements }
    var journal: JournalBook? { JournalBook(postings: Self.journalEntry) }
    var auditorLabel: String? { "shift closes and their seals" }

    /// Cash a lead paid into the drawer (`Equity:Paid in`) or out of it (`Expenses:Paid out`).
    @Sendable static func journalEntry(_ r: LedgerRecord) -> (payee: String, postings: [LedgerJournal.Posting])? {
        typealias J = LedgerJournal
        guard r.ev == ShiftEvents.paid, let m = CashMovement(r) else { return nil }
        let payee = "Shift \(J.clean(m.shift)) \(m.direction.name(.en)): \(J.clean(m.reason))"
        return (payee, m.direction == .paidIn ? [(J.cash, m.amount.fen), (J.paidIn, -m.amount.fen)]
                                              : [(J.paidOut, m.amount.fen), (J.cash, -m.amount.fen)])
    }
}

extension ShiftDesk: BookService {
    var ledger: ServiceBook<ShiftState> { book }
}
