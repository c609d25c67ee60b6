/// The cash side of one umbrella or paid-service event.
///
/// The full report reads it from a record, the money of a year straight from the line's
/// bytes (``CashReader``, no record made); ``ClosingTally`` sums both the same way, so the
/// two give the same figures by construction. A member that is missing, or not of its
/// type, counts as nothing, as it does in a record.
struct CashEvent: Equatable {
    enum Kind: Equatable {
        case lent, returned, depositReleased, depositForfeited, unitRepaired, unitRetired
        case receiptIssued, receiptVoided
        /// Any other event of the book: counted by neither.
        case other
    }

    /// `damage` of a returned umbrella.
    enum Damage: String, CaseIterable {
        case none, damaged, lost
    }

    /// The body's integer members that move money.
    enum Amount: Int, CaseIterable {
        case depositFen, refundFen, chargeFen, paidOnTopFen, keptFen, feeFen, changeFen

        var key: String { "\(self)" }
    }

    var instant: Int64
    var kind: Kind
    var damage = Damage.none
    /// `kind` of a receipt (nil: missing or unknown, and the receipt is not counted).
    var service: PaidServiceKind?
    var fen = SIMD8<Int64>()

    subscript(_ a: Amount) -> Money {
        get { Money(fen: fen[a.rawValue]) }
        set { fen[a.rawValue] = newValue.fen }
    }

    /// The event types of `book` that move cash (an event is looked for among its own
    /// book's types only), as its definition declares them (``DeskBook/cash``).
    static func kinds(of book: BookName, in registry: BookRegistry = .standard) -> [(ev: String, kind: Kind)] {
        if case .events(let kinds)? = registry.definition(book)?.cash { return kinds }
        return []
    }

    static let umbrellaKinds: [(ev: String, kind: Kind)] = [
        (UmbrellaEvents.lent, .lent), (UmbrellaEvents.returned, .returned),
        (UmbrellaEvents.depositReleased, .depositReleased), (UmbrellaEvents.depositForfeited, .depositForfeited),
        (UmbrellaEvents.unitRepaired, .unitRepaired), (UmbrellaEvents.unitRetired, .unitRetired),
    ]
    static let serviceKinds: [(ev: String, kind: Kind)] = [
        (PaidServicesEvents.receiptIssued, .receiptIssued), (PaidServicesEvents.receiptVoided, .receiptVoided),
    ]

    init(instant: Int64, kind: Kind) {
        self.instant = instant
        self.kind = kind
    }

    /// The cash side of a record of `book`.
    init(_ r: LedgerRecord, book: BookName) { self.init(r, kinds: Self.kinds(of: book)) }

    /// The cash side of a record of a book whose cash events are `kinds`.
    init(_ r: LedgerRecord, kinds: [(ev: String, kind: Kind)]) {
        self.init(instant: r.instant, kind: kinds.first { $0.ev == r.ev }?.kind ?? .other)
        for a in Amount.allCases { fen[a.rawValue] = r.body[a.key]?.intValue ?? 0 }
        damage = r.body["damage"]?.stringValue.flatMap(Damage.init(rawValue:)) ?? .none
        service = r.body["kind"]?.stringValue.flatMap(PaidServiceKind.init(rawValue:))
    }
}
