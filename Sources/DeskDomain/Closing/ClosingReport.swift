/// The closing report of a shift, a plaza day or a plaza year: per service counts and
/// totals, the cash the drawer should hold, what the lead counted, and what is still out.
///
/// The same report is shown on the console at closing (F8), recorded in part in the
/// `shift.closed` event, and printed by `plazadesk report` for any past shift, day or year.
public struct ClosingReport: Equatable, Sendable {
    /// What the report covers.
    public enum Scope: Equatable, Sendable {
        /// One shift: the events after its opening heads, up to its seals (or now, while open).
        case shift(String)
        /// A plaza calendar day: the events timestamped that day.
        case day(CivilTime)
        /// A plaza year.
        case year(Int)
    }

    public var scope: Scope
    /// The window's first instant.
    public var from: Int64
    /// The window's end: the close (or now) for a shift, the next midnight for a day or year.
    public var to: Int64
    /// A shift not closed yet: the figures so far.
    public var provisional: Bool
    public var time: PlazaTime
    /// Everything summed from the window's events.
    public var tally: ClosingTally
    /// The shift reported on, or the shifts opened or closed in the day or year, in order.
    public var shifts: [Shift]
    /// The shift's opening float, or the floats of the shifts opened in the day or year.
    public var openingFloat: Money
    /// The cash counted: the shift's, or that of the shifts closed in the day or year (nil
    /// when none was closed).
    public var counted: Money?
    /// Whether every shift the window opened it also closed, and no other: only then is a
    /// day's or year's counted cash comparable with its expected cash.
    public var shiftsComplete: Bool
    /// Notes and coins counted, by denomination in fen (a shift counted that way).
    public var notes: [Int64: Int]
    /// The lead's note at closing.
    public var note: String
    public var stillOut: StillOut
    /// Problems met while reading (a torn last line, a figure that disagrees with its record).
    public var warnings: [String]
    /// A closed shift's seal code, recomputed from its `shift.closed` line (``SealCode``).
    public var sealCode: SealCode? = nil
    /// The registered books the report has no section of its own for: their events in
    /// the window, per type (``DeskBook/reportsOwnSection``), in report order.
    public var sections: [ReportSection] = []

    /// Opening float + deposits taken − deposits refunded + damage charges + service fees +
    /// paid in − paid out.
    public var expectedCash: Money { openingFloat + tally.cashMovement }

    /// Counted − expected (recorded, never a reason to refuse a close); nil when nothing
    /// comparable was counted.
    public var difference: Money? {
        guard let counted, shiftsComplete else { return nil }
        return counted - expectedCash
    }

    /// `S-20260301-1`, `2026-03-01` or `2026`.
    public var scopeName: String {
        switch scope {
        case .shift(let id): return id
        case .day(let d): return d.dateString
        case .year(let y): return String(y)
        }
    }

    /// Builds a report from its parts: the float and the counted cash come from `shifts`,
    /// the sections of the books without one of their own from `registry`.
    static func compose(scope: Scope, from: Int64, to: Int64, provisional: Bool, time: PlazaTime, tally: ClosingTally,
                        shifts: [Shift], stillOut: StillOut, warnings: [String], registry: BookRegistry = .standard) -> ClosingReport {
        var float = Money.zero
        var counted: Money?
        var complete = true
        var notes: [Int64: Int] = [:]
        var note = ""
        switch scope {
        case .shift:
            if let s = shifts.first {
                float = s.float
                counted = s.closing?.counted
                notes = s.closing?.notes ?? [:]
                note = s.closing?.note ?? ""
            }
        case .day, .year:
            for s in shifts {
                let openedIn = s.openedAt >= from && s.openedAt < to
                let closedIn = s.closing.map { $0.closedAt >= from && $0.closedAt < to } ?? false
                if openedIn { float += s.float }
                if closedIn { counted = (counted ?? .zero) + s.closing!.counted }
                if openedIn != closedIn { complete = false }
            }
        }
        let sections = registry.books.filter { !$0.reportsOwnSection }.map { book in
            ReportSection(book: book.name, title: book.reportTitle,
                          counts: book.events.map { .init(event: $0.event, count: tally.events[book.name]?[$0.event] ?? 0) })
        }
        return ClosingReport(scope: scope, from: from, to: to, provisional: provisional, time: time, tally: tally, shifts: shifts,
                             openingFloat: float, counted: counted, shiftsComplete: complete, notes: notes, note: note,
                             stillOut: stillOut, warnings: warnings, sections: sections)
    }
}

extension ClosingReport {
    /// The report with a warning added when a closed shift's recorded expected cash is not
    /// what its events add up to now (the seal makes that impossible without `verify`
    /// noticing; this says so in the report too).
    func checkedAgainstRecord() -> ClosingReport {
        guard case .shift = scope, let closing = shifts.first?.closing, closing.expected != expectedCash else { return self }
        var r = self
        r.warnings.append("shift \(scopeName): the close recorded expected cash \(closing.expected), the books now add up to \(expectedCash)")
        return r
    }
}
