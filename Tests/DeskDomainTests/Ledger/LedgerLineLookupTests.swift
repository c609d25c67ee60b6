import Foundation
import Testing
@testable import DeskDomain

/// Reading one line again by its seq (what a refund, a claim, a void relies on): found by
/// searching byte offsets, re-hashed, and linked to the next line or the writer's head.
@Suite struct LedgerLineLookupTests {
    let clerk = try! OperatorID("clerk.li")

    /// Lines of very different lengths, so a guess from the seqs is often wrong.
    func writeBook(_ dir: TemporaryDirectory, events: Int) throws -> (BookWriter, [LedgerRecord]) {
        let clock = ManualClock(march1st)
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        var out: [LedgerRecord] = []
        for i in 0..<events {
            clock.advance(by: 60)
            let note = String(repeating: "伞", count: (i * 7919) % 300)
            out.append(try w.append("umbrella.lent", JSONObject([("unit", .string("U\(i)")), ("note", .string(note)),
                                                                ("depositFen", .int(5000))]), op: clerk))
        }
        return (w, out)
    }

    @Test func findsTheFirstMiddleLastAndEveryLine() throws {
        let dir = TemporaryDirectory()
        let (w, written) = try writeBook(dir, events: 1000)
        defer { try? w.close() }
        for seq in [1, 2, 500, 999, 1000] + Array(stride(from: 3, to: 1000, by: 37)) {
            let found = try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: Int64(seq), head: w.head)
            #expect(found == written[seq - 1], "seq \(seq)")
        }
    }

    @Test func aSeqBeyondTheEndOrAnotherYearIsNotThere() throws {
        let dir = TemporaryDirectory()
        let (w, _) = try writeBook(dir, events: 30)
        defer { try? w.close() }
        #expect(try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: 31, head: w.head) == nil)
        #expect(try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: 0) == nil)
        #expect(try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2025, seq: 1) == nil)
        #expect(try LedgerLineLookup.record(data: dir.data, book: .stroller, year: 2026, seq: 1) == nil)
        #expect(try LedgerLineLookup.lastSeq(data: dir.data, book: .umbrella, year: 2026) == 30)
    }

    /// A line rewritten with its own hash recomputed still hashes; its successor's `prev`
    /// does not match it, so the lookup refuses it, naming book, year and seq.
    @Test func aLineChangedInPlaceIsRefusedNamingBookAndSeq() throws {
        let dir = TemporaryDirectory()
        let (w, written) = try writeBook(dir, events: 40)
        try w.close()
        let path = "2026/umbrella.jsonl"
        func forge(_ r: LedgerRecord) -> [UInt8] {
            var body = r.body
            body["depositFen"] = .int(500_000)
            return LedgerLine.encode(seq: r.seq, at: r.at, op: r.op, ev: r.ev, body: body, prev: r.prev).bytes
        }
        let original = dir.bytes(path)
        var lines = original.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        lines[16] = Array(forge(written[16]).dropLast())   // seq 17
        dir.write(path, Array(lines.joined(separator: [10])))
        #expect(throws: LedgerError.damaged(book: .umbrella, year: 2026, seq: 17,
                                            reason: "its hash is not the next line's prev: the line was changed after it was written")) {
            _ = try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: 17)
        }
        // Its neighbours are still read (the change is named where it is).
        #expect(try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: 16) == written[15])
        // A byte changed without recomputing the hash: the line's own hash fails.
        var flipped = original
        let start = original.split(separator: 10).prefix(9).reduce(0) { $0 + $1.count + 1 }
        let length = original.split(separator: 10)[9].count
        flipped[start + length - LedgerLine.hashSuffixLength - LedgerLine.prevMemberLength - 4] ^= 1   // in the body
        dir.write(path, flipped)
        #expect(throws: LedgerError.damaged(book: .umbrella, year: 2026, seq: 10, reason: "hash does not match the line's content")) {
            _ = try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: 10)
        }
        // The last line rewritten: only the head the writer holds can tell.
        lines = original.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
        lines[39] = Array(forge(written[39]).dropLast())
        dir.write(path, Array(lines.joined(separator: [10])))
        let head: (year: Int?, seq: Int64, hash: ChainHash) = (2026, 40, written[39].hash)
        #expect(throws: LedgerError.damaged(book: .umbrella, year: 2026, seq: 40,
                                            reason: "the last line is not the one this console knows as the head (seq 40)")) {
            _ = try LedgerLineLookup.record(data: dir.data, book: .umbrella, year: 2026, seq: 40, head: head)
        }
    }

    @Test func linesContainingFindTheCardsLinesFromASeqOn() throws {
        let dir = TemporaryDirectory()
        let (w, written) = try writeBook(dir, events: 200)
        try w.close()
        let hits = try LedgerLineLookup.lines(data: dir.data, book: .umbrella, year: 2026, seq: 100, containing: Array(#""U1"#.utf8))
        let expected = written.filter { $0.seq >= 100 && ($0.body["unit"]?.stringValue ?? "").hasPrefix("U1") }
        #expect(hits == expected && hits.map(\.seq).first == 101 && hits.count == 100)
    }
}
