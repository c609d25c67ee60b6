/// How an unclaimed item left the desk's keeping (design: "dispose of items unclaimed after a
/// retention period"); each is recorded with the lead who authorised it.
public enum DisposalMethod: String, CaseIterable, Sendable {
    /// Handed to the police (the usual way for ID documents and unclaimed valuables).
    case police
    /// Given to a charity.
    case donation
    /// Destroyed (perishables, worthless items).
    case destroyed
    /// Returned to the bank or authority that issued it (bank cards, some documents).
    case returnedToIssuer

    public func name(_ l: Language) -> String {
        switch self {
        case .police: return l.pick("交公安机关", "handed to the police")
        case .donation: return l.pick("捐赠", "donated")
        case .destroyed: return l.pick("销毁", "destroyed")
        case .returnedToIssuer: return l.pick("退回发证/发卡机构", "returned to the issuer")
        }
    }
}

extension DisposalMethod: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.raw(self) }
    public init(from d: inout SnapshotDecoder) throws { self = try d.raw(Self.self) }
}
