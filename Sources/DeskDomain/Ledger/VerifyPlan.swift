/// What `verify` holds each book-year to, read before any book is scanned: the years, the
/// heads this machine acknowledged, the seals every shift close recorded.
///
/// Plain `verify` scans each book against it; `verify --deep` hands the same plan to its
/// replay, so one read of every line both re-hashes it and replays it.
///
///     let plan = try VerifyPlan(data: dir)
///     let reports = try plan.reports()          // what LedgerVerifier.verify returns
public struct VerifyPlan: Sendable {
    public let data: DataDirectory
    /// Every year with a folder or an acknowledged head, in order.
    public let years: [Int]
    /// Per year, per book, the heads this machine acknowledged.
    let acknowledged: [Int: [BookName: [AcknowledgedHead]]]
    /// Per year, per book, the seals of that year's shift closes.
    let sealed: [Int: [BookName: [LedgerSeal]]]
    /// Per year, the first `shift.closed` whose seals are not in the agreed shape.
    let shiftFaults: [Int: (seq: Int64, reason: String)]
    /// Per year, the books that have a file.
    let booksByYear: [Int: [BookName]]

    /// Reads the register and every year's seals (the shift books, decoded).
    public init(data: DataDirectory) throws {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        self.data = data
        var acknowledged: [Int: [BookName: [AcknowledgedHead]]] = [:]
        for a in AcknowledgedHeads.readAll(data: data).merged { acknowledged[a.year, default: [:]][a.book, default: []].append(a) }
        self.acknowledged = acknowledged
        years = Set(data.years()).union(acknowledged.keys).sorted()
        var sealed: [Int: [BookName: [LedgerSeal]]] = [:], faults: [Int: (seq: Int64, reason: String)] = [:]
        var books: [Int: [BookName]] = [:]
        var shiftPrev = ChainHash.zero
        for y in years {
            books[y] = LedgerVerifier.booksIn(data: data, year: y)
            let read = try LedgerVerifier.readSeals(data: data, year: y, startPrev: shiftPrev)
            for s in read.seals { sealed[y, default: [:]][s.book, default: []].append(s) }
            faults[y] = read.fault
            if let last = read.lastHash { shiftPrev = last }
        }
        self.sealed = sealed; shiftFaults = faults; booksByYear = books
    }

    /// The books with a file in `year`, in report order.
    public func books(in year: Int) -> [BookName] { booksByYear[year] ?? [] }

    /// The seqs of `book` in `year` whose hashes the scan must keep (sealed or acknowledged).
    public func wanted(_ book: BookName, _ year: Int) -> Set<Int64> {
        Set((sealed[year]?[book] ?? []).map(\.seq) + (acknowledged[year]?[book] ?? []).map(\.seq))
    }

    /// The verdict on one book-year from its scan (made with ``wanted(_:_:)`` collected):
    /// its chain, its seals, the heads this machine acknowledged.
    public func report(_ book: BookName, _ year: Int, scan: BookScan) -> LedgerVerifier.Report {
        var scan = scan
        if book == LedgerSeal.shiftBook, let (seq, reason) = shiftFaults[year] { LedgerVerifier.worsen(&scan, seq: seq, reason: reason) }
        if let (seq, reason) = LedgerVerifier.brokenSeal(sealed[year]?[book] ?? [], scan: scan) {
            LedgerVerifier.worsen(&scan, seq: seq, reason: reason)
        }
        for a in acknowledged[year]?[book] ?? [] {
            guard let m = AcknowledgedHeadMismatch.check(a, lastSeq: scan.lastSeq, hashAtSeq: scan.collectedHashes[a.seq]) else { continue }
            // A torn tail this machine had acknowledged is a lost line, not a crash's leftover.
            if case .tornTail(let seq, _, _, let reason)? = scan.problem {
                scan.problem = .damaged(seq: seq, offset: 0, reason: "\(reason); \(m.reason)")
            } else {
                LedgerVerifier.worsen(&scan, seq: a.seq, reason: m.reason)
            }
        }
        return LedgerVerifier.Report(book: book, year: year, path: LedgerPaths.bookPath(data, year: year, book: book), scan: scan)
    }

    /// The books of `year` that have no file although this machine acknowledged a head of
    /// theirs or a seal names them: each is damaged, named.
    public func missing(in year: Int) -> [LedgerVerifier.Report] {
        let books = books(in: year)
        var reports: [LedgerVerifier.Report] = []
        // A book this machine acknowledged that has no file this year: deleted.
        for (b, list) in (acknowledged[year] ?? [:]).sorted(by: { $0.key < $1.key }) where !books.contains(b) {
            let a = list.max { $0.seq < $1.seq }!
            var scan = BookScan()
            scan.problem = .damaged(seq: a.seq, offset: 0, reason: AcknowledgedHeadMismatch(acknowledged: a, kind: .missing).reason)
            reports.append(.init(book: b, year: year, path: LedgerPaths.bookPath(data, year: year, book: b), scan: scan))
        }
        // A seal naming a book that has no file this year: the whole book is missing.
        for (b, list) in (sealed[year] ?? [:]).sorted(by: { $0.key < $1.key }) where !books.contains(b) && acknowledged[year]?[b] == nil {
            let first = list.min { ($0.seq, $0.shiftSeq) < ($1.seq, $1.shiftSeq) }!
            var scan = BookScan()
            scan.problem = .damaged(seq: first.seq, offset: 0,
                                    reason: "sealed at seq \(first.seq) by shift seq \(first.shiftSeq), but the book has no file this year")
            reports.append(.init(book: b, year: year, path: LedgerPaths.bookPath(data, year: year, book: b), scan: scan))
        }
        return reports
    }

    /// Every book-year's report, in `verify`'s order: years in order, each year's books,
    /// then its missing books. A book-year in `scanned` (already read by the deep replay,
    /// with the same chain start) is not read again; any other is scanned now.
    public func reports(scanned: [BookName: [Int: BookScan]] = [:]) throws -> [LedgerVerifier.Report] {
        var reports: [LedgerVerifier.Report] = []
        var lastHash: [BookName: ChainHash] = [:]
        for y in years {
            for b in books(in: y) {
                let scan: BookScan
                if let done = scanned[b]?[y] {
                    scan = done
                } else {
                    scan = try BookScanner.scan(path: LedgerPaths.bookPath(data, year: y, book: b), startPrev: lastHash[b] ?? .zero,
                                                decode: false, collect: wanted(b, y))
                }
                lastHash[b] = scan.lastHash
                reports.append(report(b, y, scan: scan))
            }
            reports += missing(in: y)
        }
        return reports
    }
}
