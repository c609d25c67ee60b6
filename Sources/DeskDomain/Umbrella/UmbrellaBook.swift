/// The `umbrella` book, registered (``BookRegistry/standard``): loans against a deposit,
/// the desk's largest cash book.
///
///     let umbrellas = try UmbrellaBook().open(opening)   // an UmbrellaDesk
struct UmbrellaBook: DeskBook {
    var name: BookName { .umbrella }
    var events: [EventSchema] { UmbrellaEvents.schema }
    var openingRank: Int { 4 }

    func open(_ o: BookOpening) throws -> UmbrellaDesk { try UmbrellaDesk(context: o.context, useSnapshot: o.useSnapshots) }
    func rules(leads: LeadTimeline) -> UmbrellaRules { UmbrellaRules() }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) { t.add(CashEvent(r, kinds: CashEvent.umbrellaKinds)) }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("雨伞", "Umbrellas") }
    var tracksStillOut: Bool { true }

    /// Umbrellas on loan, longest out first.
    func stillOut(_ state: UmbrellaState, into s: inout StillOut, config: DeskConfig) {
        s.umbrellas = state.out.values.sorted { ($0.lentAt, $0.unit) < ($1.lentAt, $1.unit) }
    }

    var cash: BookCash { .events(CashEvent.umbrellaKinds) }
    func takeMoney(from book: ClosingTally, into year: inout ClosingTally) { year.umbrellas = book.umbrellas }
    var journal: JournalBook? {
        JournalBook(postings: Self.journalEntry, carried: "Umbrella deposits still held from earlier years")
    }
    var auditorLabel: String? { "umbrella loans and deposits" }

    /// A deposit taken (`Assets:Cash` against `Liabilities:Deposits`), refunded less what
    /// was kept or paid on top for damage (`Income:Damage`), or forfeited (`Income:Forfeited`).
    @Sendable static func journalEntry(_ r: LedgerRecord) -> (payee: String, postings: [LedgerJournal.Posting])? {
        typealias J = LedgerJournal
        let b = r.body
        func fen(_ k: String) -> Int64 { b[k]?.intValue ?? 0 }
        func text(_ k: String) -> String { J.clean(b[k]?.stringValue ?? "") }
        switch r.ev {
        case UmbrellaEvents.lent:
            return ("Umbrella \(text("unit")) lent, deposit card \(text("depositCard"))",
                    [(J.cash, fen("depositFen")), (J.deposits, -fen("depositFen"))])
        case UmbrellaEvents.returned, UmbrellaEvents.depositReleased:
            let released = r.ev == UmbrellaEvents.depositReleased
            return ("Umbrella \(text("unit")) returned\(released ? " without deposit card" : ""), damage \(text("damage"))",
                    [(J.deposits, fen("depositFen")), (J.cash, -fen("refundFen")), (J.cash, fen("paidOnTopFen")), (J.damage, -fen("chargeFen"))])
        case UmbrellaEvents.depositForfeited:
            return ("Umbrella \(text("unit")) not returned: deposit forfeited", [(J.deposits, fen("keptFen")), (J.forfeited, -fen("keptFen"))])
        default:
            return nil
        }
    }
}

extension UmbrellaDesk: BookService, CashService {
    var ledger: ServiceBook<UmbrellaState> { book }
}
