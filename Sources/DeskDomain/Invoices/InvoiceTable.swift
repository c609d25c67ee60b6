/// Every invoice of the book in the order issued, found by code and number.
///
/// A year holds a few hundred thousand invoices; kept in chunks (``ChunkedArray``, with an
/// index of positions) they are added by appending, and the table grows without moving or
/// rehashing the invoices already listed. The order issued is the order listed, so the newest are at
/// the end without sorting. An invoice is never removed: the ledger only adds.
public struct InvoiceTable: Equatable, Sendable {
    /// The invoices, oldest first (by the year and seq of the event that issued them).
    public private(set) var values = ChunkedArray<Invoice>()
    /// Positions by a hash of code and number (``SlotIndex``): four bytes an invoice where
    /// a `[InvoiceNumber: Int]` takes some forty; equal ids are found by comparing
    /// ``values``' own.
    private var index = SlotIndex()

    public init() {}

    public var count: Int { values.count }

    mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        index.reserve(n, filled: values.count) { Self.hash(values[$0].id) }
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
        values.append(invoice)
        index.add(values.count - 1, hash: Self.hash(invoice.id)) { Self.hash(values[$0].id) }
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
        index.find(Self.hash(id)) { values[$0].id == id }
    }
}
