import Crypto
import Foundation
import Glibc

/// One book-year's head as this machine last acknowledged it: the highest seq it ever
/// appended (or read as sound while appending), that line's hash, and the plaza date.
public struct AcknowledgedHead: Hashable, Sendable {
    public var book: BookName
    public var year: Int
    public var seq: Int64
    public var hash: ChainHash
    /// `2026-12-03`.
    public var date: String

    public init(book: BookName, year: Int, seq: Int64, hash: ChainHash, date: String) {
        self.book = book; self.year = year; self.seq = seq; self.hash = hash; self.date = date
    }
}

/// A book that no longer holds a head this machine acknowledged: cut short, rolled back,
/// re-hashed or deleted since.
///
///     book umbrella 2026 ends at seq 1000 but this machine acknowledged seq 1461 on 2026-12-03 …
public struct AcknowledgedHeadMismatch: DeskFailure, Equatable {
    public enum Kind: Equatable, Sendable {
        /// The book's file for the year is gone.
        case missing
        /// The book ends before the acknowledged seq (at the given seq).
        case shorter(endsAt: Int64)
        /// The book has a different line at the acknowledged seq.
        case differs
    }

    public var acknowledged: AcknowledgedHead
    public var kind: Kind

    public init(acknowledged: AcknowledgedHead, kind: Kind) { self.acknowledged = acknowledged; self.kind = kind }

    public var field: String? { nil }
    public var book: BookName { acknowledged.book }
    public var year: Int { acknowledged.year }
    /// The seq the book fails to hold.
    public var seq: Int64 { acknowledged.seq }

    public func message(_ l: Language) -> String {
        let a = acknowledged
        let tail = l.pick("停止写入；请保留文件原样，告诉值班主管。",
                          "Nothing more is written to it; keep the files as they are and call the shift lead.")
        switch kind {
        case .missing:
            return l.pick("账本 \(a.book) \(a.year) 的文件不见了，但本机 \(a.date) 已确认到第 \(a.seq) 条：账本被删除或搬走。",
                          "book \(a.book) \(a.year) has no file but this machine acknowledged seq \(a.seq) on \(a.date): the book was deleted or moved. ") + tail
        case .shorter(let end):
            return l.pick("账本 \(a.book) \(a.year) 只到第 \(end) 条，但本机 \(a.date) 已确认到第 \(a.seq) 条：账本被截短或回滚。",
                          "book \(a.book) \(a.year) ends at seq \(end) but this machine acknowledged seq \(a.seq) on \(a.date): the book was cut or rolled back. ") + tail
        case .differs:
            return l.pick("账本 \(a.book) \(a.year) 第 \(a.seq) 条与本机 \(a.date) 确认的不一样：账本被改写。",
                          "book \(a.book) \(a.year) has a different line at seq \(a.seq) than the one this machine acknowledged on \(a.date): the book was rewritten. ") + tail
        }
    }

    /// The reason as `verify` prints it after "DAMAGED at seq N:" (English, no advice).
    public var reason: String {
        let a = acknowledged
        switch kind {
        case .missing: return "book \(a.book) \(a.year) has no file but this machine acknowledged seq \(a.seq) on \(a.date)"
        case .shorter(let end): return "book \(a.book) \(a.year) ends at seq \(end) but this machine acknowledged seq \(a.seq) on \(a.date)"
        case .differs: return "book \(a.book) \(a.year) differs at seq \(a.seq) from the line this machine acknowledged on \(a.date)"
        }
    }

    /// Checks one acknowledged head against what a book holds: `lastSeq` (nil when the
    /// file is missing) and the hash at the acknowledged seq (nil when not read).
    static func check(_ a: AcknowledgedHead, lastSeq: Int64?, hashAtSeq: ChainHash?) -> AcknowledgedHeadMismatch? {
        guard let lastSeq else { return .init(acknowledged: a, kind: .missing) }
        if lastSeq < a.seq { return .init(acknowledged: a, kind: .shorter(endsAt: lastSeq)) }
        if hashAtSeq != a.hash { return .init(acknowledged: a, kind: .differs) }
        return nil
    }
}

/// The highest head of every book and year this machine has acknowledged, kept twice: in
/// the data directory (`<data>/.heads`) and in the machine's state folder
/// (`<state>/heads-<digest of the data directory's real path>`), so that a book cut, rolled
/// back or deleted — even together with the data directory's copy — is still caught.
///
/// Both files have the same format (so restoring a lost `.heads` is copying the state
/// file back): fixed 256-byte slots, each one line of text padded with spaces, the first a
/// header naming the data directory's id (`<data>/.id`, 32 random hex digits made with the
/// register), each other `book year seq hash date check` (check: FNV-1a of the rest, so a
/// slot torn by a crash is ignored rather than read as a higher head).
///
/// Writes: after each durable append the writer (holding the book's lock, so no other
/// process writes that book's slot) `pwrite`s its slot in both files, without fsync; the
/// files are fsynced in batches (at most once a second on later appends, on close, at a
/// shift close and when snapshots are saved). The slot is written only after the ledger
/// line is fsynced, so a crash can make the record lag the ledger (lose the last second's
/// updates), never run ahead: it never raises a false alarm.
///
/// Finding the state copy: by the data directory's real path; when the directory has moved,
/// by the id in `<data>/.id`. A deleted `.id` alone loses nothing (the path still finds the
/// copy, and `verify` reports the missing id); a deleted `.id` and a moved directory lose the
/// state copy, leaving `.heads` and the seal codes.
public final class AcknowledgedHeads {
    public static let slotSize = 256
    public static let fileName = ".heads"
    public static let idFileName = ".id"
    static let headerTag = "plazadesk-heads 1 id"

    struct Key: Hashable { var book: BookName; var year: Int }

    /// One copy: its file, its slots and what they held when read.
    final class Copy {
        let path: String
        let fd: Int32
        var slots: [Key: Int64] = [:]
        var end: Int64 = 0
        init(path: String, fd: Int32) { self.path = path; self.fd = fd }
        deinit { Glibc.close(fd) }
    }

    public let data: DataDirectory
    var copies: [Copy] = []
    var records: [Key: AcknowledgedHead] = [:]
    var lastSync: UInt64 = 0
    var dirty = false

    /// Opens (creating when the data directory has neither copy) both copies for writing.
    ///
    /// A lost `.heads` beside a state copy is not re-created here (that is `verify`'s to
    /// report); a state folder that cannot be written leaves only the data directory's copy.
    init(data: DataDirectory) {
        self.data = data
        let state = Self.readAll(data: data)
        let id = state.id ?? state.dataCopy?.id ?? state.stateCopy?.id ?? Self.makeID(data)
        let dataPath = data.path + "/" + Self.fileName
        let dataLost = !POSIXFile.exists(dataPath) && !(state.stateCopy?.records.isEmpty ?? true)
        if !dataLost, let c = Self.openCopy(dataPath, id: id) { copies.append(c) }
        let statePath = state.statePath ?? data.stateFolder.map { Self.statePath(folder: $0, data: data) }
        if let statePath, let c = Self.openCopy(statePath, id: id) { copies.append(c) }
        for r in state.merged { records[Key(book: r.book, year: r.year)] = r }
        lastSync = Self.monotonicNanoseconds()
    }

    /// Reads both copies and opens neither for writing, creating nothing (no `.id`, no
    /// state folder): a read-only desk checks its books against them, and acknowledges
    /// nothing, since it appends nothing. (Noting the heads it read would be wrong as well:
    /// a reader without the lock may read a writer's line before it is fsynced.)
    init(readingOnly data: DataDirectory) {
        self.data = data
        for r in Self.readAll(data: data).merged { records[Key(book: r.book, year: r.year)] = r }
        lastSync = Self.monotonicNanoseconds()
    }

    /// This machine's acknowledged heads of one book, every year.
    func acknowledged(_ book: BookName) -> [AcknowledgedHead] {
        records.values.filter { $0.book == book }.sorted { $0.year < $1.year }
    }

    /// Records a book's new head in both copies (call while holding the book's lock, after
    /// the line is durable); fsyncs both when the last fsync is a second old.
    func note(_ head: AcknowledgedHead) {
        let key = Key(book: head.book, year: head.year)
        records[key] = head
        let slot = Self.slotBytes(head)
        for c in copies {
            if c.slots[key] == nil { Self.reload(c) }
            if c.slots[key] == nil { Self.allocate(c, key: key) }
            guard let at = c.slots[key] else { continue }
            _ = slot.withUnsafeBytes { Glibc.pwrite(c.fd, $0.baseAddress!, $0.count, off_t(at)) }
        }
        dirty = true
        let now = Self.monotonicNanoseconds()
        if now &- lastSync >= 1_000_000_000 { sync(now: now) }
    }

    /// fsyncs both copies if anything was written since the last fsync.
    func sync(now: UInt64 = AcknowledgedHeads.monotonicNanoseconds()) {
        guard dirty else { return }
        for c in copies { _ = Glibc.fsync(c.fd) }
        dirty = false
        lastSync = now
    }

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    // MARK: - Files

    /// `<state>/heads-<first 24 hex of SHA-256 of the data directory's real path>`.
    static func statePath(folder: String, data: DataDirectory) -> String {
        let real = realPath(data.path)
        let digest = SHA256.hash(data: Array(real.utf8)).map { String(format: "%02x", $0) }.joined()
        return "\(folder)/heads-\(digest.prefix(24))"
    }

    static func realPath(_ path: String) -> String {
        guard let p = Glibc.realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    static func readID(_ data: DataDirectory) -> String? {
        guard let text = try? String(contentsOfFile: data.path + "/" + idFileName, encoding: .utf8) else { return nil }
        let id = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return id.isEmpty ? nil : id
    }

    /// Creates `<data>/.id` (32 random hex digits), fsynced; returns the id made, or the one
    /// another opening (the desk opens its books in parallel) made first.
    ///
    /// Written to a file of its own and then linked into place, so `.id` is never seen empty.
    static func makeID(_ data: DataDirectory) -> String {
        var rng = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
        let path = data.path + "/" + idFileName
        try? POSIXFile.makeDirectories(data.path)
        let temporary = path + ".new-" + id
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return readID(data) ?? id }
        let bytes = Array((id + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        _ = Glibc.fsync(fd)
        Glibc.close(fd)
        let linked = Glibc.link(temporary, path) == 0
        unlink(temporary)
        try? POSIXFile.fsyncDirectory(data.path)
        return linked ? id : (readID(data) ?? id)
    }

    /// Opens a copy, writing its header when new; nil when it cannot be opened.
    static func openCopy(_ path: String, id: String) -> Copy? {
        let folder = POSIXFile.parentOf(path)
        guard (try? POSIXFile.makeDirectories(folder)) != nil else { return nil }
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        let c = Copy(path: path, fd: fd)
        withFileLock(fd) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { return }
            if st.st_size == 0 {
                let header = pad(headerTag + " " + id)
                _ = header.withUnsafeBytes { Glibc.pwrite(fd, $0.baseAddress!, $0.count, 0) }
                _ = Glibc.fsync(fd)
                try? POSIXFile.fsyncDirectory(folder)
            }
        }
        reload(c)
        return c
    }

    /// Re-reads which slot holds which book-year (another process may have added one).
    static func reload(_ c: Copy) {
        let parsed = parse(readBytes(fd: c.fd))
        c.slots = parsed.slots
        c.end = parsed.end
    }

    /// Adds a slot for `key` at the end of the file, under the file's own lock (two books
    /// adding slots at once each get their own).
    static func allocate(_ c: Copy, key: Key) {
        withFileLock(c.fd) {
            reload(c)
            guard c.slots[key] == nil else { return }
            var st = stat()
            guard fstat(c.fd, &st) == 0 else { return }
            // A torn last slot is overwritten: the end is rounded down to whole slots.
            let at = max(Int64(slotSize), Int64(st.st_size) / Int64(slotSize) * Int64(slotSize))
            let blank = pad(key.book.rawValue + " " + String(key.year) + " -")
            let n = blank.withUnsafeBytes { Glibc.pwrite(c.fd, $0.baseAddress!, $0.count, off_t(at)) }
            if n == slotSize { c.slots[key] = at; c.end = at + Int64(slotSize) }
        }
    }

    static func withFileLock(_ fd: Int32, _ body: () -> Void) {
        while flock(fd, LOCK_EX) != 0 { if errno != EINTR { break } }
        body()
        flock(fd, LOCK_UN)
    }

    static func readBytes(fd: Int32) -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return [] }
        var buf = [UInt8](repeating: 0, count: Int(st.st_size))
        let n = buf.withUnsafeMutableBytes { Glibc.pread(fd, $0.baseAddress!, $0.count, 0) }
        if n < buf.count { buf.removeLast(buf.count - max(0, n)) }
        return buf
    }

    static func pad(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8.prefix(slotSize - 1))
        bytes += [UInt8](repeating: 0x20, count: slotSize - 1 - bytes.count)
        bytes.append(0x0a)
        return bytes
    }

    static func checkDigits(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func slotBytes(_ h: AcknowledgedHead) -> [UInt8] {
        let text = "\(h.book.rawValue) \(h.year) \(h.seq) \(h.hash.hex) \(h.date)"
        return pad(text + " " + checkDigits(text))
    }

    /// What a copy holds: its id, its sound records, where each book-year's slot is, and
    /// how many slots failed their check (torn by a crash, or edited).
    public struct Parsed {
        public var id: String?
        public var records: [AcknowledgedHead] = []
        var slots: [Key: Int64] = [:]
        public var badSlots = 0
        var end: Int64 = 0
    }

    static func parse(_ bytes: [UInt8]) -> Parsed {
        var p = Parsed()
        var at = 0
        while at + slotSize <= bytes.count {
            let text = String(decoding: bytes[at..<(at + slotSize - 1)], as: UTF8.self)
            let fields = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if at == 0 {
                if text.hasPrefix(headerTag + " "), fields.count == 4 { p.id = fields[3] } else { p.badSlots += 1 }
            } else if fields.count == 3, fields[2] == "-", let book = BookName(fields[0]), let year = Int(fields[1]) {
                p.slots[Key(book: book, year: year)] = Int64(at)   // allocated, not yet written
            } else if fields.count == 6, let book = BookName(fields[0]), let year = Int(fields[1]), let seq = Int64(fields[2]),
                      let hash = ChainHash(hex: fields[3]),
                      checkDigits(fields[0...4].joined(separator: " ")) == fields[5] {
                let key = Key(book: book, year: year)
                p.slots[key] = Int64(at)
                p.records.append(AcknowledgedHead(book: book, year: year, seq: seq, hash: hash, date: fields[4]))
            } else {
                p.badSlots += 1
            }
            at += slotSize
        }
        p.end = Int64(at)
        return p
    }

    /// Reads a copy's file, nil when it does not exist.
    static func read(path: String) -> Parsed? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        return parse(readBytes(fd: fd))
    }

    /// Both copies of a data directory as they are on disk (read-only): what opening and
    /// `verify` check the books against.
    public struct OnDisk {
        /// `<data>/.id`, if present.
        public var id: String?
        public var dataCopyPath: String
        public var dataCopy: Parsed?
        /// Where the state copy is (found by path, else by id), if a state folder is known.
        public var statePath: String?
        public var stateCopy: Parsed?

        /// Every book-year's highest acknowledged head over both copies (for the same seq
        /// with different hashes, both are kept: each must hold).
        public var merged: [AcknowledgedHead] {
            var best: [Key: [AcknowledgedHead]] = [:]
            for r in (dataCopy?.records ?? []) + (stateCopy?.records ?? []) {
                let k = Key(book: r.book, year: r.year)
                if let cur = best[k]?.first, cur.seq > r.seq { continue }
                if let cur = best[k]?.first, cur.seq == r.seq { if !best[k]!.contains(where: { $0.hash == r.hash }) { best[k]!.append(r) } }
                else { best[k] = [r] }
            }
            return best.values.flatMap { $0 }.sorted { ($0.year, $0.book) < ($1.year, $1.book) }
        }

        /// Problems with the copies themselves, in words for `verify` (empty when sound):
        /// a lost `.heads` beside this machine's copy, a missing or different `.id`.
        public var problems: [String] {
            var out: [String] = []
            if dataCopy == nil, let s = stateCopy, !s.records.isEmpty {
                out.append("the data directory's register \(dataCopyPath) is missing, but this machine's copy \(statePath ?? "") names \(s.records.count) book heads: restore it by copying that file back (nothing was restored)")
            }
            let ids = Set([dataCopy?.id, stateCopy?.id].compactMap { $0 })
            if id == nil, !ids.isEmpty {
                out.append("the data directory's id file .id is missing, but its registers name id \(ids.sorted().joined(separator: ", "))")
            } else if let id, ids.contains(where: { $0 != id }) {
                out.append("the data directory's id is \(id), but its registers name id \(ids.sorted().joined(separator: ", ")): another directory's books were put in its place")
            }
            return out
        }
    }

    /// Reads both copies of `data`'s register without changing anything.
    public static func readAll(data: DataDirectory) -> OnDisk {
        let id = readID(data)
        let dataPath = data.path + "/" + fileName
        var disk = OnDisk(id: id, dataCopyPath: dataPath, dataCopy: read(path: dataPath))
        if let folder = data.stateFolder {
            let byPath = statePath(folder: folder, data: data)
            if let c = read(path: byPath) {
                disk.statePath = byPath; disk.stateCopy = c
            } else if let id, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
                // The directory moved: find this machine's copy by the id it carries.
                for n in names.sorted() where n.hasPrefix("heads-") {
                    if let c = read(path: folder + "/" + n), c.id == id { disk.statePath = folder + "/" + n; disk.stateCopy = c; break }
                }
            }
        }
        return disk
    }
}
