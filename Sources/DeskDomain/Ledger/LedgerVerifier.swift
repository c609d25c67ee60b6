import Foundation

/// Checks a data directory's books without writing anything: `plazadesk verify`.
///
/// Every line is re-hashed and every seq and link checked, not just the ends; the first
/// line of a year must link to the last line of the same book's previous year; every seal
/// a shift close recorded (``LedgerSeal``) must still match its book; and every head this
/// machine acknowledged (``AcknowledgedHeads``, both copies) must still be in its book, so a
/// book cut, rolled back, re-hashed or deleted is damaged and named.
public enum LedgerVerifier {
    /// One book-year's verdict.
    public struct Report: Sendable, Equatable {
        public var book: BookName
        public var year: Int
        public var path: String
        public var scan: BookScan

        public var isSound: Bool { scan.problem == nil }
        public var isTornTail: Bool { if case .tornTail? = scan.problem { return true } else { return false } }
    }

    /// The overall verdict: the exit code of `verify`.
    public enum Verdict: Int32, Sendable {
        case sound = 0
        case damaged = 1
        case tornTailOnly = 2
    }

    /// Verifies every book of `year`, or of every year when `year` is nil.
    public static func verify(data: DataDirectory, year: Int? = nil) throws -> [Report] {
        let plan = try VerifyPlan(data: data)
        guard let year else { return try plan.reports() }
        guard plan.years.contains(year) else {
            throw LedgerError.io(path: data.yearFolder(year), action: "find the year folder", errno: 2)
        }
        // Only the link into the asked year matters: take the years before's last hashes as written.
        var reports: [Report] = []
        for b in plan.books(in: year) {
            let prev = plan.years.filter { $0 < year }.reversed().lazy
                .compactMap { y in try? LedgerPaths.lastHash(data, year: y, book: b) }.first
            let scan = try BookScanner.scan(path: LedgerPaths.bookPath(data, year: year, book: b), startPrev: prev ?? .zero,
                                            decode: false, collect: plan.wanted(b, year))
            reports.append(plan.report(b, year, scan: scan))
        }
        return reports + plan.missing(in: year)
    }

    /// The seals recorded by the shift closes of a year, read from the shift book's sound
    /// lines; and the first `shift.closed` whose seals are not in the agreed shape, if any.
    /// `lastHash` is the shift book's last sound line (nil when it has no file this year).
    public static func readSeals(data: DataDirectory, year: Int, startPrev: ChainHash) throws
        -> (seals: [LedgerSeal], fault: (seq: Int64, reason: String)?, lastHash: ChainHash?) {
        let path = LedgerPaths.bookPath(data, year: year, book: LedgerSeal.shiftBook)
        guard POSIXFile.exists(path) else { return ([], nil, nil) }
        var seals: [LedgerSeal] = []
        var fault: (Int64, String)?
        let scan = try BookScanner.scan(path: path, startPrev: startPrev, decode: true) { records in
            for r in records where fault == nil && r.ev == LedgerSeal.event {
                do throws(LineFault) { seals += try LedgerSeal.seals(in: r) } catch { fault = (r.seq, error.reason) }
            }
        }
        return (seals, fault, scan.lastHash)
    }

    /// The first seal (by sealed seq) that the scanned book breaks, if it comes before the
    /// book's first chain problem.
    static func brokenSeal(_ seals: [LedgerSeal], scan: BookScan) -> (Int64, String)? {
        let limit = scan.problem?.seq ?? Int64.max
        for s in seals.sorted(by: { ($0.seq, $0.shiftSeq) < ($1.seq, $1.shiftSeq) }) where s.seq < limit {
            if let h = scan.collectedHashes[s.seq] {
                if h != s.hash { return (s.seq, "the line differs from the seal of shift seq \(s.shiftSeq)") }
            } else {
                return (s.seq, "sealed by shift seq \(s.shiftSeq), but the book ends at seq \(scan.lastSeq)")
            }
        }
        return nil
    }

    /// Records a problem at `seq` unless the scan already has one at or before it.
    static func worsen(_ scan: inout BookScan, seq: Int64, reason: String) {
        if let p = scan.problem, p.seq <= seq { return }
        scan.problem = .damaged(seq: seq, offset: 0, reason: reason)
    }

    /// The books that have a file in a year's folder (live or archived), in report order
    /// (`order`, then any other book by name).
    public static func booksIn(data: DataDirectory, year: Int, order: [BookName] = BookName.desk) -> [BookName] {
        var names = Set<BookName>()
        for folder in [data.yearFolder(year), data.archivedYearFolder(year)] {
            for f in (try? FileManagerShim.contents(folder)) ?? [] where f.hasSuffix(".jsonl") {
                if let b = BookName(String(f.dropLast(6))) { names.insert(b) }
            }
        }
        let known = order.filter { names.contains($0) }
        return known + names.subtracting(known).sorted()
    }

    /// Problems with the register of acknowledged heads itself (a lost `.heads` beside this
    /// machine's copy, a missing or different `.id`): each makes `verify` say DAMAGED.
    public static func registerProblems(data: DataDirectory) -> [String] {
        AcknowledgedHeads.readAll(data: data).problems
    }

    public static func verdict(_ reports: [Report]) -> Verdict {
        if reports.contains(where: { !$0.isSound && !$0.isTornTail }) { return .damaged }
        if reports.contains(where: { $0.isTornTail }) { return .tornTailOnly }
        return .sound
    }
}

/// Folder listing (Foundation's), kept in one place for the ledger code.
enum FileManagerShim {
    static func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
    }
}
