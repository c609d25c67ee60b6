import Foundation
import Testing
@testable import DeskDomain

/// A lead's approval in place: the lead types id and PIN into the clerk's form; the PIN is
/// checked as at a login (same count, same lock); the events record the clerk as `op` and
/// the lead as `approvedBy`.
@Suite struct LeadApprovalTests {
    let f = DeskFixture()

    /// A desk with lead.li/2468, clerk.wang/1357, lead.zhou/9753 and audit.zhao/8642.
    func desk() throws -> Desk {
        let d = try Desk(context: f.context, pinRounds: 10)
        try d.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        try d.operators.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: f.lead)
        try d.operators.add(.init(id: "lead.zhou", name: "周强", role: .lead, pin: "9753"), by: f.lead)
        try d.operators.add(.init(id: "audit.zhao", name: "赵敏", role: .auditor, pin: "8642"), by: f.lead)
        return d
    }

    func lastRecord(_ book: ServiceBook<some BookState>) throws -> LedgerRecord {
        var last: LedgerRecord?
        _ = try BookScanner.scan(path: "\(f.dir.path)/2026/\(book.book.fileName)", startPrev: .zero, decode: true) { last = $0.last ?? last }
        return try #require(last)
    }

    @Test func anApprovedClerkDoesALeadOnlyActionRecordedWithTheLead() throws {
        let d = try desk()
        let head = d.umbrellas.book.head.seq
        let refused = failure { try d.umbrellas.retire(unit: "5", reason: "报废", by: f.clerk) }
        #expect(refused as? CommonError == .notAllowed(action: .manageFleet, role: .clerk))
        #expect(d.umbrellas.book.head.seq == head, "nothing written")

        let approved = try d.operators.approve(f.clerk, leadID: " Lead.Zhou ", pin: "9753")
        #expect(approved.id == f.clerk.id && approved.role == .clerk && approved.approver?.rawValue == "lead.zhou")
        #expect(approved.actsAsLead && approved.withoutApproval == f.clerk)
        try d.umbrellas.retire(unit: "5", reason: "报废", by: approved)
        let r = try lastRecord(d.umbrellas.book)
        #expect(r.ev == UmbrellaEvents.unitRetired && r.op == f.clerk.id)
        #expect(r.body["approvedBy"]?.stringValue == "lead.zhou")
        try d.close()
    }

    @Test func withoutApprovalNoApprovedByIsWritten() throws {
        let d = try desk()
        try d.umbrellas.retire(unit: "5", reason: "报废", by: f.lead)
        try d.strollers.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        #expect(try lastRecord(d.umbrellas.book).body["approvedBy"] == nil)
        #expect(try lastRecord(d.strollers.book).body["approvedBy"] == nil)
        let raw = String(decoding: f.dir.bytes("2026/umbrella.jsonl") + f.dir.bytes("2026/stroller.jsonl"), as: UTF8.self)
        #expect(!raw.contains("approvedBy"))
        // The body is the same one as before approvals existed.
        #expect(try lastRecord(d.umbrellas.book).body == ["unit": "U005", "reason": "报废"])
        try d.close()
    }

    @Test func aWrongLeadPINIsRefusedAndCountsTowardTheLockout() throws {
        let d = try desk()
        let opsHead = d.operators.book.head.seq
        let umbrellaHead = d.umbrellas.book.head.seq
        for i in 1...4 {
            let e = failure { _ = try d.operators.approve(f.clerk, leadID: "lead.li", pin: "0000") }
            #expect(e as? ApprovalError == .login(.badLogin), "wrong PIN \(i)")
            #expect(e?.field == "leadPIN")
            #expect(e?.message(.en) == "Wrong operator id or PIN." && e?.message(.zhHans) == "工号或密码不对。")
        }
        #expect(d.operators.state.failures[try OperatorID("lead.li")]?.count == 4, "counted in the operators book as at a login")
        #expect(d.operators.book.head.seq == opsHead + 4)
        // The fifth locks lead.li, for the approval and the login alike.
        let fifth = failure { _ = try d.operators.approve(f.clerk, leadID: "lead.li", pin: "0000") }
        #expect(fifth as? ApprovalError == .login(.locked(id: "lead.li", until: "10:00:30", failures: 5)))
        #expect(fifth?.field == "leadPIN")
        #expect(failure { _ = try d.operators.login(id: "lead.li", pin: "2468") } as? OperatorError
                == .locked(id: "lead.li", until: "10:00:30", failures: 5))
        #expect(failure { _ = try d.operators.approve(f.clerk, leadID: "lead.li", pin: "2468") } as? ApprovalError
                == .login(.locked(id: "lead.li", until: "10:00:30", failures: 5)))
        #expect(d.umbrellas.book.head.seq == umbrellaHead, "no approval, nothing written in the desk's books")
        // Once the lock has passed, the right PIN approves and starts the count again.
        f.clock.advance(by: 31)
        let approved = try d.operators.approve(f.clerk, leadID: "lead.li", pin: "2468")
        #expect(approved.approver?.rawValue == "lead.li")
        #expect(d.operators.state.failures[try OperatorID("lead.li")]?.count ?? 0 == 0)
        try d.close()
    }

    @Test func aClerkAnAuditorOrADisabledLeadCannotApprove() throws {
        let d = try desk()
        let notLead = failure { _ = try d.operators.approve(f.clerk, leadID: "audit.zhao", pin: "8642") }
        #expect(notLead as? ApprovalError == .notActiveLead("audit.zhao") && notLead?.field == "leadID")
        #expect(notLead?.message(.zhHans) == "audit.zhao 不是在岗的值班主管，不能批准。请由值班主管输入自己的工号和密码。")
        #expect(notLead?.message(.en) == "audit.zhao is not an active shift lead and cannot approve; the shift lead types their own id and PIN.")
        let other = Actor(id: try OperatorID("clerk.sun"), role: .clerk)
        #expect(failure { _ = try d.operators.approve(other, leadID: "clerk.wang", pin: "1357") } as? ApprovalError == .notActiveLead("clerk.wang"))
        try d.operators.disable("lead.zhou", reason: "调岗", by: f.lead)
        let disabled = failure { _ = try d.operators.approve(f.clerk, leadID: "lead.zhou", pin: "9753") }
        #expect(disabled as? ApprovalError == .notActiveLead("lead.zhou") && disabled?.field == "leadID")
        #expect(failure { _ = try d.operators.approve(f.lead, leadID: "lead.li", pin: "2468") } as? ApprovalError == .ownApproval)
        #expect(failure { _ = try d.operators.approve(f.clerk, leadID: " ", pin: "2468") } as? CommonError == .required(field: "leadID"))
        #expect(failure { _ = try d.operators.approve(f.clerk, leadID: "lead.li", pin: "") } as? CommonError == .required(field: "leadPIN"))
        // An auditor writes nothing, approved or not.
        #expect(failure { _ = try d.operators.approve(f.auditor, leadID: "lead.li", pin: "2468") } as? CommonError
                == .notAllowed(action: .write, role: .auditor))
        let forged = Actor(id: f.auditor.id, role: .auditor, approver: f.lead.id)
        #expect(!forged.actsAsLead)
        #expect(failure { try d.umbrellas.retire(unit: "5", reason: "报废", by: forged) } as? CommonError
                == .notAllowed(action: .manageFleet, role: .auditor))
        try d.close()
    }

    @Test func roleNamesReadRightInBothLanguages() throws {
        let auditor = CommonError.notAllowed(action: .write, role: .auditor)
        #expect(auditor.message(.en) == "An auditor may not record anything; ask the shift lead.")
        #expect(auditor.message(.zhHans) == "审计员无权登记，请值班主管办理。")
        let clerk = CommonError.notAllowed(action: .forfeitDeposit, role: .clerk)
        #expect(clerk.message(.en) == "A clerk may not forfeit a deposit; ask the shift lead.")
        #expect(clerk.message(.zhHans) == "柜员无权没收押金，请值班主管办理。")
        #expect(CommonError.notAllowed(action: .write, role: .lead).message(.en).hasPrefix("A shift lead may not"))
    }
}
