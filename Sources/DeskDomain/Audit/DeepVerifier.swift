import Dispatch
import Foundation

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
        let scans = ScanBox()
        func audit<R: BookRules>(_ book: BookName, _ rules: R, _ leads: LeadTimeline?) throws -> (AuditLog, Int64, R) {
            var a = BookAudit(data: data, schema: BookSchemas.of(book)!, rules: rules, leads: leads, tolerance: tolerance, cap: cap,
                               snapshotKey: key, plan: plan)
            try a.run(lastYear: year)
            scans.put(book, a.scans)
            return (a.log, a.events, a.rules)
        }
        // The operators book first: every other book's lead-only events are held to it.
        let (operatorsLog, operatorEvents, operatorRules) = try audit(.operators, OperatorRules(), nil)
        let leads = operatorRules.timeline
        let jobs: [(BookName, () throws -> (AuditLog, Int64))] = [
            // The order the desk opens them in: the largest first, invoices and points apart.
            (.invoice, { let (l, n, _) = try audit(.invoice, InvoiceRules(leads: leads), leads); return (l, n) }),
            (.services, { let (l, n, _) = try audit(.services, ServicesRules(leads: leads), leads); return (l, n) }),
            (.points, { let (l, n, _) = try audit(.points, PointsRules(), leads); return (l, n) }),
            (.lostfound, { let (l, n, _) = try audit(.lostfound, LostFoundRules(), leads); return (l, n) }),
            (.umbrella, { let (l, n, _) = try audit(.umbrella, UmbrellaRules(), leads); return (l, n) }),
            (.stroller, { let (l, n, _) = try audit(.stroller, StrollerRules(), leads); return (l, n) }),
            (.shift, { let (l, n, _) = try audit(.shift, ShiftRules(), leads); return (l, n) }),
        ]
        let slots = jobs.map { _ in ParallelOpening.Slot<(AuditLog, Int64)>() }
        ParallelOpening.run(zip(jobs, slots).map { job, slot in ParallelOpening.job(slot, job.1) })
        var logs: [BookName: (AuditLog, Int64)] = [.operators: (operatorsLog, operatorEvents)]
        for (job, slot) in zip(jobs, slots) { logs[job.0] = try slot.get() }
        var result = Result()
        for book in BookName.desk {
            guard let (log, events) = logs[book] else { continue }
            result.events += events
            let kept = year.map { y in log.findings.filter { $0.year == y } } ?? log.findings
            result.findings += kept
            result.total += year == nil ? log.total : kept.count
        }
        result.reports = try plan?.reports(scanned: scans.all)
        return result
    }

    /// The scans the parallel audits made, gathered under a lock.
    final class ScanBox: @unchecked Sendable {
        private let lock = NSLock()
        private var scans: [BookName: [Int: BookScan]] = [:]
        func put(_ book: BookName, _ s: [Int: BookScan]) { lock.lock(); scans[book] = s; lock.unlock() }
        var all: [BookName: [Int: BookScan]] { lock.lock(); defer { lock.unlock() }; return scans }
    }
}
