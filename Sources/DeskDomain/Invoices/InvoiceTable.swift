/// Every invoice of the book in the order issued, found by code and number.
///
/// A year holds a few hundred thousand invoices; kept in one array (with a dictionary of
/// positions) they are added by appending, and growing the table moves plain bytes instead
/// of rehashing every invoice. The order issued is the order listed, so the newest are at
/// the end without sorting. An invoice is never removed: the ledger only adds.
public struct InvoiceTable: Equatable, Sendable {
    /// The invoices, oldest first (by the year and seq of the event that issued them).
    public private(set) var values: [Invoice] = []
    /// Open-addressing index over a hash of code and number: position + 1, 0 for an empty
    /// slot; a power of two long, at most three quarters full. Four bytes an invoice where a
    /// `[InvoiceNumber: Int]` takes some forty, and equal ids are found by comparing
    /// ``values``' own.
    private var slots: [UInt32] = []

    public init() {}

    public var count: Int { values.count }

    mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        if n * 4 > slots.count * 3 { reindex(for: n) }
    }
    public var isEmpty: Bool { values.isEmpty }

    /// The invoice with this code and number. Setting one not yet listed appends it.
    public subscript(id: InvoiceNumber) -> Invoice? {
        get { position(id).map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("an invoice is never removed") }
            precondition(newValue.id == id, "an invoice is listed under its own code and number")
            if let i = position(id) {
                values[i] = newValue
                return
            }
            appendListed(newValue)
        }
    }

    /// Lists an invoice read from a snapshot, which lists each once: no lookup first.
    mutating func appendListed(_ invoice: Invoice) {
        // Grown by half, not doubled: a year's table is a large part of the state, and
        // growing copies all of it beside the old.
        if values.count == values.capacity { values.reserveCapacity(max(16, values.count + values.count / 2)) }
        values.append(invoice)
        if values.count * 4 > slots.count * 3 {
            reindex(for: values.count)
        } else {
            place(values.count - 1, Self.hash(invoice.id))
        }
    }

    public static func == (a: InvoiceTable, b: InvoiceTable) -> Bool { a.values == b.values }

    static func hash(_ id: InvoiceNumber) -> Int {
        var h = FNVHash()
        h.combine(id.code)
        h.combine(byte: 0x01)
        h.combine(id.number)
        return h.value
    }

    private func position(_ id: InvoiceNumber) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = Self.hash(id) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if values[Int(s) - 1].id == id { return Int(s) - 1 }
            i = (i + 1) & mask
        }
    }

    private mutating func place(_ position: Int, _ hash: Int) {
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = UInt32(position + 1)
    }

    private mutating func reindex(for n: Int) {
        var size = 16
        while n * 4 > size * 3 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        for (p, invoice) in values.enumerated() { place(p, Self.hash(invoice.id)) }
    }
}
