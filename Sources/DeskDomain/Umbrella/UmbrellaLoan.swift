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

    init(unit: String, depositCard: String, deposit: Money, customer: String, phoneMasked: String, lentAt: Int64,
         lentYear: Int, lentSeq: Int64, lentBy: OperatorID, endedAt: Int64? = nil, endedBy: OperatorID? = nil,
         ending: Ending? = nil, damaged: Bool = false, lost: Bool = false, charge: Money = .zero, refund: Money = .zero, paidOnTop: Money = .zero) {
        self.unit = unit; self.depositCard = depositCard; self.deposit = deposit; self.customer = customer
        self.phoneMasked = phoneMasked; self.lentAt = lentAt; self.lentYear = lentYear; self.lentSeq = lentSeq
        self.lentBy = lentBy; self.endedAt = endedAt; self.endedBy = endedBy; self.ending = ending
        self.damaged = damaged; self.lost = lost; self.charge = charge; self.refund = refund; self.paidOnTop = paidOnTop
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
