import Foundation
import Testing
@testable import DeskDomain

/// Every shift close yields one seal code over every book's head; `verify --seal CODE`
/// proves the books still hold that close, and fails after any change at or before it.
@Suite struct SealCodeTests {
    @Test func aCodeIsSixteenCharactersInFourGroupsWithNothingConfusable() throws {
        let code = SealCode(digest: Array(0..<32))
        #expect(code.description == "000G-40R4-0M30-E209")   // 80 bits 00 01 02 … 09, five at a time
        #expect(code.characters.allSatisfy { !"ILOU".contains($0) })
        #expect(SealCode("000g40r40m30e209") == code && SealCode("000G 40R4 0M30 E209") == code)
        #expect(SealCode("OOOG-4OR4-OM3O-E2O9") == code, "O is read as 0")
        #expect(SealCode("1111-0000-0000-0000") == SealCode("IiLl-0000-0000-0000"), "I and L are read as 1")
        #expect(SealCode("000G-40R4-0M30-E20") == nil && SealCode("000G-40R4-0M30-E2099") == nil)
        #expect(SealCode("000G-40R4-0M30-E20U") == nil && SealCode("000G-40R4-0M30-E20*") == nil)
    }

    @Test func everyCloseStoresTheCodeItsLineRecomputesToAndTheReportShowsIt() throws {
        let kit = TamperKit()
        let f = DeskFixture()
        let desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
        let shift = try desk.shift.open(.init(float: "500"), by: f.lead)
        try desk.strollers.lend(.init(unit: "3", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        f.later(minutes: 30)
        let closed = try desk.shift.close(.init(counted: "500"), by: f.lead)
        let code = try #require(closed.sealCode)
        let line = try #require(try kit.closes().last)
        #expect(SealCode.stored(in: line) == code && SealCode.of(line) == code)
        #expect(line.body["sealCode"]?.stringValue == code.description)
        // Computed from the heads by hand: the stroller book's, and the shift book's before the close.
        var body = line.body
        body["sealCode"] = nil
        let opened = try #require(desk.shift.book.state.lastClosed)
        #expect(opened.closing?.closedSeq == 2)
        let manual = SealCode.compute(year: 2026, heads: [.stroller: BookHead(seq: 1, hash: desk.strollers.book.head.hash)],
                                      shiftHead: BookHead(seq: 1, hash: line.prev), closeSeq: 2, op: f.lead.id, body: body)
        #expect(manual == code)
        let report = try desk.shift.report(.shift(shift.id))
        #expect(report.sealCode == code)
        #expect(report.text(.en).contains("Seal code \(code) (write it in the shift log and sign)"))
        #expect(report.text(.zhHans).contains("封账码 \(code)"))
        #expect(report.csv.contains("report,seal code \(code),,,\n"))
        #expect(CanonicalJSON.string(report.json).contains("\"sealCode\":\"\(code)\""))
        try desk.close()
    }

    @Test func verifySealHoldsOnTheDayAndFailsAfterAnyChangeAtOrBeforeTheClose() throws {
        let kit = TamperKit()
        try DemoYear(data: kit.data, year: 2026, events: 300, seed: 4).write()
        let closes = try kit.closes()
        let close = closes[closes.count / 2]
        let code = try #require(SealCode.stored(in: close))
        #expect(SealCode.of(close) == code)
        let id = try #require(close.body["shift"]?.stringValue)
        var heads = BookHead.heads(close.body["seals"])
        let t = PlazaTime.china.civil(close.instant)
        #expect(try SealCheck.check(code, data: kit.data) == .holds(shift: id, year: 2026, books: heads.count + 1,
                                                                     closedAt: t.dateString + " " + t.timeString))
        heads[.shift] = BookHead(seq: close.seq, hash: close.hash)
        #expect(heads.count == 8, "every book sealed: \(heads.keys.sorted())")
        let saved = kit.saveBooks()
        for (b, h) in heads.sorted(by: { $0.key < $1.key }) {
            let seq = Int(h.seq)
            // A change after the close does not touch the seal.
            if kit.lines(b).count > seq {
                kit.rehash(b, from: seq + 1)
                #expect(try SealCheck.check(code, data: kit.data) == .holds(shift: id, year: 2026, books: 8, closedAt: t.dateString + " " + t.timeString), "\(b)")
                kit.restore(saved)
            }
            // Cut before the sealed line, re-hashed from it (the shift book: from the line
            // before the close, which the close links to), deleted: broken, book and seq named.
            kit.cut(b, to: seq - 1)
            #expect(try SealCheck.check(code, data: kit.data) == (b == .shift ? .noClose
                : .broken(shift: id, book: b, year: 2026, seq: h.seq, reason: "the book ends at seq \(seq - 1)")), "\(b) cut")
            kit.restore(saved)
            kit.rehash(b, from: b == .shift ? seq - 1 : seq)
            #expect(try SealCheck.check(code, data: kit.data) == (b == .shift ? .noClose
                : .broken(shift: id, book: b, year: 2026, seq: h.seq, reason: "the line differs from the one sealed")), "\(b) re-hashed")
            kit.restore(saved)
            kit.rehash(b, from: 1)
            #expect(try SealCheck.check(code, data: kit.data) != .holds(shift: id, year: 2026, books: 8, closedAt: t.dateString + " " + t.timeString), "\(b) re-hashed from 1")
            kit.restore(saved)
            kit.delete(b)
            #expect(try SealCheck.check(code, data: kit.data) == (b == .shift ? .noClose
                : .broken(shift: id, book: b, year: 2026, seq: h.seq, reason: "the book has no file")), "\(b) deleted")
            kit.restore(saved)
        }
        #expect(try SealCheck.check(code, data: kit.data) == .holds(shift: id, year: 2026, books: 8, closedAt: t.dateString + " " + t.timeString))
        #expect(try SealCheck.check(try #require(SealCode("0000-0000-0000-0000")), data: kit.data) == .noClose)
    }
}
