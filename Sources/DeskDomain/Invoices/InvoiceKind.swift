/// Paper or electronic: the two kinds of invoice the desk issues, each with its own
/// number ranges and its own rules for correcting a mistake (only paper can be voided).
public enum InvoiceKind: String, Sendable, CaseIterable {
    case paper, electronic

    public func name(_ l: Language) -> String {
        switch self {
        case .paper: return l.pick("纸质发票", "paper invoice")
        case .electronic: return l.pick("电子发票", "electronic invoice")
        }
    }
}
