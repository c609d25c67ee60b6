import Crypto
import DeskResources
import Dispatch
import Foundation
import Glibc
import ZIPFoundation

/// `plazadesk export --year`: one zip that lets an auditor prove a year was not changed.
///
/// The archive holds, under `plazadesk-<year>/`: the year's ledger files byte for byte
/// (`ledger/<book>.jsonl`), one CSV per book (`csv/<book>.csv`, see ``BookCSV``),
/// `manifest.json` (``ExportManifest``), a README for the auditor and `verify.py`, which
/// re-checks every hash, link, seq and seal with nothing but Python 3.
///
/// The year is verified first (chains and seals, as `plazadesk verify`); a damaged book
/// or a torn tail stops the export. Each book is copied up to its length at the start,
/// taken under its lock, so exporting the running year is safe; everything is streamed
/// (a heavy year never sits in memory) and the zip appears under its name only when
/// complete.
public struct YearExport: Sendable {
    public var data: DataDirectory
    public var year: Int
    public var clock: any Clock
    /// The desk's books: their order in the manifest (`bookOrder`) and in the README.
    var registry = BookRegistry.standard

    public init(data: DataDirectory, year: Int, clock: any Clock) {
        self.data = data; self.year = year; self.clock = clock
    }

    /// What an export wrote.
    public struct Summary: Sendable {
        public var manifest: ExportManifest
        /// SHA-256 of `manifest.json`: worth writing down next to the archive.
        public var manifestSHA256: String
        public var archiveBytes: Int64
        public var events: Int64 { manifest.books.reduce(0) { $0 + $1.events } }
    }

    /// The folder inside the zip.
    public static func folderName(year: Int) -> String { "plazadesk-\(year)" }

    static let chunkBytes = 1 << 20

    public func write(to out: String) throws -> Summary {
        guard data.years().contains(year) else { throw ExportError.noSuchYear(year: year, data: data.path) }
        let books = LedgerVerifier.booksIn(data: data, year: year, order: registry.names)
        // The shift book's length first: its seals then never point past another book's copy.
        var sizes: [BookName: Int64] = [:]
        for b in ([LedgerSeal.shiftBook] + books) where books.contains(b) && sizes[b] == nil {
            sizes[b] = try lengthUnderLock(b)
        }
        for r in try LedgerVerifier.verify(data: data, year: year) where r.year == year {
            if let p = r.scan.problem { throw ExportError.notSound(book: r.book, year: year, seq: p.seq, reason: p.reason) }
        }

        try Self.checkFolder(of: out)
        let partial = out + ".partial"
        let scratch = out + ".partial-csv"
        unlink(partial)
        LedgerBench.removeTree(scratch)
        guard mkdir(scratch, 0o700) == 0 else { throw LedgerError.io(path: scratch, action: "create", errno: errno) }
        defer { LedgerBench.removeTree(scratch); unlink(partial) }
        let archive = try Archive(url: URL(fileURLWithPath: partial), accessMode: .create)
        let date = Date(timeIntervalSince1970: TimeInterval(clock.now()))
        let root = Self.folderName(year: year)
        var files: [ExportManifest.File] = []
        var entries: [ExportManifest.Book] = []
        var seals: [LedgerSeal] = []

        // While one book is deflated into the zip, the next one's CSV is written on another thread.
        let slots = books.map { _ in PreparedSlot() }
        let group = DispatchGroup()
        let export = self
        func launch(_ i: Int) {
            let (b, size, slot) = (books[i], sizes[books[i]]!, slots[i])
            DispatchQueue.global().async(group: group) {
                slot.result = Result { try export.prepare(b, size: size, scratch: scratch) }
            }
        }
        defer { group.wait() }
        if !books.isEmpty { launch(0) }
        for (i, b) in books.enumerated() {
            group.wait()
            let p = try slots[i].result!.get()
            slots[i].result = nil
            if i + 1 < books.count { launch(i + 1) }
            seals += p.seals
            let fd = try POSIXFile.open(p.path, O_RDONLY | O_CLOEXEC, action: "open")
            defer { Glibc.close(fd) }
            let ledgerName = "ledger/\(b.fileName)"
            let ledgerSHA = try addEntry(archive, "\(root)/\(ledgerName)", size: p.size, date: date) { at, count, into in
                try POSIXFile.pread(fd, into: into, count: count, at: at, path: p.path)
            }
            files.append(.init(path: ledgerName, sha256: ledgerSHA, size: p.size))
            let csvName = "csv/\(b.rawValue).csv"
            let cfd = try POSIXFile.open(p.csvPath, O_RDONLY | O_CLOEXEC, action: "open")
            defer { Glibc.close(cfd) }
            _ = try addEntry(archive, "\(root)/\(csvName)", size: p.csvSize, date: date) { at, count, into in
                try POSIXFile.pread(cfd, into: into, count: count, at: at, path: p.csvPath)
            }
            unlink(p.csvPath)
            files.append(.init(path: csvName, sha256: p.csvSHA, size: p.csvSize))
            entries.append(.init(book: b.rawValue, events: p.scan.events, firstSeq: p.scan.events > 0 ? 1 : 0,
                                 lastSeq: p.scan.lastSeq, incomingPrev: p.prev.hex, headHash: p.scan.lastHash.hex,
                                 ledger: ledgerName, csv: csvName, seals: []))
        }
        for i in entries.indices {
            entries[i].seals = seals.filter { $0.book.rawValue == entries[i].book }
                .sorted { ($0.seq, $0.shiftSeq) < ($1.seq, $1.shiftSeq) }
                .map { .init(shiftSeq: $0.shiftSeq, seq: $0.seq, hash: $0.hash.hex) }
        }

        let readme = try Self.auditorReadme(year: year, registry: registry)
        let verify = try DeskResources.text("export/verify.py")
        for (name, text, mode) in [("README.txt", readme, UInt16(0o644)), ("verify.py", verify, UInt16(0o755))] {
            let bytes = Array(text.utf8)
            files.append(.init(path: name, sha256: try addBytes(archive, "\(root)/\(name)", bytes, date: date, permissions: mode),
                               size: Int64(bytes.count)))
        }
        let manifest = ExportManifest(format: ExportManifest.formatName, year: year, exportedAt: PlazaTime.china.rfc3339(clock.now()),
                                      rules: Self.rules, bookOrder: registry.names.map(\.rawValue), books: entries, files: files)
        let manifestBytes = Array(try manifest.encoded())
        let manifestSHA = try addBytes(archive, "\(root)/manifest.json", manifestBytes, date: date, permissions: 0o644)

        let (afd, archivePath) = (try POSIXFile.open(partial, O_RDONLY | O_CLOEXEC, action: "open"), partial)
        try POSIXFile.fsync(afd, path: archivePath)
        let archiveBytes = try POSIXFile.size(afd, path: archivePath).size
        Glibc.close(afd)
        guard rename(partial, out) == 0 else { throw LedgerError.io(path: out, action: "rename the finished archive to", errno: errno) }
        return Summary(manifest: manifest, manifestSHA256: manifestSHA, archiveBytes: archiveBytes)
    }

    /// The auditor's README of `year`: the shipped text with its year filled in and the
    /// books the registry lists, each with what it holds (``DeskBook/auditorLabel``).
    static func auditorReadme(year: Int, registry: BookRegistry) throws -> String {
        let books = registry.books.map { b in b.name.rawValue + (b.auditorLabel.map { " (\($0))" } ?? "") }
        let paragraph = "The ledger files, byte for byte as the desk wrote them. One event per line. Books: "
            + books.joined(separator: ", ") + "."
        let lines = wrap(paragraph, width: 65)
        let ledger = (["  ledger/<book>.jsonl   " + lines[0]] + lines.dropFirst().map { String(repeating: " ", count: 24) + $0 })
            .joined(separator: "\n")
        return try DeskResources.text("export/README-auditor.txt").replacingOccurrences(of: "{{LEDGER_BOOKS}}", with: ledger)
            .replacingOccurrences(of: "{{YEAR}}", with: String(year)).replacingOccurrences(of: "{{YEAR_BEFORE}}", with: String(year - 1))
    }

    /// Words into lines of at most `width` characters (a longer word on a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
                lines.append(line)
                line = String(word)
            }
        }
        return lines + (line.isEmpty ? [] : [line])
    }

    /// A book read twice for its CSV: what the zip and the manifest need of it.
    struct Prepared: Sendable {
        var path: String
        var size: Int64
        var prev: ChainHash
        var scan: BookScan
        var seals: [LedgerSeal]
        var csvPath: String
        var csvSHA: String
        var csvSize: Int64
    }

    /// Where a background preparation leaves its result.
    final class PreparedSlot: @unchecked Sendable {
        var result: Result<Prepared, any Error>?
    }

    /// Pass 1 (the columns, the count, the seals) and pass 2 (the CSV, streamed to a
    /// scratch file) over the first `size` bytes of a book.
    func prepare(_ b: BookName, size: Int64, scratch: String) throws -> Prepared {
        let path = LedgerPaths.bookPath(data, year: year, book: b)
        let prev = try LedgerPaths.incomingPrev(data, year: year, book: b)
        let fd = try POSIXFile.open(path, O_RDONLY | O_CLOEXEC, action: "open")
        defer { Glibc.close(fd) }
        var keys = Set<String>()
        var seals: [LedgerSeal] = []
        var sealFault: LineFault?
        let scan = try BookScanner.scan(fd: fd, path: path, size: size, from: 0, startSeq: 0, startPrev: prev,
                                        decode: true, deliver: { records in
            for r in records {
                for m in r.body.members where !keys.contains(m.key) { keys.insert(m.key) }
                if r.ev == LedgerSeal.event {
                    do throws(LineFault) { seals += try LedgerSeal.seals(in: r) } catch { sealFault = error }
                }
            }
        })
        if let p = scan.problem { throw ExportError.notSound(book: b, year: year, seq: p.seq, reason: p.reason) }
        if let f = sealFault { throw ExportError.notSound(book: b, year: year, seq: 0, reason: f.reason) }
        let csv = BookCSV(bodyKeys: keys)
        let csvPath = "\(scratch)/\(b.rawValue).csv"
        let writer = try HashingFileWriter(path: csvPath)
        try csv.writeHeader(to: writer)
        _ = try BookScanner.scan(fd: fd, path: path, size: size, from: 0, startSeq: 0, startPrev: prev, decode: true,
                                 deliver: { records in for r in records { try csv.writeRow(r, to: writer) } })
        let (csvSHA, csvSize) = try writer.finish()
        return Prepared(path: path, size: size, prev: prev, scan: scan, seals: seals, csvPath: csvPath, csvSHA: csvSHA, csvSize: csvSize)
    }

    /// How the manifest's figures are to be read (also in the README).
    static let rules = "Each ledger line is canonical JSON with keys seq, at, op, ev, body, prev, hash; hash = SHA-256 (hex) of the line's bytes without its hash member (everything before ,\"hash\": followed by }); prev = the hash of the line before, for seq 1 the book's incomingPrev; seq runs 1, 2, 3 without gaps; a seal {shiftSeq, seq, hash} holds when the book's line seq has that hash."

    /// Refuses an output path whose folder does not exist (rather than creating it).
    static func checkFolder(of out: String) throws {
        let folder = POSIXFile.parentOf(out)
        var st = stat()
        guard stat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw LedgerError.io(path: folder, action: "write into the folder", errno: ENOENT)
        }
    }

    /// The book file's length, read while holding its lock (shared), so that no append is
    /// half-way through.
    func lengthUnderLock(_ book: BookName) throws -> Int64 {
        let path = LedgerPaths.bookPath(data, year: year, book: book)
        let lfd = Glibc.open("\(data.lockFolder)/\(book.rawValue).lock", O_RDWR | O_CLOEXEC)
        if lfd >= 0 { while flock(lfd, LOCK_SH) != 0 && errno == EINTR {} }
        defer { if lfd >= 0 { flock(lfd, LOCK_UN); Glibc.close(lfd) } }
        var st = stat()
        guard stat(path, &st) == 0 else { throw LedgerError.io(path: path, action: "read the size of", errno: errno) }
        return Int64(st.st_size)
    }

    /// Adds a file of `size` bytes read by `read(offset, count, into)`, deflated; returns
    /// its SHA-256.
    func addEntry(_ archive: Archive, _ name: String, size: Int64, date: Date, permissions: UInt16 = 0o644,
                  read: (Int64, Int, UnsafeMutableRawPointer) throws -> Int) throws -> String {
        var hasher = SHA256()
        var expected: Int64 = 0
        try archive.addEntry(with: name, type: .file, uncompressedSize: size, modificationDate: date, permissions: permissions,
                             compressionMethod: .deflate, bufferSize: Self.chunkBytes) { position, count in
            precondition(position == expected, "zip provider asked out of order")
            let want = Int(min(Int64(count), size - position))
            var chunk = Data(count: want)
            let got = try chunk.withUnsafeMutableBytes { try read(position, want, $0.baseAddress!) }
            guard got == want else { throw LedgerError.io(path: name, action: "read (the file shrank)", errno: EIO) }
            chunk.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            expected += Int64(want)
            return chunk
        }
        guard expected == size else { throw LedgerError.io(path: name, action: "copy all of", errno: EIO) }
        return hasher.finalize().withUnsafeBytes { ChainHash(bytes: $0).hex }
    }

    func addBytes(_ archive: Archive, _ name: String, _ bytes: [UInt8], date: Date, permissions: UInt16) throws -> String {
        try addEntry(archive, name, size: Int64(bytes.count), date: date, permissions: permissions) { at, count, into in
            bytes.withUnsafeBytes { into.copyMemory(from: $0.baseAddress! + Int(at), byteCount: count) }
            return count
        }
    }
}
