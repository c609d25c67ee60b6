/// What the `shift` book says now: the open shift (at most one), the latest closed
/// shifts, and how many shifts opened on the latest plaza day (for the next id).
public struct ShiftState: BookState {
    /// The shift open now, if any.
    public var open: Shift?
    /// The latest closed shifts, oldest first (at most ``recentLength``).
    public var recent: [Shift] = []
    /// The plaza day (days since 1970) of the latest opening, and how many opened that day.
    public var lastDay: Int64 = 0
    public var lastDayCount = 0
    public var openedCount = 0
    public var closedCount = 0

    public static let recentLength = 62

    public init() {}

    /// The latest closed shift.
    public var lastClosed: Shift? { recent.last }

    /// The id the next shift opened at `instant` gets.
    public func nextID(at instant: Int64, time: PlazaTime) -> String {
        let day = PaidServicesState.plazaDay(instant, offsetSeconds: time.offsetSeconds)
        let c = time.civil(instant)
        return ShiftID.make(date: CivilTime(year: c.year, month: c.month, day: c.day), number: day == lastDay ? lastDayCount + 1 : 1)
    }

    public mutating func apply(_ r: LedgerRecord) {
        switch r.ev {
        case ShiftEvents.opened:
            guard let shift = Shift(opened: r) else { return }
            let day = PaidServicesState.plazaDay(r.instant, offsetSeconds: r.offsetSeconds)
            let n = ShiftID.parse(shift.id)?.number ?? 1
            if day == lastDay { lastDayCount = max(lastDayCount, n) } else if day > lastDay { lastDay = day; lastDayCount = n }
            open = shift
            openedCount += 1
        case ShiftEvents.paid:
            guard let m = CashMovement(r), open?.id == m.shift else { return }
            open!.movements.append(m)
        case ShiftEvents.closed:
            guard var shift = open, r.body["shift"]?.stringValue == shift.id, let closing = Shift.Closing(r) else { return }
            shift.closing = closing
            open = nil
            recent.append(shift)
            if recent.count > Self.recentLength { recent.removeFirst(recent.count - Self.recentLength) }
            closedCount += 1
        default:
            break
        }
    }

}

extension ShiftState: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.array(recent); e.optional(open); e.int(lastDay); e.int(lastDayCount); e.int(openedCount); e.int(closedCount)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        recent = try d.array()
        open = try d.optional()
        lastDay = try d.int()
        lastDayCount = try d.intValue()
        openedCount = try d.intValue()
        closedCount = try d.intValue()
    }
}
