/// Refusals of a lead's approval typed into a clerk's form (``OperatorDesk/approve(_:leadID:pin:)``).
public enum ApprovalError: DeskFailure, Equatable {
    /// The login check refused the lead's id and PIN (wrong, unknown or locked): its own
    /// message, at the lead's PIN field.
    case login(OperatorError)
    /// Authenticated, but not an active shift lead (a clerk, an auditor, or disabled).
    case notActiveLead(String)
    /// A lead's approval is someone else's: one's own is no approval.
    case ownApproval

    /// The approval's form fields.
    public static let leadIDField = "leadID"
    public static let leadPINField = "leadPIN"

    public var field: String? {
        switch self {
        case .login(.badID): return Self.leadIDField
        case .login: return Self.leadPINField
        case .notActiveLead, .ownApproval: return Self.leadIDField
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case .login(let e): return e.message(l)
        case .notActiveLead(let id):
            return l.pick("\(id) 不是在岗的值班主管，不能批准。请由值班主管输入自己的工号和密码。",
                          "\(id) is not an active shift lead and cannot approve; the shift lead types their own id and PIN.")
        case .ownApproval:
            return l.pick("不能自己批准自己，请由另一位值班主管批准。", "You cannot approve your own action; ask another shift lead.")
        }
    }
}
