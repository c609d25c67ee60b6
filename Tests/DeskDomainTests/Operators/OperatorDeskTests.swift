import Foundation
import Testing
@testable import DeskDomain

@Suite struct OperatorDeskTests {
    let f = DeskFixture()

    func desk() throws -> OperatorDesk { try OperatorDesk(context: f.context, pinRounds: 10) }

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
