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
    /// The sum of the receipts; negative on a red-letter invoice.
    public var amount: Money
    public var issuedAt: Int64
    /// Year and seq of the event that issued it.
    public var issuedYear: Int
    public var issuedSeq: Int64
    public var issuedBy: OperatorID

    /// What few invoices ever have (an override, a void, a reversal): kept out of line, so
    /// the hundreds of thousands of plain invoices of a year are each about half the size.
    /// Nil, or a value that is not all defaults (``OutOfLine``: replaced, never changed).
    private var rare: OutOfLine<Rare>?

    struct Rare: Equatable, Sendable {
        var creditCheckOverriddenBy: OperatorID?
        var voidedAt: Int64?
        var voidedBy: OperatorID?
        var voidReason: String?
        var reversed = Money.zero
        var redLetters: [InvoiceNumber] = []
        var original: InvoiceNumber?
        var reversalReason: InvoiceReversalReason?
        var note: String?
    }

    private func rare<T>(_ field: KeyPath<Rare, T>, or none: T) -> T { rare?.value[keyPath: field] ?? none }

    private mutating func setRare<T>(_ field: WritableKeyPath<Rare, T>, _ value: T) {
        var r = rare?.value ?? Rare()
        r[keyPath: field] = value
        rare = r == Rare() ? nil : OutOfLine(r)
    }

    /// The lead who accepted a taxpayer ID whose check character fails.
    public var creditCheckOverriddenBy: OperatorID? {
        get { rare(\.creditCheckOverriddenBy, or: nil) }
        set { setRare(\.creditCheckOverriddenBy, newValue) }
    }

    public var voidedAt: Int64? {
        get { rare(\.voidedAt, or: nil) }
        set { setRare(\.voidedAt, newValue) }
    }
    public var voidedBy: OperatorID? {
        get { rare(\.voidedBy, or: nil) }
        set { setRare(\.voidedBy, newValue) }
    }
    public var voidReason: String? {
        get { rare(\.voidReason, or: nil) }
        set { setRare(\.voidReason, newValue) }
    }

    /// How much red-letter invoices have reversed so far (a positive amount).
    public var reversed: Money {
        get { rare(\.reversed, or: .zero) }
        set { setRare(\.reversed, newValue) }
    }
    /// The red-letter invoices that reverse this one, oldest first.
    public var redLetters: [InvoiceNumber] {
        get { rare(\.redLetters, or: []) }
        set { setRare(\.redLetters, newValue) }
    }

    /// On a red-letter invoice: the invoice it reverses, why, and the clerk's note.
    public var original: InvoiceNumber? {
        get { rare(\.original, or: nil) }
        set { setRare(\.original, newValue) }
    }
    public var reversalReason: InvoiceReversalReason? {
        get { rare(\.reversalReason, or: nil) }
        set { setRare(\.reversalReason, newValue) }
    }
    public var note: String? {
        get { rare(\.note, or: nil) }
        set { setRare(\.note, newValue) }
    }

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
        self.buyerTitle = buyerTitle; self.taxpayerID = taxpayerID
        self.amount = amount; self.issuedAt = issuedAt; self.issuedYear = issuedYear; self.issuedSeq = issuedSeq
        self.issuedBy = issuedBy
        let r = Rare(creditCheckOverriddenBy: creditCheckOverriddenBy, original: original, reversalReason: reversalReason, note: note)
        rare = r == Rare() ? nil : OutOfLine(r)
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
        var r = rare?.value ?? Rare()
        r.voidedAt = try d.optionalInt()
        r.voidedBy = try d.optional()
        r.voidReason = try d.optionalString()
        r.reversed = try d.value()
        r.redLetters = try d.array()
        r.original = try d.optional()
        r.reversalReason = try d.optional { try $0.raw() }
        r.note = try d.optionalString()
        rare = r == Rare() ? nil : OutOfLine(r)
    }
}
