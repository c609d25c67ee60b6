import Foundation
import Testing
@testable import DeskDomain

/// A lead's approval typed into a clerk's form (`approvedBy`): `verify --deep` accepts a
/// lead-only event a clerk recorded with an active lead's approval, and flags a correctly
/// hashed line that claims approval by someone who was not an active lead.
@Suite struct DeepVerifierApprovalForgeryTests {
    /// A retirement of U005 (lead only), claiming `approvedBy`.
    static func retired(approvedBy: String) -> JSONObject {
        ["unit": "U005", "reason": "报废", "approvedBy": .string(approvedBy)]
    }

    @Test func aRealApprovalIsSound() throws {
        let x = try Forgery { d, x in
            let approved = try d.operators.approve(x.f.clerk, leadID: "lead.zhou", pin: "9753")
            try d.umbrellas.retire(unit: "5", reason: "伞骨断裂无法修复", by: approved)
            try Forgery.openShift(d, x.f)
            try Forgery.lendU001(d, x.f)
            try d.umbrellas.forfeit(.init(unit: "1", reason: "超过7天未归还"), by: approved)
        }
        let body = try x.lastBody(.umbrella, UmbrellaEvents.depositForfeited)
        #expect(body["approvedBy"]?.stringValue == "lead.zhou")
        #expect(try x.findings() == [])
    }

    @Test func aLeadOnlyLineClaimingApprovalByAClerk() throws {
        let x = try Forgery()
        let seq = try x.forge(.umbrella, UmbrellaEvents.unitRetired, Self.retired(approvedBy: "clerk.wang"))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [lead-only]: umbrella.unit-retired was approved by clerk.wang, who was not an active lead at 2026-03-01T10:02:00+08:00"])
    }

    @Test func aLineClaimingApprovalBySomeoneUnknown() throws {
        let x = try Forgery()
        let seq = try x.forge(.umbrella, UmbrellaEvents.unitRetired, Self.retired(approvedBy: "Not An Id!"))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [lead-only]: umbrella.unit-retired was approved by Not An Id!, who was not an active lead at 2026-03-01T10:02:00+08:00"])
    }

    @Test func anApprovalByALeadDisabledBeforeIt() throws {
        let x = try Forgery { d, x in
            x.f.later(minutes: 1)
            try d.operators.disable("lead.zhou", reason: "调岗", by: x.f.lead)
        }
        let seq = try x.forge(.umbrella, UmbrellaEvents.unitRetired, Self.retired(approvedBy: "lead.zhou"))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [lead-only]: umbrella.unit-retired was approved by lead.zhou, who was not an active lead at 2026-03-01T10:03:00+08:00"])
    }

    @Test func anOrdinaryEventClaimingApprovalByAClerk() throws {
        // Not lead-only, but an approval is held to the lead timeline all the same.
        let x = try Forgery()
        var body = DeepVerifierForgeryTests.lent
        body["depositFen"] = 2000
        body["depositReason"] = "老顾客"
        body["approvedBy"] = "clerk.wang"
        let seq = try x.forge(.umbrella, UmbrellaEvents.lent, body)
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [lead-only]: umbrella.lent was approved by clerk.wang, who was not an active lead at 2026-03-01T10:02:00+08:00"])
    }

    @Test func anOperatorAddedByAClerkClaimingApprovalByAClerk() throws {
        let x = try Forgery()
        let seq = try x.forge(.operators, OperatorEvents.added,
                              ["id": "clerk.sun", "name": "孙丽", "role": "clerk", "salt": "00", "pinHash": "00", "rounds": 10,
                               "approvedBy": "clerk.wang"])
        #expect(try x.findings() == ["operators 2026 seq \(seq) [lead-only]: operator.added was approved by clerk.wang, who was not an active lead at 2026-03-01T10:02:00+08:00"])
    }

    @Test func aRealApprovalInTheOperatorsBookIsSound() throws {
        let x = try Forgery { d, x in
            let approved = try d.operators.approve(x.f.clerk, leadID: "lead.li", pin: "2468")
            try d.operators.add(.init(id: "clerk.sun", name: "孙丽", role: .clerk, pin: "4321"), by: approved)
        }
        let body = try x.lastBody(.operators, OperatorEvents.added)
        #expect(body["approvedBy"]?.stringValue == "lead.li")
        #expect(try x.findings() == [])
    }
    @Test func anotherDepositByAClerkWithoutApprovalIsFlagged() throws {
        // A lend with a reason for another deposit is the lead's word; a clerk's line without
        // `approvedBy` claims what only a lead may decide.
        let x = try Forgery()
        var body = DeepVerifierForgeryTests.lent
        body["depositFen"] = 100
        body["depositReason"] = "熟客"
        let seq = try x.forge(.umbrella, UmbrellaEvents.lent, body)
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [lead-only]: umbrella.lent needs a shift lead, but clerk.wang was not an active lead at 2026-03-01T10:02:00+08:00"])
    }

    @Test func anotherDepositApprovedOnTheClerksConsoleIsSound() throws {
        let x = try Forgery { d, x in
            try Forgery.openShift(d, x.f)
            let approved = try d.operators.approve(x.f.clerk, leadID: "lead.zhou", pin: "9753")
            try d.umbrellas.lend(.init(unit: "3", depositCard: "3", deposit: "20", customer: "王芳", phone: "13812345678",
                                       depositReason: "老人，只带了二十元"), by: approved)
        }
        let body = try x.lastBody(.umbrella, UmbrellaEvents.lent)
        #expect(body["approvedBy"]?.stringValue == "lead.zhou" && body["depositFen"]?.intValue == 2000)
        #expect(try x.findings() == [])
    }

    @Test func anOverriddenFeeByAClerkWithoutApprovalIsFlagged() throws {
        let x = try Forgery()
        let seq = try x.forge(.services, PaidServicesEvents.receiptIssued,
                              ["number": "SR-2026-000001", "kind": "photocopy", "quantity": 10, "unitPriceFen": 50,
                               "quotedFeeFen": 500, "feeFen": 100, "overrideReason": "熟客", "tenderedFen": 100,
                               "changeFen": 0, "customer": "", "note": ""])
        let found = try x.findings()
        #expect(found == ["services 2026 seq \(seq) [lead-only]: a fee other than the quote needs a shift lead, but clerk.wang was not an active lead at 2026-03-01T10:02:00+08:00"], "\(found)")
    }
}
