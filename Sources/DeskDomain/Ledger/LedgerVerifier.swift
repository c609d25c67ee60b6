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
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        var acknowledged: [Int: [BookName: [AcknowledgedHead]]] = [:]
        for a in AcknowledgedHeads.readAll(data: data).merged { acknowledged[a.year, default: [:]][a.book, default: []].append(a) }
        let years = Set(data.years()).union(acknowledged.keys).sorted()
        if let year, !years.contains(year) {
            throw LedgerError.io(path: data.yearFolder(year), action: "find the year folder", errno: 2)
        }
        var reports: [Report] = []
        var lastHash: [BookName: ChainHash] = [:]
        for y in years {
            let books = booksIn(data: data, year: y)
            if let year, y < year {
                // Only the link into the asked year matters: take last hashes as written.
                for b in books { lastHash[b] = try? LedgerPaths.lastHash(data, year: y, book: b) }
                continue
            }
            if let year, y > year { break }
            let (seals, shiftFault) = try readSeals(data: data, year: y, startPrev: lastHash[LedgerSeal.shiftBook] ?? .zero)
            var sealed: [BookName: [LedgerSeal]] = [:]
            for s in seals { sealed[s.book, default: []].append(s) }
            for b in books {
                let path = LedgerPaths.bookPath(data, year: y, book: b)
                let acks = acknowledged[y]?[b] ?? []
                let wanted = Set((sealed[b] ?? []).map(\.seq) + acks.map(\.seq))
                var scan = try BookScanner.scan(path: path, startPrev: lastHash[b] ?? .zero, decode: false, collect: wanted)
                lastHash[b] = scan.lastHash
                if b == LedgerSeal.shiftBook, let (seq, reason) = shiftFault { worsen(&scan, seq: seq, reason: reason) }
                if let (seq, reason) = brokenSeal(sealed[b] ?? [], scan: scan) { worsen(&scan, seq: seq, reason: reason) }
                for a in acks {
                    guard let m = AcknowledgedHeadMismatch.check(a, lastSeq: scan.lastSeq, hashAtSeq: scan.collectedHashes[a.seq]) else { continue }
                    // A torn tail this machine had acknowledged is a lost line, not a crash's leftover.
                    if case .tornTail(let seq, _, _, let reason)? = scan.problem {
                        scan.problem = .damaged(seq: seq, offset: 0, reason: "\(reason); \(m.reason)")
                    } else {
                        worsen(&scan, seq: a.seq, reason: m.reason)
                    }
                }
                reports.append(Report(book: b, year: y, path: path, scan: scan))
            }
            // A book this machine acknowledged that has no file this year: deleted.
            for (b, list) in (acknowledged[y] ?? [:]).sorted(by: { $0.key < $1.key }) where !books.contains(b) {
                let a = list.max { $0.seq < $1.seq }!
                var scan = BookScan()
                scan.problem = .damaged(seq: a.seq, offset: 0, reason: AcknowledgedHeadMismatch(acknowledged: a, kind: .missing).reason)
                reports.append(Report(book: b, year: y, path: LedgerPaths.bookPath(data, year: y, book: b), scan: scan))
            }
            // A seal naming a book that has no file this year: the whole book is missing.
            for (b, list) in sealed.sorted(by: { $0.key < $1.key }) where !books.contains(b) && acknowledged[y]?[b] == nil {
                let first = list.min { ($0.seq, $0.shiftSeq) < ($1.seq, $1.shiftSeq) }!
                var scan = BookScan()
                scan.problem = .damaged(seq: first.seq, offset: 0,
                                        reason: "sealed at seq \(first.seq) by shift seq \(first.shiftSeq), but the book has no file this year")
                reports.append(Report(book: b, year: y, path: LedgerPaths.bookPath(data, year: y, book: b), scan: scan))
            }
        }
        return reports
    }

    /// The seals recorded by the shift closes of a year, read from the shift book's sound
    /// lines; and the first `shift.closed` whose seals are not in the agreed shape, if any.
    public static func readSeals(data: DataDirectory, year: Int, startPrev: ChainHash) throws
        -> (seals: [LedgerSeal], fault: (seq: Int64, reason: String)?) {
        let path = LedgerPaths.bookPath(data, year: year, book: LedgerSeal.shiftBook)
        guard POSIXFile.exists(path) else { return ([], nil) }
        var seals: [LedgerSeal] = []
        var fault: (Int64, String)?
        _ = try BookScanner.scan(path: path, startPrev: startPrev, decode: true) { records in
            for r in records where fault == nil && r.ev == LedgerSeal.event {
                do throws(LineFault) { seals += try LedgerSeal.seals(in: r) } catch { fault = (r.seq, error.reason) }
            }
        }
        return (seals, fault)
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

    /// The books that have a file in a year's folder (live or archived), in report order.
    public static func booksIn(data: DataDirectory, year: Int) -> [BookName] {
        var names = Set<BookName>()
        for folder in [data.yearFolder(year), data.archivedYearFolder(year)] {
            for f in (try? FileManagerShim.contents(folder)) ?? [] where f.hasSuffix(".jsonl") {
                if let b = BookName(String(f.dropLast(6))) { names.insert(b) }
            }
        }
        let known = BookName.desk.filter { names.contains($0) }
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
