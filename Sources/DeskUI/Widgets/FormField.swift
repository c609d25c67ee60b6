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
        /// The label's pinyin, syllables apart (`yin hang ka`), so `yinhangka` or `yhk` picks
        /// 银行卡 on a keyboard without a Chinese input method.
        public var pinyin: String
        public init(_ value: String, _ zh: String, _ en: String, pinyin: String = "") {
            self.value = value; self.zh = zh; self.en = en; self.pinyin = pinyin
        }
        public func label(_ l: Language) -> String { l.pick(zh, en) }

        /// Whether what was typed names this choice: the start of its English or Chinese
        /// label, of its pinyin, or of its value.
        func answers(_ typed: String) -> Bool {
            let t = typed.lowercased()
            guard !t.isEmpty, !value.isEmpty else { return false }   // "(choose one)" is not an answer
            let syllables = pinyin.split(separator: " ")
            let joined = syllables.joined(), initials = String(syllables.compactMap(\.first))
            return en.lowercased().hasPrefix(t) || zh.hasPrefix(typed) || value.lowercased().hasPrefix(t)
                || (!joined.isEmpty && (joined.hasPrefix(t) || initials.hasPrefix(t)))
        }
    }

    public var id: String
    public var zh: String
    public var en: String
    public var kind: Kind
    public var editor: LineEditor
    public var choiceIndex = 0
    public var checked = false
    public var required: Bool
    /// Whether the value was put there by the form (a free unit, today's date) and not yet
    /// touched: the first key typed replaces it, and it is made again when the books move.
    public var isUntouchedPrefill: Bool
    /// What has been typed into a choice field so far (`b`, `ba`: bag).
    public var choiceTyped = ""

    public init(_ id: String, _ zh: String, _ en: String, kind: Kind = .text, value: String = "", limit: Int = 60,
                required: Bool = false) {
        self.id = id; self.zh = zh; self.en = en; self.kind = kind; self.required = required
        editor = LineEditor(value, limit: limit)
        isUntouchedPrefill = !value.isEmpty
    }

    /// Picks the choice that `c` (added to what was typed before) answers: a digit by its
    /// place (1 is the first), else a label's or its pinyin's start. False when none does.
    mutating func choose(typing c: Character) -> Bool {
        guard case .choice(let options) = kind, !options.isEmpty else { return false }
        // Digits number the real options ("(choose one)" has none).
        let numbered = options.indices.filter { !options[$0].value.isEmpty }
        if c.isASCII, let d = c.wholeNumberValue {
            guard d >= 1, d <= numbered.count else { return false }
            choiceIndex = numbered[d - 1]
            choiceTyped = ""
            return true
        }
        for typed in [choiceTyped + String(c), String(c)] {
            if let i = options.firstIndex(where: { $0.answers(typed) }) {
                choiceIndex = i
                choiceTyped = typed
                return true
            }
        }
        return false
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
