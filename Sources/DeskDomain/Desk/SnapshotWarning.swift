/// Why opening did not use a book's snapshot, when that is worth a lead's attention: the
/// snapshot fails its key check, or it names a line the ledger does not have. (A snapshot
/// of an older seq still in the ledger, or one an older build wrote, is normal and silent.)
///
/// The console shows it on the status line at login; `plazadesk verify` reports the same.
public struct SnapshotWarning: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// The HMAC does not match, or the authenticated bytes do not decode.
        case failsKeyCheck
        /// The snapshot says it was taken at this line, but the ledger has another hash there
        /// (or no such line).
        case notInLedger(year: Int, seq: Int64, hash: ChainHash)
    }

    public var book: BookName
    public var problem: Problem

    public init(book: BookName, problem: Problem) { self.book = book; self.problem = problem }

    /// `.snapshots/umbrella.snap`.
    public var file: String { ".snapshots/\(book.rawValue).snap" }

    public func message(_ l: Language) -> String {
        switch problem {
        case .failsKeyCheck:
            return l.pick("快照 \(file)（\(book.rawValue) 账本）未通过密钥校验，可能被改动过：已弃用，账本已重新读取。请告诉值班主管。",
                          "The snapshot \(file) (book \(book.rawValue)) fails its key check and may have been edited: it was ignored and the book replayed. Tell the shift lead.")
        case let .notInLedger(year, seq, hash):
            let short = String(hash.hex.prefix(12))
            return l.pick("快照 \(file) 说 \(book.rawValue) 账本 \(year) 年第 \(seq) 条的哈希是 \(short)…，账本里却不是：已弃用，账本已重新读取。请告诉值班主管。",
                          "The snapshot \(file) says book \(book.rawValue) \(year) has hash \(short)… at seq \(seq), but the ledger does not: it was ignored and the book replayed. Tell the shift lead.")
        }
    }

    public var description: String { message(.en) }
}
