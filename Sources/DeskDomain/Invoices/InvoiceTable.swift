/// Every invoice of the book in the order issued, found by code and number.
///
/// A year holds a few hundred thousand invoices; kept in one array (with a dictionary of
/// positions) they are added by appending, and growing the table moves plain bytes instead
/// of rehashing every invoice. The order issued is the order listed, so the newest are at
/// the end without sorting. An invoice is never removed: the ledger only adds.
public struct InvoiceTable: Equatable, Sendable {
    /// The invoices, oldest first (by the year and seq of the event that issued them).
    public private(set) var values: [Invoice] = []
    private var position: [InvoiceNumber: Int] = [:]

    public init() {}

    public var count: Int { values.count }

    mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        position.reserveCapacity(n)
    }
    public var isEmpty: Bool { values.isEmpty }

    /// The invoice with this code and number. Setting one not yet listed appends it.
    public subscript(id: InvoiceNumber) -> Invoice? {
        get { position[id].map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("an invoice is never removed") }
            if let i = position[id] {
                values[i] = newValue
            } else {
                position[id] = values.count
                values.append(newValue)
            }
        }
    }

    public static func == (a: InvoiceTable, b: InvoiceTable) -> Bool { a.values == b.values }
}
