import Glibc

/// Appends events to one book, several processes at a time, without ever losing one.
///
/// Guarantees (each has a test; see GUARANTEES.md beside this file):
/// - An append holds an exclusive `flock` on the book's lock file while it reads the tail
///   and writes, writes the whole line in one `write(2)` on an `O_APPEND` descriptor, and
///   with ``Durability/immediate`` fsyncs before it returns. A created file's folder is
///   fsynced too.
/// - Before writing, the writer catches up with lines other processes appended, checking
///   each, and hands them to `replay` like its own, so in-memory state follows the file.
/// - Opening checks the newest year of the book line by line. A torn tail is copied to a
///   quarantine file, cut off and recorded with a `ledger.recovered` event; damage before
///   the tail makes the writer refuse to open, naming book, year and seq.
/// - A failed write is cut back to the last whole line before the error is reported, so
///   a full disk or a file-size limit never leaves half a line behind.
/// - Opened `readOnly`, it only reads: no lock, nothing created or repaired, whole lines
///   only (a torn tail is left and read once whole), and every transaction is refused.
public final class BookWriter {
    public let data: DataDirectory
    public let book: BookName
    public let durability: Durability
    let clock: any Clock
    let time: PlazaTime
    let recoveryOperator: OperatorID
    /// How far (seconds) an event may be earlier than the book's last one: a clock set back
    /// by more is refused (``LedgerError/clockBackwards(book:clock:lastEntry:)``), so a
    /// book's times never run backwards beyond it.
    let clockTolerance: Int64
    /// Called with every event of the book the writer learns of, in order: those read when
    /// opening, those other writers added, and its own.
    var replay: (LedgerRecord) throws -> Void

    /// The newest year file, as far as it is known to be sound.
    struct Tail {
        var year: Int
        var path: String
        var fd: Int32
        var size: Int64
        var inode: UInt64
        var seq: Int64
        var hash: ChainHash
        /// The latest time of the lines read or written, if known (nil: read the last line's
        /// from the file when needed — a line a snapshot covered is not decoded). The latest,
        /// not the last: steps back each within the tolerance must not add up.
        var lastInstant: Int64?
    }

    var tail: Tail?
    var lockFD: Int32 = -1
    var holdingLock = false
    var pending: [UInt8] = []
    var closed = false
    /// The data directory's year folders as last listed, and the directory's stamp then
    /// (``newerYear(than:)``).
    var yearFolders: (stamp: [Int64], years: [Int])?
    /// Torn tails this writer set aside.
    public private(set) var recoveries: [Recovery] = []
    /// This machine's record of the heads it acknowledged (``AcknowledgedHeads``), and the
    /// head last written to it.
    var heads: AcknowledgedHeads?
    var noted: (year: Int, seq: Int64)?
    /// Set on a writer made by ``init(refusing:data:book:clock:time:)``: every write throws it.
    public private(set) var refusal: (any Error)?
    /// A reader only (``init(data:book:clock:time:durability:start:recoveryOperator:clockTolerance:readOnly:replay:)``
    /// with `readOnly`): it takes no lock and creates, repairs and writes nothing; every
    /// transaction throws ``ReadOnlyRefusal``, and ``refresh()`` reads whole new lines.
    public let readOnly: Bool

    /// A torn tail that was set aside.
    public struct Recovery: Sendable, Equatable {
        public var year: Int
        public var seq: Int64
        public var bytes: Int64
        public var quarantinePath: String
    }

    /// Opens a book for appending, checking and replaying its newest year.
    ///
    /// - Parameters:
    ///   - start: which events to replay: the newest year's, every year's, or those after a
    ///     snapshot (whose line must still carry the snapshot's hash, else
    ///     ``LedgerError/snapshotMismatch`` is thrown). Every line of the years read is
    ///     checked either way.
    ///   - recoveryOperator: the operator recorded on a `ledger.recovered` event.
    ///   - clockTolerance: seconds an event may be earlier than the book's last one
    ///     (`plaza.clock_tolerance_minutes`; 5 minutes by default).
    ///   - readOnly: only read: no lock folder or file, no lock, the files opened for
    ///     reading, a torn tail left where it is and not read (it may be a writer's line
    ///     half written: read once whole), this machine's acknowledged heads read and
    ///     checked but never written; every transaction throws ``ReadOnlyRefusal``.
    ///   - replay: receives every event, as described on the type.
    public init(data: DataDirectory, book: BookName, clock: any Clock, time: PlazaTime = .china,
                durability: Durability = .immediate, start: ReplayStart = .newestYear,
                recoveryOperator: OperatorID = .system, clockTolerance: Int64 = 300, readOnly: Bool = false,
                replay: @escaping (LedgerRecord) throws -> Void = { _ in }) throws {
        self.data = data
        self.book = book
        self.clock = clock
        self.time = time
        // A reader buffers nothing and holds no lock for its life.
        self.durability = readOnly ? .immediate : durability
        self.recoveryOperator = recoveryOperator
        self.clockTolerance = clockTolerance
        self.readOnly = readOnly
        self.replay = replay
        if readOnly {
            do {
                // The heads are read before the book, as a writer reads them under the lock:
                // a line appended meanwhile only makes the book longer than they say.
                let heads = AcknowledgedHeads(readingOnly: data)
                self.heads = heads
                try openNewestYear(start: start)
                try checkAcknowledged(heads.acknowledged(book))
            } catch {
                if let t = tail { Glibc.close(t.fd) }
                tail = nil
                closed = true
                throw error
            }
            return
        }
        // A write past RLIMIT_FSIZE must fail with EFBIG, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        try POSIXFile.makeDirectories(data.lockFolder)
        lockFD = try POSIXFile.open("\(data.lockFolder)/\(book.rawValue).lock", O_RDWR | O_CREAT, action: "open the lock file")
        do {
            try lock()
            defer { if durability == .immediate { unlock() } }
            let heads = AcknowledgedHeads(data: data)
            self.heads = heads
            try openNewestYear(start: start)
            try checkAcknowledged(heads.acknowledged(book))
            noteHead()
        } catch {
            if let t = tail { Glibc.close(t.fd) }
            tail = nil
            Glibc.close(lockFD)
            lockFD = -1
            holdingLock = false
            closed = true
            throw error
        }
    }

    /// A writer for a book that cannot be opened (damaged, or behind what this machine
    /// acknowledged): it holds no file and no lock, and every transaction throws `error`.
    public init(refusing error: any Error, data: DataDirectory, book: BookName, clock: any Clock, time: PlazaTime = .china) {
        self.data = data
        self.book = book
        self.clock = clock
        self.time = time
        self.durability = .immediate
        self.recoveryOperator = .system
        self.clockTolerance = 300
        self.readOnly = false
        self.replay = { _ in }
        self.refusal = error
    }

    deinit {
        try? close()
    }

    /// Appends one event and returns it as recorded.
    @discardableResult
    public func append(_ ev: String, _ body: JSONObject, op: OperatorID) throws -> LedgerRecord {
        try transaction { try $0.append(ev, body, op: op) }
    }

    /// Runs `body` while holding the book's lock, after catching up with other writers.
    ///
    /// Use it to check a rule against the latest state and append in one step: no other
    /// process can append in between.
    public func transaction<T>(_ body: (inout Appender) throws -> T) throws -> T {
        precondition(!closed, "writer is closed")
        if let refusal { throw refusal }
        if readOnly { throw ReadOnlyRefusal(data: data.path) }
        if durability == .immediate { try lock() }
        defer { if durability == .immediate { unlock() } }
        defer { if durability == .immediate { noteHead() } }   // runs first: the lock is still held
        if durability == .immediate { try catchUp() }
        var appender = Appender(writer: self)
        return try body(&appender)
    }

    /// Reads what other writers appended since, checking every line: under the book's lock
    /// (as a transaction that appends nothing), or, read-only, without one (whole lines
    /// only: a line being written is read on a later call).
    public func refresh() throws {
        guard readOnly else { return try transaction { _ in } }
        precondition(!closed, "writer is closed")
        if let refusal { throw refusal }
        try catchUp()
    }

    /// Appends inside a ``BookWriter/transaction(_:)``.
    public struct Appender {
        let writer: BookWriter
        @discardableResult
        public mutating func append(_ ev: String, _ body: JSONObject, op: OperatorID) throws -> LedgerRecord {
            try writer.appendLocked(ev, body, op: op)
        }
    }

    /// Writes and fsyncs what a deferred writer has buffered.
    public func sync() throws {
        guard !readOnly else { return }
        try flushPending()
        if let t = tail { try POSIXFile.fsync(t.fd, path: t.path) }
        noteHead()
        heads?.sync()
    }

    /// fsyncs this machine's record of acknowledged heads (both copies): at a shift close
    /// and when snapshots are saved.
    public func syncHeads() { heads?.sync() }

    /// Syncs, releases the lock and closes the files. Appending afterwards is an error.
    public func close() throws {
        guard !closed else { return }
        closed = true
        defer {
            if let t = tail { Glibc.close(t.fd) }
            tail = nil
            unlock()
            if lockFD >= 0 { Glibc.close(lockFD) }
            lockFD = -1
        }
        if durability == .deferred { try sync() }
        heads?.sync()
    }

    /// The seq and hash of the newest line (0 and the starting link when empty).
    public var head: (year: Int?, seq: Int64, hash: ChainHash) {
        (tail?.year, tail?.seq ?? 0, tail?.hash ?? .zero)
    }

    // MARK: - Acknowledged heads

    /// Writes the head to this machine's record when it moved (the line is durable: called
    /// after an immediate append, or after a deferred writer's fsync).
    func noteHead() {
        guard let heads, let t = tail, t.seq > 0, noted.map({ $0.year != t.year || $0.seq != t.seq }) ?? true else { return }
        noted = (t.year, t.seq)
        heads.note(AcknowledgedHead(book: book, year: t.year, seq: t.seq, hash: t.hash, date: time.civil(clock.now()).dateString))
    }

    /// Refuses a book that no longer holds a head this machine acknowledged: cut short,
    /// rolled back, re-hashed or deleted (``AcknowledgedHeadMismatch``).
    func checkAcknowledged(_ acknowledged: [AcknowledgedHead]) throws {
        for a in acknowledged {
            let path = LedgerPaths.bookPath(data, year: a.year, book: book)
            guard POSIXFile.exists(path), let t = tail, a.year <= t.year else {
                throw AcknowledgedHeadMismatch(acknowledged: a, kind: .missing)
            }
            if t.year == a.year, t.seq <= a.seq {
                if let m = AcknowledgedHeadMismatch.check(a, lastSeq: t.seq, hashAtSeq: t.hash) { throw m }
                continue
            }
            // An earlier year that ends there: its last line is the one (its chain is checked
            // when read).
            if a.year < t.year, (try? LedgerPaths.lastHash(data, year: a.year, book: book)) == a.hash { continue }
            // The book went on past it (or the year ends elsewhere): find the line (rare).
            let prev = try LedgerPaths.incomingPrev(data, year: a.year, book: book)
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: false, collect: [a.seq])
            if let m = AcknowledgedHeadMismatch.check(a, lastSeq: scan.lastSeq, hashAtSeq: scan.collectedHashes[a.seq]) { throw m }
        }
    }

    // MARK: - Locking

    func lock() throws {
        guard !holdingLock else { return }
        while flock(lockFD, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            throw LedgerError.io(path: "\(data.lockFolder)/\(book.rawValue).lock", action: "lock", errno: errno)
        }
        holdingLock = true
    }

    func unlock() {
        guard holdingLock else { return }
        flock(lockFD, LOCK_UN)
        holdingLock = false
    }

    // MARK: - Opening and catching up

    /// The years that have a file of this book, ascending.
    func yearsOnDisk() -> [Int] {
        data.years().filter { POSIXFile.exists(LedgerPaths.bookPath(data, year: $0, book: book)) }
    }

    /// The newest year after `year` with a file of this book, if another writer started one.
    ///
    /// Asked before every append, so it must be cheap: the year folders are listed again only
    /// when the data directory's stamp (inode, link count, modification time) has changed
    /// since they were last listed, and only the files of years after `year` (normally none)
    /// are looked for. A new folder adds one to the link count (two plus the subfolders, on
    /// ext4, xfs and tmpfs) as well as touching the time, so one made in the same clock tick
    /// as the listing is still seen. A filesystem whose folders do not count their
    /// subfolders (a link count below two) is listed every time.
    func newerYear(than year: Int) -> Int? {
        var st = stat()
        let stamped = stat(data.path, &st) == 0 && st.st_nlink >= 2
        let stamp = [Int64(bitPattern: UInt64(st.st_ino)), Int64(st.st_nlink), Int64(st.st_mtim.tv_sec), Int64(st.st_mtim.tv_nsec)]
        if !stamped || yearFolders?.stamp != stamp {
            // Stamped before listing: a folder made in between is listed, or changes the stamp.
            yearFolders = (stamp, data.years())
        }
        return yearFolders!.years.reversed().first { $0 > year && POSIXFile.exists(LedgerPaths.bookPath(data, year: $0, book: book)) }
    }

    func openNewestYear(start: ReplayStart) throws {
        let years = yearsOnDisk()
        guard let newest = years.last else {
            if case .after = start { throw LedgerError.snapshotMismatch(book: book) }
            return
        }
        var first = newest
        var skipYear: Int?, skipSeq: Int64 = 0, expected: ChainHash?
        switch start {
        case .newestYear: break
        case .allYears: first = years[0]
        case .after(let y, let seq, let hash):
            guard years.contains(y) else { throw LedgerError.snapshotMismatch(book: book) }
            first = y; skipYear = y; skipSeq = seq; expected = hash
        }
        var prev = ChainHash.zero
        if let before = years.last(where: { $0 < first }) { prev = try LedgerPaths.lastHash(data, year: before, book: book) }
        for y in years where y >= first && y < newest {
            let path = LedgerPaths.bookPath(data, year: y, book: book)
            let skip = y == skipYear ? skipSeq : 0
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: true, decodeAfterSeq: skip,
                                            watchSeq: y == skipYear ? skipSeq : nil) { try $0.forEach(replay) }
            if let p = scan.problem { throw LedgerError.damaged(book: book, year: y, seq: p.seq, reason: p.reason) }
            if y == skipYear, skipSeq > 0, scan.watchedHash != expected { throw LedgerError.snapshotMismatch(book: book) }
            prev = scan.lastHash
        }
        let path = LedgerPaths.bookPath(data, year: newest, book: book)
        let fd = try openYearFile(path)
        let (size, inode) = try POSIXFile.size(fd, path: path)
        tail = Tail(year: newest, path: path, fd: fd, size: 0, inode: inode, seq: 0, hash: prev)
        if newest == skipYear {
            try readNew(upTo: size, decodeAfterSeq: skipSeq, watchSeq: skipSeq > 0 ? skipSeq : nil, expected: expected)
        } else {
            try readNew(upTo: size)
        }
    }

    /// Whether another writer may have appended since this one last read: the file's size
    /// moved, or a newer year's file appeared. A stat and no lock, so a console can ask on
    /// every tick and take the lock only when there is something to read.
    public var mayHaveNewLines: Bool {
        guard !closed, refusal == nil else { return false }
        guard let t = tail else { return !yearsOnDisk().isEmpty }
        guard let (size, _) = try? POSIXFile.size(t.fd, path: t.path) else { return true }
        return size != t.size || newerYear(than: t.year) != nil
    }

    /// Reads lines appended since the known tail (by anyone), checking and replaying them;
    /// sets a torn tail aside.
    func catchUp() throws {
        if let t = tail {
            let (size, inode) = try POSIXFile.size(t.fd, path: t.path)
            if inode != t.inode || size < t.size {
                throw LedgerError.damaged(book: book, year: t.year, seq: t.seq,
                                          reason: "the file was replaced or cut short while open")
            }
            if size > t.size { try readNew(upTo: size) }
            // Another writer may have started a newer year.
            if let newest = newerYear(than: t.year) {
                // A reader may have met this year's last line half written; it was whole
                // before the newer year was begun, so it is read first.
                if readOnly, let now = tail {
                    let end = try POSIXFile.size(now.fd, path: now.path).size
                    if end > now.size { try readNew(upTo: end) }
                }
                try switchToYear(newest)
                try catchUp()
            }
        } else if !yearsOnDisk().isEmpty {
            try openNewestYear(start: .newestYear)
        }
    }

    func readNew(upTo size: Int64, decodeAfterSeq: Int64 = 0, watchSeq: Int64? = nil, expected: ChainHash? = nil) throws {
        guard var t = tail else { return }
        var latest: Int64?, lastDecoded: Int64 = 0
        let scan = try BookScanner.scan(fd: t.fd, path: t.path, size: size, from: t.size, startSeq: t.seq,
                                        startPrev: t.hash, decode: true, decodeAfterSeq: decodeAfterSeq,
                                        watchSeq: watchSeq) { records in
            for r in records {
                try replay(r)
                latest = max(latest ?? r.instant, r.instant)
                lastDecoded = r.seq
            }
        }
        if scan.lastSeq != t.seq {
            // Lines read but not decoded (a snapshot covers them) leave the time unknown.
            t.lastInstant = lastDecoded == scan.lastSeq ? max(t.lastInstant ?? latest!, latest!) : nil
        }
        if let watchSeq, scan.watchedHash != expected, scan.problem == nil || scan.lastSeq >= watchSeq {
            throw LedgerError.snapshotMismatch(book: book)
        }
        t.size = scan.soundLength
        t.seq = scan.lastSeq
        t.hash = scan.lastHash
        tail = t
        switch scan.problem {
        case nil: break
        case .damaged(let seq, _, let reason)?:
            throw LedgerError.damaged(book: book, year: t.year, seq: seq, reason: reason)
        case .tornTail(let seq, let offset, let bytes, let reason)?:
            // A line this machine acknowledged cannot be torn by a crash: it was changed. Refused
            // before anything is set aside.
            if let a = heads?.acknowledged(book).first(where: { $0.year == t.year && $0.seq >= seq }) {
                throw AcknowledgedHeadMismatch(acknowledged: a, kind: .shorter(endsAt: seq - 1))
            }
            // A reader leaves it for a writer (or `recover`) and reads on from the sound end
            // next time: the bytes may be a writer's line not yet whole.
            if readOnly { return }
            try setAsideTornTail(seq: seq, offset: offset, bytes: bytes, reason: reason)
        }
    }

    /// Opens a year's file of the book: for appending, or (read-only) for reading.
    func openYearFile(_ path: String) throws -> Int32 {
        readOnly ? try POSIXFile.open(path, O_RDONLY, action: "open for reading")
            : try POSIXFile.open(path, O_RDWR | O_APPEND, action: "open for writing")
    }

    func switchToYear(_ year: Int) throws {
        guard let old = tail else { return }
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let fd = try openYearFile(path)
        let inode = try POSIXFile.size(fd, path: path).inode
        Glibc.close(old.fd)
        tail = Tail(year: year, path: path, fd: fd, size: 0, inode: inode, seq: 0, hash: old.hash)
    }

    /// Copies a torn tail to a quarantine file, cuts it off and records that it did.
    func setAsideTornTail(seq: Int64, offset: Int64, bytes: Int64, reason: String) throws {
        guard let t = tail else { return }
        var torn = [UInt8](repeating: 0, count: Int(bytes))
        let got = try torn.withUnsafeMutableBytes { try POSIXFile.pread(t.fd, into: $0.baseAddress!, count: Int(bytes), at: offset, path: t.path) }
        torn.removeLast(torn.count - got)
        let folder = LedgerPaths.folder(of: t.path)
        var name = "\(book.rawValue).jsonl.quarantine-\(offset)"
        var attempt = 1
        var qfd: Int32 = -1
        while true {
            qfd = Glibc.open("\(folder)/\(name)", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if qfd >= 0 { break }
            guard errno == EEXIST, attempt < 1000 else {
                throw LedgerError.io(path: "\(folder)/\(name)", action: "create quarantine file", errno: errno)
            }
            attempt += 1
            name = "\(book.rawValue).jsonl.quarantine-\(offset)-\(attempt)"
        }
        let qpath = "\(folder)/\(name)"
        defer { Glibc.close(qfd) }
        try torn.withUnsafeBytes { try POSIXFile.writeAll(qfd, $0, path: qpath) }
        try POSIXFile.fsync(qfd, path: qpath)
        try POSIXFile.fsyncDirectory(folder)
        guard ftruncate(t.fd, off_t(offset)) == 0 else {
            throw LedgerError.io(path: t.path, action: "cut the torn tail off", errno: errno)
        }
        try POSIXFile.fsync(t.fd, path: t.path)
        recoveries.append(Recovery(year: t.year, seq: seq, bytes: Int64(got), quarantinePath: qpath))
        let body: JSONObject = JSONObject([
            ("bytes", .int(Int64(got))), ("offset", .int(offset)), ("quarantine", .string(name)),
            ("reason", .string(reason)), ("seq", .int(seq)),
        ])
        _ = try appendLocked(LedgerEvents.recovered, body, op: recoveryOperator, forceYear: t.year)
        if durability == .deferred { try sync() }
    }

    // MARK: - Appending

    func appendLocked(_ ev: String, _ body: JSONObject, op: OperatorID, forceYear: Int? = nil) throws -> LedgerRecord {
        let now = clock.now()
        let year = forceYear ?? time.civil(now).year
        if let t = tail, year < t.year { throw LedgerError.clockBehind(book: book, clockYear: year, bookYear: t.year) }
        // A recovery records what opening found, whatever the clock says; anything else
        // must not be dated before the book's last entry (beyond the tolerance).
        if forceYear == nil, let last = try lastEntryInstant(), now < last - clockTolerance {
            throw LedgerError.clockBackwards(book: book, clock: time.rfc3339(now), lastEntry: time.rfc3339(last))
        }
        if tail == nil || year > tail!.year { try startYear(year) }
        guard var t = tail else { preconditionFailure("no tail after starting a year") }
        let at = time.rfc3339(now)
        let (line, hash) = LedgerLine.encode(seq: t.seq + 1, at: at, op: op, ev: ev, body: body, prev: t.hash)
        guard line.count - 1 <= LedgerLimits.maxLineBytes else { throw LedgerError.eventTooLarge(bytes: line.count) }
        switch durability {
        case .immediate:
            do {
                try line.withUnsafeBytes { try POSIXFile.writeAll(t.fd, $0, path: t.path) }
                try POSIXFile.fsync(t.fd, path: t.path)
            } catch {
                // Leave no half line behind: cut back to the last whole one.
                _ = ftruncate(t.fd, off_t(t.size))
                _ = Glibc.fsync(t.fd)
                throw error
            }
        case .deferred:
            pending.append(contentsOf: line)
            if pending.count >= 4 << 20 { try flushPending() }
        }
        let record = LedgerRecord(seq: t.seq + 1, instant: now, offsetSeconds: time.offsetSeconds, op: op, ev: ev, body: body, prev: t.hash, hash: hash)
        t.size += Int64(line.count)
        t.seq += 1
        t.hash = hash
        t.lastInstant = max(t.lastInstant ?? now, now)
        tail = t
        try replay(record)
        return record
    }

    /// The latest time in the book (nil for an empty book); when no decoded record gave it,
    /// the last line's, read from the file.
    func lastEntryInstant() throws -> Int64? {
        guard var t = tail, t.seq > 0 else { return nil }
        if let known = t.lastInstant { return known }
        try flushPending()
        let instant = try LedgerPaths.lastInstant(fd: t.fd, path: t.path, size: t.size, book: book, year: t.year)
        t.lastInstant = instant
        tail = t
        return instant
    }

    func flushPending() throws {
        guard !pending.isEmpty, let t = tail else { return }
        let base = t.size - Int64(pending.count)
        do {
            try pending.withUnsafeBytes { try POSIXFile.writeAll(t.fd, $0, path: t.path) }
        } catch {
            _ = ftruncate(t.fd, off_t(base))
            throw error
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Creates the file of a new year; its first line links to the last hash so far.
    func startYear(_ year: Int) throws {
        try flushPending()
        if let t = tail { try POSIXFile.fsync(t.fd, path: t.path) }
        let folder = data.yearFolder(year)
        try POSIXFile.makeDirectories(folder)
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let fd = try POSIXFile.open(path, O_RDWR | O_APPEND | O_CREAT, action: "create")
        try POSIXFile.fsyncDirectory(folder)
        let (size, inode) = try POSIXFile.size(fd, path: path)
        var prev = tail?.hash ?? .zero
        if tail == nil, let before = yearsOnDisk().last(where: { $0 < year }) {
            prev = try LedgerPaths.lastHash(data, year: before, book: book)
        }
        if let old = tail { Glibc.close(old.fd) }
        tail = Tail(year: year, path: path, fd: fd, size: 0, inode: inode, seq: 0, hash: prev)
        if size > 0 { try readNew(upTo: size) }
    }
}
