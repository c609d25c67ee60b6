import Glibc

/// Reads closing reports straight from the ledger files: `plazadesk report` and the
/// console's view of past shifts. Read-only: takes no lock and writes nothing.
///
/// Every line read is checked (hash, seq, link) as it is summed; a damaged book is refused
/// with its name and seq, a torn last line only noted (the report covers the sound lines).
public enum ClosingReader {
    /// The closing report of a shift (open or closed), a plaza day or a plaza year.
    ///
    /// - Parameter now: the end of a shift still open, and the latest moment "still out"
    ///   is counted to.
    public static func report(_ scope: ClosingReport.Scope, data: DataDirectory, config: DeskConfig, now: Int64) throws -> ClosingReport {
        try report(scope, data: data, config: config, now: now, registry: .standard)
    }

    /// ``report(_:data:config:now:)`` with the books of `registry` summed and reported.
    static func report(_ scope: ClosingReport.Scope, data: DataDirectory, config: DeskConfig, now: Int64,
                       registry: BookRegistry) throws -> ClosingReport {
        let time = config.time
        let log = try ShiftLog.read(data)
        let yearsOnDisk = data.years()
        var tally = ClosingTally()
        var warnings = log.warnings
        let from: Int64, to: Int64
        var shifts: [Shift]
        var provisional = false
        let lastYear: Int
        /// Where each book's window starts and ends, by position (a shift) or by time.
        let start: (BookName) -> WindowStart?
        let inWindow: (BookName, Int, LedgerRecord) -> Bool
        let beforeEnd: (BookName, Int, LedgerRecord) -> Bool
        let firstWindowYear: Int
        switch scope {
        case .shift(let id):
            guard let shift = log.shifts[id] else { throw ShiftError.unknownShift(id) }
            from = shift.openedAt
            to = shift.closing?.closedAt ?? max(now, shift.openedAt)
            provisional = shift.isOpen
            shifts = [shift]
            firstWindowYear = shift.openedYear
            lastYear = shift.closing?.closedYear ?? max(yearsOnDisk.last ?? shift.openedYear, shift.openedYear)
            let end = { (b: BookName) in Position(year: lastYear, seq: shift.closing.map { $0.seals[b]?.seq ?? 0 } ?? Int64.max) }
            start = { b in WindowStart(year: shift.openedYear, seq: shift.heads[b]?.seq ?? 0, hash: shift.heads[b]?.hash) }
            inWindow = { b, y, r in
                if b == .shift { return r.body["shift"]?.stringValue == id && r.ev != ShiftEvents.opened && r.ev != ShiftEvents.closed }
                let p = Position(year: y, seq: r.seq)
                return p > Position(year: shift.openedYear, seq: shift.heads[b]?.seq ?? 0) && p <= end(b)
            }
            beforeEnd = { b, y, r in b == .shift || Position(year: y, seq: r.seq) <= end(b) }
        case .day(let d):
            from = time.instant(CivilTime(year: d.year, month: d.month, day: d.day))
            let next = CivilTime.civil(fromDays: CivilTime.days(year: d.year, month: d.month, day: d.day) + 1)
            to = time.instant(CivilTime(year: next.0, month: next.1, day: next.2))
            firstWindowYear = d.year
            lastYear = d.year
            shifts = []
            start = { _ in nil }
            inWindow = { _, _, r in r.instant >= from && r.instant < to }
            beforeEnd = { _, _, r in r.instant < to }
        case .year(let y):
            from = time.instant(CivilTime(year: y, month: 1, day: 1))
            to = time.instant(CivilTime(year: y + 1, month: 1, day: 1))
            firstWindowYear = y
            lastYear = y
            shifts = []
            start = { _ in nil }
            inWindow = { _, _, r in r.instant >= from && r.instant < to }
            beforeEnd = { _, _, r in r.instant < to }
        }
        if case .shift = scope {} else {
            shifts = log.order.compactMap { log.shifts[$0] }.filter { s in
                (s.openedAt >= from && s.openedAt < to) || (s.closing.map { $0.closedAt >= from && $0.closedAt < to } ?? false)
            }
        }

        var books = Set<BookName>()
        for y in yearsOnDisk where y <= lastYear { books.formUnion(LedgerVerifier.booksIn(data: data, year: y)) }
        var replays: [StillOutReplay] = []
        let registered = registry.names
        for book in registered.filter(books.contains) + books.subtracting(registered).sorted() {
            let add = ClosingTally.adder(for: book, in: registry)
            let replay = registry.definition(book)?.stillOutReplay()
            if let replay { replays.append(replay) }
            let keepsState = replay != nil
            // State that outlives a year (an umbrella out over New Year) needs every earlier year.
            let begin: WindowStart? = keepsState ? nil : start(book)
            let first = keepsState ? (yearsOnDisk.first ?? firstWindowYear) : firstWindowYear
            warnings += try scanBook(data, book, from: begin, firstYear: first, lastYear: lastYear) { year, records in
                for r in records {
                    guard beforeEnd(book, year, r) else { continue }
                    if inWindow(book, year, r) { add(&tally, r) }
                    replay?.apply(r)
                }
            }
        }
        // Still out at the close (or now, for a shift still open); a day or year in
        // progress is described as it stands now.
        var stillAt = to
        if case .shift = scope {} else { stillAt = min(to, max(now, from)) }
        var stillOut = StillOut(at: stillAt)
        for replay in replays { replay.addTo(&stillOut, config) }
        var report = ClosingReport.compose(scope: scope, from: from, to: to, provisional: provisional, time: time, tally: tally,
                                           shifts: shifts, stillOut: stillOut, warnings: warnings, registry: registry)
        if case .shift(let id) = scope { report.sealCode = log.sealCodes[id] }
        return report.checkedAgainstRecord()
    }

    /// The plaza day of a typed `YYYY-MM-DD` (or nil).
    public static func day(_ text: String) -> CivilTime? { CivilTime.parseDate(text.trimmingSpaces()) }

    // MARK: - Reading books

    /// A place in a book: a year's file and a seq in it.
    struct Position: Comparable {
        var year: Int
        var seq: Int64
        static func < (a: Position, b: Position) -> Bool { (a.year, a.seq) < (b.year, b.seq) }
    }

    /// Where reading a book starts: after line `seq` of `year`, whose hash is `hash`, at
    /// byte `offset` when known (found by counting lines otherwise). Seq 0: the year's start.
    struct WindowStart {
        var year: Int
        var seq: Int64
        var hash: ChainHash?
        var offset: Int64?
    }

    /// Reads a book's year files in order, from `start` (or from the start of `firstYear`)
    /// through `lastYear`, checking every line and its link to the one before; hands the
    /// records on with their file's year. Returns warnings (a torn last line); throws on
    /// damage.
    static func scanBook(_ data: DataDirectory, _ book: BookName, from start: WindowStart?, firstYear: Int, lastYear: Int,
                         deliver: (Int, [LedgerRecord]) throws -> Void) throws -> [String] {
        let years = data.years().filter { POSIXFile.exists(LedgerPaths.bookPath(data, year: $0, book: book)) }
        let begin = start?.year ?? firstYear
        var warnings: [String] = []
        var prev: ChainHash?
        for y in years where y >= begin && y <= lastYear {
            let path = LedgerPaths.bookPath(data, year: y, book: book)
            var offset: Int64 = 0, startSeq: Int64 = 0
            if let s = start, s.year == y, s.seq > 0, let hash = s.hash {
                offset = try s.offset ?? LedgerWindow.offset(afterLines: s.seq, path: path)
                startSeq = s.seq
                prev = hash
            } else if prev == nil {
                let before = years.last { $0 < y }
                prev = try before.map { try LedgerPaths.lastHash(data, year: $0, book: book) } ?? .zero
            }
            let scan = try BookScanner.scan(path: path, from: offset, startSeq: startSeq, startPrev: prev!, decode: true) { records in
                try deliver(y, records)
            }
            switch scan.problem {
            case nil: break
            case .tornTail(let seq, _, let bytes, _)?:
                warnings.append("book \(book) \(y): a torn last line at seq \(seq) (\(bytes) bytes) is left out; run 'plazadesk recover'")
            case .damaged(let seq, _, let reason)?:
                throw LedgerError.damaged(book: book, year: y, seq: seq, reason: reason)
            }
            prev = scan.lastHash
        }
        return warnings
    }
}

/// Every shift on record, read from the `shift` book of every year.
struct ShiftLog {
    var shifts: [String: Shift] = [:]
    /// Ids in the order the shifts opened.
    var order: [String] = []
    var warnings: [String] = []
    /// Each closed shift's seal code, recomputed from its close line.
    var sealCodes: [String: SealCode] = [:]

    mutating func apply(_ r: LedgerRecord) {
        switch r.ev {
        case ShiftEvents.opened:
            guard let s = Shift(opened: r) else { return }
            if shifts[s.id] == nil { order.append(s.id) }
            shifts[s.id] = s
        case ShiftEvents.paid:
            guard let m = CashMovement(r), shifts[m.shift]?.isOpen == true else { return }
            shifts[m.shift]!.movements.append(m)
        case ShiftEvents.closed:
            guard let id = r.body["shift"]?.stringValue, shifts[id]?.isOpen == true, let c = Shift.Closing(r) else { return }
            shifts[id]!.closing = c
            sealCodes[id] = SealCode.of(r)
        default:
            break
        }
    }

    static func read(_ data: DataDirectory) throws -> ShiftLog {
        var log = ShiftLog()
        let years = data.years()
        log.warnings = try ClosingReader.scanBook(data, .shift, from: nil, firstYear: years.first ?? 0, lastYear: years.last ?? 0) { _, records in
            for r in records { log.apply(r) }
        }
        return log
    }
}

/// Finding where a line starts without parsing the lines before it.
enum LedgerWindow {
    /// The byte offset just after the `lines`-th newline of a file: where the line with seq
    /// `lines + 1` starts, since seq counts the lines of a year's file from 1 without gaps.
    /// (The scan that follows checks the seq and the link, so a wrong guess is reported.)
    static func offset(afterLines lines: Int64, path: String) throws -> Int64 {
        guard lines > 0 else { return 0 }
        let fd = try POSIXFile.open(path, O_RDONLY, action: "open")
        defer { close(fd) }
        let size = try POSIXFile.size(fd, path: path).size
        let chunk = 4 << 20
        let buf = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buf.deallocate() }
        var seen: Int64 = 0
        var position: Int64 = 0
        while position < size {
            let got = try POSIXFile.pread(fd, into: UnsafeMutableRawPointer(buf), count: Int(min(Int64(chunk), size - position)), at: position, path: path)
            if got == 0 { break }
            var i = 0
            while i < got, let p = memchr(buf + i, 10, got - i) {
                let at = UnsafeMutableRawPointer(p).assumingMemoryBound(to: UInt8.self) - buf
                seen += 1
                if seen == lines { return position + Int64(at) + 1 }
                i = at + 1
            }
            position += Int64(got)
        }
        return size
    }
}
