@testable import DeskDomain

/// A state written to its binary snapshot and read back.
func roundTrip<S: SnapshotCoding>(_ state: S) throws -> S {
    var e = SnapshotEncoder()
    state.encode(to: &e)
    return try SnapshotDecoder.decode(e.bytes) { try S(from: &$0) }
}
