import DeskDomain
import Foundation
import Testing

/// `plazadesk verify --deep` through the real binary: a demo year passes; a forged line
/// that plain `verify` accepts (right hash, right link) is named with book, seq and rule.
@Suite(.serialized) struct DeepVerifyCommandTests {
    @Test func aForgedLeadOnlyEventFailsTheDeepCheck() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        var v = try PlazaDeskProcess.run(["verify", "--data", data, "--deep"])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("all 8 books sound") && v.stdout.contains("deep check sound:"), "\(v.stdout)")

        // A clerk retires an umbrella: a lead-only event, correctly hashed and linked.
        let book = s.bytes("d/2026/umbrella.jsonl")
        let last = try #require(book.dropLast().split(separator: 10).last)
        let head = try #require(try JSONSerialization.jsonObject(with: Data(last)) as? [String: Any])
        let seq = Int64(try #require(head["seq"] as? Int)) + 1
        let at = try #require(head["at"] as? String)
        let hashText = try #require(head["hash"] as? String)
        let prev = try #require(ChainHash(hex: hashText))
        let line = LedgerLine.encode(seq: seq, at: at, op: try OperatorID("clerk.wang"), ev: UmbrellaEvents.unitRetired,
                                     body: ["unit": "U060", "reason": "报废"], prev: prev)
        s.append("d/2026/umbrella.jsonl", line.bytes)
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "plain verify cannot tell: \(v.stdout)")
        v = try PlazaDeskProcess.run(["verify", "--data", data, "--deep"])
        #expect(v.status == 1)
        #expect(v.stdout.contains("BROKEN umbrella 2026 seq \(seq) [lead-only]: umbrella.unit-retired needs a shift lead, but clerk.wang was not an active lead at \(at)"),
                "\(v.stdout)")
        #expect(v.stdout.contains("DEEP CHECK FAILED: 1 finding"), "\(v.stdout)")
    }
}
