import Foundation
import Testing
@testable import DeskDomain

@Suite struct LostFoundClaimTests {
    let f = DeskFixture()
    let idNumber = "11010519491231002X"

    func describe(_ desk: LostFoundDesk, _ tag: String) throws {
        try desk.describeClaim(.init(tag: tag, claimant: "王芳", quantity: "1", colour: "黑的", features: "长款，有星巴克会员卡"), by: f.clerk)
    }

    func matched(_ tag: String, reportID: String = "") -> LostFoundDesk.CompleteClaimForm {
        .init(tag: tag, matched: true, claimant: "王芳", claimantID: idNumber, phone: "13812345678", signatureConfirmed: true,
              reportID: reportID)
    }

    @Test func aClaimWithoutTheClaimantsDescriptionIsRefused() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        let err = failure { try desk.completeClaim(matched(tag), by: f.clerk) }
        #expect(err as? LostFoundError == .claimNotDescribed(tag: tag))
        #expect(err?.field == "tag" && err?.message(.zhHans).contains("数量、颜色和主要特征") == true)
        #expect(failure { try desk.completeClaim(.init(tag: tag, matched: false), by: f.clerk) } as? LostFoundError == .claimNotDescribed(tag: tag))
        #expect(desk.book.head.seq == 1, "nothing was written")
        #expect(desk.state.items[tag]?.status == .inStorage)
    }

    @Test func aClaimThatDoesNotMatchKeepsTheItem() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        let said = try desk.describeClaim(.init(tag: tag, claimant: "张伟", quantity: "2", colour: "棕色", features: "短款"), by: f.clerk)
        #expect(said.quantity == 2 && said.colour == "棕色" && desk.state.items[tag]?.pendingDescription == said)
        let after = try desk.completeClaim(.init(tag: tag, matched: false, note: "颜色和款式都不对"), by: f.clerk)
        #expect(after.status == .inStorage && after.refusedClaims == 1 && after.pendingDescription == nil && after.claim == nil)
        #expect(desk.itemsInStorage.map(\.tag) == [tag])
        // The refusal used up that description: the next attempt starts with a new one.
        #expect(failure { try desk.completeClaim(matched(tag), by: f.clerk) } as? LostFoundError == .claimNotDescribed(tag: tag))
        try describe(desk, tag)
        let claimed = try desk.completeClaim(matched(tag), by: f.clerk)
        #expect(claimed.status == .claimed && claimed.refusedClaims == 1)
    }

    @Test func aMatchedClaimRecordsTheSignedLedgerEntryAndCannotBeRepeated() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        try describe(desk, tag)
        var form = matched(tag)
        form.signatureConfirmed = false
        #expect(failure { try desk.completeClaim(form, by: f.clerk) } as? LostFoundError == .signatureMissing)
        #expect(failure { try desk.completeClaim(form, by: f.clerk) }?.field == "signatureConfirmed")
        #expect(desk.book.head.seq == 2)
        let other = Actor(id: try OperatorID("clerk.li"), role: .clerk)
        f.later(minutes: 5)
        let item = try desk.completeClaim(matched(tag), by: other)
        #expect(item.status == .claimed && item.pendingDescription == nil)
        #expect(item.claim == LostItemClaim(claimant: "王芳", idMasked: "1101**********002X",
                                            idHash: f.context.personalDataKey.hash(idNumber), phoneMasked: "138****5678",
                                            note: "", reportID: nil, claimedAt: march1st + 300, releasedBy: other.id))
        #expect(desk.itemsInStorage.isEmpty)
        let seq = desk.book.head.seq
        #expect(failure { try describe(desk, tag) } as? LostFoundError == .notInStorage(field: "tag", tag: tag, status: .claimed))
        #expect(failure { try desk.completeClaim(matched(tag), by: f.clerk) } as? LostFoundError == .notInStorage(field: "tag", tag: tag, status: .claimed))
        #expect(failure { try desk.dispose(.init(tag: tag, method: .donation, note: "捐赠"), by: f.lead) }?.field == "tag")
        #expect(desk.book.head.seq == seq)
        // Still found by search, with its history.
        #expect(desk.search(query: "星巴克").map(\.tag) == [tag])
    }

    @Test func aDisposedItemCannotBeClaimed() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        try describe(desk, tag)
        try desk.dispose(.init(tag: tag, method: .police, note: "交派出所 李警官"), by: f.lead)
        #expect(desk.state.items[tag]?.pendingDescription == nil)
        #expect(failure { try desk.completeClaim(matched(tag), by: f.clerk) } as? LostFoundError == .notInStorage(field: "tag", tag: tag, status: .disposed))
        #expect(failure { try describe(desk, tag) } as? LostFoundError == .notInStorage(field: "tag", tag: tag, status: .disposed))
        #expect(desk.state.items[tag]?.status == .disposed)
    }

    @Test func aBadIDCheckCharacterIsRefused() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        try describe(desk, tag)
        var form = matched(tag)
        form.claimantID = "110105194912310021"
        let err = failure { try desk.completeClaim(form, by: f.clerk) }
        #expect(err as? CommonError == .badResidentID(field: "claimantID", reason: .checkFails))
        #expect(err?.field == "claimantID")
        form.claimantID = "11010519491231002x"
        #expect(failure { try desk.completeClaim(form, by: f.clerk) } as? CommonError == .badResidentID(field: "claimantID", reason: .lowerCaseX))
        form.claimantID = ""
        #expect(failure { try desk.completeClaim(form, by: f.clerk) } as? CommonError == .required(field: "claimantID"))
        form = matched(tag); form.phone = "123"
        #expect(failure { try desk.completeClaim(form, by: f.clerk) }?.field == "phone")
        form = matched(tag); form.claimant = ""
        #expect(failure { try desk.completeClaim(form, by: f.clerk) }?.field == "claimant")
        #expect(desk.book.head.seq == 2, "nothing was written")
        #expect(desk.state.items[tag]?.status == .inStorage)
    }

    @Test func theIDNumberIsStoredOnlyMaskedAndHashed() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        try describe(desk, tag)
        try desk.completeClaim(matched(tag), by: f.clerk)
        try desk.book.saveSnapshot()
        let ledger = String(decoding: f.dir.bytes("2026/lostfound.jsonl"), as: UTF8.self)
        #expect(ledger.contains("\"claimantIDMasked\":\"1101**********002X\""))
        #expect(ledger.contains(f.context.personalDataKey.hash(idNumber)))
        #expect(!ledger.contains(idNumber) && !ledger.contains("19491231"))
        #expect(!ledger.contains("13812345678") && ledger.contains("138****5678"))
        let snapshot = f.dir.bytes(".snapshots/lostfound.snap")
        func holds(_ text: String) -> Bool { snapshot.indices.contains { snapshot[$0...].starts(with: text.utf8) } }
        #expect(!snapshot.isEmpty && holds("1101**********002X"))
        #expect(!holds(idNumber) && !holds("19491231") && !holds("13812345678") && holds("138****5678"))
    }

    @Test func aClaimCanCloseTheClaimantsReport() throws {
        let desk = try LostFoundDesk(context: f.context)
        let report = try desk.report(.init(category: "wallet", description: "黑色长款钱包", colour: "黑", contact: "王芳",
                                           phone: "13812345678"), by: f.clerk).report
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        try describe(desk, tag)
        #expect(failure { try desk.completeClaim(matched(tag, reportID: "LR-2026-000007"), by: f.clerk) }
            as? LostFoundError == .unknownReport(field: "reportID", text: "LR-2026-000007"))
        let item = try desk.completeClaim(matched(tag, reportID: "1"), by: f.clerk)
        #expect(item.claim?.reportID == report.id)
        let closed = desk.state.reports[report.id]!
        #expect(closed.status == .found && closed.foundTag == tag)
        #expect(desk.openReports.isEmpty)
    }
}
