/// Refusals shared by every desk service: roles and the shape of what was typed.
public enum CommonError: DeskFailure, Equatable {
    /// The operator's role may not do this.
    case notAllowed(action: DeskAction, role: Role)
    /// A required field is empty.
    case required(field: String)
    /// A field is longer than the desk keeps.
    case tooLong(field: String, max: Int)
    /// A field holds control characters (or other text that cannot be printed).
    case unprintable(field: String)
    /// A field holds a bidirectional control or a zero-width character.
    case hiddenFormatting(field: String)
    /// A free-text field holds what looks like a resident ID or phone number.
    case personalNumber(field: String, kind: PersonalNumberScan.Kind)
    /// A whole number was expected.
    case notANumber(field: String, text: String)
    /// A number outside what the field allows.
    case outOfRange(field: String, min: Int64, max: Int64)
    /// An amount of money that was refused.
    case badAmount(field: String, reason: MoneyError)
    /// A date that is not YYYY-MM-DD or not a real day.
    case badDate(field: String, text: String)
    /// A phone number that is not one.
    case badPhone(field: String)
    /// A resident ID number that fails its checks.
    case badResidentID(field: String, reason: ResidentIDError)
    /// A unified social credit code that fails its checks.
    case badCreditCode(field: String, reason: CreditCodeError)

    /// A clerk refused a lead's action: a lead's approval in place lets it through (an
    /// auditor's refusal stays one).
    public var needsLead: Bool {
        if case .notAllowed(_, .clerk) = self { return true }
        return false
    }

    public var field: String? {
        switch self {
        case .notAllowed: return nil
        case .required(let f), .tooLong(let f, _), .unprintable(let f), .hiddenFormatting(let f), .personalNumber(let f, _), .notANumber(let f, _), .outOfRange(let f, _, _),
             .badAmount(let f, _), .badDate(let f, _), .badPhone(let f), .badResidentID(let f, _), .badCreditCode(let f, _):
            return f
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .notAllowed(action, role):
            return l.pick("\(role.name(l))无权\(action.name(l))，请值班主管办理。",
                          "\(role.name(l, article: true)) may not \(action.name(l)); ask the shift lead.")
        case .required: return l.pick("此项必填。", "This field is required.")
        case let .tooLong(_, max): return l.pick("太长了，最多 \(max) 个字。", "Too long: at most \(max) characters.")
        case .unprintable: return l.pick("含有不能打印的字符。", "Contains characters that cannot be printed.")
        case .hiddenFormatting:
            return l.pick("含有看不见的排版字符（零宽或文字方向控制符），请删掉重新输入。",
                          "Contains invisible formatting (a zero-width or text-direction character); delete it and type again.")
        case .personalNumber(_, .residentID):
            return l.pick("这里不能写身份证号：证件号请填在证件号一栏（那里只存遮挡后的号码）。",
                          "Do not type an ID number here: use the ID number field (it keeps only a masked form).")
        case .personalNumber(_, .phone):
            return l.pick("这里不能写电话号码：电话请填在电话一栏（那里加密、遮挡保存）。",
                          "Do not type a phone number here: use the phone field (it is kept masked).")
        case let .notANumber(_, text): return l.pick("“\(text)”不是整数。", "\"\(text)\" is not a whole number.")
        case let .outOfRange(_, min, max): return l.pick("应在 \(min) 到 \(max) 之间。", "Must be between \(min) and \(max).")
        case let .badAmount(_, reason): return reason.message(l)
        case let .badDate(_, text): return l.pick("“\(text)”不是日期，请按 2026-03-01 的格式输入。", "\"\(text)\" is not a date; type it like 2026-03-01.")
        case .badPhone: return l.pick("电话号码不对：手机 11 位（1 开头），座机 7–12 位数字，可带 - 。", "Not a phone number: a mobile has 11 digits starting with 1; a landline 7–12 digits, '-' allowed.")
        case let .badResidentID(_, reason): return reason.message(l)
        case let .badCreditCode(_, reason): return reason.message(l)
        }
    }
}

extension MoneyError {
    public func message(_ l: Language) -> String {
        switch self {
        case .empty: return l.pick("请输入金额，例如 50 或 12.50。", "Enter an amount, e.g. 50 or 12.50.")
        case .negative: return l.pick("金额不能为负。", "The amount cannot be negative.")
        case .tooManyDecimals: return l.pick("最多两位小数（分），例如 12.50。", "Use at most two decimals (fen), e.g. 12.50.")
        case .tooLarge: return l.pick("金额超出柜台可受理的上限（¥10,000,000.00）。", "The amount is larger than the desk accepts (¥10,000,000.00).")
        case .notANumber(let s): return l.pick("“\(s)”不是金额，请输入数字，例如 50 或 12.50。", "\"\(s)\" is not an amount; type digits like 50 or 12.50.")
        }
    }
}
