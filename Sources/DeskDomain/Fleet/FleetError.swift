/// Refusals about umbrella and stroller units.
public enum FleetError: DeskFailure, Equatable {
    case unknownUnit(field: String, text: String)
    case notAvailable(field: String, unit: String, status: FleetState.Status)
    case notOnLoan(field: String, unit: String)
    case notDamaged(field: String, unit: String)

    public var field: String? {
        switch self {
        case .unknownUnit(let f, _), .notAvailable(let f, _, _), .notOnLoan(let f, _), .notDamaged(let f, _): return f
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .unknownUnit(_, text): return l.pick("没有编号为“\(text)”的车/伞。", "There is no unit \"\(text)\".")
        case let .notAvailable(_, unit, status): return l.pick("\(unit) 现在不可借（\(status.name(l))）。", "\(unit) cannot be lent now (\(status.name(l))).")
        case let .notOnLoan(_, unit): return l.pick("\(unit) 没有借出，不能归还。", "\(unit) is not on loan, so it cannot be returned.")
        case let .notDamaged(_, unit): return l.pick("\(unit) 没有登记损坏。", "\(unit) is not marked damaged.")
        }
    }
}
