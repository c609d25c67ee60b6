/// One thing `verify --deep` found wrong that a hash cannot show: a correctly hashed and
/// linked line that breaks a rule of the desk.
///
///     umbrella 2026 seq 17 [refund]: refundFen 5000, but depositFen 5000 less chargeFen 1500 is 3500
public struct DeepFinding: Sendable, Equatable, CustomStringConvertible {
    public var book: BookName
    public var year: Int
    public var seq: Int64
    public var rule: DeepRule
    public var detail: String

    public init(book: BookName, year: Int, seq: Int64, rule: DeepRule, detail: String) {
        self.book = book; self.year = year; self.seq = seq; self.rule = rule; self.detail = detail
    }

    public var description: String { "\(book) \(year) seq \(seq) [\(rule.rawValue)]: \(detail)" }
}

/// The rules `verify --deep` holds every book to (the name printed in brackets).
public enum DeepRule: String, Sendable, CaseIterable {
    /// The body does not conform to its event's schema (a field missing, of the wrong
    /// type, a value not allowed, a field the event does not have).
    case schema
    /// An event type the book does not have.
    case unknownEvent = "unknown-event"
    /// A referenced seq names no earlier event, or one of the wrong type, or not the one
    /// the state says (the loan, the description, the issue, the receipt, the opening).
    case reference
    /// A time earlier than the book's latest by more than the clock tolerance.
    case clock
    /// A lead-only event by someone who was not an active shift lead at that moment.
    case leadOnly = "lead-only"
    /// An umbrella return or release whose refund is not the lent deposit less the charge.
    case refund
    /// A forfeit that does not keep exactly the whole deposit.
    case forfeit
    /// A unit lent while it is out, damaged or retired.
    case unitOut = "unit-out"
    /// A deposit card handed out while it is out with another umbrella.
    case cardOut = "card-out"
    /// A return, release, forfeit, repair or retirement of a unit not in that state.
    case unitState = "unit-state"
    /// An invoice number that is not the next one of a registered range (a gap, a repeat,
    /// a number outside every range), or a range that overlaps another.
    case invoiceNumber = "invoice-number"
    /// A receipt put on a second invoice while the first is live.
    case receiptInvoiced = "receipt-invoiced"
    /// An invoice amount that is not the sum of its receipts, a void of an invoice that is
    /// not live or of another amount, a red-letter invoice that is not negative or is more
    /// than the original has left.
    case invoiceAmount = "invoice-amount"
    /// A shopping receipt earning points a second time.
    case pointsTwice = "points-twice"
    /// A points balance taken below zero.
    case negativeBalance = "negative-balance"
    /// A figure an event states that is not the sum of the events it sums (a reissued
    /// balance, a shift close's expected cash, difference, paid in and out, float, notes).
    case statedFigure = "stated-figure"
    /// A card, item, report, receipt or operator the event needs that is missing, blocked,
    /// taken or in the wrong state.
    case state
    /// A paid-service receipt number out of sequence, or a fee, quote or change that does
    /// not add up.
    case receipt
    /// A snapshot that differs from the replayed state at its seq, or cannot be read.
    case snapshot
}

/// The findings of one book, as it is replayed.
struct AuditLog {
    let book: BookName
    var year = 0
    /// The findings kept (at most `cap`), and how many there were.
    var findings: [DeepFinding] = []
    var total = 0
    let cap: Int

    init(book: BookName, cap: Int) { self.book = book; self.cap = cap }

    mutating func flag(_ r: LedgerRecord, _ rule: DeepRule, _ detail: String) {
        flag(seq: r.seq, rule, detail)
    }

    mutating func flag(seq: Int64, _ rule: DeepRule, _ detail: String) {
        total += 1
        if findings.count < cap { findings.append(DeepFinding(book: book, year: year, seq: seq, rule: rule, detail: detail)) }
    }
}
