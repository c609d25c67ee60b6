/// The paid business services of the desk (manual §5.2.15): the fee is stated first, then
/// a receipt is given.
public enum PaidServiceKind: String, CaseIterable, Sendable, Codable {
    case giftWrap = "gift-wrap"
    case fax
    case photocopy
    case typing

    /// The key under `[services]` in config.toml.
    public var configKey: String {
        switch self {
        case .giftWrap: return "gift_wrap"
        case .fax: return "fax"
        case .photocopy: return "photocopy"
        case .typing: return "typing"
        }
    }

    public func name(_ l: Language) -> String {
        switch self {
        case .giftWrap: return l.pick("礼品包装", "gift wrapping")
        case .fax: return l.pick("传真", "fax")
        case .photocopy: return l.pick("复印", "photocopy")
        case .typing: return l.pick("打字", "typing")
        }
    }
}
