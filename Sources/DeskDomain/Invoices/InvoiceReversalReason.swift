/// Why a red-letter invoice reverses an original, by the tax office's reason codes.
public enum InvoiceReversalReason: String, Sendable, CaseIterable {
    case issuingError = "01"
    case goodsReturned = "02"
    case serviceStopped = "03"
    case allowance = "04"

    /// Reads what a clerk typed: `01`…`04`, also `1`…`4`.
    public init?(code text: String) {
        let t = text.trimmingSpaces()
        guard let v = InvoiceReversalReason(rawValue: t.count == 1 ? "0" + t : t) else { return nil }
        self = v
    }

    public func name(_ l: Language) -> String {
        switch self {
        case .issuingError: return l.pick("开票有误", "issuing error")
        case .goodsReturned: return l.pick("销货退回", "goods returned")
        case .serviceStopped: return l.pick("服务中止", "service stopped")
        case .allowance: return l.pick("销售折让", "allowance")
        }
    }
}
