/// One stroller loan: who has which stroller since when.
public struct StrollerLoan: Equatable, Sendable {
    public var unit: String
    public var customer: String
    public var phoneMasked: String
    public var lentAt: Int64
    /// Year and seq of the `stroller.lent` event: the loan's identity.
    public var lentYear: Int
    public var lentSeq: Int64
    public var lentBy: OperatorID
    public var returnedAt: Int64?
    public var returnedBy: OperatorID?
    public var damaged: Bool

    init(unit: String, customer: String, phoneMasked: String, lentAt: Int64, lentYear: Int, lentSeq: Int64,
         lentBy: OperatorID, returnedAt: Int64? = nil, returnedBy: OperatorID? = nil, damaged: Bool = false) {
        self.unit = unit; self.customer = customer; self.phoneMasked = phoneMasked; self.lentAt = lentAt
        self.lentYear = lentYear; self.lentSeq = lentSeq; self.lentBy = lentBy; self.returnedAt = returnedAt
        self.returnedBy = returnedBy; self.damaged = damaged
    }

}

extension StrollerLoan: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.string(unit); e.string(customer); e.string(phoneMasked); e.int(lentAt); e.int(lentYear); e.int(lentSeq); e.value(lentBy)
        e.optional(returnedAt); e.optional(returnedBy); e.bool(damaged)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(unit: try d.string(), customer: try d.string(), phoneMasked: try d.string(), lentAt: try d.int(),
                  lentYear: try d.intValue(), lentSeq: try d.int(), lentBy: try d.value(), returnedAt: try d.optionalInt(),
                  returnedBy: try d.optional(), damaged: try d.bool())
    }
}
