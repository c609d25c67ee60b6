import Foundation
import Testing
@testable import DeskDomain
import EscPos

/// Slips made from what the desk's actions return, and made again from the ledger after
/// the desk is closed and opened (a reprint): the same slip, marked.
@Suite struct SlipFromDeskTests {
    let d = SlipDesk()

    @Test func everyActionsSlipComesBackFromItsRecord() throws {
        var slips: [Slip] = []
        var desk = try d.open()
        let config = d.config
        try desk.shift.open(.init(float: "500"), by: d.lead)
        d.later(minutes: 5)
        let loan = try desk.umbrellas.lend(.init(unit: "12", depositCard: "12", customer: "王芳", phone: "13812345678"), by: d.clerk)
        slips.append(Slip.umbrellaLoan(loan, config, .zhHans))
        d.later(minutes: 30)
        let back = try desk.umbrellas.giveBack(.init(unit: "U012", depositCard: "D012", damage: .damaged, note: "伞骨断了一根"), by: d.clerk)
        slips.append(try #require(Slip.umbrellaReturn(back, config, .zhHans)))
        let stroller = try desk.strollers.lend(.init(unit: "3", customer: "李娜", phone: "13900000000", noticeAcknowledged: true), by: d.clerk)
        slips.append(Slip.strollerLoan(stroller, config, .en))
        let report = try desk.lostFound.report(.init(category: "钱包", description: "黑色长款钱包", colour: "黑", contact: "王芳",
                                                     phone: "13812345678"), by: d.clerk).report
        slips.append(Slip.lostReport(report, config, .zhHans))
        d.later(minutes: 10)
        let tag = try desk.lostFound.intake(.init(foundDate: "now", foundPlace: "三楼美食广场", handedInBy: "保洁 刘阿姨", category: "钱包",
                                                  colour: "黑色", brand: "Coach", features: "长款皮夹，内有会员卡", storage: "失物柜 A 层"),
                                            by: d.clerk).item.tag
        try desk.lostFound.describeClaim(.init(tag: tag, claimant: "王芳", quantity: "1", colour: "黑", features: "会员卡"), by: d.clerk)
        let claimed = try desk.lostFound.completeClaim(.init(tag: tag, matched: true, claimant: "王芳", claimantID: "11010519491231002X",
                                                             phone: "13812345678", signatureConfirmed: true, reportID: report.id), by: d.clerk)
        slips.append(try #require(Slip.claimHandOver(claimed, config, .zhHans)))
        let receipt = try desk.services.issue(.init(kind: .photocopy, quantity: "12", statedFee: "6", tendered: "10", customer: "李娜"), by: d.clerk)
        slips.append(Slip.serviceReceipt(receipt, config, .zhHans))
        let card = try desk.points.enrol(.init(cardNumber: "PC00010001", name: "王芳", phone: "13812345678", idNumber: "11010519491231002X",
                                               formNumber: "F-0001", formKept: true, shop: "星巴克", receiptNumber: "A-0091",
                                               receiptDate: "2026-03-01", amount: "128.50"), by: d.clerk)
        slips.append(Slip.pointsEnrolment(card, config, .en))
        try desk.points.reportLost(.init(idNumber: "11010519491231002X", note: "丢了"), by: d.clerk)
        let reissued = try desk.points.reissue(.init(idNumber: "11010519491231002X", newCardNumber: "PC00020001", note: "挂失后补卡"), by: d.clerk)
        slips.append(try #require(Slip.pointsReissue(reissued, config, .zhHans)))
        // The new card earns more: its balance moves on, its reissue slip does not.
        try desk.points.backfill(.init(cardNumber: "PC00020001", shop: "优衣库", receiptNumber: "B-0001", receiptDate: "2026-03-01",
                                       amount: "299"), by: d.clerk)
        #expect(try desk.points.card(number: "PC00020001").balance == 128 + 299)
        d.later(minutes: 60)
        let close = try desk.shift.close(.init(counted: "536", note: ""), by: d.lead)
        let closeSlip = try #require(Slip.shiftClose(close, config, .zhHans))
        slips.append(closeSlip)

        // What the slips say is what happened.
        #expect(SlipText.lines(slips[1], columns: 32).contains("损坏赔偿                  ¥30.00"))
        #expect(SlipText.lines(slips[1], columns: 32).contains("退还押金                  ¥20.00"))
        #expect(closeSlip.qr == close.sealCode?.description && closeSlip.qr != nil)
        let printed = try EscPosReader.printout(EscPosSlip.bytes(closeSlip, widthMM: 58))
        #expect(printed.qrPayloads == [close.sealCode!.description])
        #expect(SealCode(printed.qrPayloads[0]) == close.sealCode, "the QR reads back as the seal code verify --seal takes")
        #expect(SlipText.lines(closeSlip, columns: 32).contains { $0.contains(close.sealCode!.description) })
        #expect(SlipText.lines(closeSlip, columns: 32).contains("= 应有现金               ¥536.00"))

        // Reopened from the ledger, every slip is the same, and marked when reprinted.
        try desk.close()
        desk = try d.open()
        defer { try? desk.close() }
        let loanAgain = try #require(desk.umbrellas.history(of: "U012").first { $0.lentSeq == loan.lentSeq })
        let strollerAgain = try #require(desk.strollers.state.out["S003"])   // still out
        let reportAgain = try #require(desk.lostFound.lostReport(report.id))
        let itemAgain = try #require(desk.lostFound.item(tag))
        let receiptAgain = try #require(desk.services.receipt(number: receipt.number.description))
        let oldCard = try desk.points.card(number: "PC00010001"), newCard = try desk.points.card(number: "PC00020001")
        let closeAgain = try desk.shift.report(.shift(close.scopeName))
        let again: [Slip?] = [
            Slip.umbrellaLoan(loanAgain, config, .zhHans),
            Slip.umbrellaReturn(loanAgain, config, .zhHans),
            Slip.strollerLoan(strollerAgain, config, .en),
            Slip.lostReport(reportAgain, config, .zhHans),
            Slip.claimHandOver(itemAgain, config, .zhHans),
            Slip.serviceReceipt(receiptAgain, config, .zhHans),
            Slip.pointsEnrolment(oldCard, config, .en, points: try desk.points.pointsAtIssue(oldCard)),
            Slip.pointsReissue(newCard, config, .zhHans, points: try desk.points.pointsAtIssue(newCard)),
            Slip.shiftClose(closeAgain, config, .zhHans),
        ]
        #expect(again.count == slips.count)
        for (a, b) in zip(again, slips) {
            let a = try #require(a, "\(b.kind) from the ledger")
            #expect(SlipText.lines(a, columns: 32) == SlipText.lines(b, columns: 32), "\(b.kind) from the ledger")
            #expect(a.reprinted() == b.reprinted() && a.reprinted() != b)
        }
    }
}
