/// The figures of a closing report, summed from the events of a window (a shift, a day, a
/// year) one by one, straight from their bodies: every money event carries its amounts, so
/// no rule or config of the day is needed.
///
/// Cash, as the design's "Closing" has it: expected cash = opening float + deposits taken −
/// deposits refunded + damage charges + service fees + paid in − paid out. Here
/// *deposits refunded* is the whole deposit of each umbrella that came back (with or
/// without its card) and *damage charges* every charge for damage; the part of a charge
/// kept out of the deposit is both refunded and charged, so the drawer changes by
/// `−refundFen + paidOnTopFen` as the umbrella events say. A forfeited deposit moves no
/// cash (it simply stays in the drawer). Service fees are those of receipts issued less
/// those voided in the window; change handed back is not income.
public struct ClosingTally: Equatable, Sendable {
    public struct Umbrellas: Equatable, Sendable {
        public var lent = 0
        /// Came back with the deposit card.
        public var returned = 0
        /// Came back without the card (a lead released the deposit).
        public var releasedWithoutCard = 0
        /// Of those that came back, how many were damaged.
        public var damaged = 0
        /// Of those that "came back", how many the customer had lost (charged at the lost price).
        public var lost = 0
        public var forfeited = 0
        public var repaired = 0
        public var retired = 0
        /// Σ `depositFen` of `umbrella.lent`.
        public var depositsTaken = Money.zero
        /// Σ `depositFen` of the loans that ended with the umbrella back.
        public var depositsRefunded = Money.zero
        /// Σ `refundFen`: what was actually handed back.
        public var handedBack = Money.zero
        /// Σ (`depositFen` − `refundFen`): deposit kept to pay for damage.
        public var keptForDamage = Money.zero
        /// Σ `chargeFen`.
        public var damageCharges = Money.zero
        /// Σ `paidOnTopFen`: damage charged beyond the deposit, paid in cash.
        public var paidOnTop = Money.zero
        /// Σ `keptFen` of `umbrella.deposit-forfeited`.
        public var depositsForfeited = Money.zero

        /// Loans that ended with the umbrella back (or its loss paid for).
        public var back: Int { returned + releasedWithoutCard }
        /// Returns that carried a charge: damaged or lost.
        public var charged: Int { damaged + lost }
    }

    public struct Strollers: Equatable, Sendable {
        public var lent = 0, returned = 0, damaged = 0, repaired = 0, retired = 0
    }

    public struct LostFound: Equatable, Sendable {
        public var received = 0, valuables = 0, reportsTaken = 0, reportsClosed = 0, claimsDescribed = 0
        public var claimsRefused = 0, claimed = 0, disposed = 0
    }

    /// A card replaced by a new one.
    public struct CardReissue: Equatable, Sendable {
        public var old: String
        public var new: String
    }

    public struct Points: Equatable, Sendable {
        /// Card numbers enrolled, in order.
        public var enrolled: [String] = []
        public var reissued: [CardReissue] = []
        /// `points.earned` by back-filling a receipt (enrolment receipts not counted).
        public var backfilled = 0
        public var pointsEarned: Int64 = 0
        public var redeemed = 0
        public var pointsRedeemed: Int64 = 0
        public var adjusted = 0
        public var reportedLost = 0
    }

    /// One invoice number used (or voided) in the window.
    public struct InvoiceLine: Equatable, Sendable {
        public var kind: String
        public var code: String
        public var number: String
        public var amount: Money
    }

    /// A run of consecutive invoice numbers of one kind and code.
    public struct NumberRange: Equatable, Sendable {
        public var kind: String
        public var code: String
        public var first: String
        public var last: String
        public var count: Int

        /// `044026010001 10010001–10010030`, or `10010001` alone.
        public var text: String {
            (code.isEmpty ? "" : code + " ") + (count == 1 ? first : first + "–" + last)
        }
    }

    public struct Invoices: Equatable, Sendable {
        public var allocated = 0
        /// Ordinary invoices issued, in the order the numbers were used.
        public var issued: [InvoiceLine] = []
        /// Voided, in order of the void.
        public var voided: [InvoiceLine] = []
        /// Red-letter invoices (negative amounts), in order.
        public var redLetters: [InvoiceLine] = []

        public var issuedTotal: Money { issued.reduce(.zero) { $0 + $1.amount } }
        public var voidedTotal: Money { voided.reduce(.zero) { $0 + $1.amount } }
        public var redLetterTotal: Money { redLetters.reduce(.zero) { $0 + $1.amount } }
        public var issuedRanges: [NumberRange] { Self.ranges(issued) }
        public var voidedRanges: [NumberRange] { Self.ranges(voided) }
        public var redLetterRanges: [NumberRange] { Self.ranges(redLetters) }

        /// Runs of consecutive numbers of each kind and code (kinds and codes in the order
        /// first used; numbers within one in the order given).
        public static func ranges(_ lines: [InvoiceLine]) -> [NumberRange] {
            var groups: [[NumberRange]] = []
            var index: [String: Int] = [:]
            for line in lines {
                let key = line.kind + "/" + line.code
                guard let g = index[key] else {
                    index[key] = groups.count
                    groups.append([NumberRange(kind: line.kind, code: line.code, first: line.number, last: line.number, count: 1)])
                    continue
                }
                var last = groups[g][groups[g].count - 1]
                if last.last.utf8.count == line.number.utf8.count, InvoiceDigits.add(last.last, 1) == line.number {
                    last.last = line.number
                    last.count += 1
                    groups[g][groups[g].count - 1] = last
                } else {
                    groups[g].append(NumberRange(kind: line.kind, code: line.code, first: line.number, last: line.number, count: 1))
                }
            }
            return groups.flatMap { $0 }
        }
    }

    public struct Services: Equatable, Sendable {
        /// Per kind: receipts issued and voided in the window, fees kept and voided.
        public var byKind: [PaidServiceKind: ServiceKindTotals] = Dictionary(uniqueKeysWithValues: PaidServiceKind.allCases.map { ($0, ServiceKindTotals()) })
        /// The first and last receipt numbers issued in the window (the stubs to hand in).
        public var firstNumber: String?
        public var lastNumber: String?
        /// Σ `changeFen` handed back (not income; shown so the stubs add up).
        public var change = Money.zero

        /// Fees of receipts issued less fees of receipts voided: the takings.
        public var fees: Money { byKind.values.reduce(.zero) { $0 + $1.fee } }
        public var issued: Int { byKind.values.reduce(0) { $0 + $1.issued } }
        public var voided: Int { byKind.values.reduce(0) { $0 + $1.voided } }
        public var lines: [(kind: PaidServiceKind, totals: ServiceKindTotals)] {
            PaidServiceKind.allCases.map { ($0, byKind[$0] ?? ServiceKindTotals()) }
        }
    }

    public var umbrellas = Umbrellas()
    public var strollers = Strollers()
    public var lostFound = LostFound()
    public var points = Points()
    public var invoices = Invoices()
    public var services = Services()
    /// Paid in and out of the drawer, in order.
    public var movements: [CashMovement] = []
    /// How many events of each type each book has in the window.
    public var events: [BookName: [String: Int]] = [:]

    public init() {}

    public var paidIn: Money { movements.filter { $0.direction == .paidIn }.reduce(.zero) { $0 + $1.amount } }
    public var paidOut: Money { movements.filter { $0.direction == .paidOut }.reduce(.zero) { $0 + $1.amount } }

    /// What the window's events did to the drawer: deposits taken − deposits refunded +
    /// damage charges + service fees + paid in − paid out.
    public var cashMovement: Money {
        umbrellas.depositsTaken - umbrellas.depositsRefunded + umbrellas.damageCharges + services.fees + paidIn - paidOut
    }

    /// Events counted in the window, all books.
    public var eventCount: Int { events.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// Adds one event of `book` (an event is looked for among its own book's kinds only):
    /// counted per type, then summed by the book's definition (``DeskBook/tally(_:into:)``).
    public mutating func add(_ r: LedgerRecord, book: BookName) {
        events[book, default: [:]][r.ev, default: 0] += 1
        BookRegistry.standard.definition(book)?.tally(r, into: &self)
    }

    /// ``add(_:book:)`` with the book's definition looked up once, for a loop over its records.
    ///
    ///     let add = ClosingTally.adder(for: .umbrella)
    ///     for r in records { add(&tally, r) }
    static func adder(for book: BookName, in registry: BookRegistry = .standard) -> (inout ClosingTally, LedgerRecord) -> Void {
        let definition = registry.definition(book)
        return { t, r in
            t.events[book, default: [:]][r.ev, default: 0] += 1
            definition?.tally(r, into: &t)
        }
    }

    private static func fen(_ r: LedgerRecord, _ key: String) -> Money { Money(fen: r.body[key]?.intValue ?? 0) }

    /// Adds the cash side of one umbrella or service event.
    mutating func add(_ e: CashEvent) {
        switch e.kind {
        case .lent:
            umbrellas.lent += 1
            umbrellas.depositsTaken += e[.depositFen]
        case .returned, .depositReleased:
            if e.kind == .returned { umbrellas.returned += 1 } else { umbrellas.releasedWithoutCard += 1 }
            switch e.damage {
            case .damaged: umbrellas.damaged += 1
            case .lost: umbrellas.lost += 1
            case .none: break
            }
            umbrellas.depositsRefunded += e[.depositFen]
            umbrellas.handedBack += e[.refundFen]
            umbrellas.keptForDamage += e[.depositFen] - e[.refundFen]
            umbrellas.damageCharges += e[.chargeFen]
            umbrellas.paidOnTop += e[.paidOnTopFen]
        case .depositForfeited:
            umbrellas.forfeited += 1
            umbrellas.depositsForfeited += e[.keptFen]
        case .unitRepaired: umbrellas.repaired += 1
        case .unitRetired: umbrellas.retired += 1
        case .receiptIssued:
            guard let kind = e.service else { return }
            services.byKind[kind, default: ServiceKindTotals()].issued += 1
            services.byKind[kind, default: ServiceKindTotals()].fee += e[.feeFen]
            services.change += e[.changeFen]
        case .receiptVoided:
            guard let kind = e.service else { return }
            services.byKind[kind, default: ServiceKindTotals()].void(fee: e[.feeFen])
        case .other: break
        }
    }

    mutating func addStroller(_ r: LedgerRecord) {
        switch r.ev {
        case StrollerEvents.lent: strollers.lent += 1
        case StrollerEvents.returned:
            strollers.returned += 1
            if r.body["condition"]?.stringValue == "damaged" { strollers.damaged += 1 }
        case StrollerEvents.unitRepaired: strollers.repaired += 1
        case StrollerEvents.unitRetired: strollers.retired += 1
        default: break
        }
    }

    mutating func addLostFound(_ r: LedgerRecord) {
        switch r.ev {
        case LostFoundEvents.itemReceived:
            lostFound.received += 1
            if r.body["valuable"]?.boolValue == true { lostFound.valuables += 1 }
        case LostFoundEvents.reportTaken: lostFound.reportsTaken += 1
        case LostFoundEvents.reportClosed: lostFound.reportsClosed += 1
        case LostFoundEvents.claimDescribed: lostFound.claimsDescribed += 1
        case LostFoundEvents.claimRefused: lostFound.claimsRefused += 1
        case LostFoundEvents.claimed: lostFound.claimed += 1
        case LostFoundEvents.disposed: lostFound.disposed += 1
        default: break
        }
    }

    mutating func addPoints(_ r: LedgerRecord) {
        let b = r.body
        switch r.ev {
        case PointsEvents.cardEnrolled:
            points.enrolled.append(b["cardNumber"]?.stringValue ?? "")
        case PointsEvents.cardReissued:
            points.reissued.append(CardReissue(old: b["oldCardNumber"]?.stringValue ?? "", new: b["newCardNumber"]?.stringValue ?? ""))
        case PointsEvents.earned:
            if b["source"]?.stringValue == "backfill" { points.backfilled += 1 }
            points.pointsEarned += b["points"]?.intValue ?? 0
        case PointsEvents.redeemed:
            points.redeemed += 1
            points.pointsRedeemed += b["points"]?.intValue ?? 0
        case PointsEvents.adjusted: points.adjusted += 1
        case PointsEvents.cardReportedLost: points.reportedLost += 1
        default: break
        }
    }

    mutating func addInvoice(_ r: LedgerRecord) {
        let b = r.body
        switch r.ev {
        case InvoiceEvents.numbersAllocated: invoices.allocated += 1
        case InvoiceEvents.issued, InvoiceEvents.redLetterIssued, InvoiceEvents.voided:
            // Only paper invoices are voided; a void names no kind.
            let line = InvoiceLine(kind: b["kind"]?.stringValue ?? (r.ev == InvoiceEvents.voided ? "paper" : ""), code: b["code"]?.stringValue ?? "",
                                   number: b["number"]?.stringValue ?? "", amount: Self.fen(r, "amountFen"))
            switch r.ev {
            case InvoiceEvents.issued: invoices.issued.append(line)
            case InvoiceEvents.redLetterIssued: invoices.redLetters.append(line)
            default: invoices.voided.append(line)
            }
        default: break
        }
    }

    mutating func addService(_ r: LedgerRecord) {
        let cash = CashEvent(r, kinds: CashEvent.serviceKinds)
        add(cash)
        if cash.kind == .receiptIssued, cash.service != nil, let n = r.body["number"]?.stringValue {
            if services.firstNumber == nil { services.firstNumber = n }
            services.lastNumber = n
        }
    }
}
