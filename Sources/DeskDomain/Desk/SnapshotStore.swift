import Foundation
import Glibc

/// Derived snapshots of service state: `<data>/.snapshots/<book>.json`.
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

    /// Reads a snapshot; nil when absent or unreadable.
    public static func load<S: BookState>(book: BookName, data: DataDirectory, as: S.Type) -> Loaded<S>? {
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

    /// Writes a snapshot atomically (temporary file, fsync, rename).
    public static func save(book: BookName, data: DataDirectory, year: Int, seq: Int64, hash: ChainHash, state: JSONValue) throws {
        let folder = data.path + "/.snapshots"
        try POSIXFile.makeDirectories(folder)
        let value: JSONValue = ["book": .string(book.rawValue), "year": .int(Int64(year)), "seq": .int(seq),
                                "hash": .string(hash.hex), "state": state]
        let bytes = CanonicalJSON.encode(value)
        let final = path(book, data)
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
