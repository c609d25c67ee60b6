/// One points card as the desk knows it: whose it is, its balance, whether it may be used.
///
/// Holds only the masked ID number and its keyed hash (to recognise the holder again),
/// and the masked phone; never the full numbers.
public struct PointsCard: Equatable, Sendable {
    /// Whether a card may earn and redeem points.
    public enum Status: String, Sendable, CaseIterable {
        /// In use.
        case active
        /// Reported lost: blocked until it is reissued.
        case lost
        /// Replaced by a reissued card: blocked for good.
        case replaced

        public var isBlocked: Bool { self != .active }

        public func name(_ l: Language) -> String {
            switch self {
            case .active: return l.pick("正常", "active")
            case .lost: return l.pick("已挂失", "reported lost")
            case .replaced: return l.pick("已补办换卡", "replaced")
            }
        }
    }

    /// The number printed on the card, e.g. `PC00012345`.
    public var number: String
    public var holderName: String
    public var phoneMasked: String
    public var idMasked: String
    /// `PersonalDataKey.hash` of the holder's resident ID number.
    public var idHash: String
    /// The number of the paper application form kept on file.
    public var formNumber: String
    public var status: Status
    public var balance: Int64
    /// When this card was handed out (enrolment or reissue).
    public var issuedAt: Int64
    /// Year and seq of the event that created this card.
    public var issuedYear: Int
    public var issuedSeq: Int64
    public var issuedBy: OperatorID
    /// When the holder first enrolled (kept across reissues).
    public var memberSince: Int64
    /// The card this one replaced, if it is a reissue.
    public var replaces: String?
    /// The card that replaced this one.
    public var replacedBy: String?
    /// The latest movements, oldest first (at most ``PointsState/historyLength``); on a
    /// reissue they move to the new card.
    public var history: [PointsMovement]

    public init(number: String, holderName: String, phoneMasked: String, idMasked: String, idHash: String,
                formNumber: String, status: Status = .active, balance: Int64 = 0, issuedAt: Int64, issuedYear: Int,
                issuedSeq: Int64, issuedBy: OperatorID, memberSince: Int64, replaces: String? = nil,
                replacedBy: String? = nil, history: [PointsMovement] = []) {
        self.number = number; self.holderName = holderName; self.phoneMasked = phoneMasked; self.idMasked = idMasked
        self.idHash = idHash; self.formNumber = formNumber; self.status = status; self.balance = balance
        self.issuedAt = issuedAt; self.issuedYear = issuedYear; self.issuedSeq = issuedSeq; self.issuedBy = issuedBy
        self.memberSince = memberSince; self.replaces = replaces; self.replacedBy = replacedBy; self.history = history
    }

    func snapshot() -> JSONValue {
        var o: JSONObject = ["number": .string(number), "name": .string(holderName), "phone": .string(phoneMasked),
                             "idMasked": .string(idMasked), "idHash": .string(idHash), "formNumber": .string(formNumber),
                             "status": .string(status.rawValue), "balance": .int(balance), "issuedAt": .int(issuedAt),
                             "issuedYear": .int(Int64(issuedYear)), "issuedSeq": .int(issuedSeq),
                             "issuedBy": .string(issuedBy.rawValue), "memberSince": .int(memberSince),
                             "history": .array(history.map { $0.snapshot() })]
        if let replaces { o["replaces"] = .string(replaces) }
        if let replacedBy { o["replacedBy"] = .string(replacedBy) }
        return .object(o)
    }

    init(snapshot v: JSONValue) throws {
        let o = try SnapshotReader(v)
        guard let status = Status(rawValue: try o.string("status")) else { throw SnapshotDecodingError("status is unknown") }
        self.init(number: try o.string("number"), holderName: try o.string("name"), phoneMasked: try o.string("phone"),
                  idMasked: try o.string("idMasked"), idHash: try o.string("idHash"), formNumber: try o.string("formNumber"),
                  status: status, balance: try o.int("balance"), issuedAt: try o.int("issuedAt"),
                  issuedYear: Int(try o.int("issuedYear")), issuedSeq: try o.int("issuedSeq"),
                  issuedBy: try o.operatorID("issuedBy"), memberSince: try o.int("memberSince"),
                  replaces: o.optionalString("replaces"), replacedBy: o.optionalString("replacedBy"),
                  history: try o.array("history").map(PointsMovement.init(snapshot:)))
    }
}
