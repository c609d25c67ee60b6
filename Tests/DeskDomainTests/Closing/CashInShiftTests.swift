import Foundation
import Testing
@testable import DeskDomain

/// Cash moves only inside a shift: a deposit taken or handed back, a service fee, paid in
/// or out are refused with no shift open, before anything is written; what moves no cash
/// (a stroller, a forfeit) is not. A deposit other than the configured one needs a lead's
/// approval and a reason; a close with a difference needs a note.
@Suite struct CashInShiftTests {
    let f: DeskFixture

    init() {
        f = DeskFixture()
        f.config.umbrellaDeposit = Money(yuan: 20)
    }

    func desk() throws -> Desk { try Desk(context: f.context, pinRounds: 10) }

    func lendForm(_ unit: String, deposit: String = "", reason: String = "") -> UmbrellaDesk.LendForm {
        .init(unit: unit, depositCard: unit, deposit: deposit, customer: "王芳", phone: "13812345678", depositReason: reason)
    }

    var approvedClerk: Actor { Actor(id: f.clerk.id, role: .clerk, approver: f.lead.id) }

    func lastRecord(_ book: ServiceBook<some BookState>) throws -> LedgerRecord {
        var last: LedgerRecord?
        _ = try BookScanner.scan(path: "\(f.dir.path)/2026/\(book.book.fileName)", startPrev: .zero, decode: true) { last = $0.last ?? last }
        return try #require(last)
    }

    func expectNoShift(_ e: (any DeskFailure)?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(e as? ShiftError == .noShiftForCash, sourceLocation: sourceLocation)
        #expect(e?.message(.zhHans) == "没有开班：请值班主管先开班（F8 o）。", sourceLocation: sourceLocation)
        #expect(e?.message(.en) == "No shift is open: ask the shift lead to open one (F8 o).", sourceLocation: sourceLocation)
    }

    @Test func noCashMovesWithoutAShift() throws {
        let d = try desk()
        let heads = (d.umbrellas.book.head.seq, d.services.book.head.seq, d.shift.book.head.seq)
        expectNoShift(failure { try d.umbrellas.lend(lendForm("1"), by: f.clerk) })
        expectNoShift(failure { try d.services.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2"), by: f.clerk) })
        expectNoShift(failure { try d.shift.recordPaid(.init(direction: .paidOut, amount: "5", reason: "胶带"), by: f.lead) })
        #expect((d.umbrellas.book.head.seq, d.services.book.head.seq, d.shift.book.head.seq) == heads, "nothing written")
        // A stroller is free: no shift needed.
        try d.strollers.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)

        // In a shift it all works; after the close, handing a deposit back or voiding is refused too.
        try d.shift.open(.init(float: "100"), by: f.lead)
        try d.umbrellas.lend(lendForm("1"), by: f.clerk)
        try d.umbrellas.lend(lendForm("2"), by: f.clerk)
        try d.umbrellas.lend(lendForm("3"), by: f.clerk)
        let receipt = try d.services.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2"), by: f.clerk)
        try d.shift.close(.init(counted: "162"), by: f.lead)
        let after = (d.umbrellas.book.head.seq, d.services.book.head.seq)
        expectNoShift(failure { try d.umbrellas.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk) })
        expectNoShift(failure { try d.umbrellas.releaseWithoutCard(.init(unit: "2", reason: "押金卡丢失"), by: f.lead) })
        expectNoShift(failure { try d.services.void(.init(number: receipt.number.description, reason: "收错"), by: f.lead) })
        #expect((d.umbrellas.book.head.seq, d.services.book.head.seq) == after, "nothing written")
        // A forfeit moves no cash (the deposit stays in the drawer): allowed.
        try d.umbrellas.forfeit(.init(unit: "3", reason: "未归还"), by: f.lead)
        #expect(d.umbrellas.book.head.seq == after.0 + 1)
        try d.close()
    }

    @Test func aShiftClosedAtAnotherConsoleIsSeenBeforeTheCash() throws {
        let a = try desk()
        try a.shift.open(.init(float: "100"), by: f.lead)
        try a.umbrellas.lend(lendForm("1"), by: f.clerk)
        let b = try desk()
        try b.shift.close(.init(counted: "120"), by: f.lead)
        #expect(a.shift.current != nil, "console a has not read the close yet")
        let head = a.umbrellas.book.head.seq
        expectNoShift(failure { try a.umbrellas.lend(lendForm("2"), by: f.clerk) })
        #expect(a.umbrellas.book.head.seq == head)
        try b.close(); try a.close()
    }

    @Test func aServiceOnItsOwnReadsTheShiftBook() throws {
        let umbrellas = try UmbrellaDesk(context: f.context)
        expectNoShift(failure { try umbrellas.lend(lendForm("1"), by: f.clerk) })
        try f.openShift()
        try umbrellas.lend(lendForm("1"), by: f.clerk)
        #expect(umbrellas.state.out["U001"] != nil)
    }

    @Test func anOtherDepositNeedsALeadsApprovalAndAReason() throws {
        let d = try desk()
        try d.shift.open(.init(float: "100"), by: f.lead)
        let head = d.umbrellas.book.head.seq
        let clerk = failure { try d.umbrellas.lend(lendForm("1", deposit: "50", reason: "顾客要求"), by: f.clerk) }
        #expect(clerk as? UmbrellaError == .depositNeedsApproval(configured: Money(yuan: 20)) && clerk?.field == "deposit")
        #expect(clerk?.message(.zhHans) == "押金与规定的 ¥20.00 不同，需要值班主管批准并写明原因。")
        #expect(clerk?.message(.en) == "A deposit other than ¥20.00 needs a shift lead's approval and a reason.")
        let noReason = failure { try d.umbrellas.lend(lendForm("1", deposit: "50", reason: "  "), by: approvedClerk) }
        #expect(noReason as? UmbrellaError == .depositNeedsReason(configured: Money(yuan: 20)) && noReason?.field == "depositReason")
        #expect(noReason?.message(.en) == "A deposit other than ¥20.00 needs a shift lead's approval and a reason.")
        let zero = failure { try d.umbrellas.lend(lendForm("1", deposit: "0", reason: "免押金"), by: approvedClerk) }
        #expect(zero as? UmbrellaError == .depositNotPositive && zero?.field == "deposit")
        #expect(d.umbrellas.book.head.seq == head, "nothing written")

        // Approved, with a reason: written with both.
        try d.umbrellas.lend(lendForm("1", deposit: "50", reason: "顾客要求多押"), by: approvedClerk)
        var r = try lastRecord(d.umbrellas.book)
        #expect(r.op == f.clerk.id && r.body["depositFen"]?.intValue == 5000)
        #expect(r.body["depositReason"]?.stringValue == "顾客要求多押" && r.body["approvedBy"]?.stringValue == "lead.li")
        // A lead at the counter gives the reason; no approvedBy.
        try d.umbrellas.lend(lendForm("2", deposit: "10", reason: "老顾客"), by: f.lead)
        r = try lastRecord(d.umbrellas.book)
        #expect(r.body["depositReason"]?.stringValue == "老顾客" && r.body["approvedBy"] == nil)
        // The configured deposit, typed or not: no approval, no reason written; a reason
        // typed for it is refused (the other amount was meant and not typed).
        let usual = failure { try d.umbrellas.lend(lendForm("3", deposit: "20", reason: "不用写"), by: f.clerk) }
        #expect(usual as? UmbrellaError == .reasonWithoutOtherDeposit(configured: Money(yuan: 20)) && usual?.field == "depositReason")
        try d.umbrellas.lend(lendForm("3", deposit: "20", reason: ""), by: f.clerk)
        r = try lastRecord(d.umbrellas.book)
        #expect(r.body == ["unit": "U003", "depositCard": "D003", "depositFen": 2000, "customer": "王芳", "phone": "138****5678"])
        try d.close()
    }

    @Test func aCloseWithADifferenceNeedsANote() throws {
        let d = try desk()
        try d.shift.open(.init(float: "100"), by: f.lead)
        try d.umbrellas.lend(lendForm("1"), by: f.clerk)
        let head = d.shift.book.head.seq
        let e = failure { try d.shift.close(.init(counted: "115", note: " "), by: f.lead) }
        #expect(e as? ShiftError == .differenceNeedsNote(counted: Money(yuan: 115), expected: Money(yuan: 120)))
        #expect(e?.field == "note")
        #expect(e?.message(.zhHans) == "实点现金 ¥115.00 与应有现金 ¥120.00 不符，请在备注中写明原因。")
        #expect(e?.message(.en) == "The cash counted, ¥115.00, differs from the ¥120.00 expected; say why in the note.")
        #expect(d.shift.book.head.seq == head && d.shift.current != nil, "nothing written")
        let report = try d.shift.close(.init(counted: "115", note: "短款五元，已报告财务"), by: f.lead)
        #expect(report.difference == Money(yuan: -5))
        // No difference: no note needed.
        try d.shift.open(.init(float: "100"), by: f.lead)
        try d.shift.close(.init(counted: "100"), by: f.lead)
        try d.close()
    }

    @Test func anApprovedCloseKeepsItsSealSound() throws {
        let d = try desk()
        try d.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        try d.operators.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: f.lead)
        let approved = try d.operators.approve(f.clerk, leadID: "lead.li", pin: "2468")
        try d.shift.open(.init(float: "100"), by: approved)
        try d.umbrellas.lend(lendForm("1"), by: f.clerk)
        let report = try d.shift.close(.init(counted: "120"), by: approved)
        let r = try lastRecord(d.shift.book)
        #expect(r.op == f.clerk.id && r.body["approvedBy"]?.stringValue == "lead.li")
        #expect(report.sealCode != nil)
        try d.close()
        let reports = try LedgerVerifier.verify(data: f.dir.data)
        #expect(LedgerVerifier.verdict(reports) == .sound)
        let deep = try DeepVerifier.verify(data: f.dir.data, options: .init(personalDataKey: f.context.personalDataKey))
        #expect(deep.findings.map(\.description) == [])
    }
}
