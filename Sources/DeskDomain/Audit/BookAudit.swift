/// The rules of one book that its state can check, before each event is applied: what a
/// hash cannot show (a refund that does not add up, a unit lent twice …).
protocol BookRules {
    associatedtype State: BookState
    /// Checks `r` against the state just before it; flags what it breaks.
    mutating func check(_ r: LedgerRecord, _ state: State, _ log: inout AuditLog)
    /// Sees `r` once it is applied (the operators book builds the lead timeline here).
    mutating func applied(_ r: LedgerRecord, _ state: State)
}

extension BookRules {
    mutating func applied(_ r: LedgerRecord, _ state: State) {}
}

/// Replays one book, every year in order, through its service's own `State.apply`, and
/// checks each event first: its schema, its references, its time, its lead, its book's
/// rules; then compares the snapshot, if any, with the state at the snapshot's seq.
struct BookAudit<Rules: BookRules> {
    typealias State = Rules.State
    let data: DataDirectory
    let schema: BookSchema
    var rules: Rules
    /// Nil for the operators book, whose rules check leads from its own state.
    let leads: LeadTimeline?
    let tolerance: Int64
    /// Authenticates the snapshot; nil: the snapshot is not compared.
    let snapshotKey: SnapshotKey?
    var log: AuditLog
    var state = State()
    /// Per year replayed, each seq's event type (its position in the schema; 255 when
    /// unknown); the current year's in ``current``.
    var kinds: [Int: [UInt8]] = [:]
    var current: [UInt8] = []
    /// The latest time seen in the book so far.
    var latest = Int64.min
    /// The year replayed before the current one, if any.
    var previousYear: Int?
    /// Per schema position, its reference fields (name, allowed positions, year field).
    let references: [[(name: String, allowed: [UInt8], yearField: String?)]]
    var events: Int64 = 0
    /// When set, each scan also keeps the hashes `verify` checks, and every year is read
    /// (past a problem without replay), so ``scans`` stand in for plain `verify`'s.
    let plan: VerifyPlan?
    /// Per year, the scan of the book's file, as plain `verify` would have made it.
    var scans: [Int: BookScan] = [:]

    init(data: DataDirectory, schema: BookSchema, rules: Rules, leads: LeadTimeline?, tolerance: Int64, cap: Int,
         snapshotKey: SnapshotKey? = nil, plan: VerifyPlan? = nil) {
        self.data = data; self.schema = schema; self.rules = rules; self.leads = leads; self.tolerance = tolerance
        self.snapshotKey = snapshotKey; self.plan = plan
        log = AuditLog(book: schema.book, cap: cap)
        references = schema.events.map { e in
            e.references.map { f in
                guard case let .seq(events, yearField) = f.type else { return (f.name, [], nil) }
                return (f.name, events.compactMap { schema.position($0).map(UInt8.init) }, yearField)
            }
        }
    }

    /// Replays every year up to `lastYear` (all when nil), then (all years only) compares
    /// the book's snapshot, if there is one.
    mutating func run(lastYear: Int?) throws {
        let book = schema.book
        var prev = ChainHash.zero
        var head: (year: Int, seq: Int64, hash: ChainHash)?
        let years = data.years().filter { y in lastYear.map { y <= $0 } ?? true }
        var stopped = false
        for y in years {
            let path = LedgerPaths.bookPath(data, year: y, book: book)
            guard POSIXFile.exists(path) else { continue }
            let wanted = plan?.wanted(book, y) ?? []
            if stopped {
                // Past a problem nothing is replayed; the plan still wants each year's chain.
                let scan = try BookScanner.scan(path: path, startPrev: prev, decode: false, collect: wanted)
                scans[y] = scan
                prev = scan.lastHash
                continue
            }
            log.year = y
            current = []
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: true, collect: wanted) { records in
                for r in records { step(r, year: y) }
            }
            scans[y] = scan
            kinds[y] = current
            if scan.lastSeq > 0 { head = (y, scan.lastSeq, scan.lastHash) }
            if scan.problem != nil {
                // `verify` names it; nothing past it is replayed.
                guard plan != nil else { break }
                stopped = true
            }
            prev = scan.lastHash
            previousYear = y
        }
        if lastYear == nil, let key = snapshotKey, POSIXFile.exists(SnapshotStore.path(book, data)) {
            try compareSnapshot(head: head, key: key)
        }
    }

    /// The snapshot must hold the hash of the line it was taken at and the state replayed
    /// up to that line. It is read only now, beside the replayed state, so that two whole
    /// states are in memory only at the end; one taken before the head (another console
    /// appended since) is compared with the book replayed again up to its seq.
    mutating func compareSnapshot(head: (year: Int, seq: Int64, hash: ChainHash)?, key: SnapshotKey) throws {
        let snap: SnapshotStore.Loaded<State>
        switch SnapshotStore.load(book: schema.book, data: data, key: key, as: State.self) {
        case .absent: return   // an older build's format: replayed over, never used
        case .failsKeyCheck:
            log.year = head?.year ?? 0
            log.flag(seq: 0, .snapshot, "snapshot fails its key check (forged or damaged)")
            return
        case .loaded(let s): snap = s
        }
        log.year = snap.year
        var replayed: (hash: ChainHash, state: State)?
        if let head, head.year == snap.year, head.seq == snap.seq {
            replayed = (head.hash, state)
        } else {
            replayed = try replay(upTo: snap.year, seq: snap.seq)
        }
        guard let replayed else {
            log.flag(seq: snap.seq, .snapshot, "the snapshot was taken at seq \(snap.seq) of \(snap.year), which the book does not reach")
            return
        }
        if replayed.hash != snap.hash {
            log.flag(seq: snap.seq, .snapshot, "the snapshot was taken at a line whose hash was \(snap.hash.hex.prefix(12))…, but the line's hash is \(replayed.hash.hex.prefix(12))…")
        } else if replayed.state != snap.state {
            log.flag(seq: snap.seq, .snapshot, "the snapshot's state differs from the book replayed up to seq \(snap.seq)")
        }
    }

    /// The book's state and hash just after `seq` of `year`, replayed afresh (no checks).
    func replay(upTo year: Int, seq: Int64) throws -> (hash: ChainHash, state: State)? {
        var fresh = State()
        var prev = ChainHash.zero
        var found: ChainHash?
        for y in data.years() where y <= year {
            let path = LedgerPaths.bookPath(data, year: y, book: schema.book)
            guard POSIXFile.exists(path) else { continue }
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: true) { records in
                for r in records where found == nil {
                    fresh.apply(r)
                    if y == year && r.seq == seq { found = r.hash }
                }
            }
            prev = scan.lastHash
        }
        return found.map { ($0, fresh) }
    }

    /// Checks one event, then applies it.
    mutating func step(_ r: LedgerRecord, year y: Int) {
        events += 1
        if r.instant + tolerance < latest {
            let t = PlazaTime(offsetSeconds: r.offsetSeconds)
            log.flag(r, .clock, "\(r.at) is earlier than the book's latest entry \(t.rfc3339(latest)) by more than \(tolerance / 60) minutes")
        }
        latest = max(latest, r.instant)
        guard let position = schema.position(r.ev) else {
            log.flag(r, .unknownEvent, "\(schema.book) has no event '\(r.ev)'")
            current.append(255)
            state.apply(r)
            return
        }
        let event = schema.events[position]
        if let problem = event.violation(in: r.body) {
            log.flag(r, .schema, "\(r.ev): \(problem)")
        } else {
            var referencesHold = true
            for ref in references[position] where !checkReference(r, year: y, ref) { referencesHold = false }
            if let leads {
                // A lead's approval on a clerk's console must be a lead's, whatever the event;
                // a lead-only event needs it unless its operator is a lead.
                let approver = r.body[BookWriter.Appender.approvedByKey]?.stringValue
                if let approver, !leads.isLead(approverID: approver, at: r.instant) {
                    log.flag(r, .leadOnly, "\(r.ev) was approved by \(approver), who was not an active lead at \(r.at)")
                } else if approver == nil, event.needsLead(r.body), !leads.isLead(r.op, at: r.instant) {
                    log.flag(r, .leadOnly, "\(r.ev) needs a shift lead, but \(r.op) was not an active lead at \(r.at)")
                }
            }
            // A broken reference is reported once, not again by the rules that follow it.
            if referencesHold { rules.check(r, state, &log) }
        }
        current.append(UInt8(position))
        state.apply(r)
        rules.applied(r, state)
    }

    /// A seq field must name an earlier event of an allowed type: in the year its year
    /// field gives, or (without one) in the same year or the year before (a loan out over
    /// New Year).
    mutating func checkReference(_ r: LedgerRecord, year y: Int, _ ref: (name: String, allowed: [UInt8], yearField: String?)) -> Bool {
        guard let seq = r.body[ref.name]?.intValue else { return true }
        let wanted = ref.allowed.map { schema.events[Int($0)].event }.joined(separator: " or ")
        var candidates: [Int] = []
        if let yf = ref.yearField {
            guard let named = r.body[yf]?.intValue else { return true }
            candidates = [Int(named)]
        } else {
            candidates = [y] + (previousYear.map { [$0] } ?? [])
        }
        var found: String?
        for cy in candidates {
            guard cy <= y, let list = cy == y ? Optional(current) : kinds[cy] else { continue }
            let limit = cy == y ? r.seq - 1 : Int64(list.count)
            guard seq <= limit, seq <= Int64(list.count) else { continue }
            let kind = list[Int(seq - 1)]
            if ref.allowed.contains(kind) { return true }
            found = found ?? (kind == 255 ? "an unknown event" : schema.events[Int(kind)].event)
        }
        if let found {
            log.flag(r, .reference, "\(ref.name) \(seq) is \(found), not \(wanted)")
        } else {
            log.flag(r, .reference, "\(ref.name) \(seq) names no earlier event of the book\(ref.yearField.map { " in \(r.body[$0]?.intValue ?? 0)" } ?? "")")
        }
        return false
    }
}
