import Crypto
import Glibc
import Testing
@testable import DeskDomain

/// Every state of a demo year goes through its binary snapshot and comes back equal; the
/// same state always gives the same bytes; a cut or damaged snapshot throws, never crashes.
@Suite struct SnapshotCodingTests {
    @Test func everyStateOfADemoYearRoundTrips() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 3000, seed: 21).write()
        let desk = try Desk.open(dir.data, clock: ManualClock(1_798_000_000), useSnapshots: false)
        let s = desk.states
        try expectSnapshotCodec(s.operators)
        try expectSnapshotCodec(s.umbrellas)
        try expectSnapshotCodec(s.strollers)
        try expectSnapshotCodec(s.invoices)
        try expectSnapshotCodec(s.shift)
        try expectSnapshotCodec(s.lostFound)
        try expectSnapshotCodec(s.points)
        try expectSnapshotCodec(s.services)
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

    /// A snapshot larger than the encoder's chunk is written a chunk at a time: the file is
    /// the magic, the HMAC (with the snapshot key) of the magic and the rest, and exactly the
    /// bytes an in-memory encoding gives, and it loads back equal.
    @Test func aLargeSnapshotIsWrittenInChunksWithItsMAC() throws {
        let dir = TemporaryDirectory()
        var state = PointsState()
        for i in 0..<120_000 { state.usedReceipts["万达广场 优衣库 旗舰店 R\(i)"] = "PC\(10_000_000 + i % 5000)" }
        state.enrolledCount = 7
        let key = SnapshotKey(PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 7, count: 32))))
        try SnapshotStore.save(book: .points, data: dir.data, key: key, year: 2026, seq: 42, hash: .zero, state: state)
        let file = dir.bytes(".snapshots/points.snap")
        var e = SnapshotEncoder()
        e.string("points"); e.int(2026); e.int(Int64(42)); e.string(ChainHash.zero.hex)
        state.encode(to: &e)
        #expect(e.bytes.count > 3 * SnapshotEncoder.chunkBytes, "large enough to be written in several chunks")
        let body = Array(file.dropFirst(SnapshotStore.magic.count + 32))
        #expect(file.starts(with: SnapshotStore.magic) && body == e.bytes)
        let mac = Array(file[SnapshotStore.magic.count..<SnapshotStore.magic.count + 32])
        #expect(mac == Array(HMAC<SHA256>.authenticationCode(for: SnapshotStore.magic + body, using: key.key)))
        let loaded = try #require(SnapshotStore.load(book: .points, data: dir.data, key: key, as: PointsState.self).loaded)
        #expect(loaded.seq == 42 && loaded.year == 2026 && loaded.state == state)
        #expect(dir.files(in: ".snapshots") == ["points.snap"], "no temporary file left")
    }

    /// Decoding a mapped file gives the decoded pages back every few MiB (whole pages, never
    /// past what was read), and reads the same as decoding the bytes in memory.
    @Test func aMappedSnapshotGivesBackWhatItDecoded() throws {
        let dir = TemporaryDirectory()
        var e = SnapshotEncoder()
        let texts = (0..<3000).map { "万达广场 \($0) " + String(repeating: "x", count: 4000) }
        for t in texts { e.string(t) }
        dir.write("mapped.bin", e.bytes)
        let fd = open(dir.path + "/mapped.bin", O_RDONLY)
        defer { close(fd) }
        let map = try #require(mmap(nil, e.bytes.count, PROT_READ, MAP_PRIVATE, fd, 0))
        defer { munmap(map, e.bytes.count) }
        let bytes = UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: e.bytes.count)
        let (back, released, position) = try SnapshotDecoder.decode(bytes, mapped: map) { d in
            (try texts.map { _ in try d.string() }, d.released, d.i)
        }
        #expect(back == texts)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        #expect(released >= e.bytes.count - 2 * SnapshotDecoder.releaseBytes && released <= position && released % page == 0)
    }
}
