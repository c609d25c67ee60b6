/// The invoices of a span of plaza days, for the shift close: every number used (ordinary
/// and red-letter), what was voided, and the totals finance reconciles.
public struct InvoiceDayReport: Equatable, Sendable {
    public var from: CivilTime
    public var through: CivilTime
    /// Ordinary invoices issued in these days, in the order the numbers were used
    /// (including those voided or reversed since).
    public var issued: [Invoice]
    /// Red-letter invoices issued in these days, in order.
    public var redLetters: [Invoice]
    /// Invoices voided in these days (whenever they were issued), in order of the void.
    public var voided: [Invoice]

    /// The sum of ``issued``.
    public var issuedTotal: Money { issued.reduce(.zero) { $0 + $1.amount } }
    /// The sum of ``redLetters`` (negative).
    public var redLetterTotal: Money { redLetters.reduce(.zero) { $0 + $1.amount } }
    /// The sum of what ``voided`` had been issued for.
    public var voidedTotal: Money { voided.reduce(.zero) { $0 + $1.amount } }
    /// What these days changed in total: issued, less red-letter reversals, less voids.
    public var net: Money { issuedTotal + redLetterTotal - voidedTotal }
    /// How many invoice numbers were used.
    public var numbersUsed: Int { issued.count + redLetters.count }
}
