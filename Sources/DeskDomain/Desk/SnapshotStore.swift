import Crypto
import Foundation
import Glibc

/// Derived snapshots of service state: `<data>/.snapshots/<book>.snap`, compact binary
/// (``SnapshotEncoder``) after a checksum.
///
/// A snapshot records the book's year, seq and hash it was taken at; opening uses it only
/// if the ledger still has that hash at that seq, and replays what came after. It is never
/// the truth: delete the folder and the books are simply replayed.
public enum SnapshotStore {
    public struct Loaded<S> {
        public var year: Int
        public var seq: Int64
        public var hash: ChainHash
        public var state: S
    }

    static func path(_ book: BookName, _ data: DataDirectory) -> String { "\(data.path)/.snapshots/\(book.rawValue).snap" }

    /// What a binary snapshot file starts with (then the SHA-256 of the rest, and book, year,
    /// seq, hash and state). The number changes with the layout of any state, so a snapshot
    /// an older build left is replayed over instead of misread.
    static let magic = Array("plazadesk snapshot 2\n".utf8)

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

    /// Reads a snapshot; nil when absent, unreadable, damaged or of another book.
    ///
    /// The file is never read whole into memory: its checksum is computed a chunk at a time,
    /// then it is mapped and decoded front to back, each few MiB given back to the system as
    /// soon as they are decoded. A heavy year's largest snapshot would otherwise sit in memory
    /// beside the state it becomes, at the moment the desk needs the most.
    public static func load<S: BookState>(book: BookName, data: DataDirectory, as: S.Type) -> Loaded<S>? {
        let file = path(book, data)
        let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let size = try? Int(POSIXFile.size(fd, path: file).size) else { return nil }
        let start = magic.count + 32
        guard size > start else { return nil }
        // The SHA-256 of everything after it: a changed byte anywhere means replaying instead.
        var head = [UInt8](repeating: 0, count: start)
        let got = try? head.withUnsafeMutableBytes { try POSIXFile.pread(fd, into: $0.baseAddress!, count: start, at: 0, path: file) }
        guard got == start, head.starts(with: magic),
              let digest = try? sha256(fd, from: start, to: size, path: file),
              digest == head[magic.count...].withUnsafeBytes({ ChainHash(bytes: $0) }) else { return nil }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else { return nil }
        defer { munmap(map, size) }
        let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self) + start, count: size - start)
        return try? SnapshotDecoder.decode(bytes, mapped: map) { d in
            guard try d.string() == book.rawValue else { throw SnapshotDecodingError("another book's snapshot") }
            let year = try d.intValue(), seq = try d.int()
            guard seq >= 1 else { throw SnapshotDecodingError("a snapshot is taken after a line, seq 1 or more") }
            guard let hash = ChainHash(hex: try d.string()) else { throw SnapshotDecodingError("hash") }
            return Loaded(year: year, seq: seq, hash: hash, state: try S(from: &d))
        }
    }

    /// The SHA-256 of bytes `from..<to` of a file, read a MiB at a time.
    static func sha256(_ fd: Int32, from: Int, to: Int, path: String) throws -> ChainHash {
        var sha = SHA256()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var at = from
        while at < to {
            let got = try POSIXFile.pread(fd, into: chunk.baseAddress!, count: min(chunk.count, to - at), at: Int64(at), path: path)
            guard got > 0 else { throw LedgerError.io(path: path, action: "read", errno: EIO) }
            sha.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<got]))
            at += got
        }
        return Array(sha.finalize()).withUnsafeBytes { ChainHash(bytes: $0) }
    }

    /// Writes a snapshot atomically (temporary file, fsync, rename), a chunk at a time: the
    /// checksum is filled in once everything after it is written.
    public static func save<S: BookState>(book: BookName, data: DataDirectory, year: Int, seq: Int64, hash: ChainHash, state: S) throws {
        let final = path(book, data)
        let folder = String(final[..<final.lastIndex(of: "/")!])
        try POSIXFile.makeDirectories(folder)
        let tmp = final + ".tmp-\(getpid())"
        let fd = try POSIXFile.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, action: "write the snapshot")
        do {
            try (magic + [UInt8](repeating: 0, count: 32)).withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: tmp) }
            var sha = SHA256()
            var failure: (any Error)?
            var e = SnapshotEncoder { chunk in
                guard failure == nil else { return }
                sha.update(bufferPointer: chunk)
                do { try POSIXFile.writeAll(fd, chunk, path: tmp) } catch { failure = error }
            }
            e.string(book.rawValue)
            e.int(year)
            e.int(seq)
            e.string(hash.hex)
            state.encode(to: &e)
            e.flush()
            if let failure { throw failure }
            let digest = Array(sha.finalize())
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
