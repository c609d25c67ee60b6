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

    func snapshot() -> JSONValue {
        var o: JSONObject = [
            "year": .int(Int64(number.year)), "serial": .int(number.serial), "seq": .int(seq), "kind": .string(kind.rawValue),
            "quantity": .int(Int64(quantity)), "unitPriceFen": .int(unitPrice.fen), "quotedFeeFen": .int(quotedFee.fen),
            "feeFen": .int(fee.fen), "tenderedFen": .int(tendered.fen), "changeFen": .int(change.fen),
            "customer": .string(customer), "note": .string(note), "issuedAt": .int(issuedAt), "plazaDay": .int(plazaDay),
            "issuedBy": .string(issuedBy.rawValue),
        ]
        if let overrideReason { o["overrideReason"] = .string(overrideReason) }
        if let voidedAt { o["voidedAt"] = .int(voidedAt) }
        if let voidedBy { o["voidedBy"] = .string(voidedBy.rawValue) }
        if let voidReason { o["voidReason"] = .string(voidReason) }
        return .object(o)
    }

    init(snapshot v: JSONValue) throws {
        let o = try SnapshotReader(v)
        guard let kind = PaidServiceKind(rawValue: try o.string("kind")) else { throw SnapshotDecodingError("kind is unknown") }
        self.init(number: ServiceReceiptNumber(year: Int(try o.int("year")), serial: try o.int("serial")), seq: try o.int("seq"),
                  kind: kind, quantity: Int(try o.int("quantity")), unitPrice: Money(fen: try o.int("unitPriceFen")),
                  quotedFee: Money(fen: try o.int("quotedFeeFen")), fee: Money(fen: try o.int("feeFen")),
                  overrideReason: o.optionalString("overrideReason"), tendered: Money(fen: try o.int("tenderedFen")),
                  change: Money(fen: try o.int("changeFen")), customer: try o.string("customer"), note: try o.string("note"),
                  issuedAt: try o.int("issuedAt"), plazaDay: try o.int("plazaDay"), issuedBy: try o.operatorID("issuedBy"),
                  voidedAt: o.optionalInt("voidedAt"), voidedBy: try o.optionalOperatorID("voidedBy"),
                  voidReason: o.optionalString("voidReason"))
    }
}
