/// Checks of what a clerk typed into a form field, turned into ``CommonError``s that name
/// the field.
///
///     let name = try FieldCheck.text(input.name, field: "name", max: 40)
///     let fee = try FieldCheck.money(input.fee, field: "fee")
public enum FieldCheck {
    /// Trimmed text; refuses empty (when required), too long, control characters, hidden
    /// formatting (``isHiddenFormatting(_:)``), and — unless the field holds an identifier
    /// such as a receipt number — a resident ID or phone number (``PersonalNumberScan``).
    public static func text(_ value: String, field: String, max: Int = 200, required: Bool = true,
                            identifier: Bool = false) throws(CommonError) -> String {
        let t = value.trimmingSpaces()
        if t.isEmpty {
            if required { throw .required(field: field) }
            return ""
        }
        guard t.count <= max else { throw .tooLong(field: field, max: max) }
        for s in t.unicodeScalars {
            if s.value < 0x20 || (s.value >= 0x7f && s.value < 0xa0) || s.value == 0x2028 || s.value == 0x2029 {
                throw .unprintable(field: field)
            }
            if s.properties.generalCategory == .unassigned || s.properties.generalCategory == .surrogate { throw .unprintable(field: field) }
            if isHiddenFormatting(s) { throw .hiddenFormatting(field: field) }
        }
        if !identifier, let kind = PersonalNumberScan.find(t) { throw .personalNumber(field: field, kind: kind) }
        return t
    }

    /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069) and zero-width characters
    /// (U+200B–U+200F, U+2060–U+2064, U+FEFF): invisible, they make a name or note read
    /// on screen and on paper differently from what the ledger holds and compares, so no
    /// field takes them.
    public static func isHiddenFormatting(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// Optional text: empty gives nil.
    public static func optionalText(_ value: String, field: String, max: Int = 200) throws(CommonError) -> String? {
        let t = try text(value, field: field, max: max, required: false)
        return t.isEmpty ? nil : t
    }

    /// A whole number within a range.
    public static func integer(_ value: String, field: String, min: Int64, max: Int64) throws(CommonError) -> Int64 {
        let t = value.trimmingSpaces()
        if t.isEmpty { throw .required(field: field) }
        guard t.count <= 19, t.allSatisfy({ $0.isASCII && $0.isNumber }) || (t.first == "-" && t.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) && t.count > 1),
              let v = Int64(t) else { throw .notANumber(field: field, text: echo(t)) }
        guard v >= min, v <= max else { throw .outOfRange(field: field, min: min, max: max) }
        return v
    }

    /// An amount of money.
    public static func money(_ value: String, field: String) throws(CommonError) -> Money {
        do { return try Money.parse(value) } catch { throw .badAmount(field: field, reason: error) }
    }

    /// A date typed as YYYY-MM-DD.
    public static func date(_ value: String, field: String) throws(CommonError) -> CivilTime {
        let t = value.trimmingSpaces()
        if t.isEmpty { throw .required(field: field) }
        guard let d = CivilTime.parseDate(t) else { throw .badDate(field: field, text: echo(t)) }
        return d
    }

    /// A phone number (masked form is what gets stored).
    public static func phone(_ value: String, field: String) throws(CommonError) -> PhoneNumber {
        if value.trimmingSpaces().isEmpty { throw .required(field: field) }
        do { return try PhoneNumber(value) } catch { throw .badPhone(field: field) }
    }

    /// A resident ID number, whose birth date is not after `today`.
    public static func residentID(_ value: String, field: String, today: CivilTime) throws(CommonError) -> ResidentID {
        if value.trimmingSpaces().isEmpty { throw .required(field: field) }
        do { return try ResidentID(value, today: today) } catch { throw .badResidentID(field: field, reason: error) }
    }

    /// A unified social credit code; `allowFailedCheck` only for a lead's override.
    public static func creditCode(_ value: String, field: String, allowFailedCheck: Bool = false) throws(CommonError) -> CreditCode {
        if value.trimmingSpaces().isEmpty { throw .required(field: field) }
        do { return try CreditCode(value, allowFailedCheck: allowFailedCheck) } catch { throw .badCreditCode(field: field, reason: error) }
    }

    /// What was typed, fit to quote in a refusal: at most `max` characters (then "…"), and
    /// control characters shown as "�", so a pasted escape sequence cannot reach the
    /// terminal or the log through the message.
    public static func echo(_ text: String, max: Int = 20) -> String {
        var out = ""
        for ch in text.prefix(max) {
            let bad = ch.unicodeScalars.contains {
                $0.value < 0x20 || ($0.value >= 0x7f && $0.value < 0xa0) || $0.value == 0x2028 || $0.value == 0x2029
                    || isHiddenFormatting($0)
            }
            out.append(bad ? "\u{FFFD}" : ch)
        }
        return text.count > max ? out + "…" : out
    }
}
