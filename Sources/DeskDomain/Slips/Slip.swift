/// One printed slip: what the desk hands the customer (or the lead signs) after an action,
/// in one language, ready to be laid out at a printer's width.
///
///     let slip = Slip.umbrellaLoan(loan, config, .zhHans)
///     let preview = SlipText.render(slip, columns: 32)          // the on-screen preview
///     try SlipPrinter(config).print(slip)                        // ESC/POS to the queue
///
/// A slip is built from the record the action returned (never from the form), so a slip
/// reprinted from the ledger later is the same slip, marked ``reprint``.
public struct Slip: Equatable, Sendable {
    /// What the slip is for.
    public enum Kind: String, CaseIterable, Sendable {
        case umbrellaLoan = "umbrella-loan"
        case umbrellaReturn = "umbrella-return"
        case strollerLoan = "stroller-loan"
        case claimHandOver = "claim-hand-over"
        case lostReport = "lost-report"
        case serviceReceipt = "service-receipt"
        case pointsEnrolment = "points-enrolment"
        case pointsReissue = "points-reissue"
        case shiftClose = "shift-close"
    }

    public var kind: Kind
    public var language: Language
    /// The plaza's name, at the head of every slip (`plaza.name` in config.toml).
    public var plaza: String
    public var title: String
    public var lines: [SlipLine]
    /// Short paragraphs under the figures: what the customer must know.
    public var notes: [String]
    /// The label of the signature line (the claimant's, the lead's), when one is needed.
    public var signature: String?
    /// Printed as a QR code by the printer (the seal code of a close).
    public var qr: String?
    /// A copy printed again later from the record: marked so it cannot pass for a second
    /// original.
    public var reprint: Bool

    public init(kind: Kind, language: Language, plaza: String, title: String, lines: [SlipLine], notes: [String] = [],
                signature: String? = nil, qr: String? = nil, reprint: Bool = false) {
        self.kind = kind; self.language = language; self.plaza = plaza; self.title = title; self.lines = lines
        self.notes = notes; self.signature = signature; self.qr = qr; self.reprint = reprint
    }

    /// The same slip marked 重印 / REPRINT.
    public func reprinted() -> Slip {
        var s = self
        s.reprint = true
        return s
    }

    /// The mark a reprint carries at its head and foot.
    public var reprintMark: String { language.pick("** 重印 **", "** REPRINT **") }
}
