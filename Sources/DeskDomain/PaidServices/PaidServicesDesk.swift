/// Paid business services (manual §5.2.15): gift wrapping, fax, photocopy, typing. The
/// clerk states the fee first (``quote(_:)``), then gives a numbered receipt
/// (``issue(_:by:)``); the shift lead sums up the stubs and takings for finance
/// (``summary(on:)``) and alone may void a receipt of the same day.
///
///     let q = try desk.services.quote(.init(kind: .photocopy, quantity: "12"))   // ¥6.00
///     let r = try desk.services.issue(.init(kind: .photocopy, quantity: "12", statedFee: "6",
///                                           tendered: "10"), by: clerk)           // SR-2026-000001, change ¥4.00
///     try desk.services.void(.init(number: "1", reason: "顾客取消"), by: lead)
public final class PaidServicesDesk {
    public let book: ServiceBook<PaidServicesState>
    var context: DeskContext { book.context }
    var config: DeskConfig { book.context.config }

    /// A receipt takes a fee and a void hands it back: each needs an open shift.
    let shiftGate: ShiftGate

    public init(context: DeskContext, useSnapshot: Bool = true) throws {
        book = try ServiceBook(.services, context: context, useSnapshot: useSnapshot)
        shiftGate = ShiftGate(context: context)
    }

    public var state: PaidServicesState { book.state }

    /// The largest quantity (pages or items) one receipt covers.
    public static let maxQuantity: Int64 = 9999

    // MARK: - Quote

    /// What the clerk typed to work out a fee.
    public struct QuoteForm: Sendable {
        public var kind: PaidServiceKind?
        /// Pages or items, 1…9999.
        public var quantity: String
        public init(kind: PaidServiceKind? = nil, quantity: String = "") {
            self.kind = kind; self.quantity = quantity
        }
    }

    /// The fee to state to the customer before the service: price × quantity. Writes nothing.
    public func quote(_ form: QuoteForm) throws -> ServiceQuote {
        try quote(kind: form.kind, quantity: form.quantity)
    }

    func quote(kind: PaidServiceKind?, quantity text: String) throws -> ServiceQuote {
        guard let kind else { throw CommonError.required(field: "kind") }
        let quantity = try FieldCheck.integer(text, field: "quantity", min: 1, max: Self.maxQuantity)
        guard let price = config.servicePrices[kind] else { throw PaidServicesError.noPrice(kind: kind) }
        return ServiceQuote(kind: kind, quantity: Int(quantity), unitPrice: price)
    }

    // MARK: - Receipt

    /// What the clerk typed to give a receipt.
    public struct ReceiptForm: Sendable {
        public var kind: PaidServiceKind?
        /// Pages or items, 1…9999.
        public var quantity: String
        /// The fee the clerk told the customer; must be the quote unless a lead overrides.
        public var statedFee: String
        /// Cash handed over; at least the fee.
        public var tendered: String
        public var customer: String
        public var note: String
        /// A lead charging a fee other than the quote says why (ignored when the fee is the quote).
        public var overrideReason: String
        public init(kind: PaidServiceKind? = nil, quantity: String = "", statedFee: String = "", tendered: String = "",
                    customer: String = "", note: String = "", overrideReason: String = "") {
            self.kind = kind; self.quantity = quantity; self.statedFee = statedFee; self.tendered = tendered
            self.customer = customer; self.note = note; self.overrideReason = overrideReason
        }
    }

    /// Gives a receipt with the next number of the plaza year, recording the cash taken and
    /// the change handed back.
    @discardableResult
    public func issue(_ form: ReceiptForm, by actor: Actor) throws -> ServiceReceipt {
        try actor.requireWriter(.write)
        let q = try quote(kind: form.kind, quantity: form.quantity)
        let stated = try FieldCheck.money(form.statedFee, field: "statedFee")
        let tendered = try FieldCheck.money(form.tendered, field: "tendered")
        let customer = try FieldCheck.text(form.customer, field: "customer", max: 40, required: false)
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        let reason = try FieldCheck.optionalText(form.overrideReason, field: "overrideReason", max: 200)
        var overrideReason: String?
        if stated != q.fee {
            guard let reason else { throw PaidServicesError.feeMismatch(stated: stated, quote: q) }
            guard actor.actsAsLead else { throw PaidServicesError.overrideNeedsLead }
            overrideReason = reason
        }
        guard tendered >= stated else { throw PaidServicesError.tenderedTooLittle(tendered: tendered, fee: stated) }
        let number = try shiftGate.whileShiftOpen { try book.transaction { state, tx in
            let year = context.time.civil(context.now()).year
            let number = state.nextNumber(year: year)
            guard number.serial <= ServiceReceiptNumber.maxSerial else { throw PaidServicesError.numbersExhausted(year: year) }
            var body: JSONObject = [
                "number": .string(number.description), "kind": .string(q.kind.rawValue), "quantity": .int(Int64(q.quantity)),
                "unitPriceFen": .int(q.unitPrice.fen), "quotedFeeFen": .int(q.fee.fen), "feeFen": .int(stated.fen),
                "tenderedFen": .int(tendered.fen), "changeFen": .int((tendered - stated).fen),
                "customer": .string(customer), "note": .string(note),
            ]
            if let overrideReason { body["overrideReason"] = .string(overrideReason) }
            try tx.append(PaidServicesEvents.receiptIssued, body, by: actor)
            return number
        } }
        return book.state.receipts[number]!
    }

    // MARK: - Void

    /// What a lead types to void a receipt.
    public struct VoidForm: Sendable {
        /// `SR-2026-000001`, or just the serial for this year.
        public var number: String
        public var reason: String
        public init(number: String = "", reason: String = "") { self.number = number; self.reason = reason }
    }

    /// Voids a receipt of today (lead only): its number stays, marked void, and its fee
    /// leaves the takings.
    @discardableResult
    public func void(_ form: VoidForm, by actor: Actor) throws -> ServiceReceipt {
        try actor.requireLead(.voidServiceReceipt)
        let number = try self.number(form.number)
        let reason = try FieldCheck.text(form.reason, field: "reason", max: 200)
        try shiftGate.whileShiftOpen { try book.transaction { state, tx in
            let today = PaidServicesState.plazaDay(context.now(), offsetSeconds: context.time.offsetSeconds)
            guard let receipt = state.receipts[number] else {
                if number.serial <= state.lastSerial[number.year] ?? 0 { throw PaidServicesError.notToday(number, issuedOn: nil) }
                throw PaidServicesError.unknownReceipt(number)
            }
            if receipt.isVoid { throw PaidServicesError.alreadyVoid(number) }
            guard receipt.plazaDay == today else { throw PaidServicesError.notToday(number, issuedOn: receipt.date.dateString) }
            // The fee taken out of the takings is the one the issue line records, not only the saved state's.
            let issued = LedgerFacts(try book.ledgerLine(year: number.year, seq: receipt.seq, ev: PaidServicesEvents.receiptIssued),
                                     book: book.book, year: number.year)
            try issued.same(.receiptNumber, "number", number.description)
            try issued.same(.fee, "feeFen", money: receipt.fee)
            try issued.same(.fee, "kind", receipt.kind.rawValue)
            try tx.append(PaidServicesEvents.receiptVoided, ["number": .string(number.description), "receiptSeq": .int(receipt.seq),
                                                            "kind": .string(receipt.kind.rawValue), "feeFen": .int(receipt.fee.fen),
                                                            "reason": .string(reason)], by: actor)
        } }
        return book.state.receipts[number]!
    }

    // MARK: - Queries

    /// The plaza's date now.
    public var today: CivilTime {
        let c = context.time.civil(context.now())
        return CivilTime(year: c.year, month: c.month, day: c.day)
    }

    /// The number the next receipt will get (others may take it first).
    public var nextNumber: ServiceReceiptNumber { state.nextNumber(year: today.year) }

    /// A kept receipt by its number as typed (`SR-2026-000001`, or the serial for this year).
    public func receipt(number text: String) -> ServiceReceipt? {
        ServiceReceiptNumber(text, currentYear: today.year).flatMap { state.receipts[$0] }
    }

    /// The receipts of a plaza day, in number order (void ones included).
    public func receipts(on day: CivilTime) -> [ServiceReceipt] {
        (state.numbersByDay[PaidServicesState.plazaDay(day)] ?? []).map { state.receipts[$0]! }
    }

    /// The receipts issued at `from` or later and before `to` (a shift), in number order.
    public func receipts(from: Int64, to: Int64) -> [ServiceReceipt] {
        let first = PaidServicesState.plazaDay(from, offsetSeconds: context.time.offsetSeconds) - 1
        let last = PaidServicesState.plazaDay(to, offsetSeconds: context.time.offsetSeconds) + 1
        return state.numbersByDay.keys.filter { $0 >= first && $0 <= last }.sorted()
            .flatMap { state.numbersByDay[$0]! }
            .map { state.receipts[$0]! }
            .filter { $0.issuedAt >= from && $0.issuedAt < to }
    }

    /// The totals per kind of a plaza day (any day, also one whose receipts are no longer kept).
    public func summary(on day: CivilTime) -> ServicesSummary {
        state.dayTotals[PaidServicesState.plazaDay(day)] ?? ServicesSummary()
    }

    /// The totals per kind of the receipts issued in `from..<to` (a shift).
    public func summary(from: Int64, to: Int64) -> ServicesSummary {
        ServicesSummary(receipts: receipts(from: from, to: to))
    }

    /// The takings of a plaza day: the fees of its live receipts (change is not income).
    public func takings(on day: CivilTime) -> Money { summary(on: day).takings }

    /// Today's takings.
    public var todaysTakings: Money { takings(on: today) }

    /// The `number` field of ``VoidForm``.
    func number(_ text: String) throws -> ServiceReceiptNumber {
        let t = text.trimmingSpaces()
        if t.isEmpty { throw CommonError.required(field: "number") }
        guard let n = ServiceReceiptNumber(t, currentYear: today.year) else { throw PaidServicesError.badNumber(text: FieldCheck.echo(t)) }
        return n
    }
}
