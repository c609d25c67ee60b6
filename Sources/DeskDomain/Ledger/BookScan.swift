/// What reading a book file found: how far it is sound, and the first problem if any.
public struct BookScan: Sendable, Equatable {
    /// Sound events read (from the starting offset).
    public var events: Int64 = 0
    /// The file's size when it was read.
    public var fileSize: Int64 = 0
    /// The offset just after the last sound line.
    public var soundLength: Int64 = 0
    /// The last sound line's seq (the starting seq when there was none).
    public var lastSeq: Int64 = 0
    /// The last sound line's hash (the starting `prev` when there was none).
    public var lastHash: ChainHash = .zero
    /// The first problem, if any.
    public var problem: Problem?
    /// The hash of the line whose seq was asked for with `watchSeq`, if it was read.
    public var watchedHash: ChainHash?
    /// The hashes of the sound lines whose seqs were asked for with `collect`.
    public var collectedHashes: [Int64: ChainHash] = [:]

    /// The first thing wrong with a book.
    public enum Problem: Sendable, Equatable {
        /// The last line is incomplete or fails to parse or verify: recoverable.
        case tornTail(seq: Int64, offset: Int64, bytes: Int64, reason: String)
        /// A line before the last one is bad: tampering or corruption.
        case damaged(seq: Int64, offset: Int64, reason: String)

        public var seq: Int64 {
            switch self { case .tornTail(let s, _, _, _), .damaged(let s, _, _): return s }
        }
        public var reason: String {
            switch self { case .tornTail(_, _, _, let r), .damaged(_, _, let r): return r }
        }
    }
}
