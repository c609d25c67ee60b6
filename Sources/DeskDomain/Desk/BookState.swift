/// A service's state, rebuilt by replaying its book.
///
/// `apply` is a pure fold over recorded events: it never throws and never refuses, since
/// a recorded event is a fact (rules are checked before appending, not while replaying).
/// It ignores events it does not know (`ledger.recovered`, events of later versions).
/// The same `apply` runs for events read at opening, events other consoles appended, and
/// this console's own, so the live state and a replayed one cannot drift apart.
/// Through ``SnapshotCoding`` it writes and reads its derived snapshot.
public protocol BookState: Equatable, Sendable, SnapshotCoding {
    /// The state of an empty book.
    init()
    /// Folds one recorded event in.
    mutating func apply(_ record: LedgerRecord)
}

extension BookState {
    /// Whether `other` is a state of the same type, equal to this one (for comparing
    /// states whose type is known only at run time).
    func isEqual(to other: any BookState) -> Bool { (other as? Self) == self }
}

/// A snapshot that could not be read back (it is derived data: the book is replayed).
public struct SnapshotDecodingError: Error, Sendable, CustomStringConvertible {
    public let detail: String
    public init(_ detail: String) { self.detail = detail }
    public var description: String { "snapshot unreadable: \(detail)" }
}
