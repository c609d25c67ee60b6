import Dispatch
import Glibc

/// The figures `plazadesk bench` prints for a year of a data directory.
///
/// Cold open is what the console does on start (every book re-read, re-hashed, linked and
/// its events decoded and handed to a replay); durable appends are timed beside a bare
/// `write`+`fsync` of the same bytes, alternating, in a scratch folder on the same disk.
public struct LedgerBench {
    public var data: DataDirectory
    public var year: Int
    public var appends: Int
    /// Where to copy the lines the durable appends wrote, so a peer can store the same payloads.
    public var payloadsPath: String?

    public init(data: DataDirectory, year: Int, appends: Int = 1000, payloadsPath: String? = nil) {
        self.data = data; self.year = year; self.appends = appends; self.payloadsPath = payloadsPath
    }

    /// What a run measures; `compare.sh` runs each alone, so each gets its own peak RSS.
    public enum Part: String, CaseIterable, Sendable {
        /// Every event replayed, snapshots ignored; then the snapshots a clean close leaves.
        case replay
        /// The desk opened as the console opens it (from the snapshots when they match).
        case open
        case scan, verify, export, append
        /// `verify --deep`: `verify`, then every book replayed through the desk's rules.
        case deep
    }

    /// What one run measured.
    public struct Figures: Sendable, Codable {
        public var events: Int64 = 0
        public var bytes: Int64 = 0
        /// Opening the whole desk as the console does: every line of every book re-hashed and
        /// linked, state from the snapshots where they match the ledgers.
        public var coldOpenSeconds: Double = 0
        /// The same with the snapshots ignored: every event decoded and replayed.
        public var coldReplaySeconds: Double = 0
        /// Scanning (hash, link, decode) every book of the year without building state.
        public var scanSeconds: Double = 0
        public var verifySeconds: Double = 0
        /// `verify --deep`: the plain verify and the deep replay of every book (all years).
        public var deepVerifySeconds: Double = 0
        /// Findings of the deep replay (0 on a demo year).
        public var deepFindings: Int = 0
        /// `export --year`: verify, two passes per book (columns, CSV), zip of ledgers and CSVs.
        public var exportSeconds: Double = 0
        public var exportBytes: Int64 = 0
        /// `export --format ledger`: the money journal.
        public var journalSeconds: Double = 0
        public var appendP50: Double = 0
        public var appendP99: Double = 0
        public var bareP50: Double = 0
        public var bareP99: Double = 0
        /// Seconds of all durable appends together, and appends per second from it.
        public var appendSeconds: Double = 0
        public var appendsPerSecond: Double = 0
    }

    public func run(_ parts: Set<Part> = Set(Part.allCases)) throws -> Figures {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        var f = Figures()
        let books = LedgerVerifier.booksIn(data: data, year: year)
        for b in books {
            var st = stat()
            if stat(LedgerPaths.bookPath(data, year: year, book: b), &st) == 0 { f.bytes += Int64(st.st_size) }
        }
        var t0 = Self.now()
        if parts.contains(.scan) {
            // Scan only: hash, link and decode every line.
            var kinds: [String: Int] = [:]
            f.events = 0
            for b in books {
                let path = LedgerPaths.bookPath(data, year: year, book: b)
                let prev = try previousHash(book: b)
                let scan = try BookScanner.scan(path: path, startPrev: prev, decode: true) { records in
                    for r in records { kinds[r.ev, default: 0] += 1 }
                }
                if let p = scan.problem { throw LedgerError.damaged(book: b, year: year, seq: p.seq, reason: p.reason) }
                f.events += scan.events
            }
            f.scanSeconds = Self.now() - t0
        }
        if parts.contains(.replay) {
            // Every event replayed; then the snapshots a clean close of the console leaves.
            let context = try DeskContext.open(data, clock: SystemClock())
            t0 = Self.now()
            let desk = try Desk(context: context, useSnapshots: false)
            f.coldReplaySeconds = Self.now() - t0
            if f.events == 0 { f.events = desk.headSeqSum }
            try desk.saveSnapshots()
            try desk.close()
        }
        if parts.contains(.open) {
            // The desk opened as the console opens it (after `replay`, from its snapshots).
            let context = try DeskContext.open(data, clock: SystemClock())
            t0 = Self.now()
            let opened = try Desk(context: context)
            f.coldOpenSeconds = Self.now() - t0
            if f.events == 0 { f.events = opened.headSeqSum }
            try opened.close()
        }
        if parts.contains(.verify) {
            t0 = Self.now()
            let reports = try LedgerVerifier.verify(data: data, year: year)
            f.verifySeconds = Self.now() - t0
            if let bad = reports.first(where: { !$0.isSound }) {
                throw LedgerError.damaged(book: bad.book, year: bad.year, seq: bad.scan.problem!.seq, reason: bad.scan.problem!.reason)
            }
            f.events = reports.reduce(0) { $0 + $1.scan.events }
        }
        if parts.contains(.deep) {
            t0 = Self.now()
            // One read of every line: the deep replay also makes plain verify's reports.
            let deep = try DeepVerifier.verify(data: data)
            let reports = deep.reports ?? []
            f.deepVerifySeconds = Self.now() - t0
            f.deepFindings = deep.total
            if let bad = reports.first(where: { !$0.isSound }) {
                throw LedgerError.damaged(book: bad.book, year: bad.year, seq: bad.scan.problem!.seq, reason: bad.scan.problem!.reason)
            }
            if f.events == 0 { f.events = deep.events }
        }
        if parts.contains(.append) {
            let m = try measureAppends()
            (f.appendP50, f.appendP99, f.bareP50, f.bareP99) = (m.p50, m.p99, m.bareP50, m.bareP99)
            f.appendSeconds = m.total
            f.appendsPerSecond = m.total > 0 ? Double(appends) / m.total : 0
        }
        if parts.contains(.export) {
            // Export for the auditor, and the journal for finance.
            let zip = "\(data.path)/.bench-export-\(getpid()).zip"
            defer { unlink(zip) }
            t0 = Self.now()
            let written = try YearExport(data: data, year: year, clock: SystemClock()).write(to: zip)
            f.exportSeconds = Self.now() - t0
            f.exportBytes = written.archiveBytes
            if f.events == 0 { f.events = written.manifest.books.reduce(0) { $0 + $1.events } }
            unlink(zip)
            t0 = Self.now()
            _ = try LedgerJournal(data: data, year: year).write(to: zip)
            f.journalSeconds = Self.now() - t0
        }
        return f
    }

    func previousHash(book: BookName) throws -> ChainHash {
        guard let before = data.years().last(where: { $0 < year && POSIXFile.exists(LedgerPaths.bookPath(data, year: $0, book: book)) }) else { return .zero }
        return try LedgerPaths.lastHash(data, year: before, book: book)
    }

    func measureAppends() throws -> (p50: Double, p99: Double, bareP50: Double, bareP99: Double, total: Double) {
        let scratch = DataDirectory(path: "\(data.path)/.bench-scratch-\(getpid())")
        defer { Self.removeTree(scratch.path) }
        let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: year, month: 6, day: 1, hour: 12)))
        let writer = try BookWriter(data: scratch, book: BookName("bench")!, clock: clock)
        let barePath = "\(scratch.path)/bare.jsonl"
        let bare = try POSIXFile.open(barePath, O_WRONLY | O_APPEND | O_CREAT, action: "create")
        defer { close(bare) }
        try POSIXFile.fsyncDirectory(scratch.path)
        var durable: [Double] = [], plain: [Double] = []
        durable.reserveCapacity(appends); plain.reserveCapacity(appends)
        let body: JSONObject = JSONObject([
            ("customer", "王芳"), ("depositCard", "D17"), ("depositFen", 5000), ("phoneMasked", "138****1234"), ("unit", "U42"),
        ])
        for _ in 0..<appends {
            clock.advance(by: 1)
            let t0 = Self.now()
            let r = try writer.append("umbrella.lent", body, op: .system)
            durable.append(Self.now() - t0)
            let line = LedgerLine.encode(seq: r.seq, at: r.at, op: r.op, ev: r.ev, body: r.body, prev: r.prev).bytes
            let t1 = Self.now()
            try line.withUnsafeBytes { try POSIXFile.writeAll(bare, $0, path: barePath) }
            try POSIXFile.fsync(bare, path: barePath)
            plain.append(Self.now() - t1)
        }
        try writer.close()
        if let payloadsPath {
            let fd = try POSIXFile.open(payloadsPath, O_WRONLY | O_CREAT | O_TRUNC, action: "create")
            defer { close(fd) }
            let src = try POSIXFile.open(barePath, O_RDONLY, action: "open")
            defer { close(src) }
            var buf = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buf.withUnsafeMutableBytes { read(src, $0.baseAddress!, $0.count) }
                if n <= 0 { break }
                try buf.withUnsafeBytes { try POSIXFile.writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<n]), path: payloadsPath) }
            }
        }
        return (Self.percentile(durable, 0.5), Self.percentile(durable, 0.99),
                Self.percentile(plain, 0.5), Self.percentile(plain, 0.99), durable.reduce(0, +))
    }

    /// The value below which `p` of the samples fall (nearest rank).
    public static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// Monotonic seconds, for measuring durations only.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func removeTree(_ path: String) {
        guard let names = try? FileManagerShim.contents(path) else { unlink(path); return }
        for n in names {
            let p = "\(path)/\(n)"
            var st = stat()
            if lstat(p, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { removeTree(p) } else { unlink(p) }
        }
        rmdir(path)
    }
}
