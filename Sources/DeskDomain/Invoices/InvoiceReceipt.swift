/// One shop receipt on an invoice: the receipt's number and its amount.
public struct InvoiceReceipt: Hashable, Sendable {
    public var number: String
    public var amount: Money

    public init(number: String, amount: Money) { self.number = number; self.amount = amount }

    /// As it stands in an `invoice.issued` event's `receipts`.
    var eventBody: JSONValue { ["number": .string(number), "amountFen": .int(amount.fen)] }

    /// The key a receipt is known by, so the same paper typed twice is recognised: spaces
    /// dropped, full-width letters and digits made half-width, letters in capitals.
    static func key(shop: String, number: String) -> String {
        key(normalizedShop: normalize(shop), number: number)
    }

    /// The key, with the shop's part already normalised (an invoice's receipts share it).
    static func key(normalizedShop shop: String, number: String) -> String {
        shop + "\n" + normalize(number)
    }

    static func normalize(_ text: String) -> String {
        // Most receipt numbers are already plain: upper-case ASCII letters and digits.
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x61 || ($0 > 0x7A && $0 < 0x80) }) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == " " || s == "\u{3000}" || s == "\t" { continue }
            var v = s.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            if v >= 0x61 && v <= 0x7A { v -= 0x20 }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out)
    }
}

extension InvoiceReceipt: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.string(number); e.value(amount) }
    public init(from d: inout SnapshotDecoder) throws { self.init(number: try d.string(), amount: try d.value()) }
}
