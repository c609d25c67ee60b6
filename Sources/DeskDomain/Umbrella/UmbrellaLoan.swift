/// One umbrella loan: who has which umbrella against which deposit card and how much
/// deposit, and — once it has ended — how it ended and what money changed hands.
public struct UmbrellaLoan: Equatable, Sendable {
    /// How a loan ended.
    public enum Ending: String, Sendable, CaseIterable {
        /// Umbrella and deposit card came back.
        case returned
        /// The umbrella came back without the deposit card; a lead released the deposit.
        case releasedWithoutCard = "released-without-card"
        /// The umbrella never came back; a lead kept the deposit.
        case forfeited

        public func name(_ l: Language) -> String {
            switch self {
            case .returned: return l.pick("已归还", "returned")
            case .releasedWithoutCard: return l.pick("无卡退押金", "deposit released without card")
            case .forfeited: return l.pick("押金没收（未归还）", "deposit forfeited (not returned)")
            }
        }
    }

    public var unit: String
    /// The numbered deposit card handed to the customer, e.g. `D012`.
    public var depositCard: String
    public var deposit: Money
    public var customer: String
    public var phoneMasked: String
    public var lentAt: Int64
    /// Year and seq of the `umbrella.lent` event: the loan's identity.
    public var lentYear: Int
    public var lentSeq: Int64
    public var lentBy: OperatorID
    public var endedAt: Int64?
    public var endedBy: OperatorID?
    public var ending: Ending?
    public var damaged: Bool
    /// Settled as lost: the customer brought the deposit card back without the umbrella.
    public var lost: Bool
    /// What the customer was charged (damage or lost price, or the kept deposit when forfeited).
    public var charge: Money
    /// The deposit handed back.
    public var refund: Money
    /// Paid by the customer on top of the deposit, when the charge was larger.
    public var paidOnTop: Money

    func snapshot() -> JSONValue {
        var o: JSONObject = ["unit": .string(unit), "depositCard": .string(depositCard), "depositFen": .int(deposit.fen),
                             "customer": .string(customer), "phone": .string(phoneMasked), "lentAt": .int(lentAt),
                             "lentYear": .int(Int64(lentYear)), "lentSeq": .int(lentSeq), "lentBy": .string(lentBy.rawValue),
                             "damaged": .bool(damaged), "chargeFen": .int(charge.fen), "refundFen": .int(refund.fen),
                             "paidOnTopFen": .int(paidOnTop.fen)]
        if lost { o["lost"] = .bool(true) }  // only when true: snapshots from before lost returns still read
        if let endedAt { o["endedAt"] = .int(endedAt) }
        if let endedBy { o["endedBy"] = .string(endedBy.rawValue) }
        if let ending { o["ending"] = .string(ending.rawValue) }
        return .object(o)
    }

    init(unit: String, depositCard: String, deposit: Money, customer: String, phoneMasked: String, lentAt: Int64,
         lentYear: Int, lentSeq: Int64, lentBy: OperatorID, endedAt: Int64? = nil, endedBy: OperatorID? = nil,
         ending: Ending? = nil, damaged: Bool = false, lost: Bool = false, charge: Money = .zero, refund: Money = .zero, paidOnTop: Money = .zero) {
        self.unit = unit; self.depositCard = depositCard; self.deposit = deposit; self.customer = customer
        self.phoneMasked = phoneMasked; self.lentAt = lentAt; self.lentYear = lentYear; self.lentSeq = lentSeq
        self.lentBy = lentBy; self.endedAt = endedAt; self.endedBy = endedBy; self.ending = ending
        self.damaged = damaged; self.lost = lost; self.charge = charge; self.refund = refund; self.paidOnTop = paidOnTop
    }

    init(snapshot v: JSONValue) throws {
        let o = try SnapshotReader(v)
        var ending: Ending?
        if let e = o.optionalString("ending") {
            guard let parsed = Ending(rawValue: e) else { throw SnapshotDecodingError("ending") }
            ending = parsed
        }
        self.init(unit: try o.string("unit"), depositCard: try o.string("depositCard"),
                  deposit: Money(fen: try o.int("depositFen")), customer: try o.string("customer"),
                  phoneMasked: try o.string("phone"), lentAt: try o.int("lentAt"), lentYear: Int(try o.int("lentYear")),
                  lentSeq: try o.int("lentSeq"), lentBy: try o.operatorID("lentBy"), endedAt: o.optionalInt("endedAt"),
                  endedBy: try o.optionalOperatorID("endedBy"), ending: ending, damaged: try o.bool("damaged"),
                  lost: o.object["lost"]?.boolValue ?? false,
                  charge: Money(fen: try o.int("chargeFen")), refund: Money(fen: try o.int("refundFen")),
                  paidOnTop: Money(fen: try o.int("paidOnTopFen")))
    }
}

extension UmbrellaLoan: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.string(unit); e.string(depositCard); e.value(deposit); e.string(customer); e.string(phoneMasked); e.int(lentAt)
        e.int(lentYear); e.int(lentSeq); e.value(lentBy); e.optional(endedAt); e.optional(endedBy)
        e.optional(ending) { $0.raw($1) }; e.bool(damaged); e.bool(lost); e.value(charge); e.value(refund); e.value(paidOnTop)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(unit: try d.string(), depositCard: try d.string(), deposit: try d.value(), customer: try d.string(),
                  phoneMasked: try d.string(), lentAt: try d.int(), lentYear: try d.intValue(), lentSeq: try d.int(),
                  lentBy: try d.value(), endedAt: try d.optionalInt(), endedBy: try d.optional(), ending: try d.optional { try $0.raw() },
                  damaged: try d.bool(), lost: try d.bool(), charge: try d.value(), refund: try d.value(), paidOnTop: try d.value())
    }
}
