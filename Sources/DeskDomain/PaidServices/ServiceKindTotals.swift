/// The figures of one kind of paid service over a day or a shift, as the shift lead writes
/// them on the summary for finance: receipts issued, how many were voided, the fees kept.
public struct ServiceKindTotals: Equatable, Sendable {
    /// Receipts issued, void ones included (each used a number).
    public var issued = 0
    /// Of those, how many were voided.
    public var voided = 0
    /// Fees of the live receipts: the takings of this kind.
    public var fee = Money.zero
    /// Fees of the voided receipts (not takings; shown so the stubs add up).
    public var voidedFee = Money.zero

    public init(issued: Int = 0, voided: Int = 0, fee: Money = .zero, voidedFee: Money = .zero) {
        self.issued = issued; self.voided = voided; self.fee = fee; self.voidedFee = voidedFee
    }

    /// Receipts still live.
    public var live: Int { issued - voided }

    mutating func add(_ r: ServiceReceipt) {
        issued += 1
        if r.isVoid { voided += 1; voidedFee += r.fee } else { fee += r.fee }
    }

    mutating func void(fee f: Money) {
        voided += 1
        fee -= f
        voidedFee += f
    }

}
