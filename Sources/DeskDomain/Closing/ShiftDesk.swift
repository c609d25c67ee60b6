/// The shift close (design, "Closing"): a lead opens a shift with the float counted into
/// the drawer, records cash paid in or out, and at closing counts the drawer against what
/// the ledgers expect; closing seals every book.
///
///     let shift = try desk.shift.open(.init(float: "500"), by: lead)            // S-20260301-1
///     try desk.shift.recordPaid(.init(direction: .paidOut, amount: "35", reason: "打印纸"), by: lead)
///     let report = try desk.shift.currentReport()                              // expected cash so far
///     try desk.shift.close(.init(counted: "1234.50", note: ""), by: lead)      // writes shift.closed
///
/// A difference between counted and expected cash is recorded, never a reason to refuse
/// the close. Only a shift lead opens, records and closes; an auditor never writes.
public final class ShiftDesk {
    public let book: ServiceBook<ShiftState>
    var context: DeskContext { book.context }
    /// The desk's other books: sealed at closing, their events summed.
    let others: [any ClosingBook]
    /// What each other book that can have something out says is still out, by its live state.
    let stillOutSources: [(inout StillOut, DeskConfig) -> Void]
    /// The books registered with the desk: how each is summed and reported.
    let registry: BookRegistry
    /// Where each book's file ended when a shift opened (so its report need not count lines).
    var startOffsets: [String: [BookName: Int64]] = [:]
    /// Heads of books on disk that no desk service opened (read, not written, by this desk).
    var foreign = ForeignHeads()
    /// The last live report and what it was computed from.
    var lastLive: (shift: Shift, seals: [BookName: BookHead], now: Int64, report: ClosingReport)?
    /// The report of the last shift this desk closed (so showing it reads nothing).
    public private(set) var lastClosingReport: ClosingReport?

    /// Notes and coins a drawer is counted in, in fen: ¥100 ¥50 ¥20 ¥10 ¥5 ¥1 ¥0.50 ¥0.10.
    public static let denominations: [Int64] = [10000, 5000, 2000, 1000, 500, 100, 50, 10]

    /// Opens the shift book over the desk's other books (``ShiftBook``).
    init(context: DeskContext, useSnapshot: Bool = true, others: [OpenedBook], registry: BookRegistry = .standard) throws {
        book = try ServiceBook(.shift, context: context, useSnapshot: useSnapshot)
        self.others = others.map(\.ledger)
        stillOutSources = others.compactMap(\.stillOut)
        self.registry = registry
    }

    public var state: ShiftState { book.state }

    /// The shift open now, if any.
    public var current: Shift? { state.open }

    // MARK: - Opening

    /// What the lead typed to open a shift.
    public struct OpenForm: Sendable {
        /// The cash counted into the drawer (the opening float).
        public var float: String
        public init(float: String = "") { self.float = float }
    }

    /// Opens a shift (lead only; one at a time), recording the float and every book's head.
    @discardableResult
    public func open(_ form: OpenForm, by actor: Actor) throws -> Shift {
        try actor.requireLead(.openShift)
        let float = try FieldCheck.money(form.float, field: "float")
        let id = try book.transaction { state, tx in
            if let open = state.open { throw ShiftError.alreadyOpen(shift: open.id, openedAt: stamp(open.openedAt)) }
            let now = context.now()
            let (heads, offsets) = try currentHeads(year: context.time.civil(now).year)
            let id = state.nextID(at: now, time: context.time)
            try tx.append(ShiftEvents.opened, ["shift": .string(id), "floatFen": .int(float.fen), "heads": BookHead.json(heads)],
                          by: actor)
            startOffsets = [id: offsets]
            return id
        }
        guard let open = book.state.open, open.id == id else { throw ShiftError.noOpenShift }
        return open
    }

    // MARK: - Cash only inside a shift

    /// Runs `body` (a cash action on another book: it takes that book's lock inside) while
    /// holding the shift book's lock, once the latest shift state says a shift is open;
    /// refuses with ``ShiftError/noShiftForCash`` otherwise, before anything is written.
    ///
    /// The shift book's lock is taken first, as opening and closing take it before every
    /// other book's: so no close can seal the books between the check and the append, and
    /// two consoles never wait on each other's locks.
    func whileShiftOpen<T>(_ body: () throws -> T) throws -> T {
        try Self.whileShiftOpen(book, body)
    }

    static func whileShiftOpen<T>(_ book: ServiceBook<ShiftState>, _ body: () throws -> T) throws -> T {
        try book.transaction { state, _ in
            guard state.open != nil else { throw ShiftError.noShiftForCash }
            return try body()
        }
    }

    // MARK: - Paid in / out

    /// What the lead typed for cash put into or taken out of the drawer.
    public struct PaidForm: Sendable {
        public var direction: CashMovement.Direction?
        public var amount: String
        public var reason: String
        public init(direction: CashMovement.Direction? = nil, amount: String = "", reason: String = "") {
            self.direction = direction; self.amount = amount; self.reason = reason
        }
    }

    /// Records cash paid into or out of the drawer of the open shift, with its reason.
    @discardableResult
    public func recordPaid(_ form: PaidForm, by actor: Actor) throws -> CashMovement {
        try actor.requireLead(.recordCashMovement)
        guard let direction = form.direction else { throw CommonError.required(field: "direction") }
        let amount = try FieldCheck.money(form.amount, field: "amount")
        guard amount > .zero else { throw ShiftError.amountNotPositive }
        let reason = try FieldCheck.text(form.reason, field: "reason", max: 200)
        try book.transaction { state, tx in
            guard let open = state.open else { throw ShiftError.noShiftForCash }
            try tx.append(ShiftEvents.paid, ["shift": .string(open.id), "direction": .string(direction.rawValue),
                                             "amountFen": .int(amount.fen), "reason": .string(reason)], by: actor)
        }
        guard let m = book.state.open?.movements.last else { throw ShiftError.noOpenShift }
        return m
    }

    // MARK: - Closing

    /// What the lead typed at closing: the cash counted, as one sum or by denomination, and
    /// a note (say why, when there is a difference).
    public struct CloseForm: Sendable {
        /// The cash counted (may be left empty when notes and coins are typed).
        public var counted: String
        /// How many of each note and coin, by denomination in fen (see ``ShiftDesk/denominations``).
        public var notes: [Int64: String]
        public var note: String
        public init(counted: String = "", notes: [Int64: String] = [:], note: String = "") {
            self.counted = counted; self.notes = notes; self.note = note
        }

        /// The form field of a denomination: `n10000` for ¥100 notes.
        public static func field(_ denomination: Int64) -> String { "n\(denomination)" }
    }

    /// Closes the open shift (lead only): sums its events, records the counted cash and the
    /// difference, and seals every book. Returns the final closing report.
    @discardableResult
    public func close(_ form: CloseForm, by actor: Actor) throws -> ClosingReport {
        try actor.requireLead(.closeShift)
        // A damaged book cannot be sealed: the close waits until it is looked into.
        if let damage = others.lazy.compactMap(\.damage).first { throw damage }
        let (counted, notes) = try Self.counted(form)
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        var report = try book.transaction { (state, tx) -> ClosingReport in
            guard let shift = state.open else { throw ShiftError.noOpenShift }
            let now = context.now()
            let year = context.time.civil(now).year
            let (seals, _) = try currentHeads(year: year)
            let report = try liveReport(shift, seals: seals, year: year, now: now)
            let t = report.tally
            var body: JSONObject = [
                "shift": .string(shift.id), "openedSeq": .int(shift.openedSeq), "seals": BookHead.json(seals),
                "floatFen": .int(shift.float.fen), "depositsTakenFen": .int(t.umbrellas.depositsTaken.fen),
                "depositsRefundedFen": .int(t.umbrellas.depositsRefunded.fen), "damageChargesFen": .int(t.umbrellas.damageCharges.fen),
                "serviceFeesFen": .int(t.services.fees.fen), "paidInFen": .int(t.paidIn.fen), "paidOutFen": .int(t.paidOut.fen),
                "expectedFen": .int(report.expectedCash.fen), "countedFen": .int(counted.fen),
                "differenceFen": .int((counted - report.expectedCash).fen), "note": .string(note),
                "stillOut": .object(Self.stillOutCounts(report.stillOut)),
            ]
            if !notes.isEmpty { body["notes"] = .object(JSONObject(notes.map { (String($0.key), JSONValue.int(Int64($0.value))) })) }
            // A difference is recorded, never a reason to refuse; but it must be explained.
            if counted != report.expectedCash && note.isEmpty {
                throw ShiftError.differenceNeedsNote(counted: counted, expected: report.expectedCash)
            }
            body = BookWriter.Appender.approved(body, by: actor)   // before the seal, which covers the body
            let own = book.writer.head   // the shift book's head before the close line
            let code = SealCode.compute(year: year, heads: seals, shiftHead: BookHead(seq: own.year == year ? own.seq : 0, hash: own.hash),
                                        closeSeq: (own.year == year ? own.seq : 0) + 1, op: actor.id, body: body)
            body[SealCode.bodyKey] = .string(code.description)
            try tx.append(ShiftEvents.closed, body, op: actor.id)
            var sealed = report
            sealed.sealCode = code
            return sealed
        }
        book.writer.syncHeads()
        if let closed = book.state.lastClosed, closed.id == report.scopeName {
            report.shifts = [closed]
            report.counted = counted
            report.notes = notes
            report.note = note
            report.provisional = false
            report.to = closed.closing!.closedAt
        }
        startOffsets = [:]
        lastClosingReport = report
        return report
    }

    /// How many things are still out, per kind, as the close records them: the umbrellas,
    /// strollers, open reports and items past retention, and each other book's section.
    static func stillOutCounts(_ s: StillOut) -> JSONObject {
        var counts: JSONObject = ["umbrellas": .int(Int64(s.umbrellas.count)), "strollers": .int(Int64(s.strollers.count)),
                                  "openReports": .int(Int64(s.openReports.count)), "pastRetention": .int(Int64(s.pastRetention.count))]
        for section in s.sections { counts[section.book.rawValue] = .int(Int64(section.lines.count)) }
        return counts
    }

    /// The cash counted on a close form, and the notes and coins when typed.
    static func counted(_ form: CloseForm) throws -> (Money, [Int64: Int]) {
        var notes: [Int64: Int] = [:]
        var sum: Int64 = 0
        for d in denominations {
            let text = (form.notes[d] ?? "").trimmingSpaces()
            guard !text.isEmpty else { continue }
            let n = try FieldCheck.integer(text, field: CloseForm.field(d), min: 0, max: 1_000_000)
            if n > 0 { notes[d] = Int(n) }
            sum += n * d
        }
        let typed = form.counted.trimmingSpaces()
        let anyNotes = denominations.contains { !(form.notes[$0] ?? "").trimmingSpaces().isEmpty }
        if typed.isEmpty {
            guard anyNotes else { throw ShiftError.nothingCounted }
            guard sum <= Money.maximum.fen else { throw CommonError.badAmount(field: "counted", reason: .tooLarge) }
            return (Money(fen: sum), notes)
        }
        let amount = try FieldCheck.money(typed, field: "counted")
        if anyNotes && amount.fen != sum { throw ShiftError.countedDiffersFromNotes(typed: amount, notes: Money(fen: sum)) }
        return (amount, notes)
    }

    // MARK: - Reports

    /// The report of the open shift so far (expected cash, what is still out): what the
    /// lead sees before counting. Throws ``ShiftError/noOpenShift`` when none is open.
    public func currentReport() throws -> ClosingReport {
        try book.refresh()
        guard let shift = state.open else { throw ShiftError.noOpenShift }
        let now = context.now()
        let year = max(context.time.civil(now).year, shift.openedYear)
        let (heads, _) = try currentHeads(year: year)
        return try liveReport(shift, seals: heads, year: year, now: now)
    }

    /// The report of any shift, plaza day or year, read from the ledgers (what
    /// `plazadesk report` prints).
    public func report(_ scope: ClosingReport.Scope) throws -> ClosingReport {
        for b in others { try b.flushToFile() }
        try book.flushToFile()
        return try ClosingReader.report(scope, data: context.data, config: context.config, now: context.now(), registry: registry)
    }

    /// The report of `shift` from its opening heads up to `seals` (the heads now), with
    /// what is out now by the live state.
    func liveReport(_ shift: Shift, seals: [BookName: BookHead], year: Int, now: Int64) throws -> ClosingReport {
        // Nothing appended and the clock where it was: the same report (the close form was
        // just shown with it).
        if let c = lastLive, c.shift == shift, c.seals == seals, c.now == now { return c.report }
        let report = try computeLiveReport(shift, seals: seals, year: year, now: now)
        lastLive = (shift, seals, now, report)
        return report
    }

    func computeLiveReport(_ shift: Shift, seals: [BookName: BookHead], year: Int, now: Int64) throws -> ClosingReport {
        var tally = ClosingTally()
        var warnings: [String] = []
        let hints = startOffsets[shift.id] ?? [:]
        let known = Set(others.map(\.book))
        let books = others.map(\.book) + foreign.books(context.data, year: year, excluding: known)
        for b in others { try b.flushToFile() }
        for b in books {
            let add = ClosingTally.adder(for: b, in: registry)
            let head = shift.heads[b]
            let start = ClosingReader.WindowStart(year: shift.openedYear, seq: head?.seq ?? 0, hash: head?.hash, offset: head == nil ? nil : hints[b])
            let end = ClosingReader.Position(year: year, seq: seals[b]?.seq ?? 0)
            warnings += try ClosingReader.scanBook(context.data, b, from: start, firstYear: shift.openedYear, lastYear: year) { y, records in
                for r in records where ClosingReader.Position(year: y, seq: r.seq) <= end { add(&tally, r) }
            }
        }
        tally.movements = shift.movements
        if !shift.movements.isEmpty { tally.events[.shift] = [ShiftEvents.paid: shift.movements.count] }
        var stillOut = StillOut(at: now)
        for source in stillOutSources { source(&stillOut, context.config) }
        return ClosingReport.compose(scope: .shift(shift.id), from: shift.openedAt, to: now, provisional: true, time: context.time,
                                     tally: tally, shifts: [shift], stillOut: stillOut, warnings: warnings, registry: registry)
    }

    /// Every other book's head now (after catching up with other consoles), for the books
    /// of `year` that have an event; and where each book's file ends.
    func currentHeads(year: Int) throws -> ([BookName: BookHead], [BookName: Int64]) {
        var heads: [BookName: BookHead] = [:]
        var offsets: [BookName: Int64] = [:]
        for b in others {
            try b.refresh()
            let h = b.head
            guard h.year == year, h.seq > 0 else { continue }
            heads[b.book] = BookHead(seq: h.seq, hash: h.hash)
            offsets[b.book] = b.tailOffset
        }
        let known = Set(others.map(\.book))
        for (b, h) in try foreign.heads(context.data, year: year, excluding: known) { heads[b] = h }
        return (heads, offsets)
    }

    func stamp(_ instant: Int64) -> String {
        let c = context.time.civil(instant)
        return c.dateString + " " + c.timeString
    }
}

/// What the shift desk needs of another service's book: its head, catching up, and (for a
/// deferred writer) its buffered lines in the file before the file is read.
protocol ClosingBook: AnyObject {
    var book: BookName { get }
    var head: (year: Int?, seq: Int64, hash: ChainHash) { get }
    /// Why the book is open in damaged mode, if it is (``ServiceBook/damage``).
    var damage: (any Error)? { get }
    func refresh() throws
    /// Writes what a deferred writer has buffered (without fsync): the file then holds every
    /// line the head names. Nothing to do for an immediate writer.
    func flushToFile() throws
    /// The byte offset in the head year's file where the next line will go.
    var tailOffset: Int64 { get }
}

extension ServiceBook: ClosingBook {
    func flushToFile() throws { try writer.flushPending() }
    var tailOffset: Int64 { writer.tail?.size ?? 0 }
}

/// Heads of books found in a year's folder that no desk service has open (written by
/// another tool): read from the file, continuing from where the last read stopped.
struct ForeignHeads {
    var known: [String: (offset: Int64, seq: Int64, hash: ChainHash)] = [:]

    func books(_ data: DataDirectory, year: Int, excluding: Set<BookName>) -> [BookName] {
        LedgerVerifier.booksIn(data: data, year: year).filter { !excluding.contains($0) && $0 != .shift }
    }

    mutating func heads(_ data: DataDirectory, year: Int, excluding: Set<BookName>) throws -> [BookName: BookHead] {
        var out: [BookName: BookHead] = [:]
        for b in books(data, year: year, excluding: excluding) {
            let path = LedgerPaths.bookPath(data, year: year, book: b)
            var from = known[path]
            if from == nil {
                let before = data.years().last { $0 < year && POSIXFile.exists(LedgerPaths.bookPath(data, year: $0, book: b)) }
                from = (0, 0, try before.map { try LedgerPaths.lastHash(data, year: $0, book: b) } ?? .zero)
            }
            let scan = try BookScanner.scan(path: path, from: from!.offset, startSeq: from!.seq, startPrev: from!.hash, decode: false)
            if case .damaged(let seq, _, let reason)? = scan.problem { throw LedgerError.damaged(book: b, year: year, seq: seq, reason: reason) }
            known[path] = (scan.soundLength, scan.lastSeq, scan.lastHash)
            if scan.lastSeq > 0 { out[b] = BookHead(seq: scan.lastSeq, hash: scan.lastHash) }
        }
        return out
    }
}
