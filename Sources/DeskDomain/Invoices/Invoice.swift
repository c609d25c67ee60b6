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
