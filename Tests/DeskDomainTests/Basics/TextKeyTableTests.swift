import Testing
@testable import DeskDomain

@Suite struct TextKeyTableTests {
    @Test func setGetRemoveAndSetAgain() {
        var t = TextKeyTable()
        #expect(t.isEmpty && t["屈臣氏\nR2026"] == nil)
        t["屈臣氏\nR2026"] = "PC00010002"
        t["屈臣氏\nR2027"] = "PC00010003"
        #expect(t.count == 2 && t["屈臣氏\nR2026"] == "PC00010002" && t["屈臣氏\nR2027"] == "PC00010003")
        #expect(t["屈臣\nR2026"] == nil && t["屈臣氏\nR202"] == nil && t[""] == nil)
        t["屈臣氏\nR2026"] = "PC00010009"
        #expect(t.count == 2 && t["屈臣氏\nR2026"] == "PC00010009", "a new value replaces the old")
        t["屈臣氏\nR2026"] = nil
        t["never set"] = nil
        #expect(t.count == 1 && t["屈臣氏\nR2026"] == nil)
        t["屈臣氏\nR2026"] = "PC00010004"
        #expect(t.count == 2 && t["屈臣氏\nR2026"] == "PC00010004", "a removed key can be set again")
        t[""] = ""
        #expect(t.count == 3 && t[""] == "", "the empty key and the empty value are keys and values like others")
    }

    /// The receipts of one invoice all name it: the value is written once.
    @Test func anEqualValueSetNextIsWrittenOnceAndStaysApart() {
        var t = TextKeyTable()
        t["万达 R1"] = "INV-1"
        t["万达 R2"] = "INV-1"
        t["万达 R3"] = "INV-1"
        #expect(t.textBytes == 3 * "万达 R1".utf8.count + "INV-1".utf8.count)
        t["万达 R2"] = "INV-2"
        t["万达 R4"] = "INV-1"
        #expect(t["万达 R1"] == "INV-1" && t["万达 R2"] == "INV-2" && t["万达 R3"] == "INV-1" && t["万达 R4"] == "INV-1")
        t["万达 R1"] = nil
        #expect(t["万达 R1"] == nil && t["万达 R3"] == "INV-1" && t.count == 3)
    }

    @Test func keysCompareByBytes() {
        var t = TextKeyTable()
        t["caf\u{E9}"] = "composed"
        t["cafe\u{301}"] = "decomposed"
        #expect(t.count == 2 && t["caf\u{E9}"] == "composed" && t["cafe\u{301}"] == "decomposed")
    }

    /// Many keys (the index grows several times, with keys that share long prefixes) against
    /// a dictionary doing the same.
    @Test func agreesWithADictionary() {
        var t = TextKeyTable()
        var d: [String: String] = [:]
        var rng = SeededRandom(seed: 11)
        for step in 0..<40_000 {
            let key = "万达广场 优衣库\nR\(rng.next() % 20_000)"
            if rng.next() % 5 == 0 {
                t[key] = nil; d[key] = nil
            } else {
                t[key] = "PC\(step)"; d[key] = "PC\(step)"
            }
        }
        #expect(t.count == d.count)
        #expect(d.allSatisfy { t[$0.key] == $0.value })
        #expect(t.pairs.count == d.count && t.pairs.allSatisfy { d[$0.key] == $0.value })
        for i in 0..<20_000 where d["万达广场 优衣库\nR\(i)"] == nil { #expect(t["万达广场 优衣库\nR\(i)"] == nil) }
    }

    @Test func equalMeansSameKeysAndValues() {
        var a = TextKeyTable(), b = TextKeyTable()
        a["x"] = "1"; a["y"] = "2"
        b["y"] = "2"; b["x"] = "0"; b["x"] = "1"
        #expect(a == b, "order set and values replaced do not matter")
        b["z"] = "3"
        #expect(a != b)
        b["z"] = nil
        #expect(a == b)
        b["x"] = "9"
        #expect(a != b)
    }

    @Test func snapshotCodec() throws {
        var t = TextKeyTable()
        for i in 0..<300 { t["屈臣氏\nR\(i)"] = "PC\(i % 7)" }
        for i in stride(from: 0, to: 300, by: 3) { t["屈臣氏\nR\(i)"] = nil }
        t["屈臣氏\nR1"] = "PC changed"
        try expectSnapshotCodec(t)
        let back = try roundTrip(t)
        #expect(back.count == 200 && back["屈臣氏\nR1"] == "PC changed" && back["屈臣氏\nR3"] == nil)
        try expectSnapshotCodec(TextKeyTable())
    }

    /// Numbers that point outside the arrays, or an index that does not list every key, are
    /// refused.
    @Test func inconsistentSnapshotsAreRefused() throws {
        func encoded(_ text: String, _ entries: [UInt32], _ slots: [UInt32]) -> [UInt8] {
            var e = SnapshotEncoder()
            e.blob(Array(text.utf8))
            e.words(entries)
            e.words(slots)
            return e.bytes
        }
        let sixteen = { (filled: [Int: UInt32]) in (0..<16).map { filled[$0] ?? 0 } }
        let cases: [[UInt8]] = [
            encoded("a1", [0, 1, 1], sixteen([3: 1])),                     // entries not in fours
            encoded("a1", [0, 1, 1, 2], sixteen([3: 1])),                  // value past the text
            encoded("a1", [1, 2, 1, 1], sixteen([3: 1])),                  // key past the text
            encoded("a1", [0, 1, 1, 1], sixteen([3: 2])),                  // slot past the entries
            encoded("a1", [0, 1, 1, 1], sixteen([:])),                     // key not indexed
            encoded("a1", [0, 1, 1, 1], Array(repeating: 0, count: 12)),   // index not a power of two
            encoded("a1", [0, 1, 1, 1], []),                               // no index
        ]
        for bytes in cases {
            #expect(throws: SnapshotDecodingError.self) { _ = try SnapshotDecoder.decode(bytes) { try TextKeyTable(from: &$0) } }
        }
        var t = TextKeyTable()
        t["b"] = "2"
        let back = try SnapshotDecoder.decode(snapshotBytes(t)) { try TextKeyTable(from: &$0) }
        #expect(back["b"] == "2" && back.count == 1)
    }
}
