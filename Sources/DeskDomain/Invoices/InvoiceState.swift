/// What the invoice book says now: the number ranges and how far each is used, every
/// invoice by its code and number, and which receipts sit on a live invoice.
public struct InvoiceState: BookState {
    /// The registered number ranges, oldest first (numbers are used from the oldest).
    public var ranges: [InvoiceRange] = []
    /// Every invoice issued (ordinary and red-letter), by code and number, in the order issued.
    public var invoices = InvoiceTable()
    /// Receipts on a live invoice, by ``InvoiceReceipt/key(shop:number:)``: the invoice
    /// holding each (``InvoiceNumber/key``). Derived from ``invoices``; kept in the snapshot
    /// so that opening does not build every key again.
    public private(set) var receiptsInvoiced = TextKeyTable()
    public var issuedCount = 0
    public var voidedCount = 0
    public var redLetterCount = 0

    public init() {}

    public mutating func apply(_ r: LedgerRecord) {
        switch r.ev {
        case InvoiceEvents.numbersAllocated:
            guard let kind = r.body["kind"]?.stringValue.flatMap(InvoiceKind.init(rawValue:)),
                  let first = r.body["first"]?.stringValue, let last = r.body["last"]?.stringValue,
                  let count = r.body["count"]?.intValue else { return }
            ranges.append(InvoiceRange(kind: kind, code: r.body["code"]?.stringValue ?? "", first: first, last: last,
                                       count: Int(count), used: 0, allocatedAt: r.instant, allocatedBy: r.op))
        case InvoiceEvents.issued:
            guard let id = InvoiceNumber(body: r.body),
                  let kind = r.body["kind"]?.stringValue.flatMap(InvoiceKind.init(rawValue:)) else { return }
            consume(id)
            let receipts: [InvoiceReceipt] = (r.body["receipts"]?.arrayValue ?? []).compactMap { v in
                guard let o = v.objectValue, let n = o["number"]?.stringValue, let fen = o["amountFen"]?.intValue else { return nil }
                return InvoiceReceipt(number: n, amount: Money(fen: fen))
            }
            let invoice = Invoice(id: id, kind: kind, shop: r.body["shop"]?.stringValue ?? "", receipts: receipts,
                                  buyerType: r.body["buyerType"]?.stringValue.flatMap(InvoiceBuyerType.init(rawValue:)) ?? .person,
                                  buyerTitle: r.body["buyerTitle"]?.stringValue ?? "",
                                  taxpayerID: r.body["taxpayerID"]?.stringValue,
                                  creditCheckOverriddenBy: r.body["creditCheckOverriddenBy"]?.stringValue.flatMap { try? OperatorID($0) },
                                  amount: Money(fen: r.body["amountFen"]?.intValue ?? 0), issuedAt: r.instant,
                                  issuedYear: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year,
                                  issuedSeq: r.seq, issuedBy: r.op)
            invoices[id] = invoice
            hold(invoice)
            issuedCount += 1
        case InvoiceEvents.voided:
            guard let id = InvoiceNumber(body: r.body), var invoice = invoices[id] else { return }
            invoice.voidedAt = r.instant
            invoice.voidedBy = r.op
            invoice.voidReason = r.body["reason"]?.stringValue ?? ""
            invoices[id] = invoice
            release(invoice)
            voidedCount += 1
        case InvoiceEvents.redLetterIssued:
            guard let id = InvoiceNumber(body: r.body), let originalID = InvoiceNumber(body: r.body, prefix: "original"),
                  let kind = r.body["kind"]?.stringValue.flatMap(InvoiceKind.init(rawValue:)) else { return }
            consume(id)
            let amount = Money(fen: r.body["amountFen"]?.intValue ?? 0)
            let original = invoices[originalID]
            invoices[id] = Invoice(id: id, kind: kind, shop: original?.shop ?? "", receipts: [],
                                   buyerType: original?.buyerType ?? .person, buyerTitle: original?.buyerTitle ?? "",
                                   taxpayerID: original?.taxpayerID, creditCheckOverriddenBy: nil, amount: amount,
                                   issuedAt: r.instant, issuedYear: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year,
                                   issuedSeq: r.seq, issuedBy: r.op, original: originalID,
                                   reversalReason: r.body["reasonCode"]?.stringValue.flatMap(InvoiceReversalReason.init(rawValue:)),
                                   note: r.body["note"]?.stringValue ?? "")
            if var original {
                original.reversed -= amount
                original.redLetters.append(id)
                invoices[originalID] = original
                if !original.isLive { release(original) }
            }
            redLetterCount += 1
        default:
            break
        }
    }

    /// Marks a number used in its range (numbers are used in order, so the range's count of
    /// used numbers reaches just past it).
    mutating func consume(_ id: InvoiceNumber) {
        guard let i = ranges.firstIndex(where: { $0.contains(id) }),
              let offset = InvoiceDigits.distance(from: ranges[i].first, to: id.number, limit: ranges[i].count) else { return }
        ranges[i].used = max(ranges[i].used, offset + 1)
    }

    mutating func hold(_ invoice: Invoice) {
        guard invoice.isLive else { return }
        let shop = InvoiceReceipt.normalize(invoice.shop), id = invoice.id.key
        for r in invoice.receipts { receiptsInvoiced[InvoiceReceipt.key(normalizedShop: shop, number: r.number)] = id }
    }

    mutating func release(_ invoice: Invoice) {
        let shop = InvoiceReceipt.normalize(invoice.shop), id = invoice.id.key
        for r in invoice.receipts {
            let key = InvoiceReceipt.key(normalizedShop: shop, number: r.number)
            if receiptsInvoiced[key] == id { receiptsInvoiced[key] = nil }
        }
    }

    /// The oldest range of a kind with numbers left, and the number it gives next.
    public func nextNumber(_ kind: InvoiceKind) -> InvoiceNumber? {
        ranges.first { $0.kind == kind && $0.remaining > 0 }?.next
    }

    /// The live invoice a receipt is on, if any.
    public func liveInvoice(shop: String, receipt: String) -> Invoice? {
        receiptsInvoiced[InvoiceReceipt.key(shop: shop, number: receipt)].flatMap(InvoiceNumber.init(key:)).flatMap { invoices[$0] }
    }

    /// Invoices with this number, under any code.
    public func invoices(number: String) -> [Invoice] {
        invoices.values.filter { $0.id.number == number }.sorted { $0.id < $1.id }
    }

}

extension InvoiceState: SnapshotCoding {
    /// Ranges and invoices in the order issued, the counts, and the receipts held.
    public func encode(to e: inout SnapshotEncoder) {
        e.array(ranges); e.array(invoices.values); e.int(issuedCount); e.int(voidedCount); e.int(redLetterCount)
        receiptsInvoiced.encode(to: &e)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        ranges = try d.array()
        let n = try d.count()
        invoices.reserveCapacity(n)
        for _ in 0..<n { invoices.appendListed(try Invoice(from: &d)) }
        issuedCount = try d.intValue()
        voidedCount = try d.intValue()
        redLetterCount = try d.intValue()
        receiptsInvoiced = try TextKeyTable(from: &d)
    }
}
