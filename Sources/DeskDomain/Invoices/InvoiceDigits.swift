/// Arithmetic on invoice numbers kept as fixed-length digit strings (up to 20 digits, more
/// than an `Int64` holds), so leading zeros survive.
enum InvoiceDigits {
    /// True when the text is `min...max` ASCII digits.
    static func isDigits(_ s: String, min: Int, max: Int) -> Bool {
        (min...max).contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `s + n` with the same number of digits; nil when it would need more.
    static func add(_ s: String, _ n: Int) -> String? {
        precondition(n >= 0)
        var digits = Array(s.utf8).map { Int($0) - 48 }
        var carry = n
        var i = digits.count - 1
        while carry > 0 {
            guard i >= 0 else { return nil }
            let v = digits[i] + carry
            digits[i] = v % 10
            carry = v / 10
            i -= 1
        }
        return String(decoding: digits.map { UInt8($0 + 48) }, as: UTF8.self)
    }

    /// `b - a` for digit strings of one length with `a <= b`, or nil when it exceeds `limit`.
    static func distance(from a: String, to b: String, limit: Int) -> Int? {
        let x = Array(a.utf8).map { Int($0) - 48 }
        let y = Array(b.utf8).map { Int($0) - 48 }
        precondition(x.count == y.count)
        var result = [Int](repeating: 0, count: x.count)
        var borrow = 0
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            var v = y[i] - x[i] - borrow
            borrow = v < 0 ? 1 : 0
            if v < 0 { v += 10 }
            result[i] = v
        }
        precondition(borrow == 0, "distance(from:to:) needs a <= b")
        var value = 0
        for d in result {
            if value > limit { return nil }
            value = value * 10 + d
        }
        return value > limit ? nil : value
    }
}
