import Crypto
import Foundation
import Glibc

/// Derived snapshots of service state: `<data>/.snapshots/<book>.snap`, compact binary
/// (``SnapshotEncoder``) after an HMAC-SHA256 with the ``SnapshotKey``.
///
/// A snapshot records the book's year, seq and hash it was taken at; opening uses it only
/// if its MAC holds and the ledger still has that hash at that seq, and replays what came
/// after. It is never the truth: delete the folder and the books are simply replayed, and
/// an action that pays out re-reads the ledger line it pays against (``LedgerLineLookup``).
public enum SnapshotStore {
    public struct Loaded<S> {
        public var year: Int
        public var seq: Int64
        public var hash: ChainHash
        public var state: S
    }

    /// What reading a snapshot gave.
    public enum Outcome<S> {
        /// No snapshot, or one an older build wrote (replayed over, silently).
        case absent
        /// The MAC fails, or the authenticated bytes do not decode as this book's.
        case failsKeyCheck
        case loaded(Loaded<S>)

        public var loaded: Loaded<S>? { if case .loaded(let l) = self { return l } else { return nil } }
    }

    static func path(_ book: BookName, _ data: DataDirectory) -> String { "\(data.path)/.snapshots/\(book.rawValue).snap" }

    /// What a binary snapshot file starts with (then the HMAC of the magic and the rest, and
    /// book, year, seq, hash and state). The number changes with the layout of any state or
    /// of the checksum, so a snapshot an older build left is replayed over instead of misread.
    static let magic = Array("plazadesk snapshot 3\n".utf8)

    /// Whether the book's snapshot file is of this build's format (whatever its MAC): one
    /// whose header cannot be read is then damaged, not merely old.
    static func isCurrentFormat(book: BookName, data: DataDirectory) -> Bool {
        let fd = Glibc.open(path(book, data), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: magic.count)
        let n = head.withUnsafeMutableBytes { Glibc.pread(fd, $0.baseAddress!, magic.count, 0) }
        return n == magic.count && head == magic
    }

    /// Where a snapshot says it was taken (year, seq, hash), from its first bytes only: the
    /// checksum is not checked here, so a caller must compare with what ``load(book:data:as:)``
    /// gives before trusting it.
    static func header(book: BookName, data: DataDirectory) -> (year: Int, seq: Int64, hash: ChainHash)? {
        let fd = Glibc.open(path(book, data), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 512)
        let n = head.withUnsafeMutableBytes { Glibc.pread(fd, $0.baseAddress!, 512, 0) }
        let start = magic.count + 32
        guard n > start, head.starts(with: magic) else { return nil }
        return head.withUnsafeBufferPointer { whole in
            var d = SnapshotDecoder(UnsafeBufferPointer(rebasing: whole[start..<n]))
            guard (try? d.string()) == book.rawValue, let year = try? d.intValue(), let seq = try? d.int(), seq >= 1,
                  let hex = try? d.string(), let hash = ChainHash(hex: hex) else { return nil }
            return (year, seq, hash)
        }
    }

    /// Reads a snapshot: absent (or an older build's), failing its key check (a changed byte,
    /// a cut file, another key, another book's), or loaded.
    ///
    /// The file is never read whole into memory: its MAC is computed a chunk at a time,
    /// then it is mapped and decoded front to back, each few MiB given back to the system as
    /// soon as they are decoded. A heavy year's largest snapshot would otherwise sit in memory
    /// beside the state it becomes, at the moment the desk needs the most.
    public static func load<S: BookState>(book: BookName, data: DataDirectory, key: SnapshotKey, as: S.Type) -> Outcome<S> {
        let file = path(book, data)
        let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .absent }
        defer { close(fd) }
        guard let size = try? Int(POSIXFile.size(fd, path: file).size) else { return .absent }
        var head = [UInt8](repeating: 0, count: min(size, magic.count + 32))
        let got = try? head.withUnsafeMutableBytes { try POSIXFile.pread(fd, into: $0.baseAddress!, count: $0.count, at: 0, path: file) }
        guard got == head.count, head.starts(with: magic) else { return .absent }
        guard authentic(fd, size: size, path: file, key: key) else { return .failsKeyCheck }
        let start = magic.count + 32
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return .absent }
        defer { munmap(map, size) }
        let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self) + start, count: size - start)
        let loaded = try? SnapshotDecoder.decode(bytes, mapped: map) { d in
            guard try d.string() == book.rawValue else { throw SnapshotDecodingError("another book's snapshot") }
            let year = try d.intValue(), seq = try d.int()
            guard seq >= 1 else { throw SnapshotDecodingError("a snapshot is taken after a line, seq 1 or more") }
            guard let hash = ChainHash(hex: try d.string()) else { throw SnapshotDecodingError("hash") }
            return Loaded(year: year, seq: seq, hash: hash, state: try S(from: &d))
        }
        return loaded.map { .loaded($0) } ?? .failsKeyCheck
    }

    /// Whether a snapshot file of this format carries the HMAC of its magic and of everything
    /// after the MAC, read a MiB at a time (the MAC compared in constant time).
    static func authentic(_ fd: Int32, size: Int, path: String, key: SnapshotKey) -> Bool {
        let start = magic.count + 32
        guard size > start else { return false }
        var stored = [UInt8](repeating: 0, count: 32)
        guard (try? stored.withUnsafeMutableBytes({ try POSIXFile.pread(fd, into: $0.baseAddress!, count: 32, at: Int64(magic.count), path: path) })) == 32,
              let computed = try? mac(fd, from: start, to: size, path: path, key: key) else { return false }
        return zip(stored, computed).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The HMAC of the magic and of bytes `from..<to` of a file, read a MiB at a time.
    static func mac(_ fd: Int32, from: Int, to: Int, path: String, key: SnapshotKey) throws -> [UInt8] {
        var mac = key.mac()
        mac.update(data: magic)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var at = from
        while at < to {
            let got = try POSIXFile.pread(fd, into: chunk.baseAddress!, count: min(chunk.count, to - at), at: Int64(at), path: path)
            guard got > 0 else { throw LedgerError.io(path: path, action: "read", errno: EIO) }
            mac.update(data: UnsafeRawBufferPointer(rebasing: chunk[0..<got]))
            at += got
        }
        return Array(mac.finalize())
    }

    /// Sets a book's snapshot aside as `<book>.snap.discarded` (kept for a lead to look at),
    /// so the next opening replays the book.
    public static func discard(book: BookName, data: DataDirectory) {
        let file = path(book, data)
        if rename(file, file + ".discarded") != 0 { unlink(file) }
    }

    /// Writes a snapshot atomically (temporary file, fsync, rename), a chunk at a time: the
    /// MAC is filled in once everything after it is written.
    public static func save<S: BookState>(book: BookName, data: DataDirectory, key: SnapshotKey, year: Int, seq: Int64, hash: ChainHash,
                                          state: S) throws {
        let final = path(book, data)
        let folder = String(final[..<final.lastIndex(of: "/")!])
        try POSIXFile.makeDirectories(folder)
        let tmp = final + ".tmp-\(getpid())"
        let fd = try POSIXFile.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, action: "write the snapshot")
        do {
            try (magic + [UInt8](repeating: 0, count: 32)).withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: tmp) }
            var mac = key.mac()
            mac.update(data: magic)
            var failure: (any Error)?
            var e = SnapshotEncoder { chunk in
                guard failure == nil else { return }
                mac.update(data: chunk)
                do { try POSIXFile.writeAll(fd, chunk, path: tmp) } catch { failure = error }
            }
            e.string(book.rawValue)
            e.int(year)
            e.int(seq)
            e.string(hash.hex)
            state.encode(to: &e)
            e.flush()
            if let failure { throw failure }
            let digest = Array(mac.finalize())
            let written = digest.withUnsafeBytes { pwrite(fd, $0.baseAddress!, 32, off_t(magic.count)) }
            guard written == 32 else { throw LedgerError.io(path: tmp, action: "write the snapshot", errno: errno) }
            try POSIXFile.fsync(fd, path: tmp)
        } catch {
            close(fd); unlink(tmp); throw error
        }
        close(fd)
        guard rename(tmp, final) == 0 else { unlink(tmp); throw LedgerError.io(path: final, action: "write the snapshot", errno: errno) }
    }

    /// Removes every snapshot (they are rebuilt on the next clean close).
    public static func removeAll(data: DataDirectory) {
        try? FileManager.default.removeItem(atPath: data.path + "/.snapshots")
    }
}
