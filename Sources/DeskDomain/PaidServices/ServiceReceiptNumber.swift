/// A paid-service receipt number, `SR-2026-000001`: its own sequence, in order per plaza
/// year, so the receipt stubs the shift lead hands to finance can be checked for gaps.
public struct ServiceReceiptNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The plaza year the receipt was issued in.
    public let year: Int
    /// 1, 2, 3 … within the year.
    public let serial: Int64

    /// The largest serial the six digits can hold.
    public static let maxSerial: Int64 = 999_999

    public init(year: Int, serial: Int64) { self.year = year; self.serial = serial }

    /// `SR-2026-000001`.
    public var description: String {
        let s = String(serial)
        return "SR-\(year)-" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// Reads what a clerk typed: `SR-2026-000001`, `sr-2026-1`, or just the serial (`12`,
    /// `000012`), which means this plaza year. Nil when it is not a receipt number.
    public init?(_ text: String, currentYear: Int) {
        let t = text.trimmingSpaces().uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        func serial(_ s: Substring) -> Int64? {
            guard (1...6).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int64(s), v >= 1 else { return nil }
            return v
        }
        if parts.count == 1, let v = serial(parts[0]) {
            self.init(year: currentYear, serial: v)
        } else if parts.count == 3, parts[0] == "SR", parts[1].count == 4, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
                  let y = Int(parts[1]), let v = serial(parts[2]) {
            self.init(year: y, serial: v)
        } else {
            return nil
        }
    }

    public static func < (a: ServiceReceiptNumber, b: ServiceReceiptNumber) -> Bool { (a.year, a.serial) < (b.year, b.serial) }
}
