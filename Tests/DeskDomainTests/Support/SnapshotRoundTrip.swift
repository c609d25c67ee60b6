import Testing
@testable import DeskDomain

/// A state written to its binary snapshot and read back.
func roundTrip<S: SnapshotCoding>(_ state: S) throws -> S {
    try SnapshotDecoder.decode(snapshotBytes(state)) { try S(from: &$0) }
}

/// A state's snapshot bytes.
func snapshotBytes<S: SnapshotCoding>(_ state: S) -> [UInt8] {
    var e = SnapshotEncoder()
    state.encode(to: &e)
    return e.bytes
}

/// What every state's snapshot form must do: the same state writes the same bytes and reads
/// back equal; cut anywhere (every byte of a small state, a spread of cuts of a large one) it
/// throws; a flipped byte throws or reads as some state, never crashes.
func expectSnapshotCodec<S: SnapshotCoding & Equatable>(_ state: S, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = snapshotBytes(state)
    #expect(snapshotBytes(state) == bytes, "\(S.self) writes the same bytes twice", sourceLocation: sourceLocation)
    let back = try roundTrip(state)
    #expect(back == state, "\(S.self) comes back equal", sourceLocation: sourceLocation)
    #expect(snapshotBytes(back) == bytes, "\(S.self) read back writes the same bytes", sourceLocation: sourceLocation)
    let cuts = bytes.count <= 4096 ? Array(0..<bytes.count) : stride(from: 0, to: bytes.count, by: bytes.count / 997).map { $0 }
    for cut in cuts {
        #expect(throws: (any Error).self, "\(S.self) cut at \(cut)", sourceLocation: sourceLocation) {
            _ = try SnapshotDecoder.decode(Array(bytes.prefix(cut))) { try S(from: &$0) }
        }
    }
    #expect(throws: (any Error).self, "a byte too many", sourceLocation: sourceLocation) {
        _ = try SnapshotDecoder.decode(bytes + [0]) { try S(from: &$0) }
    }
    var rng = SeededRandom(seed: 7)
    for _ in 0..<300 where !bytes.isEmpty {
        var bad = bytes
        bad[Int(rng.next() % UInt64(bad.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
        if let read = try? SnapshotDecoder.decode(bad, { try S(from: &$0) }) { _ = snapshotBytes(read) }
    }
}

/// A saved snapshot file damaged in every way the tests try: cut at several points, and one
/// byte flipped every `stride` bytes and at the last. The file's checksum makes the desk
/// refuse each one and replay the book.
func damagedCopies(of file: [UInt8], every stride: Int) -> [[UInt8]] {
    var out = [0, 5, file.count / 4, file.count / 2, file.count - 1].map { Array(file.prefix($0)) }
    for i in Array(Swift.stride(from: 0, to: file.count, by: stride)) + [file.count - 1] {
        var b = file
        b[i] ^= 0x80
        out.append(b)
    }
    return out
}
