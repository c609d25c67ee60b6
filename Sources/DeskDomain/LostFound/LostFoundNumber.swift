/// Tag and report numbers, `LF-2026-000001` and `LR-2026-000001`: a prefix, the plaza year
/// and a number counted from 1 each year.
enum LostFoundNumber {
    static let tag = "LF"
    static let report = "LR"

    static func format(prefix: String, year: Int, number: Int) -> String {
        let n = String(number)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 6 - n.count)) + n
    }

    /// The year and number of a well-formed id.
    static func parse(_ id: String, prefix: String) -> (Int, Int)? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, parts[1].count == 4, parts[2].count >= 1, parts[2].count <= 9,
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), parts[2].allSatisfy({ $0.isASCII && $0.isNumber }),
              let y = Int(parts[1]), let n = Int(parts[2]), n >= 1 else { return nil }
        return (y, n)
    }

    /// Reads what a clerk typed: `LF-2026-000012`, `lf-2026-12`, or just `12` (this year).
    static func read(_ text: String, prefix: String, currentYear: Int) -> String? {
        let t = text.trimmingSpaces().uppercased()
        if !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n >= 1 {
            return format(prefix: prefix, year: currentYear, number: n)
        }
        guard let p = parse(t, prefix: prefix) else { return nil }
        return format(prefix: prefix, year: p.0, number: p.1)
    }
}
