/// Who the invoice is made out to: an enterprise must give its taxpayer ID, a person need not.
public enum InvoiceBuyerType: String, Sendable, CaseIterable {
    case person, enterprise

    public func name(_ l: Language) -> String {
        switch self {
        case .person: return l.pick("个人", "person")
        case .enterprise: return l.pick("企业", "enterprise")
        }
    }
}
