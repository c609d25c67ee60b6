import Testing
@testable import DeskDomain

/// Every state of a demo year goes through its binary snapshot and comes back equal; the
/// same state always gives the same bytes; a cut or damaged snapshot throws, never crashes.
@Suite struct SnapshotCodingTests {
    func roundTrip<S: BookState & SnapshotCoding>(_ state: S) throws {
        var e = SnapshotEncoder()
        state.encode(to: &e)
        var again = SnapshotEncoder()
        state.encode(to: &again)
        #expect(e.bytes == again.bytes, "\(S.self) writes the same bytes twice")
        let back = try SnapshotDecoder.decode(e.bytes) { try S(from: &$0) }
        #expect(back == state, "\(S.self) comes back equal")
        // Cut short anywhere (every byte of a small state, a spread of cuts of a large one): throws.
        let cuts = e.bytes.count <= 4096 ? Array(0..<e.bytes.count) : stride(from: 0, to: e.bytes.count, by: e.bytes.count / 997).map { $0 }
        for cut in cuts {
            #expect(throws: (any Error).self, "\(S.self) cut at \(cut)") { _ = try SnapshotDecoder.decode(Array(e.bytes.prefix(cut))) { try S(from: &$0) } }
        }
        // Bytes flipped: throws or decodes to something, never crashes.
        var rng = SeededRandom(seed: 7)
        for _ in 0..<200 where !e.bytes.isEmpty {
            var bad = e.bytes
            bad[Int(rng.next() % UInt64(bad.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            _ = try? SnapshotDecoder.decode(bad) { try S(from: &$0) }
        }
    }

    @Test func everyStateOfADemoYearRoundTrips() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 3000, seed: 21).write()
        let desk = try Desk.open(dir.data, clock: ManualClock(1_798_000_000), useSnapshots: false)
        let s = desk.states
        try roundTrip(s.operators)
        try roundTrip(s.umbrellas)
        try roundTrip(s.strollers)
        try roundTrip(s.invoices)
        try roundTrip(s.shift)
        #expect(s.invoices.invoices.count > 100 && !s.umbrellas.history.isEmpty && s.shift.closedCount > 100)
    }

    @Test func numbersOfEverySizeComeBack() throws {
        let values: [Int64] = [0, 1, -1, 63, 64, -64, -65, 127, 128, 300, Int64(Int32.max), Int64.max, Int64.min, -1_234_567_890_123]
        var e = SnapshotEncoder()
        for v in values { e.int(v) }
        e.string("雨伞 U007")
        e.optional(nil as String?)
        #expect(e.bytes.count < values.count * 10 + 20)
        let back = try SnapshotDecoder.decode(e.bytes) { d in
            (try values.map { _ in try d.int() }, try d.string(), try d.optionalString())
        }
        #expect(back.0 == values && back.1 == "雨伞 U007" && back.2 == nil)
        // A count larger than what is left is refused before anything is allocated.
        var big = SnapshotEncoder()
        big.int(Int64(1) << 40)
        #expect(throws: SnapshotDecodingError.self) { _ = try SnapshotDecoder.decode(big.bytes) { try $0.string() } }
    }
}
