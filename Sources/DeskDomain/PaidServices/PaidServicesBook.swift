/// The `services` book, registered (``BookRegistry/standard``): receipts for paid
/// business services and their fees.
///
///     let services = try PaidServicesBook().open(opening)   // a PaidServicesDesk
struct PaidServicesBook: DeskBook {
    var name: BookName { .services }
    var events: [EventSchema] { PaidServicesEvents.schema }
    var openingRank: Int { 1 }

    func open(_ o: BookOpening) throws -> PaidServicesDesk { try PaidServicesDesk(context: o.context, useSnapshot: o.useSnapshots) }
    func rules(leads: LeadTimeline) -> ServicesRules { ServicesRules(leads: leads) }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) { t.addService(r) }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("有偿服务", "Paid services") }

    var cash: BookCash { .events(CashEvent.serviceKinds) }
    func takeMoney(from book: ClosingTally, into year: inout ClosingTally) { year.services = book.services }
    var journal: JournalBook? { JournalBook(postings: Self.journalEntry) }
    var auditorLabel: String? { "paid services: receipts and fees" }

    /// A fee taken (`Assets:Cash` against `Income:Services`; change handed back is not
    /// income), or given back by a void.
    @Sendable static func journalEntry(_ r: LedgerRecord) -> (payee: String, postings: [LedgerJournal.Posting])? {
        typealias J = LedgerJournal
        let b = r.body
        func fen(_ k: String) -> Int64 { b[k]?.intValue ?? 0 }
        func text(_ k: String) -> String { J.clean(b[k]?.stringValue ?? "") }
        switch r.ev {
        case PaidServicesEvents.receiptIssued:
            return ("Service receipt \(text("number")) \(text("kind"))", [(J.cash, fen("feeFen")), (J.services, -fen("feeFen"))])
        case PaidServicesEvents.receiptVoided:
            return ("Service receipt \(text("number")) voided", [(J.services, fen("feeFen")), (J.cash, -fen("feeFen"))])
        default:
            return nil
        }
    }
}

extension PaidServicesDesk: BookService, CashService {
    var ledger: ServiceBook<PaidServicesState> { book }
}
