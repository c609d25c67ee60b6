/// The `invoice` book, registered (``BookRegistry/standard``): number ranges, invoices
/// issued on the shops' behalf, voids and red letters.
///
///     let invoices = try InvoiceBook().open(opening)   // an InvoiceDesk
struct InvoiceBook: DeskBook {
    var name: BookName { .invoice }
    var events: [EventSchema] { InvoiceEvents.schema }
    /// The largest book of a busy year, with the largest state: opened first.
    var openingRank: Int { 0 }

    func open(_ o: BookOpening) throws -> InvoiceDesk { try InvoiceDesk(context: o.context, useSnapshot: o.useSnapshots) }
    func rules(leads: LeadTimeline) -> InvoiceRules { InvoiceRules(leads: leads) }

    func tally(_ r: LedgerRecord, into t: inout ClosingTally) { t.addInvoice(r) }
    var reportsOwnSection: Bool { true }
    var reportTitle: DeskText { DeskText("发票", "Invoices") }
}

extension InvoiceDesk: BookService {
    var ledger: ServiceBook<InvoiceState> { book }
}
