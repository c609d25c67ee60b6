import Foundation
import Glibc

/// Derived snapshots of service state: `<data>/.snapshots/<book>.snap` (compact binary,
/// ``SnapshotEncoder``; `<book>.json` for a state not yet written that way).
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

    static func path(_ book: BookName, _ data: DataDirectory) -> String { "\(data.path)/.snapshots/\(book.rawValue).json" }

    static func binaryPath(_ book: BookName, _ data: DataDirectory) -> String { "\(data.path)/.snapshots/\(book.rawValue).snap" }

    /// What a binary snapshot file starts with (then the SHA-256 of the rest, and book, year,
    /// seq, hash and state).
    static let magic = Array("plazadesk snapshot 1\n".utf8)

    /// Reads a snapshot; nil when absent or unreadable.
    public static func load<S: BookState>(book: BookName, data: DataDirectory, as: S.Type) -> Loaded<S>? {
        if let binary = S.self as? any SnapshotCoding.Type {
            return loadBinary(book: book, data: data, as: binary).flatMap { l in
                (l.state as? S).map { Loaded(year: l.year, seq: l.seq, hash: l.hash, state: $0) }
            }
        }
        guard let bytes = FileManager.default.contents(atPath: path(book, data)), !bytes.isEmpty else { return nil }
        let value: JSONValue
        do {
            value = try [UInt8](bytes).withUnsafeBufferPointer { buf throws(LineFault) -> JSONValue in
                var s = JSONScanner(buf.baseAddress!, from: 0, to: buf.count)
                let v = try s.value()
                guard s.i == buf.count else { throw LineFault("trailing bytes") }
                return v
            }
        } catch { return nil }
        guard let o = value.objectValue, o["book"]?.stringValue == book.rawValue,
              let year = o["year"]?.intValue, let seq = o["seq"]?.intValue,
              let hex = o["hash"]?.stringValue, let hash = ChainHash(hex: hex), let state = o["state"],
              let restored = try? S(snapshot: state) else { return nil }
        return Loaded(year: Int(year), seq: seq, hash: hash, state: restored)
    }

    static func loadBinary(book: BookName, data: DataDirectory, as type: any SnapshotCoding.Type) -> Loaded<any SnapshotCoding>? {
        guard let contents = FileManager.default.contents(atPath: binaryPath(book, data)), contents.count > magic.count + 32 else { return nil }
        let bytes = [UInt8](contents)
        guard bytes.starts(with: magic) else { return nil }
        // The SHA-256 of everything after it: a changed byte anywhere means replaying instead.
        let payload = Array(bytes[(magic.count + 32)...])
        let stored = bytes[magic.count..<(magic.count + 32)].withUnsafeBytes { ChainHash(bytes: $0) }
        guard payload.withUnsafeBytes({ ChainHash.sha256($0) }) == stored else { return nil }
        return try? SnapshotDecoder.decode(payload) { d in
            guard try d.string() == book.rawValue else { throw SnapshotDecodingError("another book's snapshot") }
            let year = try d.intValue(), seq = try d.int()
            guard let hash = ChainHash(hex: try d.string()) else { throw SnapshotDecodingError("hash") }
            return Loaded(year: year, seq: seq, hash: hash, state: try type.init(from: &d))
        }
    }

    /// Writes a snapshot atomically (temporary file, fsync, rename): binary when the state
    /// reads and writes itself (``SnapshotCoding``), else JSON.
    public static func save<S: BookState>(book: BookName, data: DataDirectory, year: Int, seq: Int64, hash: ChainHash, state: S) throws {
        let bytes: [UInt8]
        let final: String
        if let binary = state as? any SnapshotCoding {
            var e = SnapshotEncoder()
            e.string(book.rawValue)
            e.int(year)
            e.int(seq)
            e.string(hash.hex)
            binary.encode(to: &e)
            let digest = e.bytes.withUnsafeBytes { ChainHash.sha256($0) }
            bytes = magic + digest.bytes + e.bytes
            final = binaryPath(book, data)
        } else {
            let value: JSONValue = ["book": .string(book.rawValue), "year": .int(Int64(year)), "seq": .int(seq),
                                    "hash": .string(hash.hex), "state": state.snapshot()]
            bytes = CanonicalJSON.encode(value)
            final = path(book, data)
        }
        try write(bytes, to: final)
    }

    static func write(_ bytes: [UInt8], to final: String) throws {
        let folder = String(final[..<final.lastIndex(of: "/")!])
        try POSIXFile.makeDirectories(folder)
        let tmp = final + ".tmp-\(getpid())"
        let fd = try POSIXFile.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, action: "write the snapshot")
        do {
            try bytes.withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: tmp) }
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
