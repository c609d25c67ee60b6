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
        /// The books replayed, each through its own rules (a test adds its own book).
        var registry = BookRegistry.standard
        public init(clockToleranceSeconds: Int64 = 300, findingsPerBook: Int = 1000, personalDataKey: PersonalDataKey? = nil) {
            self.clockToleranceSeconds = clockToleranceSeconds; self.findingsPerBook = findingsPerBook
            self.personalDataKey = personalDataKey
        }
    }

    /// What the deep check found.
    public struct Result: Sendable {
        /// The findings kept, book by book in `BookName.desk` order (the registry's), each book's in seq order.
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
    /// whose findings alone are kept). Books not registered (``BookRegistry``) are left to
    /// `verify`. With every year, the same reads also give plain `verify`'s reports
    /// (``Result/reports``), so `verify --deep` reads each line once.
    public static func verify(data: DataDirectory, year: Int? = nil, options: Options = Options()) throws -> Result {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        let run = Run(data: data, year: year, tolerance: options.clockToleranceSeconds, cap: options.findingsPerBook,
                      key: options.personalDataKey.map(SnapshotKey.init), plan: year == nil ? try VerifyPlan(data: data) : nil)
        let registry = options.registry
        // The book that says who leads first: every other book's lead-only events are held to it.
        var audited: [BookName: Audited] = [:]
        var leads = LeadTimeline()
        for book in registry.books where book.saysWhoLeads {
            let (a, timeline) = try book.audit(run, leads: nil)
            audited[book.name] = a
            if let timeline { leads = timeline }
        }
        // The others side by side, in the order the desk opens them: the largest first,
        // invoices and points apart.
        let others = registry.openingOrder.filter { !$0.saysWhoLeads }
        let slots = others.map { _ in ParallelOpening.Slot<Audited>() }
        ParallelOpening.run(zip(others, slots).map { book, slot in
            ParallelOpening.job(slot) { [leads] in try book.audit(run, leads: leads).0 }
        })
        for (book, slot) in zip(others, slots) { audited[book.name] = try slot.get() }
        var result = Result()
        for book in registry.names {
            guard let a = audited[book] else { continue }
            result.events += a.events
            let kept = year.map { y in a.log.findings.filter { $0.year == y } } ?? a.log.findings
            result.findings += kept
            result.total += year == nil ? a.log.total : kept.count
        }
        result.reports = try run.plan?.reports(scanned: audited.mapValues(\.scans))
        return result
    }

    /// What every book's audit is run with.
    struct Run {
        let data: DataDirectory
        /// The last year replayed (nil: all).
        let year: Int?
        let tolerance: Int64
        let cap: Int
        /// Authenticates each snapshot before it is compared; nil: not compared.
        let key: SnapshotKey?
        /// Plain `verify`'s plan, with every year (the scans then stand in for its reads).
        let plan: VerifyPlan?
    }

    /// What one book's audit found, and its scans (standing in for plain `verify`'s).
    struct Audited {
        var log: AuditLog
        var events: Int64
        var scans: [Int: BookScan]
    }
}
