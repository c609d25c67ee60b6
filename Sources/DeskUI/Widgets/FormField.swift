import DeskDomain

/// One field of a form: its name (the domain form's field, so a refusal can point at it),
/// its label, what may be typed into it, and what has been.
public struct FormField: Equatable, Sendable {
    /// What a field accepts; characters that cannot belong are refused as they are typed.
    public enum Kind: Equatable, Sendable {
        case text
        case money
        case digits
        case phone
        case idNumber
        case date
        case pin
        case choice([Choice])
        case toggle
    }

    /// One option of a choice field.
    public struct Choice: Equatable, Sendable {
        public var value: String
        public var zh: String
        public var en: String
        public init(_ value: String, _ zh: String, _ en: String) { self.value = value; self.zh = zh; self.en = en }
        public func label(_ l: Language) -> String { l.pick(zh, en) }
    }

    public var id: String
    public var zh: String
    public var en: String
    public var kind: Kind
    public var editor: LineEditor
    public var choiceIndex = 0
    public var checked = false
    public var required: Bool

    public init(_ id: String, _ zh: String, _ en: String, kind: Kind = .text, value: String = "", limit: Int = 60,
                required: Bool = false) {
        self.id = id; self.zh = zh; self.en = en; self.kind = kind; self.required = required
        editor = LineEditor(value, limit: limit)
    }

    public func label(_ l: Language) -> String { l.pick(zh, en) }

    /// The value as the domain form wants it.
    public var value: String {
        switch kind {
        case .choice(let options): return options.isEmpty ? "" : options[choiceIndex].value
        case .toggle: return checked ? "yes" : ""
        default: return editor.text
        }
    }

    public var isToggleOrChoice: Bool {
        switch kind { case .choice, .toggle: return true; default: return false }
    }

    /// Whether a typed character can belong in this field (a clear "no" on the spot beats
    /// a refusal after Enter).
    public func accepts(_ c: Character) -> Bool {
        if c.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7f && $0.value < 0xa0) }) { return false }
        if c.unicodeScalars.contains(where: FieldCheck.isHiddenFormatting) { return false }
        switch kind {
        case .text: return true
        case .money: return (c.isASCII && c.isNumber) || c == "." || c == "¥" || c == "￥"
        case .digits, .pin: return c.isASCII && c.isNumber
        case .phone: return (c.isASCII && c.isNumber) || c == "-"
        case .idNumber: return (c.isASCII && c.isNumber) || c == "X" || c == "x"
        case .date: return (c.isASCII && c.isNumber) || c == "-"
        case .choice, .toggle: return false
        }
    }

    /// The text shown in the field.
    public func display(_ l: Language) -> String {
        switch kind {
        case .choice(let options): return options.isEmpty ? "" : "‹ " + options[choiceIndex].label(l) + " ›"
        case .toggle: return checked ? "[x]" : "[ ]"
        default: return editor.text
        }
    }
}
