/// One invoice as the book says it stands: what was invoiced, for whom, and whether it has
/// since been voided or reversed. A red-letter invoice is an `Invoice` too, with a negative
/// amount and ``original`` set.
public struct Invoice: Equatable, Sendable {
    public var id: InvoiceNumber
    public var kind: InvoiceKind
    public var shop: String
    /// The receipts invoiced (empty on a red-letter invoice).
    public var receipts: [InvoiceReceipt]
    public var buyerType: InvoiceBuyerType
    public var buyerTitle: String
    public var taxpayerID: String?
    /// The lead who accepted a taxpayer ID whose check character fails.
    public var creditCheckOverriddenBy: OperatorID?
    /// The sum of the receipts; negative on a red-letter invoice.
    public var amount: Money
    public var issuedAt: Int64
    /// Year and seq of the event that issued it.
    public var issuedYear: Int
    public var issuedSeq: Int64
    public var issuedBy: OperatorID

    public var voidedAt: Int64?
    public var voidedBy: OperatorID?
    public var voidReason: String?

    /// How much red-letter invoices have reversed so far (a positive amount).
    public var reversed: Money
    /// The red-letter invoices that reverse this one, oldest first.
    public var redLetters: [InvoiceNumber]

    /// On a red-letter invoice: the invoice it reverses, why, and the clerk's note.
    public var original: InvoiceNumber?
    public var reversalReason: InvoiceReversalReason?
    public var note: String?

    /// Where an invoice stands.
    public enum Status: String, Sendable {
        case issued, partlyReversed, reversed, voided, redLetter

        public func name(_ l: Language) -> String {
            switch self {
            case .issued: return l.pick("已开具", "issued")
            case .partlyReversed: return l.pick("部分红冲", "partly reversed")
            case .reversed: return l.pick("已全额红冲", "fully reversed")
            case .voided: return l.pick("已作废", "void")
            case .redLetter: return l.pick("红字发票", "red-letter invoice")
            }
        }
    }

    public var status: Status {
        if original != nil { return .redLetter }
        if voidedAt != nil { return .voided }
        if reversed.fen == 0 { return .issued }
        return reversed >= amount ? .reversed : .partlyReversed
    }

    /// Holds its receipts: an ordinary invoice neither void nor fully reversed.
    public var isLive: Bool { status == .issued || status == .partlyReversed }

    /// What red-letter invoices may still reverse.
    public var reversible: Money { original == nil && voidedAt == nil ? amount - reversed : .zero }

    func snapshot() -> JSONValue {
        var o: JSONObject = [
            "code": .string(id.code), "number": .string(id.number), "kind": .string(kind.rawValue), "shop": .string(shop),
            "receipts": .array(receipts.map { $0.snapshot() }), "buyerType": .string(buyerType.rawValue),
            "buyerTitle": .string(buyerTitle), "amountFen": .int(amount.fen), "issuedAt": .int(issuedAt),
            "issuedYear": .int(Int64(issuedYear)), "issuedSeq": .int(issuedSeq), "issuedBy": .string(issuedBy.rawValue),
            "reversedFen": .int(reversed.fen),
            "redLetters": .array(redLetters.map { .object($0.body()) }),
        ]
        if let taxpayerID { o["taxpayerID"] = .string(taxpayerID) }
        if let creditCheckOverriddenBy { o["creditCheckOverriddenBy"] = .string(creditCheckOverriddenBy.rawValue) }
        if let voidedAt { o["voidedAt"] = .int(voidedAt) }
        if let voidedBy { o["voidedBy"] = .string(voidedBy.rawValue) }
        if let voidReason { o["voidReason"] = .string(voidReason) }
        if let original {
            o["originalCode"] = .string(original.code)
            o["originalNumber"] = .string(original.number)
        }
        if let reversalReason { o["reasonCode"] = .string(reversalReason.rawValue) }
        if let note { o["note"] = .string(note) }
        return .object(o)
    }

    init(id: InvoiceNumber, kind: InvoiceKind, shop: String, receipts: [InvoiceReceipt], buyerType: InvoiceBuyerType,
         buyerTitle: String, taxpayerID: String?, creditCheckOverriddenBy: OperatorID?, amount: Money, issuedAt: Int64,
         issuedYear: Int, issuedSeq: Int64, issuedBy: OperatorID, original: InvoiceNumber? = nil,
         reversalReason: InvoiceReversalReason? = nil, note: String? = nil) {
        self.id = id; self.kind = kind; self.shop = shop; self.receipts = receipts; self.buyerType = buyerType
        self.buyerTitle = buyerTitle; self.taxpayerID = taxpayerID; self.creditCheckOverriddenBy = creditCheckOverriddenBy
        self.amount = amount; self.issuedAt = issuedAt; self.issuedYear = issuedYear; self.issuedSeq = issuedSeq
        self.issuedBy = issuedBy; self.reversed = .zero; self.redLetters = []
        self.original = original; self.reversalReason = reversalReason; self.note = note
    }

    init(snapshot v: JSONValue) throws {
        let o = try SnapshotReader(v)
        guard let kind = InvoiceKind(rawValue: try o.string("kind")) else { throw SnapshotDecodingError("kind") }
        guard let buyerType = InvoiceBuyerType(rawValue: try o.string("buyerType")) else { throw SnapshotDecodingError("buyerType") }
        var original: InvoiceNumber?
        if let n = o.optionalString("originalNumber") { original = InvoiceNumber(code: o.optionalString("originalCode") ?? "", number: n) }
        var reason: InvoiceReversalReason?
        if let r = o.optionalString("reasonCode") {
            guard let parsed = InvoiceReversalReason(rawValue: r) else { throw SnapshotDecodingError("reasonCode") }
            reason = parsed
        }
        self.init(id: InvoiceNumber(code: try o.string("code"), number: try o.string("number")), kind: kind,
                  shop: try o.string("shop"), receipts: try o.array("receipts").map(InvoiceReceipt.init(snapshot:)),
                  buyerType: buyerType, buyerTitle: try o.string("buyerTitle"), taxpayerID: o.optionalString("taxpayerID"),
                  creditCheckOverriddenBy: try o.optionalOperatorID("creditCheckOverriddenBy"),
                  amount: Money(fen: try o.int("amountFen")), issuedAt: try o.int("issuedAt"),
                  issuedYear: Int(try o.int("issuedYear")), issuedSeq: try o.int("issuedSeq"), issuedBy: try o.operatorID("issuedBy"),
                  original: original, reversalReason: reason, note: o.optionalString("note"))
        voidedAt = o.optionalInt("voidedAt")
        voidedBy = try o.optionalOperatorID("voidedBy")
        voidReason = o.optionalString("voidReason")
        reversed = Money(fen: try o.int("reversedFen"))
        redLetters = try o.array("redLetters").map { v in
            guard let obj = v.objectValue, let n = InvoiceNumber(body: obj) else { throw SnapshotDecodingError("redLetters") }
            return n
        }
    }
}

extension Invoice: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.value(id); e.raw(kind); e.string(shop); e.array(receipts); e.raw(buyerType); e.string(buyerTitle)
        e.optional(taxpayerID); e.optional(creditCheckOverriddenBy); e.value(amount); e.int(issuedAt); e.int(issuedYear)
        e.int(issuedSeq); e.value(issuedBy); e.optional(voidedAt); e.optional(voidedBy); e.optional(voidReason)
        e.value(reversed); e.array(redLetters); e.optional(original); e.optional(reversalReason) { $0.raw($1) }
        e.optional(note)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(id: try d.value(), kind: try d.raw(), shop: try d.string(), receipts: try d.array(), buyerType: try d.raw(),
                  buyerTitle: try d.string(), taxpayerID: try d.optionalString(), creditCheckOverriddenBy: try d.optional(),
                  amount: try d.value(), issuedAt: try d.int(), issuedYear: try d.intValue(), issuedSeq: try d.int(),
                  issuedBy: try d.value())
        voidedAt = try d.optionalInt()
        voidedBy = try d.optional()
        voidReason = try d.optionalString()
        reversed = try d.value()
        redLetters = try d.array()
        original = try d.optional()
        reversalReason = try d.optional { try $0.raw() }
        note = try d.optionalString()
    }
}
