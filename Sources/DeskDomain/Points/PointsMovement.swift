/// One line of a card's history: what changed its points (or its status), when, by whom.
///
/// A card keeps its latest ``PointsState/historyLength`` movements, so the clerk can
/// answer "where did my points go?" without the state growing with every event.
public struct PointsMovement: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case enrolled, earned, redeemed, adjusted, reportedLost, reissued

        public func name(_ l: Language) -> String {
            switch self {
            case .enrolled: return l.pick("办卡", "enrolled")
            case .earned: return l.pick("积分", "earned")
            case .redeemed: return l.pick("兑换", "redeemed")
            case .adjusted: return l.pick("调整", "adjusted")
            case .reportedLost: return l.pick("挂失", "reported lost")
            case .reissued: return l.pick("补办", "reissued")
            }
        }
    }

    public var kind: Kind
    /// Points added (positive) or taken off (negative); 0 for status changes.
    public var points: Int64
    /// The balance right after.
    public var balance: Int64
    /// The receipt (shop and number), the purpose of a redemption, the reason of an
    /// adjustment, or the cards of a reissue.
    public var detail: String
    public var at: Int64
    /// Year and seq of the event.
    public var year: Int
    public var seq: Int64
    public var by: OperatorID

    public init(kind: Kind, points: Int64, balance: Int64, detail: String, at: Int64, year: Int, seq: Int64, by: OperatorID) {
        self.kind = kind; self.points = points; self.balance = balance; self.detail = detail
        self.at = at; self.year = year; self.seq = seq; self.by = by
    }

}
