/// What a claimant said about an item before being shown it (manual §5.2.14: ask the
/// quantity, colour and main features, hand over only when they match).
///
/// Recorded first, so the ledger proves the description came before the clerk's judgement.
public struct ClaimDescription: Equatable, Sendable {
    public var claimant: String
    public var quantity: Int
    public var colour: String
    public var features: String
    public var describedAt: Int64
    public var describedBy: OperatorID
    /// Year and seq of the `lostfound.claim-described` event.
    public var describedYear: Int
    public var describedSeq: Int64

    init(claimant: String, quantity: Int, colour: String, features: String, describedAt: Int64, describedBy: OperatorID,
         describedYear: Int, describedSeq: Int64) {
        self.claimant = claimant; self.quantity = quantity; self.colour = colour; self.features = features
        self.describedAt = describedAt; self.describedBy = describedBy; self.describedYear = describedYear
        self.describedSeq = describedSeq
    }

}

extension ClaimDescription: SnapshotCoding {
    /// Every stored field, in declaration order.
    public func encode(to e: inout SnapshotEncoder) {
        e.string(claimant)
        e.int(quantity)
        e.string(colour)
        e.string(features)
        e.int(describedAt)
        e.value(describedBy)
        e.int(describedYear)
        e.int(describedSeq)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let claimant = try d.string()
        let quantity = try d.intValue()
        let colour = try d.string()
        let features = try d.string()
        let describedAt = try d.int()
        let describedBy = try d.value(OperatorID.self)
        let describedYear = try d.intValue()
        let describedSeq = try d.int()
        self.init(claimant: claimant, quantity: quantity, colour: colour, features: features, describedAt: describedAt,
                  describedBy: describedBy, describedYear: describedYear, describedSeq: describedSeq)
    }
}
