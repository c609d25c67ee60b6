import Foundation

/// Checks a data directory's books without writing anything: `plazadesk verify`.
///
/// Every line is re-hashed and every seq and link checked, not just the ends; the first
/// line of a year must link to the last line of the same book's previous year.
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
        let years = data.years()
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
            for b in books {
                let path = LedgerPaths.bookPath(data, year: y, book: b)
                let scan = try BookScanner.scan(path: path, startPrev: lastHash[b] ?? .zero, decode: false)
                reports.append(Report(book: b, year: y, path: path, scan: scan))
                lastHash[b] = scan.lastHash
            }
        }
        return reports
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
