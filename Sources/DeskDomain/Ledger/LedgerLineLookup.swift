import Glibc

/// Finds one line of a book by its seq and reads it again, hash and link checked: what an
/// action that pays out against an earlier event relies on, rather than the saved state.
///
/// The file is never read whole. The line is found by searching byte offsets (a guess from
/// the seqs either side, then halving when a guess does not help), each probe one small
/// `pread` that skips to the next `\n` and reads the seq there; a lookup costs a few reads
/// however long the year. The line found is re-hashed, its seq checked, and its hash
/// compared with the next line's `prev` (for the last line of the file: with the head the
/// writer holds, or the next year's first `prev`), so a line changed in place with its own
/// hash recomputed is refused too.
///
///     let lent = try LedgerLineLookup.record(data: data, book: .umbrella, year: 2026, seq: 12)
///     // nil: the book has no line 12 that year
public enum LedgerLineLookup {
    /// The line `seq` of `book` in `year`; nil when the file is absent or ends before it.
    ///
    /// - Parameter head: the newest line the caller's writer knows; when given and the line
    ///   is the last of the newest year, its hash must be the head's.
    /// - Throws: ``LedgerError/damaged(book:year:seq:reason:)`` when the line (or the lines
    ///   the search crossed) fail their checks, naming book, year and seq.
    public static func record(data: DataDirectory, book: BookName, year: Int, seq: Int64,
                              head: (year: Int?, seq: Int64, hash: ChainHash)? = nil) throws -> LedgerRecord? {
        guard seq >= 1 else { return nil }
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw LedgerError.io(path: path, action: "open", errno: errno)
        }
        defer { close(fd) }
        let file = File(fd: fd, path: path, size: try POSIXFile.size(fd, path: path).size, book: book, year: year)
        guard let last = try file.lastLine() else { return nil }
        guard seq <= last.seq else { return nil }
        let start = try file.find(seq, last: last)
        let (line, next) = try file.lineAndNext(at: start, seq: seq)
        let record = try file.check(line, seq: seq)
        if let next {
            let prev = try file.checkedChain(next, seq: seq + 1).prev
            guard prev == record.hash else {
                throw LedgerError.damaged(book: book, year: year, seq: seq,
                                          reason: "its hash is not the next line's prev: the line was changed after it was written")
            }
        } else if let head, head.year == year {
            guard head.seq == seq, head.hash == record.hash else {
                throw LedgerError.damaged(book: book, year: year, seq: seq,
                                          reason: "the last line is not the one this console knows as the head (seq \(head.seq))")
            }
        } else if let later = data.years().first(where: { $0 > year && POSIXFile.exists(LedgerPaths.bookPath(data, year: $0, book: book)) }) {
            let prev = try firstPrev(data: data, book: book, year: later)
            guard prev == nil || prev == record.hash else {
                throw LedgerError.damaged(book: book, year: year, seq: seq,
                                          reason: "its hash is not the prev of \(later)'s first line: the line was changed after it was written")
            }
        }
        return record
    }

    /// Every line from line `seq` of `year` to the end of the book (later years too) whose
    /// bytes contain `needle`, each re-hashed and its seq checked: what a running sum such as
    /// a card's balance is recomputed from. The bytes are searched, not parsed, so it costs
    /// about one read of the rest of the book.
    ///
    ///     try LedgerLineLookup.lines(data: data, book: .points, year: 2026, seq: 40, containing: Array(#""PC00012345""#.utf8))
    public static func lines(data: DataDirectory, book: BookName, year: Int, seq: Int64,
                             containing needle: [UInt8]) throws -> [LedgerRecord] {
        var found: [LedgerRecord] = []
        var from: (year: Int, seq: Int64)? = (year, seq)
        for y in data.years() where y >= year {
            let path = LedgerPaths.bookPath(data, year: y, book: book)
            let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { if errno == ENOENT { continue }; throw LedgerError.io(path: path, action: "open", errno: errno) }
            defer { close(fd) }
            let file = File(fd: fd, path: path, size: try POSIXFile.size(fd, path: path).size, book: book, year: y)
            guard let last = try file.lastLine() else { continue }
            var at: Int64 = 0
            if let f = from, f.year == y {
                guard f.seq <= last.seq else { return [] }
                at = try file.find(f.seq, last: last)
            }
            from = nil
            try file.search(needle, from: at) { line in found.append(try file.check(line, seq: nil)) }
        }
        return found
    }

    /// The seq of the book's last whole line in `year`; nil when there is no file or it is empty.
    public static func lastSeq(data: DataDirectory, book: BookName, year: Int) throws -> Int64? {
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { if errno == ENOENT { return nil }; throw LedgerError.io(path: path, action: "open", errno: errno) }
        defer { close(fd) }
        return try File(fd: fd, path: path, size: try POSIXFile.size(fd, path: path).size, book: book, year: year).lastLine()?.seq
    }

    /// The `prev` of a year's first line (nil when the file is empty).
    static func firstPrev(data: DataDirectory, book: BookName, year: Int) throws -> ChainHash? {
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let fd = try POSIXFile.open(path, O_RDONLY, action: "open")
        defer { close(fd) }
        let file = File(fd: fd, path: path, size: try POSIXFile.size(fd, path: path).size, book: book, year: year)
        guard file.size > 0 else { return nil }
        let (line, _) = try file.lineAndNext(at: 0, seq: 1)
        return try file.checkedChain(line, seq: 1).prev
    }

    /// A line's start offset and seq.
    struct Line {
        var start: Int64
        var seq: Int64
    }

    /// One book file, read a little at a time.
    struct File {
        let fd: Int32
        let path: String
        let size: Int64
        let book: BookName
        let year: Int
        /// Bytes read per probe: most lines are far shorter.
        static let probeBytes = 4096

        func damaged(_ seq: Int64, _ reason: String) -> LedgerError {
            .damaged(book: book, year: year, seq: seq, reason: reason)
        }

        func read(_ count: Int, at offset: Int64) throws -> [UInt8] {
            let want = Int(min(Int64(count), size - offset))
            guard want > 0 else { return [] }
            var buf = [UInt8](repeating: 0, count: want)
            let got = try buf.withUnsafeMutableBytes { try POSIXFile.pread(fd, into: $0.baseAddress!, count: want, at: offset, path: path) }
            if got < want { buf.removeLast(want - got) }
            return buf
        }

        /// The seq written at the start of the line that starts at `start`.
        func seq(at start: Int64, after known: Int64) throws -> Int64 {
            let head = try read(32, at: start)
            let prefix = Array(#"{"seq":"#.utf8)
            guard head.starts(with: prefix) else { throw damaged(known + 1, "the line after seq \(known) does not start with its seq") }
            var value: Int64 = 0, i = prefix.count
            while i < head.count, head[i] >= 48, head[i] <= 57, value < Int64.max / 10 { value = value * 10 + Int64(head[i] - 48); i += 1 }
            guard i > prefix.count, i < head.count, head[i] == UInt8(ascii: ",") else {
                throw damaged(known + 1, "the line after seq \(known) does not start with its seq")
            }
            return value
        }

        /// Where the first line starting at or after `offset` (≥ 1) starts; `size` if none.
        func lineStart(from offset: Int64) throws -> Int64 {
            var at = offset - 1
            while at < size {
                let chunk = try read(Self.probeBytes, at: at)
                if let nl = Self.newline(in: chunk, from: 0) { return at + Int64(nl) + 1 }
                guard !chunk.isEmpty else { break }
                at += Int64(chunk.count)
            }
            return size
        }

        /// The last whole line (nil when there is none); a torn tail after it (no newline
        /// yet, set aside when a writer next opens the book) is not a line.
        func lastLine() throws -> Line? {
            guard let end = try newline(before: size) else { return nil }
            guard let before = try newline(before: end) else { return Line(start: 0, seq: try seq(at: 0, after: 0)) }
            return Line(start: before + 1, seq: try seq(at: before + 1, after: 0))
        }

        /// The offset of the last `\n` before `offset`, looking back at most a line's length.
        func newline(before offset: Int64) throws -> Int64? {
            var at = offset
            while at > 0, offset - at <= Int64(LedgerLimits.maxLineBytes) + Int64(Self.probeBytes) {
                let from = max(0, at - Int64(Self.probeBytes))
                let chunk = try read(Int(at - from), at: from)
                if let nl = chunk.withUnsafeBufferPointer({ p -> Int? in
                    var i = p.count - 1
                    while i >= 0, p[i] != 10 { i -= 1 }
                    return i >= 0 ? i : nil
                }) {
                    return from + Int64(nl)
                }
                at = from
            }
            return nil
        }

        /// The start of line `seq`, known to lie between the first line and `last`.
        func find(_ seq: Int64, last: Line) throws -> Int64 {
            if seq == last.seq { return last.start }
            var lo = Line(start: 0, seq: try self.seq(at: 0, after: 0))
            guard lo.seq == 1 else { throw damaged(1, "the first line is seq \(lo.seq), not 1") }
            if seq == 1 { return 0 }
            var hi = last
            // No line starts in bound..<hi.start.
            var bound = hi.start
            // Guess from the seqs; halve after a guess that did not at least halve the span.
            var halved = false
            var previous = Int64.max
            while true {
                guard bound > lo.start + 1 else {
                    throw damaged(lo.seq + 1, "seq \(lo.seq + 1) is missing: the line after seq \(lo.seq) is seq \(hi.seq)")
                }
                let wide = bound - lo.start
                let halve = !halved && previous != Int64.max && wide > previous / 2
                halved = halve
                previous = wide
                var target: Int64
                if halve {
                    target = lo.start + wide / 2
                } else {
                    // Half a line short of where line `seq` should start, so that the next
                    // line start found from there is that line's.
                    let average = Double(hi.start - lo.start) / Double(hi.seq - lo.seq)
                    target = lo.start + Int64(average * (Double(seq - lo.seq) - 0.5))
                }
                target = min(max(target, lo.start + 1), bound - 1)
                let start = try lineStart(from: target)
                if start >= bound {
                    bound = target
                    continue
                }
                let found = try self.seq(at: start, after: lo.seq)
                guard found > lo.seq, found < hi.seq else {
                    throw damaged(lo.seq + 1, "the line after seq \(lo.seq) is out of order (seq \(found))")
                }
                if found == seq { return start }
                if found < seq { lo = Line(start: start, seq: found) } else { hi = Line(start: start, seq: found); bound = start }
            }
        }

        /// The line starting at `start` (without its newline), and the next one if any.
        func lineAndNext(at start: Int64, seq: Int64) throws -> (line: [UInt8], next: [UInt8]?) {
            var want = Self.probeBytes
            while true {
                let bytes = try read(want, at: start)
                if let first = Self.newline(in: bytes, from: 0) {
                    let line = Array(bytes[..<first])
                    if start + Int64(first) + 1 >= size { return (line, nil) }
                    if let second = Self.newline(in: bytes, from: first + 1) { return (line, Array(bytes[(first + 1)..<second])) }
                    // A torn line after it (set aside when a writer next opens the book).
                    if start + Int64(bytes.count) >= size { return (line, nil) }
                }
                guard start + Int64(bytes.count) < size else { throw damaged(seq, "the line does not end with a newline") }
                guard want <= 2 * (LedgerLimits.maxLineBytes + 2) else { throw damaged(seq, "a line is longer than a line may be") }
                want *= 2
            }
        }

        /// Hands every whole line from `start` on that contains `needle` to `body`, reading a
        /// few MiB at a time.
        func search(_ needle: [UInt8], from start: Int64, _ body: ([UInt8]) throws -> Void) throws {
            var window = 4 << 20
            var at = start
            while at < size {
                let bytes = try read(window, at: at)
                guard let end = bytes.lastIndex(of: 10) else {
                    // A torn last line is not an event; a longer line needs a larger window.
                    guard window < 2 * (LedgerLimits.maxLineBytes + 2), at + Int64(bytes.count) < size else { return }
                    window *= 2
                    continue
                }
                try bytes.withUnsafeBufferPointer { p in
                    var from = 0
                    while from < end, let i = Self.firstIndex(of: needle, in: p.baseAddress!, from: from, to: end) {
                        var lineStart = i
                        while lineStart > 0, p[lineStart - 1] != 10 { lineStart -= 1 }
                        var lineEnd = i
                        while p[lineEnd] != 10 { lineEnd += 1 }
                        try body(Array(p[lineStart..<lineEnd]))
                        from = lineEnd + 1
                    }
                }
                at += Int64(end + 1)
            }
        }

        /// The index of the first `\n` in `bytes[from...]`.
        static func newline(in bytes: [UInt8], from: Int) -> Int? {
            guard from < bytes.count else { return nil }
            return bytes.withUnsafeBufferPointer { p in
                memchr(p.baseAddress! + from, 10, p.count - from).map { p.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
            }
        }

        /// Where `needle` first occurs in `p[from..<to]`: `memchr` for its second byte (its
        /// first is usually a quote, found everywhere in JSON), then a compare.
        static func firstIndex(of needle: [UInt8], in p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
            let m = needle.count
            guard m >= 2 else { return nil }
            var i = from + 1
            while i + m - 1 <= to {
                guard let hit = memchr(p + i, Int32(needle[1]), to - i - (m - 2)) else { return nil }
                let j = p.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
                if memcmp(p + j, needle, m) == 0 { return j }
                i = j + 2
            }
            return nil
        }

        /// The line read as a record, its hash (and seq, when given) checked.
        func check(_ line: [UInt8], seq: Int64?) throws -> LedgerRecord {
            var reader = RecordReader(decode: true)
            let parsed: LedgerLine.Parsed<LedgerRecord>
            do {
                parsed = try line.withUnsafeBufferPointer { p throws(LineFault) in
                    try LedgerLine.parse(p.baseAddress!, count: p.count, reader: &reader)
                }
            } catch {
                throw damaged(seq ?? 0, error.reason)
            }
            guard seq == nil || parsed.seq == seq, let record = parsed.item else {
                throw damaged(seq ?? parsed.seq, "the line found is seq \(parsed.seq)")
            }
            return record
        }

        /// A line's `prev` and `hash`, its hash checked.
        func checkedChain(_ line: [UInt8], seq: Int64) throws -> (prev: ChainHash, hash: ChainHash) {
            guard line.count >= LedgerLine.minimumLength else { throw damaged(seq, "line too short to be an event") }
            do {
                return try line.withUnsafeBufferPointer { p throws(LineFault) in try LedgerLine.chain(p.baseAddress!, count: p.count) }
            } catch {
                throw damaged(seq, error.reason)
            }
        }
    }
}
