import Glibc

/// Where a book's files are, and reading the last hash of a closed year.
enum LedgerPaths {
    /// `<data>/<year>/<book>.jsonl`, or the archived copy when the year was archived.
    static func bookPath(_ data: DataDirectory, year: Int, book: BookName) -> String {
        let live = "\(data.yearFolder(year))/\(book.fileName)"
        if POSIXFile.exists(live) { return live }
        let archived = "\(data.archivedYearFolder(year))/\(book.fileName)"
        if POSIXFile.exists(archived) { return archived }
        return live
    }

    static func folder(of path: String) -> String { POSIXFile.parentOf(path) }

    /// The `prev` of a book's first line in `year`: the last hash of the newest earlier year
    /// that has the book, or zeros.
    static func incomingPrev(_ data: DataDirectory, year: Int, book: BookName) throws -> ChainHash {
        guard let before = data.years().last(where: { $0 < year && POSIXFile.exists(bookPath(data, year: $0, book: book)) }) else {
            return .zero
        }
        return try lastHash(data, year: before, book: book)
    }

    /// The hash on the last complete line of a year's book: what the next year links to.
    static func lastHash(_ data: DataDirectory, year: Int, book: BookName) throws -> ChainHash {
        let path = bookPath(data, year: year, book: book)
        let fd = try POSIXFile.open(path, O_RDONLY, action: "open")
        defer { close(fd) }
        let size = try POSIXFile.size(fd, path: path).size
        let want = Int(min(size, Int64(LedgerLimits.maxLineBytes + 2)))
        var buf = [UInt8](repeating: 0, count: want)
        let got = try buf.withUnsafeMutableBytes { try POSIXFile.pread(fd, into: $0.baseAddress!, count: want, at: size - Int64(want), path: path) }
        guard got == want, want >= LedgerLine.hashSuffixLength + 1, buf[want - 1] == 10 else {
            throw LedgerError.damaged(book: book, year: year, seq: 0, reason: "the year does not end with a whole line")
        }
        let start = want - 1 - 66
        guard let h = buf.withUnsafeBufferPointer({ ChainHash(hexAt: $0.baseAddress! + start) }) else {
            throw LedgerError.damaged(book: book, year: year, seq: 0, reason: "the last line's hash is unreadable")
        }
        return h
    }

    /// The time (`at`) of the last whole line of a book file that ends at `size`: read
    /// backwards a block at a time to the line's start, then only its first bytes.
    static func lastInstant(fd: Int32, path: String, size: Int64, book: BookName, year: Int) throws -> Int64 {
        let block = 64 << 10
        var end = size - 1   // the last line's newline
        var start: Int64 = 0
        var buf = [UInt8](repeating: 0, count: block)
        search: while end > 0 {
            let from = max(0, end - Int64(block))
            let count = Int(end - from)
            let got = try buf.withUnsafeMutableBytes { try POSIXFile.pread(fd, into: $0.baseAddress!, count: count, at: from, path: path) }
            guard got == count else { break }
            for i in stride(from: count - 1, through: 0, by: -1) where buf[i] == 10 {
                start = from + Int64(i) + 1
                break search
            }
            end = from
            if size - from > Int64(LedgerLimits.maxLineBytes) + 1 { break }
        }
        // `{"seq":N,"at":"<20 or 25 bytes>"`: the time sits within the line's first 64 bytes.
        var head = [UInt8](repeating: 0, count: 64)
        let got = try head.withUnsafeMutableBytes { try POSIXFile.pread(fd, into: $0.baseAddress!, count: 64, at: start, path: path) }
        let key = Array(",\"at\":\"".utf8)
        if let k = (0..<max(0, got - key.count)).first(where: { Array(head[$0..<($0 + key.count)]) == key }) {
            let from = k + key.count
            if let q = (from..<got).first(where: { head[$0] == 34 }),
               let t = head.withUnsafeBufferPointer({ PlazaTime.parseRFC3339($0.baseAddress! + from, count: q - from) }) {
                return t.instant
            }
        }
        throw LedgerError.damaged(book: book, year: year, seq: 0, reason: "the last line's time is unreadable")
    }
}
