/// Who took an item home: the claim ledger entry the claimant signs (manual §5.2.14).
///
/// The ID number itself is never kept: only its masked form, to show, and a keyed hash,
/// to recognise the same document again.
public struct LostItemClaim: Equatable, Sendable {
    public var claimant: String
    public var idMasked: String
    public var idHash: String
    public var phoneMasked: String
    public var note: String
    /// The lost report closed by this claim, if any.
    public var reportID: String?
    public var claimedAt: Int64
    /// The releasing clerk.
    public var releasedBy: OperatorID

    init(claimant: String, idMasked: String, idHash: String, phoneMasked: String, note: String, reportID: String?,
         claimedAt: Int64, releasedBy: OperatorID) {
        self.claimant = claimant; self.idMasked = idMasked; self.idHash = idHash; self.phoneMasked = phoneMasked
        self.note = note; self.reportID = reportID; self.claimedAt = claimedAt; self.releasedBy = releasedBy
    }

}

extension LostItemClaim: SnapshotCoding {
    /// Every stored field, in declaration order: the masked ID and its hash, never
    /// the ID number.
    public func encode(to e: inout SnapshotEncoder) {
        e.string(claimant)
        e.string(idMasked)
        e.string(idHash)
        e.string(phoneMasked)
        e.string(note)
        e.optional(reportID)
        e.int(claimedAt)
        e.value(releasedBy)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let claimant = try d.string()
        let idMasked = try d.string()
        let idHash = try d.string()
        let phoneMasked = try d.string()
        let note = try d.string()
        let reportID = try d.optionalString()
        let claimedAt = try d.int()
        let releasedBy = try d.value(OperatorID.self)
        self.init(claimant: claimant, idMasked: idMasked, idHash: idHash, phoneMasked: phoneMasked, note: note,
                  reportID: reportID, claimedAt: claimedAt, releasedBy: releasedBy)
    }
}
