/// Finds a personal number typed into free text: a resident ID number or a phone number.
///
/// Free text (features, notes, reasons, descriptions) is stored as typed, unmasked and
/// unencrypted, and goes into every export; a number there escapes the masking and keyed
/// hashing the ID and phone fields give. So such text is refused, not masked: the clerk
/// is told to use the field made for it, and nothing half-hidden is recorded.
///
///     PersonalNumberScan.find("顾客电话 138 1234 5678")   // .phone
///     PersonalNumberScan.find("黑色钱包，内有会员卡")      // nil
///
/// Digits are ASCII or full-width; one space or dash between two digits keeps a run
/// going (`138-1234-5678`). A run is ID-like with 18 digits, or 17 and an X; phone-like
/// with 11 digits from 13…19 (a mobile, also after `86`), or `0` + 2–3 digits, a dash, and 7–8 digits (a
/// landline). Codes that merely look numeric (a 10-digit invoice code, an 8-digit serial)
/// pass.
public enum PersonalNumberScan {
    public enum Kind: String, Sendable, Equatable {
        case residentID, phone
    }

    public static func find(_ text: String) -> Kind? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard digit(scalars[i]) != nil else { i += 1; continue }
            var digits: [Int] = []
            var dashAfter: [Int] = []   // how many digits came before each dash
            var j = i
            while j < scalars.count {
                if let d = digit(scalars[j]) {
                    digits.append(d); j += 1
                } else if j + 1 < scalars.count, digit(scalars[j + 1]) != nil, isSeparator(scalars[j]) {
                    if scalars[j] != " " && scalars[j] != "\u{3000}" { dashAfter.append(digits.count) }
                    j += 1
                } else { break }
            }
            let x = j < scalars.count && ["X", "x", "Ｘ", "ｘ"].contains(scalars[j])
            if digits.count == 18 || (digits.count == 17 && x) { return .residentID }
            // A mobile, alone or after the country code (`+86 138…`).
            let mobile = digits.count == 13 && digits[0] == 8 && digits[1] == 6 ? Array(digits.dropFirst(2)) : digits
            if mobile.count == 11, mobile[0] == 1, mobile[1] >= 3 { return .phone }
            if digits.first == 0, let dash = dashAfter.first, dashAfter.count == 1, (3...4).contains(dash),
               (7...8).contains(digits.count - dash) { return .phone }
            i = j
        }
        return nil
    }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "-" || s == "\u{3000}" || s == "－" || s == "—"
    }
}
