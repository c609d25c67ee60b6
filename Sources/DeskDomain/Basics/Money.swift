/// An amount of money in integer fen (1/100 CNY).
///
/// Money is never floating point: a desk that adds deposits and refunds all day must end
/// on the exact fen. Clerk input is parsed with ``Money/parse(_:)``, which refuses anything
/// a till would not accept.
///
///     try Money.parse("50")      // ¥50.00
///     try Money.parse("¥12.5")   // ¥12.50
///     Money(fen: 5000).description  // "¥50.00"
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in fen.
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// Whole yuan, e.g. `Money(yuan: 50)` is ¥50.00.
    public init(yuan: Int64) { self.fen = yuan * 100 }

    public static let zero = Money(fen: 0)

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func += (a: inout Money, b: Money) { a.fen += b.fen }
    public static func -= (a: inout Money, b: Money) { a.fen -= b.fen }
    public static prefix func - (a: Money) -> Money { Money(fen: -a.fen) }

    /// `¥50.00`, or `-¥3.50` for a negative amount.
    public var description: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        return "\(sign)¥\(yuan).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// The amount without the currency sign, e.g. `50.00` (for CSV and forms).
    public var plain: String {
        String(description.replacingOccurrences(of: "¥", with: ""))
    }

    /// The largest amount the desk accepts in one entry (¥10,000,000.00).
    public static let maximum = Money(fen: 1_000_000_000)

    /// Parses what a clerk types: `50`, `50.5`, `50.50`, `¥50.00`, `￥50`.
    ///
    /// Refuses negative amounts, exponents, more than two decimals, thousands separators
    /// and anything that is not a plain number, with a message the clerk can act on.
    public static func parse(_ text: String) throws(MoneyError) -> Money {
        var s = Substring(text.trimmingSpaces())
        if s.first == "¥" || s.first == "￥" { s = s.dropFirst() }
        s = Substring(String(s).trimmingSpaces())
        guard !s.isEmpty else { throw .empty }
        if s.first == "-" { throw .negative }
        var yuan: Int64 = 0
        var cents: Int64 = 0
        var decimals = 0
        var sawPoint = false
        var digits = 0
        for ch in s.utf8 {
            switch ch {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let d = Int64(ch - UInt8(ascii: "0"))
                if sawPoint {
                    decimals += 1
                    if decimals > 2 { throw .tooManyDecimals }
                    cents = cents * 10 + d
                } else {
                    digits += 1
                    yuan = yuan * 10 + d
                    if yuan > maximum.fen / 100 { throw .tooLarge }
                }
            case UInt8(ascii: "."):
                if sawPoint { throw .notANumber(FieldCheck.echo(text)) }
                sawPoint = true
            default:
                throw .notANumber(FieldCheck.echo(text))
            }
        }
        if digits == 0 { throw .notANumber(FieldCheck.echo(text)) }
        if decimals == 1 { cents *= 10 }
        let amount = Money(fen: yuan * 100 + cents)
        if amount > maximum { throw .tooLarge }
        return amount
    }
}

/// Why a typed amount was refused.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case negative
    case tooManyDecimals
    case tooLarge
    case notANumber(String)

    public var description: String {
        switch self {
        case .empty: return "Enter an amount, e.g. 50 or 12.50."
        case .negative: return "The amount cannot be negative."
        case .tooManyDecimals: return "Use at most two decimals (fen), e.g. 12.50."
        case .tooLarge: return "The amount is larger than the desk accepts (¥10,000,000.00)."
        case .notANumber(let s): return "\"\(s)\" is not an amount; type digits like 50 or 12.50."
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (ASCII and the
    /// ideographic space a Chinese input method may type).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        var s = Substring(self)
        while let f = s.first, isSpace(f) { s = s.dropFirst() }
        while let l = s.last, isSpace(l) { s = s.dropLast() }
        return String(s)
    }
}

extension Money: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.int(fen) }
    public init(from d: inout SnapshotDecoder) throws { self.init(fen: try d.int()) }
}
