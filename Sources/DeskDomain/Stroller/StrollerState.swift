/// What the stroller book says now: units out, unit statuses, recent loans per unit.
public struct StrollerState: BookState {
    public var fleet = FleetState()
    /// Loans not yet returned, by unit.
    public var out: [String: StrollerLoan] = [:]
    /// The latest returned loans of each unit, newest last (at most ``historyLength``).
    public var history: [String: [StrollerLoan]] = [:]
    public var lentCount = 0
    public var returnedCount = 0

    public static let historyLength = 20

    public init() {}

    public mutating func apply(_ r: LedgerRecord) {
        guard let unit = r.body["unit"]?.stringValue else { return }
        switch r.ev {
        case StrollerEvents.lent:
            out[unit] = StrollerLoan(unit: unit, customer: r.body["customer"]?.stringValue ?? "",
                                     phoneMasked: r.body["phone"]?.stringValue ?? "", lentAt: r.instant,
                                     lentYear: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year,
                                     lentSeq: r.seq, lentBy: r.op)
            fleet.set(unit, .onLoan)
            lentCount += 1
        case StrollerEvents.returned:
            let damaged = r.body["condition"]?.stringValue == "damaged"
            if var loan = out.removeValue(forKey: unit) {
                loan.returnedAt = r.instant
                loan.returnedBy = r.op
                loan.damaged = damaged
                history[unit, default: []].append(loan)
                if history[unit]!.count > Self.historyLength { history[unit]!.removeFirst() }
            }
            fleet.set(unit, damaged ? .damaged : .available)
            returnedCount += 1
        case StrollerEvents.unitRepaired:
            fleet.set(unit, .available)
        case StrollerEvents.unitRetired:
            fleet.set(unit, .retired)
        default:
            break
        }
    }

}

extension StrollerState: FleetLoanState {
    public func isOut(_ unit: String) -> Bool { out[unit] != nil }
}

extension StrollerState: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.value(fleet)
        e.dictionary(out, key: { $0.string($1) }, value: { $0.value($1) })
        e.dictionary(history, key: { $0.string($1) }, value: { $0.array($1) })
        e.int(lentCount); e.int(returnedCount)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        fleet = try d.value()
        out = try d.dictionary(key: { try $0.string() }, value: { try $0.value(StrollerLoan.self) })
        history = try d.dictionary(key: { try $0.string() }, value: { try $0.array(of: StrollerLoan.self) })
        lentCount = try d.intValue(); returnedCount = try d.intValue()
    }
}
