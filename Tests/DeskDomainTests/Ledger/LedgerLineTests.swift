import Crypto
import Testing
@testable import DeskDomain

@Suite struct LedgerLineTests {
    let body: JSONObject = JSONObject([("unit", "U7"), ("depositFen", 5000), ("customer", "李娜")])

    /// The record of one line (without its newline), as a scan reads it.
    func record(_ line: ArraySlice<UInt8>) throws -> LedgerRecord? {
        var reader = RecordReader(decode: true).forPart()
        return try line.withUnsafeBufferPointer { try LedgerLine.parse($0.baseAddress!, count: $0.count, reader: &reader).item }
    }

    @Test func theLineHasTheFieldsInOrderAndTheHashOfTheRest() throws {
        let (bytes, hash) = LedgerLine.encode(seq: 3, at: "2026-03-01T10:15:00+08:00", op: try OperatorID("clerk.li"),
                                              ev: "umbrella.lent", body: body, prev: .zero)
        let text = String(decoding: bytes, as: UTF8.self)
        let expectedPrefix = #"{"seq":3,"at":"2026-03-01T10:15:00+08:00","op":"clerk.li","ev":"umbrella.lent","body":{"customer":"李娜","depositFen":5000,"unit":"U7"},"prev":""# + String(repeating: "0", count: 64) + "\""
        #expect(text == expectedPrefix + #","hash":""# + hash.hex + "\"}\n")
        // The hash is SHA-256 of the line without its hash member, computed independently.
        let digest = SHA256.hash(data: Array((expectedPrefix + "}").utf8))
        #expect(digest.map { String(format2hex: $0) }.joined() == hash.hex)
    }

    @Test func parsingGivesBackTheRecord() throws {
        let prev = ChainHash(hex: String(repeating: "ab", count: 32))!
        let (bytes, hash) = LedgerLine.encode(seq: 9, at: "2026-03-01T10:15:00+08:00", op: .system, ev: "x.y", body: body, prev: prev)
        let r = try #require(try record(bytes.dropLast()))
        #expect(r.seq == 9 && r.prev == prev && r.hash == hash && r.body == body && r.ev == "x.y" && r.op == .system)
        #expect(r.at == "2026-03-01T10:15:00+08:00")
        #expect(r.instant == 1_772_331_300)
        // Re-encoding the decoded record gives the same bytes.
        #expect(LedgerLine.encode(seq: r.seq, at: r.at, op: r.op, ev: r.ev, body: r.body, prev: r.prev).bytes == bytes)
    }

    @Test func aReaderPicksTheMembersItWantsAndTheRestAreStillChecked() throws {
        let nested: JSONObject = JSONObject([("unit", "U7"), ("depositFen", 5000), ("customer", "李娜"),
                                             ("items", .array([["a": 1], "b"])), ("note", "x\"y")])
        /// The keys seen and the deposit read, walking the object's members.
        func walk(_ bytes: [UInt8]) throws(LineFault) -> (keys: [String], deposit: Int64, end: Bool) {
            var keys: [String] = [], deposit: Int64 = 0, end = false
            try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(LineFault) in
                var s = JSONScanner(p.baseAddress!, from: 0, to: p.count)
                try s.members(depth: 1) { (key: UnsafeBufferPointer<UInt8>, s: inout JSONScanner) throws(LineFault) -> Bool in
                    keys.append(String(decoding: key, as: UTF8.self))
                    guard key.elementsEqual("depositFen".utf8) else { return false }
                    deposit = try s.integer()
                    return true
                }
                end = s.i == p.count
            }
            return (keys, deposit, end)
        }
        let walked = try walk(CanonicalJSON.encode(.object(nested)))
        #expect(walked.keys == ["customer", "depositFen", "items", "note", "unit"] && walked.deposit == 5000 && walked.end)
        // A skipped member is still held to the canonical rules: a needless escape in it is refused.
        let escaped = String(decoding: CanonicalJSON.encode(.object(nested)), as: UTF8.self)
            .replacingOccurrences(of: #""unit":"U7""#, with: #""unit":"U\u0037""#)
        #expect(throws: LineFault.self) { try walk(Array(escaped.utf8)) }
        // So are keys out of order.
        #expect(throws: LineFault("object keys not in canonical order at byte 10")) { try walk(Array(#"{"unit":1,"note":2}"#.utf8)) }
    }

    @Test func hexRoundTripsAndRefusesUpperCaseAndNonHex() {
        let h = ChainHash(hex: "0123456789abcdef0123456789abcdef0123456789abcdeffedcba9876543210")!
        #expect(h.hex == "0123456789abcdef0123456789abcdef0123456789abcdeffedcba9876543210")
        var good = Array("0123456789abcdef0123456789abcdef0123456789abcdeffedcba9876543210".utf8)
        for i in 0..<64 {
            for bad: UInt8 in [0x2f, 0x3a, 0x40, 0x41, 0x46, 0x60, 0x67, 0x00, 0xff, 0xb0, 0xe1] {
                let keep = good[i]
                good[i] = bad
                #expect(ChainHash(hex: String(decoding: good, as: UTF8.self)) == nil, "byte \(bad) at \(i)")
                good[i] = keep
            }
        }
    }
}

