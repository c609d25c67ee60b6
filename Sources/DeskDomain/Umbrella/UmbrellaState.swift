/// What the umbrella book says now: umbrellas out (with their deposit cards and deposits),
/// unit statuses, recent loans per unit.
public struct UmbrellaState: BookState {
    public var fleet = FleetState()
    /// Loans not yet ended, by unit.
    public var out: [String: UmbrellaLoan] = [:]
    /// The latest ended loans of each unit, newest last (at most ``historyLength``).
    public var history: [String: [UmbrellaLoan]] = [:]
    public var lentCount = 0
    /// Loans settled at the desk (with or without the deposit card), including those settled
    /// as lost.
    public var returnedCount = 0
    public var forfeitedCount = 0

    public static let historyLength = 20

    public init() {}

    /// The loan that holds a deposit card (e.g. `D012`), if the card is out.
    public func loan(holdingCard card: String) -> UmbrellaLoan? {
        out.values.first { $0.depositCard == card }
    }

    public mutating func apply(_ r: LedgerRecord) {
        guard let unit = r.body["unit"]?.stringValue else { return }
        func fen(_ key: String) -> Money { Money(fen: r.body[key]?.intValue ?? 0) }
        switch r.ev {
        case UmbrellaEvents.lent:
            out[unit] = UmbrellaLoan(unit: unit, depositCard: r.body["depositCard"]?.stringValue ?? "",
                                     deposit: fen("depositFen"), customer: r.body["customer"]?.stringValue ?? "",
                                     phoneMasked: r.body["phone"]?.stringValue ?? "", lentAt: r.instant,
                                     lentYear: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year,
                                     lentSeq: r.seq, lentBy: r.op)
            fleet.set(unit, .onLoan)
            lentCount += 1
        case UmbrellaEvents.returned, UmbrellaEvents.depositReleased:
            let damage = r.body["damage"]?.stringValue
            end(unit, r, ending: r.ev == UmbrellaEvents.returned ? .returned : .releasedWithoutCard,
                damaged: damage == "damaged", lost: damage == "lost",
                charge: fen("chargeFen"), refund: fen("refundFen"), paidOnTop: fen("paidOnTopFen"))
            switch damage {
            case "damaged": fleet.set(unit, .damaged)
            case "lost": fleet.set(unit, .retired)
            default: fleet.set(unit, .available)
            }
            returnedCount += 1
        case UmbrellaEvents.depositForfeited:
            end(unit, r, ending: .forfeited, damaged: false, lost: false, charge: fen("keptFen"), refund: .zero, paidOnTop: .zero)
            fleet.set(unit, .retired)
            forfeitedCount += 1
        case UmbrellaEvents.unitRepaired:
            fleet.set(unit, .available)
        case UmbrellaEvents.unitRetired:
            fleet.set(unit, .retired)
        default:
            break
        }
    }

    private mutating func end(_ unit: String, _ r: LedgerRecord, ending: UmbrellaLoan.Ending, damaged: Bool, lost: Bool,
                              charge: Money, refund: Money, paidOnTop: Money) {
        guard var loan = out.removeValue(forKey: unit) else { return }
        loan.endedAt = r.instant
        loan.endedBy = r.op
        loan.ending = ending
        loan.damaged = damaged
        loan.lost = lost
        loan.charge = charge
        loan.refund = refund
        loan.paidOnTop = paidOnTop
        history[unit, default: []].append(loan)
        if history[unit]!.count > Self.historyLength { history[unit]!.removeFirst() }
    }

}

extension UmbrellaState: FleetLoanState {
    public func isOut(_ unit: String) -> Bool { out[unit] != nil }
}

extension UmbrellaState: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.value(fleet)
        e.dictionary(out, key: { $0.string($1) }, value: { $0.value($1) })
        e.dictionary(history, key: { $0.string($1) }, value: { $0.array($1) })
        e.int(lentCount); e.int(returnedCount); e.int(forfeitedCount)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        fleet = try d.value()
        out = try d.dictionary(key: { try $0.string() }, value: { try $0.value(UmbrellaLoan.self) })
        history = try d.dictionary(key: { try $0.string() }, value: { try $0.array(of: UmbrellaLoan.self) })
        lentCount = try d.intValue(); returnedCount = try d.intValue(); forfeitedCount = try d.intValue()
    }
}
