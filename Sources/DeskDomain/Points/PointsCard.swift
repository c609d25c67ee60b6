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

}

extension PointsCard: TableKeyed {
    public var tableKey: String { number }
}
