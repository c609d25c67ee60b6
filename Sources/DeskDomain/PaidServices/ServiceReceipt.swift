/// One receipt for a paid service: what was done, the fee stated and charged, the cash
/// taken and the change given, and whether a lead has voided it. Its stub is what the
/// shift lead sums up for finance.
public struct ServiceReceipt: Equatable, Sendable {
    public var number: ServiceReceiptNumber
    /// The `seq` of the `services.receipt-issued` event (in the book of ``number``'s year).
    public var seq: Int64
    public var kind: PaidServiceKind
    public var quantity: Int
    public var unitPrice: Money
    /// Unit price × quantity: the fee the clerk had to state.
    public var quotedFee: Money
    /// What was charged (the takings of this receipt while it is live).
    public var fee: Money
    /// Set when a lead charged a fee other than the quote.
    public var overrideReason: String?
    public var tendered: Money
    /// Handed back to the customer; not income.
    public var change: Money
    public var customer: String
    public var note: String
    public var issuedAt: Int64
    /// Days since 1970-01-01 of the plaza's date when issued.
    public var plazaDay: Int64
    public var issuedBy: OperatorID
    public var voidedAt: Int64?
    public var voidedBy: OperatorID?
    public var voidReason: String?

    public var isVoid: Bool { voidedAt != nil }
    public var isOverride: Bool { overrideReason != nil }
    /// What this receipt adds to the takings: its fee, or nothing once void.
    public var takings: Money { isVoid ? .zero : fee }

    /// The plaza date it was issued on.
    public var date: CivilTime {
        let (y, m, d) = CivilTime.civil(fromDays: plazaDay)
        return CivilTime(year: y, month: m, day: d)
    }

    init(number: ServiceReceiptNumber, seq: Int64, kind: PaidServiceKind, quantity: Int, unitPrice: Money, quotedFee: Money,
         fee: Money, overrideReason: String?, tendered: Money, change: Money, customer: String, note: String,
         issuedAt: Int64, plazaDay: Int64, issuedBy: OperatorID, voidedAt: Int64? = nil, voidedBy: OperatorID? = nil,
         voidReason: String? = nil) {
        self.number = number; self.seq = seq; self.kind = kind; self.quantity = quantity; self.unitPrice = unitPrice
        self.quotedFee = quotedFee; self.fee = fee; self.overrideReason = overrideReason; self.tendered = tendered
        self.change = change; self.customer = customer; self.note = note; self.issuedAt = issuedAt
        self.plazaDay = plazaDay; self.issuedBy = issuedBy; self.voidedAt = voidedAt; self.voidedBy = voidedBy
        self.voidReason = voidReason
    }

}
