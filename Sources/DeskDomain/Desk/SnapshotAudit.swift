import Foundation
import Glibc

/// Checks every snapshot in `<data>/.snapshots` without writing anything: what
/// `plazadesk verify` adds to its report of the books.
///
/// A snapshot of this build's format must carry the HMAC made with the data directory's
/// key (``SnapshotKey``), and the ledger must have the snapshot's hash at the snapshot's
/// year and seq. One edited (its plain checksum recomputed, or its MAC made with another
/// key) or one naming a line the book does not have (the book cut, rolled back or
/// re-hashed) is reported; an older build's snapshot, or one older than the book's head
/// but still on its chain, is not.
///
///     let findings = try SnapshotAudit.audit(data: dir, key: SnapshotAudit.readKey(dir))
///     // SNAPSHOT FORGED: .snapshots/umbrella.snap (book umbrella) fails its key check
public enum SnapshotAudit {
    /// One snapshot that must not be trusted.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Problem: Sendable, Equatable {
            /// The HMAC does not hold (or the authenticated bytes do not say where it was taken).
            case failsKeyCheck
            /// The snapshot's line, and what the book has there instead.
            case disagrees(year: Int, seq: Int64, hash: ChainHash, book: LedgerHas)
        }

        /// What the book has where a snapshot says it was taken.
        public enum LedgerHas: Sendable, Equatable {
            case hash(ChainHash)
            case endsAt(seq: Int64)
            case noFile
            case damaged(seq: Int64, reason: String)
        }

        public var book: BookName
        public var problem: Problem

        /// `.snapshots/umbrella.snap`.
        public var file: String { ".snapshots/\(book.rawValue).snap" }

        public var description: String {
            switch problem {
            case .failsKeyCheck:
                return "SNAPSHOT FORGED: \(file) (book \(book)) fails its key check"
            case let .disagrees(year, seq, hash, has):
                let says = "SNAPSHOT FORGED: \(file) says \(book) \(year) seq \(seq) hash \(hash.hex) but "
                switch has {
                case .hash(let h): return says + "the book has \(h.hex) at seq \(seq)"
                case .endsAt(let last): return says + "book \(book) \(year) ends at seq \(last)"
                case .noFile: return says + "there is no book \(book) for \(year)"
                case let .damaged(at, reason): return says + "book \(book) \(year) is damaged at seq \(at): \(reason)"
                }
            }
        }
    }

    /// The data directory's key, read only (never made here): nil when there is none.
    public static func readKey(_ data: DataDirectory) -> PersonalDataKey? {
        guard let bytes = FileManager.default.contents(atPath: data.path + "/.keys/personal.key"), bytes.count == 32 else { return nil }
        return PersonalDataKey(key: .init(data: bytes))
    }

    /// The books that have a snapshot file of this build's format, by name.
    public static func snapshotBooks(data: DataDirectory) -> [BookName] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data.path + "/.snapshots")) ?? []
        return names.filter { $0.hasSuffix(".snap") }.compactMap { BookName(String($0.dropLast(5))) }
            .filter { SnapshotStore.isCurrentFormat(book: $0, data: data) }.sorted()
    }

    /// Every snapshot that fails its key check or disagrees with its book, in book order.
    /// (Without the key nothing can be checked, and the desk cannot use a snapshot either.)
    public static func audit(data: DataDirectory, key secret: PersonalDataKey) throws -> [Finding] {
        var findings: [Finding] = []
        let key = SnapshotKey(secret)
        for book in snapshotBooks(data: data) {
            guard authentic(book, data: data, key: key), let at = SnapshotStore.header(book: book, data: data) else {
                findings.append(Finding(book: book, problem: .failsKeyCheck))
                continue
            }
            let has: Finding.LedgerHas
            do {
                if let line = try LedgerLineLookup.record(data: data, book: book, year: at.year, seq: at.seq) {
                    if line.hash == at.hash { continue }
                    has = .hash(line.hash)
                } else if let last = try LedgerLineLookup.lastSeq(data: data, book: book, year: at.year) {
                    has = .endsAt(seq: last)
                } else {
                    has = .noFile
                }
            } catch let LedgerError.damaged(_, _, seq, reason) {
                has = .damaged(seq: seq, reason: reason)
            }
            findings.append(Finding(book: book, problem: .disagrees(year: at.year, seq: at.seq, hash: at.hash, book: has)))
        }
        return findings
    }

    static func authentic(_ book: BookName, data: DataDirectory, key: SnapshotKey) -> Bool {
        let file = SnapshotStore.path(book, data)
        let fd = Glibc.open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard let size = try? Int(POSIXFile.size(fd, path: file).size) else { return false }
        return SnapshotStore.authentic(fd, size: size, path: file, key: key)
    }
}
