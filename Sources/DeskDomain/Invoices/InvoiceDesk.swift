/// Invoices issued on behalf of the plaza's shops (manual §5.2.9), by the finance rules:
/// numbers used in order from ranges a lead registers, one receipt invoiced once, a paper
/// invoice voided only in its month, anything else corrected by a red-letter invoice.
///
///     try desk.invoices.allocate(.init(kind: .paper, code: "144001900110", first: "00000001", last: "00000250"), by: lead)
///     let invoice = try desk.invoices.issue(.init(kind: .paper, shop: "星巴克", receipts: [.init(number: "A1001", amount: "88.00")],
///                                               buyerType: .person, buyerTitle: "王芳"), by: clerk)
///     try desk.invoices.reverse(.init(number: invoice.id.number, reasonCode: "02", amount: "20"), by: lead)
public final class InvoiceDesk {
    public let book: ServiceBook<InvoiceState>
    var context: DeskContext { book.context }

    /// The most numbers one allocation may register.
    public static let maxRangeCount = 10_000
    /// The most receipts one invoice takes.
    public static let maxReceipts = 50

    public init(context: DeskContext, useSnapshot: Bool = true) throws {
        book = try ServiceBook(.invoice, context: context, useSnapshot: useSnapshot)
    }

    public var state: InvoiceState { book.state }

    // MARK: - Number ranges

    /// What a lead types to register a range of invoice numbers.
    public struct RangeForm: Sendable {
        public var kind: InvoiceKind
        /// 10–12 digits; required for paper, may be empty for electronic invoices.
        public var code: String
        public var first: String
        public var last: String
        public init(kind: InvoiceKind = .paper, code: String = "", first: String = "", last: String = "") {
            self.kind = kind; self.code = code; self.first = first; self.last = last
        }
    }

    /// Registers a range of numbers (lead only). Refuses one that overlaps a registered range.
    @discardableResult
    public func allocate(_ form: RangeForm, by actor: Actor) throws -> InvoiceRange {
        try actor.requireLead(.allocateInvoiceNumbers)
        let code = try self.code(form.code, field: "code", required: form.kind == .paper)
        let first = try number(form.first, field: "first")
        let last = try number(form.last, field: "last")
        guard first.utf8.count == last.utf8.count else { throw InvoiceError.lengthsDiffer }
        guard first <= last else { throw InvoiceError.rangeBackwards }
        guard let span = InvoiceDigits.distance(from: first, to: last, limit: Self.maxRangeCount - 1) else {
            throw InvoiceError.rangeTooLarge(max: Self.maxRangeCount)
        }
        try book.transaction { state, tx in
            if let r = state.ranges.first(where: { $0.overlaps(code: code, first: first, last: last) }) {
                throw InvoiceError.rangeOverlaps(code: r.code, first: r.first, last: r.last)
            }
            try tx.append(InvoiceEvents.numbersAllocated, ["kind": .string(form.kind.rawValue), "code": .string(code),
                                                           "first": .string(first), "last": .string(last),
                                                           "count": .int(Int64(span + 1))], by: actor)
        }
        return book.state.ranges.last!
    }

    // MARK: - Issuing

    /// What the clerk types to issue an invoice. The amount is the receipts' sum, never typed.
    public struct IssueForm: Sendable {
        /// One receipt line: the shop receipt's number and its amount.
        public struct Receipt: Sendable {
            public var number: String
            public var amount: String
            public init(number: String = "", amount: String = "") { self.number = number; self.amount = amount }
        }
        public var kind: InvoiceKind
        public var shop: String
        /// Receipt lines; lines left wholly empty are skipped. Fields at fault are named
        /// `receipts[i].number` / `receipts[i].amount` (i counts from 0 over all lines).
        public var receipts: [Receipt]
        public var buyerType: InvoiceBuyerType
        /// The person's name or the company's name, as it goes on the invoice.
        public var buyerTitle: String
        /// The unified social credit code: required for an enterprise, optional for a person.
        public var taxpayerID: String
        /// A lead accepts a genuine early code whose check character fails (recorded).
        public var acceptFailedCreditCheck: Bool
        /// Optional: the number on the paper form in the printer, checked against the next number.
        public var expectedNumber: String
        public init(kind: InvoiceKind = .paper, shop: String = "", receipts: [Receipt] = [], buyerType: InvoiceBuyerType = .person,
                    buyerTitle: String = "", taxpayerID: String = "", acceptFailedCreditCheck: Bool = false, expectedNumber: String = "") {
            self.kind = kind; self.shop = shop; self.receipts = receipts; self.buyerType = buyerType; self.buyerTitle = buyerTitle
            self.taxpayerID = taxpayerID; self.acceptFailedCreditCheck = acceptFailedCreditCheck; self.expectedNumber = expectedNumber
        }
    }

    /// Issues an invoice with the next number of its kind.
    @discardableResult
    public func issue(_ form: IssueForm, by actor: Actor) throws -> Invoice {
        try actor.requireWriter(.write)
        let shop = try FieldCheck.text(form.shop, field: "shop", max: 60)
        var receipts: [(field: String, receipt: InvoiceReceipt)] = []
        var seen = Set<TextKey>()
        for (i, line) in form.receipts.enumerated() {
            if line.number.trimmingSpaces().isEmpty && line.amount.trimmingSpaces().isEmpty { continue }
            let numberField = "receipts[\(i)].number", amountField = "receipts[\(i)].amount"
            let number = try FieldCheck.text(line.number, field: numberField, max: 40, identifier: true)
            let amount = try FieldCheck.money(line.amount, field: amountField)
            guard amount > .zero else { throw InvoiceError.amountNotPositive(field: amountField) }
            guard seen.insert(TextKey(InvoiceReceipt.key(shop: shop, number: number))).inserted else {
                throw InvoiceError.receiptTwiceOnForm(field: numberField, receipt: number)
            }
            receipts.append((numberField, InvoiceReceipt(number: number, amount: amount)))
        }
        guard !receipts.isEmpty else { throw InvoiceError.noReceipts }
        guard receipts.count <= Self.maxReceipts else { throw InvoiceError.tooManyReceipts(max: Self.maxReceipts) }
        let buyerTitle = try FieldCheck.text(form.buyerTitle, field: "buyerTitle", max: 100)
        var taxpayerID: CreditCode?
        if form.taxpayerID.trimmingSpaces().isEmpty {
            if form.buyerType == .enterprise { throw InvoiceError.enterpriseNeedsTaxpayerID }
        } else {
            taxpayerID = try FieldCheck.creditCode(form.taxpayerID, field: "taxpayerID",
                                                   allowFailedCheck: form.acceptFailedCreditCheck && actor.actsAsLead)
        }
        let expected = form.expectedNumber.trimmingSpaces()
        let amount = receipts.reduce(Money.zero) { $0 + $1.receipt.amount }
        let id = try book.transaction { state, tx in
            for (field, r) in receipts {
                if let held = state.liveInvoice(shop: shop, receipt: r.number) {
                    throw InvoiceError.receiptAlreadyInvoiced(field: field, receipt: r.number, invoice: held.id)
                }
            }
            guard let id = state.nextNumber(form.kind) else { throw InvoiceError.noNumbersLeft(kind: form.kind) }
            if !expected.isEmpty && expected != id.number {
                throw InvoiceError.numberMismatch(expected: id, typed: FieldCheck.echo(expected, max: 24))
            }
            var body = id.body()
            body["kind"] = .string(form.kind.rawValue)
            body["shop"] = .string(shop)
            body["receipts"] = .array(receipts.map { $0.receipt.eventBody })
            body["amountFen"] = .int(amount.fen)
            body["buyerType"] = .string(form.buyerType.rawValue)
            body["buyerTitle"] = .string(buyerTitle)
            if let taxpayerID {
                body["taxpayerID"] = .string(taxpayerID.code)
                if taxpayerID.checkOverridden { body["creditCheckOverriddenBy"] = .string(actor.answeringLead.rawValue) }
            }
            try tx.append(InvoiceEvents.issued, body, by: actor)
            return id
        }
        return book.state.invoices[id]!
    }

    // MARK: - Void

    /// What a lead types to void a paper invoice.
    public struct VoidForm: Sendable {
        public var number: String
        /// Needed only when the number exists under several codes.
        public var code: String
        public var reason: String
        public init(number: String = "", code: String = "", reason: String = "") {
            self.number = number; self.code = code; self.reason = reason
        }
    }

    /// Voids a paper invoice in the plaza month it was issued (lead only). The number stays
    /// used, marked void; the receipts on it may be invoiced again.
    @discardableResult
    public func void(_ form: VoidForm, by actor: Actor) throws -> Invoice {
        try actor.requireLead(.voidInvoice)
        let number = try self.number(form.number, field: "number")
        let code = try self.code(form.code, field: "code", required: false)
        let reason = try FieldCheck.text(form.reason, field: "reason", max: 200)
        let invoice = try book.transaction { state, tx in
            let invoice = try find(state, number: number, code: code)
            try refuseIfClosed(invoice)
            let issuedLine = try self.issuedLine(invoice, in: state)
            guard invoice.kind == .paper else { throw InvoiceError.electronicCannotBeVoided(invoice.id) }
            let issued = context.time.civil(issuedLine.instant), now = context.time.civil(context.now())
            guard issued.year == now.year && issued.month == now.month else {
                throw InvoiceError.voidOnlyInMonthOfIssue(invoice.id, issued: issued.dateString)
            }
            guard invoice.reversed == .zero else { throw InvoiceError.partlyReversed(invoice.id) }
            var body = invoice.id.body()
            body["issuedYear"] = .int(Int64(invoice.issuedYear))
            body["issuedSeq"] = .int(invoice.issuedSeq)
            body["amountFen"] = .int(invoice.amount.fen)
            body["reason"] = .string(reason)
            try tx.append(InvoiceEvents.voided, body, by: actor)
            return invoice
        }
        return book.state.invoices[invoice.id]!
    }

    // MARK: - Red-letter reversal

    /// What a lead types to reverse an invoice with a red-letter invoice.
    public struct ReverseForm: Sendable {
        /// The original invoice's number (and code, when the number exists under several).
        public var number: String
        public var code: String
        /// `01` issuing error, `02` goods returned, `03` service stopped, `04` allowance.
        public var reasonCode: String
        /// Empty: the whole amount not yet reversed.
        public var amount: String
        public var note: String
        public init(number: String = "", code: String = "", reasonCode: String = "", amount: String = "", note: String = "") {
            self.number = number; self.code = code; self.reasonCode = reasonCode; self.amount = amount; self.note = note
        }
    }

    /// Issues a red-letter invoice (the next number of the original's kind, negative amount)
    /// against an invoice, never for more than it has left (lead only). Returns the
    /// red-letter invoice.
    @discardableResult
    public func reverse(_ form: ReverseForm, by actor: Actor) throws -> Invoice {
        try actor.requireLead(.reverseInvoice)
        let number = try self.number(form.number, field: "number")
        let code = try self.code(form.code, field: "code", required: false)
        let reasonText = form.reasonCode.trimmingSpaces()
        if reasonText.isEmpty { throw CommonError.required(field: "reasonCode") }
        guard let reason = InvoiceReversalReason(code: reasonText) else { throw InvoiceError.badReasonCode(text: FieldCheck.echo(reasonText, max: 10)) }
        var amount: Money?
        if !form.amount.trimmingSpaces().isEmpty {
            let a = try FieldCheck.money(form.amount, field: "amount")
            guard a > .zero else { throw InvoiceError.amountNotPositive(field: "amount") }
            amount = a
        }
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        let id = try book.transaction { state, tx in
            let original = try find(state, number: number, code: code)
            try refuseIfClosed(original)
            _ = try issuedLine(original, in: state)
            let remaining = original.reversible
            let reversal = amount ?? remaining
            guard reversal <= remaining else { throw InvoiceError.reversalTooLarge(remaining: remaining) }
            guard let id = state.nextNumber(original.kind) else { throw InvoiceError.noNumbersLeft(kind: original.kind) }
            var body = id.body()
            body["kind"] = .string(original.kind.rawValue)
            body["originalCode"] = .string(original.id.code)
            body["originalNumber"] = .string(original.id.number)
            body["originalYear"] = .int(Int64(original.issuedYear))
            body["originalSeq"] = .int(original.issuedSeq)
            body["reasonCode"] = .string(reason.rawValue)
            body["amountFen"] = .int(-reversal.fen)
            body["note"] = .string(note)
            try tx.append(InvoiceEvents.redLetterIssued, body, by: actor)
            return id
        }
        return book.state.invoices[id]!
    }

    // MARK: - Queries

    /// The registered ranges, oldest first, with how many numbers each has left.
    public var ranges: [InvoiceRange] { state.ranges }

    /// Numbers left of a kind, over all its ranges.
    public func remaining(_ kind: InvoiceKind) -> Int {
        state.ranges.filter { $0.kind == kind }.reduce(0) { $0 + $1.remaining }
    }

    /// The number the next invoice of a kind will get (show it, so the clerk loads that form).
    public func nextNumber(_ kind: InvoiceKind) -> InvoiceNumber? { state.nextNumber(kind) }

    /// The invoice with this number (and code; an empty code finds the number under any
    /// code when only one has it).
    public func invoice(number: String, code: String = "") -> Invoice? {
        let n = number.trimmingSpaces(), c = code.trimmingSpaces()
        if let hit = state.invoices[InvoiceNumber(code: c, number: n)] { return hit }
        guard c.isEmpty else { return nil }
        let all = state.invoices(number: n)
        return all.count == 1 ? all[0] : nil
    }

    /// True when the receipt is on a live invoice.
    public func isReceiptInvoiced(shop: String, receipt: String) -> Bool {
        state.liveInvoice(shop: shop, receipt: receipt) != nil
    }

    /// The live invoice a receipt is on, if any.
    public func liveInvoice(shop: String, receipt: String) -> Invoice? { state.liveInvoice(shop: shop, receipt: receipt) }

    /// The newest invoices (ordinary and red-letter), newest first.
    public func latest(_ count: Int) -> [Invoice] {
        Array(state.invoices.values.suffix(count).reversed())   // the table lists them in the order issued
    }

    /// What was issued, voided and reversed in the plaza days `from` through `through`.
    public func report(from: CivilTime, through: CivilTime) -> InvoiceDayReport {
        let start = context.time.instant(CivilTime(year: from.year, month: from.month, day: from.day))
        let (y, m, d) = CivilTime.civil(fromDays: CivilTime.days(year: through.year, month: through.month, day: through.day) + 1)
        let end = context.time.instant(CivilTime(year: y, month: m, day: d))
        let inSpan = { (t: Int64) in t >= start && t < end }
        let order = { (a: Invoice, b: Invoice) in (a.issuedYear, a.issuedSeq) < (b.issuedYear, b.issuedSeq) }
        var issued: [Invoice] = [], red: [Invoice] = [], voided: [Invoice] = []
        for invoice in state.invoices.values {
            if inSpan(invoice.issuedAt) {
                if invoice.original == nil { issued.append(invoice) } else { red.append(invoice) }
            }
            if let at = invoice.voidedAt, inSpan(at) { voided.append(invoice) }
        }
        return InvoiceDayReport(from: from, through: through, issued: issued.sorted(by: order), redLetters: red.sorted(by: order),
                                voided: voided.sorted { ($0.voidedAt!, $0.id) < ($1.voidedAt!, $1.id) })
    }

    /// The report of one plaza day.
    public func report(day: CivilTime) -> InvoiceDayReport { report(from: day, through: day) }

    // MARK: - Helpers

    func find(_ state: InvoiceState, number: String, code: String) throws -> Invoice {
        if let hit = state.invoices[InvoiceNumber(code: code, number: number)] { return hit }
        guard code.isEmpty else { throw InvoiceError.noSuchInvoice(field: "number", text: InvoiceNumber(code: code, number: number).description) }
        let all = state.invoices(number: number)
        if all.isEmpty { throw InvoiceError.noSuchInvoice(field: "number", text: number) }
        guard all.count == 1 else { throw InvoiceError.codeNeeded(number: number, codes: all.map(\.id.code)) }
        return all[0]
    }

    /// Reads the invoice's `invoice.issued` line again from the ledger (hash and link
    /// checked), and the line of every red-letter invoice the state says reverses it: the
    /// number, kind and amount voided or reversed, and what has been reversed so far, are
    /// the ledger's, not only the saved state's. A state that disagrees is refused.
    func issuedLine(_ invoice: Invoice, in state: InvoiceState) throws -> LedgerRecord {
        let line = try book.ledgerLine(year: invoice.issuedYear, seq: invoice.issuedSeq, ev: InvoiceEvents.issued)
        let issued = LedgerFacts(line, book: book.book, year: invoice.issuedYear)
        try issued.same(.invoiceNumber, "number", invoice.id.number)
        try issued.same(.invoiceNumber, "code", invoice.id.code)
        try issued.same(.invoiceKind, "kind", invoice.kind.rawValue)
        try issued.same(.amount, "amountFen", money: invoice.amount)
        var reversed = Money.zero
        for id in invoice.redLetters {
            guard let red = state.invoices[id] else { throw issued.disagree(.invoiceNumber, ledger: "-", saved: id.description) }
            let redLine = LedgerFacts(try book.ledgerLine(year: red.issuedYear, seq: red.issuedSeq, ev: InvoiceEvents.redLetterIssued),
                                      book: book.book, year: red.issuedYear)
            try redLine.same(.invoiceNumber, "number", red.id.number)
            try redLine.same(.invoiceNumber, "originalNumber", invoice.id.number)
            try redLine.same(.invoiceNumber, "originalCode", invoice.id.code)
            try redLine.same(.amount, "amountFen", money: red.amount)
            reversed = reversed - red.amount
        }
        guard reversed == invoice.reversed else {
            throw issued.disagree(.reversed, ledger: reversed.description, saved: invoice.reversed.description)
        }
        return line
    }

    /// Refuses a red-letter invoice, a void one and a fully reversed one.
    func refuseIfClosed(_ invoice: Invoice) throws {
        switch invoice.status {
        case .redLetter: throw InvoiceError.isRedLetter(invoice.id)
        case .voided: throw InvoiceError.alreadyVoided(invoice.id)
        case .reversed: throw InvoiceError.alreadyFullyReversed(invoice.id)
        case .issued, .partlyReversed: break
        }
    }

    func number(_ text: String, field: String) throws -> String {
        let t = text.trimmingSpaces()
        if t.isEmpty { throw CommonError.required(field: field) }
        guard InvoiceDigits.isDigits(t, min: 8, max: 20) else { throw InvoiceError.badNumber(field: field, text: FieldCheck.echo(t, max: 24)) }
        return t
    }

    func code(_ text: String, field: String, required: Bool) throws -> String {
        let t = text.trimmingSpaces()
        if t.isEmpty {
            if required { throw CommonError.required(field: field) }
            return ""
        }
        guard InvoiceDigits.isDigits(t, min: 10, max: 12) else { throw InvoiceError.badCode(field: field, text: FieldCheck.echo(t, max: 24)) }
        return t
    }
}
