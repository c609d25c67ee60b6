import DeskDomain

/// A form in hand: its fields, which one has the cursor, and the refusal being shown.
///
/// A refused submit keeps every value and moves the cursor to the field at fault.
public struct FormState: Equatable, Sendable {
    public var zh: String
    public var en: String
    public var fields: [FormField]
    public var focus = 0
    /// The field the last refusal named, shown highlighted.
    public var faultField: String?
    /// A line shown above the fields (e.g. what to tell the customer).
    public var noteZh = ""
    public var noteEn = ""
    /// How far a long note (a form with no fields, e.g. the FAQ) is scrolled.
    public var noteScroll = 0
    /// Why the last key typed was not taken (nil when it was), for the status line.
    public var typingRefusal: TypingRefusal?

    public init(_ zh: String, _ en: String, fields: [FormField], noteZh: String = "", noteEn: String = "") {
        self.zh = zh; self.en = en; self.fields = fields; self.noteZh = noteZh; self.noteEn = noteEn
    }

    public func title(_ l: Language) -> String { l.pick(zh, en) }

    /// The value of a field by id ("" when there is no such field).
    public subscript(_ id: String) -> String { fields.first { $0.id == id }?.value ?? "" }

    public func isChecked(_ id: String) -> Bool { fields.first { $0.id == id }?.checked ?? false }

    /// True when anything was typed or chosen (quitting then asks first).
    public var hasInput: Bool {
        fields.contains { !$0.editor.isEmpty || $0.checked || $0.choiceIndex != 0 }
    }

    public mutating func set(_ id: String, _ value: String) {
        if let i = fields.firstIndex(where: { $0.id == id }) { fields[i].editor.set(value) }
    }

    /// Puts the cursor on the field a refusal named (`receipts[0].number` matches a field
    /// `receipts[0].number` or, failing that, `receipts`).
    public mutating func focus(onFault field: String?) {
        faultField = field
        guard let field else { return }
        if let i = fields.firstIndex(where: { $0.id == field }) { focus = i; return }
        let base = String(field.prefix { $0 != "[" && $0 != "." })
        if let i = fields.firstIndex(where: { $0.id == base || $0.id.hasPrefix(base) }) { focus = i }
    }

    /// Puts the cursor on the first field the form did not fill in (the forms put what the
    /// clerk types first, and what they fill in or is optional after).
    public mutating func focusFirstToType() {
        focus = fields.firstIndex { !$0.isUntouchedPrefill } ?? 0
    }

    /// Handles a key meant for the form; returns true when it was used.
    public mutating func handle(_ key: Key) -> Bool {
        typingRefusal = nil
        guard !fields.isEmpty else {
            switch key {
            case .down: noteScroll += 1
            case .up: noteScroll = max(0, noteScroll - 1)
            case .pageDown: noteScroll += 10
            case .pageUp: noteScroll = max(0, noteScroll - 10)
            case .home: noteScroll = 0
            default: return false
            }
            return true
        }
        switch key {
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .character(let c):
            var f = fields[focus]
            switch f.kind {
            case .toggle where c == " ": f.checked.toggle()
            case .toggle where "yYxX1是".contains(c): f.checked = true
            case .toggle where "nN0否".contains(c): f.checked = false
            case .choice(let options) where c == " " && !options.isEmpty:
                f.choiceIndex = (f.choiceIndex + 1) % options.count
                f.choiceTyped = ""
            case .choice(let options):
                guard f.choose(typing: c) else {
                    let real = options.filter { !$0.value.isEmpty }
                    typingRefusal = .noSuchChoice(real.map(\.zh), real.map(\.en))
                    return true
                }
            default:
                guard f.accepts(c) else {
                    let control = c.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7f && $0.value < 0xa0) }
                    let hidden = c.unicodeScalars.contains(where: FieldCheck.isHiddenFormatting)
                    typingRefusal = control ? .unprintable : hidden ? .hiddenFormatting : .wrongKind(f.kind)
                    return true
                }
                // The first key typed into a value the form filled in replaces it.
                if f.isUntouchedPrefill { f.editor.clear() }
                if !f.editor.insert(f.kind == .idNumber && c == "x" ? "X" : c) { typingRefusal = .full(limit: f.editor.limit) }
            }
            f.isUntouchedPrefill = false
            fields[focus] = f
        case .left:
            if case .choice(let options) = fields[focus].kind, !options.isEmpty {
                fields[focus].choiceIndex = (fields[focus].choiceIndex + options.count - 1) % options.count
            } else { fields[focus].editor.left() }
        case .right:
            if case .choice(let options) = fields[focus].kind, !options.isEmpty {
                fields[focus].choiceIndex = (fields[focus].choiceIndex + 1) % options.count
            } else { fields[focus].editor.right() }
        case .backspace: fields[focus].editor.backspace(); fields[focus].isUntouchedPrefill = false
        case .delete: fields[focus].editor.deleteForward(); fields[focus].isUntouchedPrefill = false
        case .home: fields[focus].editor.home(); fields[focus].isUntouchedPrefill = false
        case .end: fields[focus].editor.end(); fields[focus].isUntouchedPrefill = false
        default: return false
        }
        if case .character = key { faultField = faultField == fields[focus].id ? nil : faultField }
        return true
    }
}
