import Foundation
import Testing
@testable import DeskDomain

@Suite struct OperatorDeskTests {
    let f = DeskFixture()

    func desk() throws -> OperatorDesk { try OperatorDesk(context: f.context, pinRounds: 10) }

    /// An operator id known to be well formed.
    func opID(_ text: String) -> OperatorID { try! OperatorID(text) }

    @Test func theFirstOperatorIsALeadAddedByItself() throws {
        let ops = try desk()
        #expect(ops.needsFirstLead)
        #expect(failure { try ops.addFirstLead(.init(id: "wang", name: "王芳", role: .clerk, pin: "1234")) } as? OperatorError == .firstMustBeLead)
        let lead = try ops.addFirstLead(.init(id: "Lead.Li", name: "李娜", role: .lead, pin: "2468"))
        #expect(lead.id.rawValue == "lead.li" && lead.role == .lead)
        #expect(!ops.needsFirstLead)
        #expect(failure { try ops.addFirstLead(.init(id: "x", name: "x", role: .lead, pin: "1234")) } as? OperatorError == .alreadySetUp)
    }

    @Test func loginChecksThePINAndSaysTheSameForUnknownIds() throws {
        let ops = try desk()
        try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        #expect(try ops.authenticate(id: "lead.li", pin: "2468").role == .lead)
        #expect(failure { _ = try ops.authenticate(id: "lead.li", pin: "2469") } as? OperatorError == .badLogin)
        #expect(failure { _ = try ops.authenticate(id: "nobody", pin: "2468") } as? OperatorError == .badLogin)
    }

    @Test func onlyALeadManagesOperators() throws {
        let ops = try desk()
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        let clerk = try ops.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead).actor
        #expect(failure { try ops.add(.init(id: "x", name: "x", role: .clerk, pin: "1234"), by: clerk) }
            as? CommonError == .notAllowed(action: .manageOperators, role: .clerk))
        #expect(failure { try ops.disable("lead.li", reason: "x", by: clerk) } != nil)
        #expect(failure { try ops.setPIN(of: "lead.li", to: "9999", by: clerk) } != nil)
        try ops.setPIN(of: "clerk.wang", to: "8642", by: clerk)
        #expect(try ops.authenticate(id: "clerk.wang", pin: "8642").id == clerk.id)
        try ops.disable("clerk.wang", reason: "离职", by: lead)
        #expect(failure { _ = try ops.authenticate(id: "clerk.wang", pin: "8642") } as? OperatorError == .disabled("clerk.wang"))
        #expect(failure { try ops.disable("lead.li", reason: "x", by: lead) } as? OperatorError == .lastLead)
        try ops.enable("clerk.wang", reason: "返岗", by: lead)
        #expect(try ops.authenticate(id: "clerk.wang", pin: "8642").role == .clerk)
    }

    /// With two leads, neither is the last one, so only the role check can refuse a clerk or
    /// an auditor who disables or enables someone.
    @Test func aClerkOrAnAuditorCannotDisableOrEnableAnOperator() throws {
        let ops = try desk()
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try ops.add(.init(id: "lead.zhou", name: "周杰", role: .lead, pin: "1122"), by: lead)
        let clerk = try ops.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead).actor
        let auditor = try ops.add(.init(id: "audit.zhao", name: "赵敏", role: .auditor, pin: "8642"), by: lead).actor
        try ops.add(.init(id: "clerk.chen", name: "陈静", role: .clerk, pin: "3344"), by: lead)
        try ops.disable("clerk.chen", reason: "休假", by: lead)
        let head = ops.book.head.seq
        for (actor, role) in [(clerk, Role.clerk), (auditor, Role.auditor)] {
            let refused = CommonError.notAllowed(action: .manageOperators, role: role)
            #expect(failure { try ops.disable("lead.zhou", reason: "x", by: actor) } as? CommonError == refused)
            #expect(failure { try ops.disable("clerk.wang", reason: "x", by: actor) } as? CommonError == refused)
            #expect(failure { try ops.enable("clerk.chen", reason: "返岗", by: actor) } as? CommonError == refused)
        }
        #expect(ops.book.head.seq == head, "nothing was written")
        #expect(ops.state.operators[opID("lead.zhou")]?.disabled == false)
        #expect(ops.state.operators[opID("clerk.chen")]?.disabled == true)
        // The same requests from a lead go through: the refusals were the role's.
        try ops.disable("lead.zhou", reason: "调岗", by: lead)
        try ops.enable("clerk.chen", reason: "返岗", by: lead)
        #expect(ops.book.head.seq == head + 2)
    }

    @Test func anIdThatExistsIsRefused() throws {
        let ops = try desk()
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try ops.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead)
        let head = ops.book.head.seq
        let err = failure { try ops.add(.init(id: "Clerk.Wang", name: "王小芳", role: .auditor, pin: "9999"), by: lead) }
        #expect(err as? OperatorError == .idTaken("clerk.wang") && err?.field == "id")
        #expect(failure { try ops.add(.init(id: "lead.li", name: "李四", role: .clerk, pin: "9999"), by: lead) }
            as? OperatorError == .idTaken("lead.li"))
        #expect(ops.book.head.seq == head && ops.state.operators[opID("clerk.wang")]?.name == "王芳")
    }

    @Test func theSamePINGetsADifferentSaltAndHash() throws {
        let ops = try desk()
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "1357")).actor
        try ops.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead)
        let a = try #require(ops.state.operators[opID("lead.li")]?.pin)
        let b = try #require(ops.state.operators[opID("clerk.wang")]?.pin)
        #expect(a.salt != b.salt && a.hash != b.hash)
        #expect(!a.salt.isEmpty && !a.hash.isEmpty)
        #expect(try ops.authenticate(id: "lead.li", pin: "1357").role == .lead)
        #expect(try ops.authenticate(id: "clerk.wang", pin: "1357").role == .clerk)
    }

    @Test func badInputIsRefused() throws {
        let ops = try desk()
        #expect(failure { try ops.addFirstLead(.init(id: "李", name: "李娜", role: .lead, pin: "2468")) }?.field == "id")
        #expect(failure { try ops.addFirstLead(.init(id: "li", name: "李娜", role: .lead, pin: "12")) }?.field == "pin")
        #expect(failure { try ops.addFirstLead(.init(id: "li", name: "", role: .lead, pin: "1234")) }?.field == "name")
        #expect(ops.book.head.seq == 0)
    }

    @Test func thePINIsNeverStoredAndStateReplays() throws {
        let ops = try desk()
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "975310")).actor
        try ops.add(.init(id: "audit.zhao", name: "赵敏", role: .auditor, pin: "864200"), by: lead)
        let text = String(decoding: f.dir.bytes("2026/operators.jsonl"), as: UTF8.self)
        #expect(!text.contains("975310") && !text.contains("864200"))
        let live = ops.state
        try ops.book.saveSnapshot()
        #expect(try OperatorDesk(context: f.context, useSnapshot: false).state == live)
        let snap = try OperatorDesk(context: f.context)
        #expect(snap.book.openedFromSnapshot && snap.state == live)
    }
}
