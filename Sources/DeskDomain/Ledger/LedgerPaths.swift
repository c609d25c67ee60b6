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
}
