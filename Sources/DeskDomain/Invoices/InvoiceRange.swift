/// A block of invoice numbers the tax office gave the plaza, registered by a shift lead;
/// numbers are used from it strictly in order, so the next one is always known.
public struct InvoiceRange: Equatable, Sendable {
    public var kind: InvoiceKind
    /// The invoice code (10–12 digits; may be empty for electronic invoices).
    public var code: String
    public var first: String
    public var last: String
    /// How many numbers the range holds.
    public var count: Int
    /// How many of them have been used (issued, voided or red-letter alike).
    public var used: Int
    public var allocatedAt: Int64
    public var allocatedBy: OperatorID

    public var remaining: Int { count - used }

    /// The number the next invoice from this range gets, or nil when it is used up.
    public var next: InvoiceNumber? {
        guard used < count, let n = InvoiceDigits.add(first, used) else { return nil }
        return InvoiceNumber(code: code, number: n)
    }

    /// True when the number belongs to this range.
    public func contains(_ n: InvoiceNumber) -> Bool {
        n.code == code && n.number.utf8.count == first.utf8.count && first <= n.number && n.number <= last
    }

    /// True when the two ranges share a number (same code, same length, intervals meet).
    public func overlaps(code: String, first: String, last: String) -> Bool {
        code == self.code && first.utf8.count == self.first.utf8.count && !(last < self.first || first > self.last)
    }

    init(kind: InvoiceKind, code: String, first: String, last: String, count: Int, used: Int, allocatedAt: Int64, allocatedBy: OperatorID) {
        self.kind = kind; self.code = code; self.first = first; self.last = last; self.count = count; self.used = used
        self.allocatedAt = allocatedAt; self.allocatedBy = allocatedBy
    }

}

extension InvoiceRange: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.raw(kind); e.string(code); e.string(first); e.string(last); e.int(count); e.int(used); e.int(allocatedAt)
        e.value(allocatedBy)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(kind: try d.raw(), code: try d.string(), first: try d.string(), last: try d.string(), count: try d.intValue(),
                  used: try d.intValue(), allocatedAt: try d.int(), allocatedBy: try d.value())
    }
}
