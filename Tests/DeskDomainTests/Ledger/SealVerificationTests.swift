import Foundation
import Testing
@testable import DeskDomain

/// `verify` checks the seals that shift closes record: a book cut short or rebuilt after a
/// close has sound links but breaks its seal, and is reported as damage at the sealed seq.
@Suite struct SealVerificationTests {
    let clerk = try! OperatorID("clerk.li")

    /// Writes `count` umbrella events into a fresh data directory (optionally changing one).
    func umbrellaBook(_ dir: TemporaryDirectory, count: Int, change: Int? = nil) throws {
        let clock = ManualClock(march1st)
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        for i in 1...count {
            clock.advance(by: 60)
            let customer: JSONValue = i == change ? "李四" : "王芳"
            try w.append("umbrella.lent", ["unit": .string("U\(i)"), "customer": customer, "depositFen": 5000], op: clerk)
        }
        try w.close()
    }

    func verdict(_ dir: TemporaryDirectory) throws -> (LedgerVerifier.Verdict, LedgerVerifier.Report?) {
        let reports = try LedgerVerifier.verify(data: dir.data)
        return (LedgerVerifier.verdict(reports), reports.first { !$0.isSound })
    }

    @Test func sealsOfAnUntouchedYearHold() throws {
        let dir = TemporaryDirectory()
        try umbrellaBook(dir, count: 30)
        try ExportFixture.closeShift(dir, sealing: [.umbrella])
        try ExportFixture.closeShift(dir, sealing: [.umbrella, .shift])
        // A book still empty at closing is sealed at seq 0: nothing to check.
        try ExportFixture.appendShift(dir, body: ["seals": LedgerSeal.bodyValue([(.stroller, 0, .zero)])])
        let (seals, fault, _) = try LedgerVerifier.readSeals(data: dir.data, year: 2026, startPrev: .zero)
        #expect(seals.count == 3 && fault == nil)
        #expect(try verdict(dir).0 == .sound)
    }

    @Test func aBookRebuiltAfterItsSealIsDamagedAtTheSealedSeq() throws {
        let dir = TemporaryDirectory()
        try umbrellaBook(dir, count: 30)
        try ExportFixture.closeShift(dir, sealing: [.umbrella])
        // The same book written again with one event changed: every link holds, the seal does not.
        let forged = TemporaryDirectory()
        try umbrellaBook(forged, count: 30, change: 12)
        dir.write("2026/umbrella.jsonl", forged.bytes("2026/umbrella.jsonl"))
        #expect(try LedgerVerifier.verify(data: forged.data).allSatisfy(\.isSound))
        let (v, bad) = try verdict(dir)
        #expect(v == .damaged)
        #expect(bad?.book == .umbrella && bad?.year == 2026 && bad?.scan.problem?.seq == 30, "\(String(describing: bad))")
        #expect(bad?.scan.problem?.reason.contains("seal of shift seq 1") == true)
    }

    @Test func aBookCutShortAfterItsSealIsDamaged() throws {
        let dir = TemporaryDirectory()
        try umbrellaBook(dir, count: 30)
        try ExportFixture.closeShift(dir, sealing: [.umbrella])
        let lines = dir.bytes("2026/umbrella.jsonl").split(separator: 10, omittingEmptySubsequences: false)
        dir.write("2026/umbrella.jsonl", Array(lines.prefix(25).joined(separator: [10])) + [10])
        let (v, bad) = try verdict(dir)
        #expect(v == .damaged)
        #expect(bad?.book == .umbrella && bad?.scan.problem?.seq == 30)
        #expect(bad?.scan.problem?.reason.contains("ends at seq 25") == true)
    }

    @Test func aSealOnABookWithoutAFileAndAMalformedSealAreDamage() throws {
        let dir = TemporaryDirectory()
        try umbrellaBook(dir, count: 5)
        let fake = ChainHash.sha256(UnsafeRawBufferPointer(start: nil, count: 0))
        try ExportFixture.appendShift(dir, body: ["seals": LedgerSeal.bodyValue([(.stroller, 3, fake)])])
        var (v, bad) = try verdict(dir)
        #expect(v == .damaged && bad?.book == .stroller && bad?.scan.problem?.seq == 3)

        let other = TemporaryDirectory()
        try umbrellaBook(other, count: 5)
        try ExportFixture.closeShift(other, sealing: [.umbrella])
        try ExportFixture.appendShift(other, body: ["seals": ["umbrella": ["seq": 2, "hash": "not hex"]]])
        (v, bad) = try verdict(other)
        #expect(v == .damaged && bad?.book == .shift && bad?.scan.problem?.seq == 2)
    }
}
