import Dispatch

/// `plazadesk verify --deep`: replays every book through its service's own `apply` and
/// checks what a hash cannot — each body against its event's schema, each referenced seq,
/// the money and units each event moves, who may record it, its time — and compares each
/// snapshot with the state replayed up to it. Run it after ``LedgerVerifier`` finds the
/// books sound: it reads only sound lines.
///
///     let result = try DeepVerifier.verify(data: dir)
///     for f in result.findings.prefix(100) { print(f) }   // umbrella 2026 seq 17 [refund]: …
public enum DeepVerifier {
    /// What may be tuned.
    public struct Options: Sendable {
        /// How far a time may be earlier than its book's latest (a clock corrected back).
        public var clockToleranceSeconds: Int64 = 300
        /// Findings kept per book (all are counted).
        public var findingsPerBook = 1000
        /// The data directory's key, to authenticate each snapshot before comparing it; nil
        /// leaves snapshots unchecked (`verify` says so).
        public var personalDataKey: PersonalDataKey?
        public init(clockToleranceSeconds: Int64 = 300, findingsPerBook: Int = 1000, personalDataKey: PersonalDataKey? = nil) {
            self.clockToleranceSeconds = clockToleranceSeconds; self.findingsPerBook = findingsPerBook
            self.personalDataKey = personalDataKey
        }
    }

    /// What the deep check found.
    public struct Result: Sendable {
        /// The findings kept, book by book in `BookName.desk` order, each book's in seq order.
        public var findings: [DeepFinding] = []
        /// How many findings there were in all (more than `findings.count` when capped).
        public var total = 0
        /// Events replayed.
        public var events: Int64 = 0
        /// Plain `verify`'s reports, made from the same reads (all years only; nil with a year).
        public var reports: [LedgerVerifier.Report]?
        public var isSound: Bool { total == 0 }
    }

    /// Replays every book of the data directory (every year, or the years up to `year`,
    /// whose findings alone are kept). Books not registered in ``BookSchemas`` are left to
    /// `verify`. With every year, the same reads also give plain `verify`'s reports
    /// (``Result/reports``), so `verify --deep` reads each line once.
    public static func verify(data: DataDirectory, year: Int? = nil, options: Options = Options()) throws -> Result {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        let tolerance = options.clockToleranceSeconds, cap = options.findingsPerBook
        let key = options.personalDataKey.map(SnapshotKey.init)
        let plan = year == nil ? try VerifyPlan(data: data) : nil
        func audit<R: BookRules>(_ book: BookName, _ rules: R, _ leads: LeadTimeline?) throws -> (Audited, R) {
            var a = BookAudit(data: data, schema: BookSchemas.of(book)!, rules: rules, leads: leads, tolerance: tolerance, cap: cap,
                               snapshotKey: key, plan: plan)
            try a.run(lastYear: year)
            return (Audited(log: a.log, events: a.events, scans: a.scans), a.rules)
        }
        // The operators book first: every other book's lead-only events are held to it.
        let (operators, operatorRules) = try audit(.operators, OperatorRules(), nil)
        let leads = operatorRules.timeline
        let jobs: [(BookName, () throws -> Audited)] = [
            // The order the desk opens them in: the largest first, invoices and points apart.
            (.invoice, { try audit(.invoice, InvoiceRules(leads: leads), leads).0 }),
            (.services, { try audit(.services, ServicesRules(leads: leads), leads).0 }),
            (.points, { try audit(.points, PointsRules(), leads).0 }),
            (.lostfound, { try audit(.lostfound, LostFoundRules(), leads).0 }),
            (.umbrella, { try audit(.umbrella, UmbrellaRules(), leads).0 }),
            (.stroller, { try audit(.stroller, StrollerRules(), leads).0 }),
            (.shift, { try audit(.shift, ShiftRules(), leads).0 }),
        ]
        let slots = jobs.map { _ in ParallelOpening.Slot<Audited>() }
        ParallelOpening.run(zip(jobs, slots).map { job, slot in ParallelOpening.job(slot, job.1) })
        var audited: [BookName: Audited] = [.operators: operators]
        for (job, slot) in zip(jobs, slots) { audited[job.0] = try slot.get() }
        var result = Result()
        for book in BookName.desk {
            guard let a = audited[book] else { continue }
            result.events += a.events
            let kept = year.map { y in a.log.findings.filter { $0.year == y } } ?? a.log.findings
            result.findings += kept
            result.total += year == nil ? a.log.total : kept.count
        }
        result.reports = try plan?.reports(scanned: audited.mapValues(\.scans))
        return result
    }

    /// What one book's audit found, and its scans (standing in for plain `verify`'s).
    struct Audited {
        var log: AuditLog
        var events: Int64
        var scans: [Int: BookScan]
    }
}
