/// A shopping receipt that earns points, checked: the shop, its number, date and amount.
///
/// The desk keys a receipt by shop and number, normalised so that the same paper receipt
/// typed twice (other case, spaces, hyphens, full-width characters from a Chinese input
/// method) is recognised: a receipt earns points once, ever.
public struct PointsReceipt: Equatable, Sendable {
    /// As typed (trimmed), for people to read.
    public var shop: String
    public var number: String
    public var date: CivilTime
    public var amount: Money
    /// The normalised key under which it is remembered as used.
    public var key: String { Self.key(shop: shop, number: number) }

    public init(shop: String, number: String, date: CivilTime, amount: Money) {
        self.shop = shop; self.number = number; self.date = date; self.amount = amount
    }

    /// Points for the amount: whole yuan × points per yuan.
    public func points(perYuan: Int) -> Int64 { amount.fen / 100 * Int64(perYuan) }

    /// `SHOP NUMBER` with both normalised (no spaces inside either part, so the one space
    /// separates them unambiguously).
    public static func key(shop: String, number: String) -> String {
        normalize(shop) + " " + normalize(number)
    }

    /// Upper case, full-width ASCII folded to ASCII, spaces and hyphens dropped.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            var v = s.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }   // full-width ！…～ to ASCII
            guard let folded = Unicode.Scalar(v) else { continue }
            if folded.properties.isWhitespace || folded == "-" || folded == "\u{2010}" || folded == "\u{2011}" || folded == "\u{2013}"
                || folded == "\u{2014}" { continue }
            if folded.isASCII, folded.properties.isLowercase {
                out.append(Unicode.Scalar(folded.value - 32)!)
            } else {
                out.append(folded)
            }
        }
        return String(out)
    }
}
