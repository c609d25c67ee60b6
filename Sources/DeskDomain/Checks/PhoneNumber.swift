/// A customer's phone number: checked, and shown masked everywhere.
///
/// Mobiles are 11 digits starting with 1; landlines 7 to 12 digits with optional `-`.
/// Only the masked form (`138****5678`) goes into the ledger.
public struct PhoneNumber: Hashable, Sendable {
    public let digits: String

    public init(_ text: String) throws(PhoneError) {
        let t = text.trimmingSpaces()
        var digits = ""
        var dashes = 0
        for c in t {
            if c.isASCII, c.isNumber { digits.append(c) } else if c == "-" { dashes += 1 } else { throw .invalid }
        }
        if dashes == 0 && digits.first == "1" {
            guard digits.count == 11 else { throw .invalid }   // a mobile
        } else {
            guard (7...12).contains(digits.count), dashes <= 2, t.first != "-", t.last != "-" else { throw .invalid }
        }
        self.digits = digits
    }

    /// `138****5678`: the first three and last four digits.
    public var masked: String { ResidentID.mask(digits, keepFirst: 3, keepLast: 4) }
}

/// Why a phone number was refused.
public enum PhoneError: Error, Equatable, Sendable {
    case invalid
}
