import Foundation
import Testing
@testable import DeskDomain

/// A black wallet found in the food court, as a clerk would type it.
func lostWalletForm(features: String = "长款皮夹，内有星巴克会员卡", colour: String = "黑色") -> LostFoundDesk.IntakeForm {
    .init(foundDate: "now", foundPlace: "三楼美食广场", handedInBy: "保洁 刘阿姨", category: "钱包", colour: colour,
          brand: "Coach", features: features, storage: "失物柜 A 层")
}

@Suite struct LostFoundDeskTests {
    let f = DeskFixture()

    @Test func tagNumbersAreConsumedInOrderAndRestartEachPlazaYear() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tags = try (1...3).map { _ in try desk.intake(lostWalletForm(), by: f.clerk).item.tag }
        #expect(tags == ["LF-2026-000001", "LF-2026-000002", "LF-2026-000003"])
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 21, minute: 30)))
        #expect(try desk.intake(lostWalletForm(), by: f.clerk).item.tag == "LF-2026-000004")
        // 00:30 on 1 January in the plaza is still 31 December in UTC: the plaza's year counts.
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 1, hour: 0, minute: 30)))
        let first2027 = try desk.intake(lostWalletForm(), by: f.clerk).item
        #expect(first2027.tag == "LF-2027-000001")
        #expect(try desk.intake(lostWalletForm(), by: f.clerk).item.tag == "LF-2027-000002")
        #expect(desk.state.lastTagNumber == [2026: 4, 2027: 2])
        // A tag typed short means this year's; the old year's items are still there.
        #expect(desk.item("2")?.tag == "LF-2027-000002")
        #expect(desk.item("lf-2026-4")?.tag == "LF-2026-000004")
        #expect(desk.itemsInStorage.map(\.tag).prefix(3) == ["LF-2027-000002", "LF-2027-000001", "LF-2026-000004"])
        try desk.book.close()
        let reopened = try LostFoundDesk(context: f.context, useSnapshot: false)
        #expect(try reopened.intake(lostWalletForm(), by: f.clerk).item.tag == "LF-2027-000003")
    }

    @Test func reportIDsCountPerYearToo() throws {
        let desk = try LostFoundDesk(context: f.context)
        let r1 = try desk.report(.init(category: "phone", description: "华为手机，蓝色手机壳", contact: "张伟", phone: "13900000001"), by: f.clerk)
        let r2 = try desk.report(.init(category: "keys", description: "两把钥匙，挂小熊", contact: "李娜", phone: "13900000002"), by: f.clerk)
        #expect([r1.report.id, r2.report.id] == ["LR-2026-000001", "LR-2026-000002"])
        #expect(r1.report.phoneMasked == "139****0001")
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 2, hour: 10)))
        #expect(try desk.report(.init(category: "bag", description: "红色双肩包", contact: "王芳", phone: "13900000003"), by: f.clerk).report.id
            == "LR-2027-000001")
        #expect(desk.openReports.map(\.id) == ["LR-2027-000001", "LR-2026-000002", "LR-2026-000001"])
    }

    @Test func valuablesNeedAStoragePlaceAndAreFlagged() throws {
        let desk = try LostFoundDesk(context: f.context)
        var phone = LostFoundDesk.IntakeForm(foundDate: "now", foundPlace: "一楼中庭", handedInBy: "保安 陈师傅",
                                             category: "手机", colour: "黑色", brand: "华为", features: "碎屏，背面贴纸")
        let err = failure { try desk.intake(phone, by: f.clerk) }
        #expect(err as? LostFoundError == .valuableNeedsSafe(category: .phone))
        #expect(err?.field == "storage")
        #expect(err?.message(.zhHans).contains("保险柜") == true)
        #expect(err?.message(.en).contains("safe") == true)
        #expect(desk.book.head.seq == 0, "nothing was written")
        phone.storage = "保险柜 2 号格"
        let item = try desk.intake(phone, by: f.clerk).item
        #expect(item.valuable && item.category == .phone && item.storage == "保险柜 2 号格" && item.receivedBy == f.clerk.id)
        // Not a valuable: no storage place needed, not flagged.
        let umbrella = try desk.intake(.init(foundDate: "now", foundPlace: "地下停车场B2", handedInBy: "顾客 赵先生",
                                             category: "umbrella", colour: "蓝色", features: "折叠伞"), by: f.clerk).item
        #expect(!umbrella.valuable && umbrella.storage.isEmpty)
        // Cash is counted: the amount is required and kept in fen.
        var cash = LostFoundDesk.IntakeForm(foundDate: "now", foundPlace: "收银台旁", handedInBy: "保洁 刘阿姨", category: "现金",
                                            colour: "红色", features: "百元钞票", storage: "保险柜 1 号格")
        #expect(failure { try desk.intake(cash, by: f.clerk) }?.field == "amount")
        cash.amount = "300"
        let money = try desk.intake(cash, by: f.clerk).item
        #expect(money.valuable && money.amount == Money(yuan: 300))
        for c in LostItemCategory.allCases {
            #expect(c.isValuable == [.cash, .phone, .idDocument, .bankCard, .jewellery].contains(c))
            #expect(LostItemCategory(text: c.name(.zhHans)) == c && LostItemCategory(text: c.name(.en).uppercased()) == c)
        }
    }

    @Test func foundTimeIsTypedOrNow() throws {
        let desk = try LostFoundDesk(context: f.context)
        var form = lostWalletForm()
        form.foundDate = "2026-03-01"; form.foundTime = "9:15"
        #expect(try desk.intake(form, by: f.clerk).item.foundAt == march1st - 45 * 60)
        form.foundDate = "昨天"; form.foundTime = "21：40"
        #expect(try desk.intake(form, by: f.clerk).item.foundAt == march1st - 86_400 + 11 * 3600 + 40 * 60)
        form.foundDate = "现在"; form.foundTime = ""
        #expect(try desk.intake(form, by: f.clerk).item.foundAt == march1st)
        form.foundDate = "2026-03-01"; form.foundTime = ""
        #expect(failure { try desk.intake(form, by: f.clerk) } as? CommonError == .required(field: "foundTime"))
        form.foundTime = "25:00"
        #expect(failure { try desk.intake(form, by: f.clerk) } as? LostFoundError == .badTime(field: "foundTime", text: "25:00"))
        form.foundTime = "10:30"
        #expect(failure { try desk.intake(form, by: f.clerk) } as? LostFoundError == .inFuture(field: "foundTime"))
        form.foundDate = "2026-03-02"; form.foundTime = "09:00"
        #expect(failure { try desk.intake(form, by: f.clerk) } as? LostFoundError == .inFuture(field: "foundDate"))
        form.foundDate = "2024-03-01"
        #expect(failure { try desk.intake(form, by: f.clerk) } as? LostFoundError == .tooLongAgo(field: "foundDate"))
        #expect(desk.book.head.seq == 3)
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        let desk = try LostFoundDesk(context: f.context)
        func intakeField(_ change: (inout LostFoundDesk.IntakeForm) -> Void) -> String? {
            var form = lostWalletForm()
            change(&form)
            return failure { try desk.intake(form, by: f.clerk) }?.field
        }
        #expect(failure { try desk.intake({ var w = lostWalletForm(); w.category = "火箭"; return w }(), by: f.clerk) }
            as? LostFoundError == .unknownCategory(field: "category", text: "火箭"))
        #expect(intakeField { $0.category = "" } == "category")
        #expect(intakeField { $0.quantity = "0" } == "quantity")
        #expect(intakeField { $0.quantity = "一个" } == "quantity")
        #expect(intakeField { $0.foundPlace = "" } == "foundPlace")
        #expect(intakeField { $0.handedInBy = "" } == "handedInBy")
        #expect(intakeField { $0.colour = "" } == "colour")
        #expect(intakeField { $0.features = "" } == "features")
        #expect(intakeField { $0.features = String(repeating: "长", count: 201) } == "features")
        #expect(intakeField { $0.amount = "12.345" } == "amount")
        #expect(intakeField { $0.foundDate = "3月1日" } == "foundDate")
        let report = LostFoundDesk.ReportForm(category: "wallet", description: "黑色钱包", contact: "王芳", phone: "12345")
        #expect(failure { try desk.report(report, by: f.clerk) }?.field == "phone")
        #expect(failure { try desk.report(.init(category: "wallet", description: "", contact: "王芳", phone: "13812345678"), by: f.clerk) }?.field == "description")
        #expect(failure { try desk.report(.init(category: "wallet", description: "钱包", lostDate: "2026-03-05", contact: "王芳", phone: "13812345678"), by: f.clerk) }?.field == "lostDate")
        #expect(failure { try desk.describeClaim(.init(tag: "LF-2026-000009", quantity: "1", colour: "黑", features: "卡"), by: f.clerk) }
            as? LostFoundError == .unknownTag(field: "tag", text: "LF-2026-000009"))
        #expect(failure { try desk.describeClaim(.init(tag: "钱包", quantity: "1", colour: "黑", features: "卡"), by: f.clerk) }?.field == "tag")
        #expect(failure { try desk.closeReport(.init(report: "LR-2026-000001"), by: f.clerk) }
            as? LostFoundError == .unknownReport(field: "report", text: "LR-2026-000001"))
        #expect(desk.book.head.seq == 0, "nothing was written")
    }

    @Test func anAuditorMayNotWrite() throws {
        let desk = try LostFoundDesk(context: f.context)
        #expect(failure { try desk.intake(lostWalletForm(), by: f.auditor) } as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(failure { try desk.report(.init(category: "bag", description: "包", contact: "王芳", phone: "13812345678"), by: f.auditor) }
            as? CommonError == .notAllowed(action: .write, role: .auditor))
        try desk.intake(lostWalletForm(), by: f.clerk)
        #expect(failure { try desk.describeClaim(.init(tag: "1", quantity: "1", colour: "黑", features: "卡"), by: f.auditor) }
            as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(desk.book.head.seq == 1)
    }

    /// With a described claim and an open report in place, only the role check stands
    /// between an auditor and the hand-over or the closing.
    @Test func anAuditorMayNotHandOverAnItemOrCloseAReport() throws {
        let desk = try LostFoundDesk(context: f.context)
        let tag = try desk.intake(lostWalletForm(), by: f.clerk).item.tag
        try desk.describeClaim(.init(tag: tag, claimant: "王芳", quantity: "1", colour: "黑的", features: "长款，有星巴克会员卡"), by: f.clerk)
        let r = try desk.report(.init(category: "bag", description: "红色双肩包", contact: "王芳", phone: "13812345678"), by: f.clerk).report
        let head = desk.book.head.seq
        let claim = LostFoundDesk.CompleteClaimForm(tag: tag, matched: true, claimant: "王芳", claimantID: "11010519491231002X",
                                                    phone: "13812345678", signatureConfirmed: true)
        let close = LostFoundDesk.CloseReportForm(report: r.id, outcome: .withdrawn, note: "顾客找到了")
        #expect(failure { try desk.completeClaim(claim, by: f.auditor) } as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(failure { try desk.closeReport(close, by: f.auditor) } as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(desk.book.head.seq == head, "nothing was written")
        #expect(desk.state.items[tag]?.status == .inStorage && desk.state.items[tag]?.pendingDescription != nil)
        #expect(desk.openReports.map(\.id) == [r.id])
        // The same forms from a clerk go through.
        #expect(try desk.completeClaim(claim, by: f.clerk).status == .claimed)
        #expect(try desk.closeReport(close, by: f.clerk).status == .withdrawn)
    }

    @Test func intakeSuggestsMatchingReportsAndAReportSuggestsItems() throws {
        let desk = try LostFoundDesk(context: f.context)
        let early = try desk.report(.init(category: "钱包", description: "黑色长款钱包，有星巴克会员卡", colour: "黑",
                                          lostDate: "today", lostTime: "09:30", lostPlace: "三楼", contact: "王芳",
                                          phone: "13812345678"), by: f.clerk)
        #expect(early.matchingItems.isEmpty)
        let english = try desk.report(.init(category: "wallet", description: "black leather wallet, Coach", colour: "Black",
                                            lostDate: "today", contact: "Mary Smith", phone: "13912345678"), by: f.clerk)
        let other = try desk.report(.init(category: "bag", description: "黑色双肩包", colour: "黑色", contact: "李娜",
                                          phone: "13700000000"), by: f.clerk)
        f.later(minutes: 20)
        let intake = try desk.intake(lostWalletForm(), by: f.clerk)
        #expect(intake.matchingReports.map(\.id) == [early.report.id, english.report.id])
        #expect(!intake.matchingReports.contains { $0.id == other.report.id })
        // A suggestion hands nothing over and closes nothing.
        #expect(desk.state.items[intake.item.tag]?.status == .inStorage)
        #expect(desk.openReports.count == 3)
        let umbrella = try desk.intake(.init(foundDate: "now", foundPlace: "一楼中庭", handedInBy: "保安 陈师傅", category: "伞",
                                             colour: "黑色", features: "长柄伞"), by: f.clerk)
        #expect(umbrella.matchingReports.isEmpty)
        // A report taken after the item came in finds it.
        let later = try desk.report(.init(category: "wallet", description: "钱包里有星巴克的卡", colour: "黑色", contact: "周杰",
                                          phone: "13600000000"), by: f.clerk)
        #expect(later.matchingItems.map(\.tag) == [intake.item.tag])
        #expect(desk.matchingItems(for: early.report).map(\.tag) == [intake.item.tag])
        // An item found before the customer lost theirs is not it.
        let yesterday = try desk.report(.init(category: "wallet", description: "黑色钱包 星巴克会员卡", colour: "黑",
                                              lostDate: "2026-03-01", lostTime: "10:15", contact: "杨磊", phone: "13500000000"), by: f.clerk)
        #expect(LostFoundMatcher.score(item: intake.item, report: yesterday.report) > 0)
        var found = lostWalletForm(); found.foundDate = "2026-02-27"; found.foundTime = "15:00"
        let old = try desk.intake(found, by: f.clerk).item
        #expect(LostFoundMatcher.score(item: old, report: yesterday.report) == 0)
        #expect(!desk.matchingItems(for: yesterday.report).contains { $0.tag == old.tag })
    }

    @Test func theScoreWeighsCategoryColourAndWords() throws {
        let desk = try LostFoundDesk(context: f.context)
        let item = try desk.intake(lostWalletForm(), by: f.clerk).item
        func report(_ category: String, _ colour: String, _ description: String) throws -> LostReport {
            try desk.report(.init(category: category, description: description, colour: colour, contact: "王芳",
                                  phone: "13812345678"), by: f.clerk).report
        }
        let same = LostFoundMatcher.score(item: item, report: try report("wallet", "黑色", "长款皮夹 星巴克会员卡"))
        let wrongColour = LostFoundMatcher.score(item: item, report: try report("wallet", "粉色", "长款皮夹 星巴克会员卡"))
        let fewWords = LostFoundMatcher.score(item: item, report: try report("wallet", "黑色", "钱包"))
        let otherCategory = LostFoundMatcher.score(item: item, report: try report("bag", "黑色", "长款皮夹 星巴克会员卡"))
        let unsure = LostFoundMatcher.score(item: item, report: try report("other", "黑色", "长款皮夹 星巴克会员卡"))
        #expect(same > wrongColour && wrongColour >= LostFoundMatcher.threshold)
        #expect(same > fewWords && fewWords == 60)
        #expect(otherCategory == 0)
        #expect(unsure > 0 && unsure < same)
        #expect(LostFoundText.tokens("黑色钱包 Coach") == ["黑", "钱", "包", "黑色", "色钱", "钱包", "coach"])
        #expect(LostFoundText.coloursAgree("Dark Blue", "深蓝色") && LostFoundText.coloursAgree("蓝", "navy"))
        #expect(!LostFoundText.coloursAgree("黑色", "白色"))
    }

    @Test func reportsAreClosedFoundOrWithdrawn() throws {
        let desk = try LostFoundDesk(context: f.context)
        let r = try desk.report(.init(category: "bag", description: "红色双肩包", contact: "王芳", phone: "13812345678"), by: f.clerk).report
        let closed = try desk.closeReport(.init(report: "1", outcome: .withdrawn, note: "顾客在家找到了"), by: f.clerk)
        #expect(closed.status == .withdrawn && closed.closedBy == f.clerk.id && closed.closingNote == "顾客在家找到了")
        #expect(desk.openReports.isEmpty)
        #expect(failure { try desk.closeReport(.init(report: r.id, outcome: .found), by: f.clerk) }
            as? LostFoundError == .reportNotOpen(field: "report", id: r.id, status: .withdrawn))
    }
}
