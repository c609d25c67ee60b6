import DeskDomain

/// Why a typed character was not taken into a field.
///
/// Refusing a key without a word looks like a dead keyboard to a clerk with a customer
/// waiting; the console says at once what the field takes instead.
public enum TypingRefusal: Equatable, Sendable {
    /// The field holds as many characters as it may.
    case full(limit: Int)
    /// A control character (from a paste, a stuck key, an escape sequence).
    case unprintable
    /// A zero-width or text-direction character (from a paste): no field takes one.
    case hiddenFormatting
    /// A character this kind of field cannot hold.
    case wrongKind(FormField.Kind)
    /// A choice field given a key that names none of its choices (their labels, both languages).
    case noSuchChoice([String], [String])

    /// The status line's words, naming the field.
    public func message(_ l: Language, field: String) -> String {
        switch self {
        case .full(let limit):
            return l.pick("“\(field)”最多 \(limit) 个字，多出的没有收下。", "\(field) holds at most \(limit) characters; the rest was not taken.")
        case .unprintable:
            return l.pick("“\(field)”不收控制字符。", "\(field) takes no control characters.")
        case .hiddenFormatting:
            return l.pick("“\(field)”不收看不见的排版字符（零宽或文字方向控制符）。",
                          "\(field) takes no invisible formatting (zero-width or text-direction characters).")
        case .noSuchChoice(let zh, let en):
            let numbered = { (labels: [String]) in labels.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "、") }
            return l.pick("“\(field)”没有这一项：输入序号、名称或拼音（\(numbered(zh))），或用 ← → 选择。",
                          "\(field) has no such choice: type its number or first letters (\(numbered(en))), or use ← →.")
        case .wrongKind(let kind):
            let (zh, en): (String, String)
            switch kind {
            case .money: (zh, en) = ("只能输入金额（数字和小数点，如 50.00）", "takes an amount only (digits and a point, e.g. 50.00)")
            case .digits, .pin: (zh, en) = ("只能输入半角数字", "takes digits 0–9 only")
            case .phone: (zh, en) = ("只能输入电话号码（半角数字和 -）", "takes a phone number only (digits and -)")
            case .idNumber: (zh, en) = ("只能输入身份证号（数字，末位可为 X）", "takes an ID number only (digits, last may be X)")
            case .date: (zh, en) = ("只能输入日期，如 2026-03-01", "takes a date only, e.g. 2026-03-01")
            case .choice: (zh, en) = ("输入序号或名称，或用 ← → 选择", "is chosen by its number or name, or with ← →")
            case .toggle: (zh, en) = ("用空格勾选", "is ticked with Space")
            case .text: (zh, en) = ("不收这个字符", "does not take that character")
            }
            return l.pick("“\(field)”\(zh)。", "\(field) \(en).")
        }
    }
}
