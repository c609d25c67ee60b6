/// How and on whose authority an unclaimed item left the desk (design: each disposal is
/// recorded with who authorised it).
public struct LostItemDisposal: Equatable, Sendable {
    public var method: DisposalMethod
    /// The reason, or who received it (police station, charity, bank).
    public var note: String
    /// False when it left before its retention period ran out.
    public var expired: Bool
    public var disposedAt: Int64
    /// The shift lead who authorised it.
    public var authorisedBy: OperatorID

    init(method: DisposalMethod, note: String, expired: Bool, disposedAt: Int64, authorisedBy: OperatorID) {
        self.method = method; self.note = note; self.expired = expired; self.disposedAt = disposedAt
        self.authorisedBy = authorisedBy
    }

}

extension LostItemDisposal: SnapshotCoding {
    /// Every stored field, in declaration order.
    public func encode(to e: inout SnapshotEncoder) {
        e.value(method)
        e.string(note)
        e.bool(expired)
        e.int(disposedAt)
        e.value(authorisedBy)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let method = try d.value(DisposalMethod.self)
        let note = try d.string()
        let expired = try d.bool()
        let disposedAt = try d.int()
        let authorisedBy = try d.value(OperatorID.self)
        self.init(method: method, note: note, expired: expired, disposedAt: disposedAt, authorisedBy: authorisedBy)
    }
}
