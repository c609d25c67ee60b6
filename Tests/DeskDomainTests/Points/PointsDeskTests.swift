import Foundation
import Testing
@testable import DeskDomain

/// Resident ID numbers with correct check characters.
private let wangID = "11010519491231002X"
private let liID = "360426199101010071"
private let zhangID = "310101199003074562"

@Suite struct PointsDeskTests {
    let f = DeskFixture()

    func enrolForm(card: String = "PC00010001", name: String = "王芳", phone: String = "13812345678", id: String = wangID,
                   form: String = "F-0001", kept: Bool = true, shop: String = "星巴克", receipt: String = "A-0091",
                   date: String = "2026-03-01", amount: String = "128.50") -> PointsDesk.EnrolForm {
        .init(cardNumber: card, name: name, phone: phone, idNumber: id, formNumber: form, formKept: kept, shop: shop,
              receiptNumber: receipt, receiptDate: date, amount: amount)
    }

    func backfill(_ card: String, shop: String = "优衣库", receipt: String, date: String = "2026-02-20",
                  amount: String = "299") -> PointsDesk.BackfillForm {
        .init(cardNumber: card, shop: shop, receiptNumber: receipt, receiptDate: date, amount: amount)
    }

    @Test func enrolmentCreatesTheCardAndTheReceiptEarnsItsPoints() throws {
        let desk = try PointsDesk(context: f.context)
        let card = try desk.enrol(enrolForm(card: " pc 00010001 "), by: f.clerk)
        #expect(card.number == "PC00010001" && card.status == .active && card.holderName == "王芳")
        #expect(card.balance == 128, "whole yuan × 1 point")
        #expect(card.phoneMasked == "138****5678" && card.idMasked == "1101**********002X")
        #expect(card.idHash == f.context.personalDataKey.hash(wangID) && card.formNumber == "F-0001")
        #expect(card.history.map(\.kind) == [.enrolled, .earned] && card.history.last?.detail == "星巴克 A-0091 2026-03-01")
        #expect(desk.book.head.seq == 2)
        #expect(desk.cardThatUsed(shop: "星巴克", receiptNumber: "a0091") == "PC00010001")
        #expect(desk.counts == (enrolled: 1, reissued: 0, lost: 0, active: 1))
        #expect(try desk.card(idNumber: wangID)?.number == "PC00010001")
        #expect(try desk.card(idNumber: liID) == nil)
    }

    @Test func theQualifyingReceiptMustReachTheMinimum() throws {
        let desk = try PointsDesk(context: f.context)
        let err = failure { try desk.enrol(enrolForm(amount: "9.99"), by: f.clerk) }
        #expect(err as? PointsError == .receiptBelowMinimum(minimum: Money(yuan: 10)))
        #expect(err?.field == "amount" && err?.message(.zhHans).contains("¥10.00") == true)
        #expect(desk.book.head.seq == 0)
        try desk.enrol(enrolForm(amount: "10"), by: f.clerk)
        #expect(try desk.balance(of: "PC00010001") == 10)
    }

    @Test func theApplicationFormMustBeConfirmedKept() throws {
        let desk = try PointsDesk(context: f.context)
        let err = failure { try desk.enrol(enrolForm(kept: false), by: f.clerk) }
        #expect(err as? PointsError == .formNotKept && err?.field == "formKept")
        #expect(err?.message(.zhHans).contains("申请表") == true)
        #expect(desk.book.head.seq == 0 && desk.state.cards.isEmpty)
    }

    @Test func aWrongIDCheckCharacterIsRefused() throws {
        let desk = try PointsDesk(context: f.context)
        let err = failure { try desk.enrol(enrolForm(id: "110105194912310021"), by: f.clerk) }
        #expect(err as? CommonError == .badResidentID(field: "idNumber", reason: .checkFails))
        #expect(failure { try desk.enrol(enrolForm(id: "11010519491231002x"), by: f.clerk) }?.field == "idNumber")
        #expect(desk.book.head.seq == 0)
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        let desk = try PointsDesk(context: f.context)
        #expect(failure { try desk.enrol(enrolForm(card: ""), by: f.clerk) } as? CommonError == .required(field: "cardNumber"))
        #expect(failure { try desk.enrol(enrolForm(card: "PC12345"), by: f.clerk) } as? PointsError == .badCardNumber(field: "cardNumber", text: "PC12345"))
        #expect(failure { try desk.enrol(enrolForm(card: "VIP1234567"), by: f.clerk) }?.field == "cardNumber")
        #expect(failure { try desk.enrol(enrolForm(card: "PC1234567890123"), by: f.clerk) }?.field == "cardNumber")
        #expect(failure { try desk.enrol(enrolForm(name: ""), by: f.clerk) }?.field == "name")
        #expect(failure { try desk.enrol(enrolForm(phone: "12345"), by: f.clerk) }?.field == "phone")
        #expect(failure { try desk.enrol(enrolForm(form: " "), by: f.clerk) }?.field == "formNumber")
        #expect(failure { try desk.enrol(enrolForm(shop: ""), by: f.clerk) }?.field == "shop")
        #expect(failure { try desk.enrol(enrolForm(receipt: "--"), by: f.clerk) }?.field == "receiptNumber")
        #expect(failure { try desk.enrol(enrolForm(date: "2026/03/01"), by: f.clerk) }?.field == "receiptDate")
        #expect(failure { try desk.enrol(enrolForm(amount: "一百"), by: f.clerk) }?.field == "amount")
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "0", purpose: "雨伞"), by: f.clerk) }?.field == "points")
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "10", purpose: ""), by: f.clerk) }?.field == "purpose")
        #expect(failure { try desk.backfill(backfill("PC00099999", receipt: "1"), by: f.clerk) }
            as? PointsError == .unknownCard(field: "cardNumber", number: "PC00099999"))
        #expect(failure { try desk.backfill(backfill("PC00099999", receipt: "1", amount: "0.80"), by: f.clerk) } as? PointsError == .receiptEarnsNothing)
        #expect(desk.book.head.seq == 0, "nothing was written")
    }

    @Test func oneCardPerPersonAndNumbersAreNeverReused() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        let again = failure { try desk.enrol(enrolForm(card: "PC00010002", form: "F-0002", receipt: "B-1"), by: f.clerk) }
        #expect(again as? PointsError == .alreadyHasCard(number: "PC00010001", status: .active) && again?.field == "idNumber")
        #expect(again?.message(.zhHans).contains("补办") == true && again?.message(.en).contains("reissue") == true)
        #expect(failure { try desk.enrol(enrolForm(card: "PC00010001", name: "李娜", id: liID, form: "F-0002", receipt: "B-1"), by: f.clerk) }
            as? PointsError == .cardNumberTaken(field: "cardNumber", number: "PC00010001"))
        #expect(failure { try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", id: liID, form: "f0001", receipt: "B-1"), by: f.clerk) }
            as? PointsError == .formNumberUsed(formNumber: "f0001", card: "PC00010001"))
        try desk.reportLost(.init(idNumber: wangID, note: "钱包丢了"), by: f.clerk)
        #expect(failure { try desk.enrol(enrolForm(card: "PC00010002", form: "F-0002", receipt: "B-1"), by: f.clerk) }
            as? PointsError == .alreadyHasCard(number: "PC00010001", status: .lost), "a lost card is reissued, not enrolled again")
        #expect(desk.book.head.seq == 3)
    }

    @Test func twoConsolesCannotBothEnrolTheSamePerson() throws {
        let a = try PointsDesk(context: f.context)
        let b = try PointsDesk(context: f.context)
        try a.enrol(enrolForm(), by: f.clerk)
        #expect(failure { try b.enrol(enrolForm(card: "PC00010002", form: "F-0002", receipt: "B-1"), by: f.clerk) }
            as? PointsError == .alreadyHasCard(number: "PC00010001", status: .active))
        #expect(b.state == a.state)
    }

    @Test func aReceiptEarnsPointsOnceEverAcrossCardsAndReissues() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", phone: "13900000000", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        let earned = try desk.backfill(backfill("PC00010001", receipt: "778812"), by: f.clerk)
        #expect(earned.kind == .earned && earned.points == 299 && earned.balance == 128 + 299)
        let seq = desk.book.head.seq
        let twice = failure { try desk.backfill(backfill("PC00010001", receipt: "778812"), by: f.clerk) }
        #expect(twice as? PointsError == .receiptAlreadyUsed(card: "PC00010001") && twice?.field == "receiptNumber")
        #expect(failure { try desk.backfill(backfill("PC00010002", shop: " 优衣库 ", receipt: "７７８-８１２"), by: f.clerk) }
            as? PointsError == .receiptAlreadyUsed(card: "PC00010001"), "another card, typed differently")
        #expect(failure { try desk.backfill(backfill("PC00010002", shop: "星巴克", receipt: "a 0091", date: "2026-03-01"), by: f.clerk) }
            as? PointsError == .receiptAlreadyUsed(card: "PC00010001"), "the enrolment receipt is used too")
        #expect(desk.book.head.seq == seq)
        try desk.backfill(backfill("PC00010002", shop: "无印良品", receipt: "778812"), by: f.clerk)   // same number, other shop
        try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00020001", note: "卡片折断"), by: f.clerk)
        #expect(failure { try desk.backfill(backfill("PC00020001", receipt: "778812"), by: f.clerk) }
            as? PointsError == .receiptAlreadyUsed(card: "PC00010001"), "after a reissue")
        f.later(days: 300)
        #expect(failure { try desk.backfill(backfill("PC00020001", receipt: "778812", date: "2026-12-20"), by: f.clerk) }
            as? PointsError == .receiptAlreadyUsed(card: "PC00010001"), "months later")
    }

    @Test func receiptsOutsideTheWindowOrInTheFutureAreRefused() throws {
        f.config.backfillDays = 30
        let desk = try PointsDesk(context: f.context)
        let tooOld = failure { try desk.enrol(enrolForm(date: "2026-01-29"), by: f.clerk) }
        #expect(tooOld as? PointsError == .receiptTooOld(date: "2026-01-29", days: 30) && tooOld?.field == "receiptDate")
        try desk.enrol(enrolForm(date: "2026-01-30"), by: f.clerk)
        let future = failure { try desk.backfill(backfill("PC00010001", receipt: "1", date: "2026-03-02"), by: f.clerk) }
        #expect(future as? PointsError == .receiptInFuture(date: "2026-03-02") && future?.field == "receiptDate")
        #expect(failure { try desk.backfill(backfill("PC00010001", receipt: "1", date: "2025-12-01"), by: f.clerk) }?.field == "receiptDate")
        #expect(desk.book.head.seq == 2)
        // The window is counted in plaza days: at 23:30 plaza time, today is still March 1st.
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2026, month: 3, day: 1, hour: 23, minute: 30)))
        #expect(failure { try desk.backfill(backfill("PC00010001", receipt: "1", date: "2026-03-02"), by: f.clerk) } as? PointsError == .receiptInFuture(date: "2026-03-02"))
        try desk.backfill(backfill("PC00010001", receipt: "1", date: "2026-01-30"), by: f.clerk)
        f.later(minutes: 31)
        try desk.backfill(backfill("PC00010001", receipt: "2", date: "2026-03-02"), by: f.clerk)
        #expect(failure { try desk.backfill(backfill("PC00010001", receipt: "3", date: "2026-01-30"), by: f.clerk) } as? PointsError == .receiptTooOld(date: "2026-01-30", days: 30))
    }

    /// Today is 2026-03-01: with a 7-day window, 2026-02-22 is the oldest receipt accepted.
    @Test func theBackfillWindowComesFromTheConfig() throws {
        f.config.backfillDays = 7
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        let head = desk.book.head.seq
        let tooOld = failure { try desk.backfill(backfill("PC00010001", receipt: "8", date: "2026-02-21"), by: f.clerk) }
        #expect(tooOld as? PointsError == .receiptTooOld(date: "2026-02-21", days: 7) && tooOld?.field == "receiptDate")
        #expect(tooOld?.message(.en).contains("more than 7 days") == true && tooOld?.message(.zhHans).contains("7 天") == true)
        #expect(desk.book.head.seq == head, "nothing was written")
        try desk.backfill(backfill("PC00010001", receipt: "7", date: "2026-02-22"), by: f.clerk)
        #expect(desk.book.head.seq == head + 1)
    }

    @Test func pointsFollowTheConfiguredRate() throws {
        f.config.pointsPerYuan = 2
        f.config.minReceipt = Money(yuan: 100)
        let desk = try PointsDesk(context: f.context)
        #expect(failure { try desk.enrol(enrolForm(amount: "99.99"), by: f.clerk) } as? PointsError == .receiptBelowMinimum(minimum: Money(yuan: 100)))
        let card = try desk.enrol(enrolForm(amount: "100.99"), by: f.clerk)
        #expect(card.balance == 200)
    }

    @Test func redemptionCannotGoBelowZero() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(amount: "128"), by: f.clerk)
        let err = failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "129", purpose: "停车券"), by: f.clerk) }
        #expect(err as? PointsError == .notEnoughPoints(balance: 128, requested: 129) && err?.field == "points")
        #expect(desk.book.head.seq == 2)
        let m = try desk.redeem(.init(cardNumber: "PC00010001", points: "100", purpose: "停车券两张"), by: f.clerk)
        #expect(m.kind == .redeemed && m.points == -100 && m.balance == 28 && m.detail == "停车券两张" && m.by == f.clerk.id)
        try desk.redeem(.init(cardNumber: "pc00010001", points: "28", purpose: "帆布袋"), by: f.clerk)
        #expect(try desk.balance(of: "PC00010001") == 0)
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "1", purpose: "帆布袋"), by: f.clerk) } as? PointsError == .notEnoughPoints(balance: 0, requested: 1))
    }

    @Test func aCardReportedLostIsBlockedAtOnce() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        let seq = desk.book.head.seq
        #expect(failure { try desk.reportLost(.init(cardNumber: "PC00010001", idNumber: liID), by: f.clerk) } as? PointsError == .notHolder(number: "PC00010001"))
        #expect(failure { try desk.reportLost(.init(idNumber: zhangID), by: f.clerk) } as? PointsError == .noCardForID)
        #expect(desk.book.head.seq == seq)
        let lost = try desk.reportLost(.init(cardNumber: "PC00010001", idNumber: wangID, note: "电话挂失"), by: f.clerk)
        #expect(lost.status == .lost && lost.balance == 128)
        let blocked = PointsError.cardBlocked(field: "cardNumber", number: "PC00010001", status: .lost, replacedBy: nil)
        #expect(failure { try desk.backfill(backfill("PC00010001", receipt: "1"), by: f.clerk) } as? PointsError == blocked)
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "10", purpose: "停车券"), by: f.clerk) } as? PointsError == blocked)
        #expect(failure { try desk.adjust(.init(cardNumber: "PC00010001", points: "10", reason: "补偿"), by: f.lead) } as? PointsError == blocked)
        #expect(failure { try desk.reportLost(.init(idNumber: wangID), by: f.clerk) } as? PointsError == .alreadyReportedLost(number: "PC00010001"))
        #expect(blocked.message(.zhHans).contains("补办"))
        #expect(desk.book.head.seq == seq + 1)
        #expect(desk.counts == (enrolled: 2, reissued: 0, lost: 1, active: 1))
        #expect(try desk.card(idNumber: wangID)?.status == .lost)
    }

    @Test func reissueCarriesBalanceAndHistoryAndBlocksTheOldCard() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.backfill(backfill("PC00010001", receipt: "778812"), by: f.clerk)
        try desk.redeem(.init(cardNumber: "PC00010001", points: "27", purpose: "停车券"), by: f.clerk)
        try desk.reportLost(.init(idNumber: wangID), by: f.clerk)
        let before = try desk.card(number: "PC00010001")
        f.later(days: 2)
        let new = try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00020001", note: "挂失后补卡"), by: f.clerk)
        #expect(new.number == "PC00020001" && new.status == .active && new.balance == 400 && new.replaces == "PC00010001")
        #expect(new.memberSince == before.memberSince && new.issuedAt == march1st + 2 * 86400 && new.idHash == before.idHash)
        #expect(Array(new.history.dropLast()) == before.history, "history carried over")
        #expect(new.history.last?.kind == .reissued && new.history.last?.detail == "PC00010001 → PC00020001")
        let old = try desk.card(number: "PC00010001")
        #expect(old.status == .replaced && old.replacedBy == "PC00020001" && old.balance == 0)
        #expect(try desk.card(idNumber: wangID)?.number == "PC00020001")
        let blocked = failure { try desk.backfill(backfill("PC00010001", receipt: "9"), by: f.clerk) }
        #expect(blocked as? PointsError == .cardBlocked(field: "cardNumber", number: "PC00010001", status: .replaced, replacedBy: "PC00020001"))
        #expect(blocked?.message(.zhHans).contains("PC00020001") == true)
        #expect(failure { try desk.reissue(.init(cardNumber: "PC00010001", idNumber: wangID, newCardNumber: "PC00020002"), by: f.clerk) }?.field == "cardNumber")
        try desk.backfill(backfill("PC00020001", receipt: "9", date: "2026-03-02"), by: f.clerk)
        #expect(try desk.balance(of: "PC00020001") == 699)
        #expect(desk.counts == (enrolled: 1, reissued: 1, lost: 1, active: 1))
        #expect(desk.outstandingPoints == 699)
    }

    @Test func aDamagedActiveCardIsReissuedByCardNumber() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        let new = try desk.reissue(.init(cardNumber: "PC00010001", idNumber: wangID, newCardNumber: "PC00020001", note: "磁条损坏"), by: f.clerk)
        #expect(new.balance == 128 && desk.state.cards["PC00010001"]?.status == .replaced)
        let record = try #require(readLedger(f).last)
        #expect(record.contains("\"wasLost\":false") && record.contains("\"points\":128"))
    }

    @Test func reissueNeedsTheHoldersIDAndAFreshCardNumber() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        try desk.reportLost(.init(idNumber: wangID), by: f.clerk)
        let seq = desk.book.head.seq
        let err = failure { try desk.reissue(.init(cardNumber: "PC00010001", idNumber: liID, newCardNumber: "PC00020001"), by: f.clerk) }
        #expect(err as? PointsError == .notHolder(number: "PC00010001") && err?.field == "idNumber")
        #expect(failure { try desk.reissue(.init(cardNumber: "PC00010001", idNumber: zhangID, newCardNumber: "PC00020001"), by: f.clerk) }
            as? PointsError == .notHolder(number: "PC00010001"))
        #expect(failure { try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00010002"), by: f.clerk) }
            as? PointsError == .cardNumberTaken(field: "newCardNumber", number: "PC00010002"))
        #expect(failure { try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00010001"), by: f.clerk) }?.field == "newCardNumber")
        #expect(failure { try desk.reissue(.init(idNumber: wangID, newCardNumber: "X1"), by: f.clerk) }?.field == "newCardNumber")
        #expect(desk.book.head.seq == seq && desk.state.cards["PC00010001"]?.status == .lost)
    }

    @Test func onlyALeadAdjustsPointsAndNeverBelowZero() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        let form = PointsDesk.AdjustForm(cardNumber: "PC00010001", points: "-28", reason: "重复补录更正")
        #expect(failure { try desk.adjust(form, by: f.clerk) } as? CommonError == .notAllowed(action: .adjustPoints, role: .clerk))
        #expect(failure { try desk.adjust(form, by: f.auditor) } as? CommonError == .notAllowed(action: .adjustPoints, role: .auditor))
        #expect(desk.book.head.seq == 2)
        let m = try desk.adjust(form, by: f.lead)
        #expect(m.kind == .adjusted && m.points == -28 && m.balance == 100 && m.by == f.lead.id && m.detail == "重复补录更正")
        #expect(failure { try desk.adjust(.init(cardNumber: "PC00010001", points: "-101", reason: "更正"), by: f.lead) }
            as? PointsError == .adjustmentBelowZero(balance: 100))
        #expect(failure { try desk.adjust(.init(cardNumber: "PC00010001", points: "0", reason: "更正"), by: f.lead) } as? PointsError == .zeroAdjustment)
        #expect(failure { try desk.adjust(.init(cardNumber: "PC00010001", points: "5", reason: ""), by: f.lead) }?.field == "reason")
        try desk.adjust(.init(cardNumber: "PC00010001", points: "+5", reason: "活动赠送"), by: f.lead)
        #expect(try desk.balance(of: "PC00010001") == 105)
        #expect(desk.book.head.seq == 4)
    }

    @Test func anAuditorMayNotWriteAnything() throws {
        let desk = try PointsDesk(context: f.context)
        let denied = CommonError.notAllowed(action: .write, role: .auditor)
        #expect(failure { try desk.enrol(enrolForm(), by: f.auditor) } as? CommonError == denied)
        try desk.enrol(enrolForm(), by: f.clerk)
        #expect(failure { try desk.backfill(backfill("PC00010001", receipt: "1"), by: f.auditor) } as? CommonError == denied)
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "1", purpose: "帆布袋"), by: f.auditor) } as? CommonError == denied)
        #expect(failure { try desk.reportLost(.init(idNumber: wangID), by: f.auditor) } as? CommonError == denied)
        #expect(failure { try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00020001"), by: f.auditor) } as? CommonError == denied)
        #expect(desk.book.head.seq == 2)
        #expect(try desk.balance(of: "PC00010001") == 128, "but may read")
    }

    @Test func theLedgerHoldsNoIDNumberOnlyItsMaskAndHash() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", phone: "13900001111", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        try desk.reportLost(.init(idNumber: wangID), by: f.clerk)
        try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00020001"), by: f.clerk)
        try desk.book.saveSnapshot()
        let bytes = try #require(FileManager.default.contents(atPath: f.dir.data.path + "/2026/points.jsonl"))
        let text = String(decoding: bytes, as: UTF8.self)
        let snapshot = String(decoding: FileManager.default.contents(atPath: f.dir.data.path + "/.snapshots/points.snap") ?? Data(), as: UTF8.self)
        #expect(!snapshot.isEmpty)
        for secret in [wangID, liID, "13812345678", "13900001111", "19491231", "199101010"] {
            #expect(!text.contains(secret) && !snapshot.contains(secret), "\(secret) leaked")
        }
        #expect(text.contains("1101**********002X") && text.contains("3604**********0071") && text.contains("139****1111"))
        #expect(text.contains(f.context.personalDataKey.hash(liID)))
    }

    @Test func queriesFindCardsByIDPhoneAndNumber() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", phone: "13800005678", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010003", name: "张伟", phone: "13900000000", id: zhangID, form: "F-0003", receipt: "Z-78"), by: f.clerk)
        #expect(try desk.cards(phone: "13812345678").map(\.number) == ["PC00010001", "PC00010002"], "both mask to 138****5678")
        #expect(try desk.cards(phone: "13900000000").map(\.holderName) == ["张伟"])
        #expect(failure { _ = try desk.cards(phone: "1") }?.field == "phone")
        #expect(try desk.card(idNumber: zhangID)?.holderName == "张伟")
        #expect(failure { _ = try desk.card(idNumber: "123") }?.field == "idNumber")
        #expect(failure { _ = try desk.card(number: "PC00099999") } as? PointsError == .unknownCard(field: "cardNumber", number: "PC00099999"))
        #expect(desk.applicationForms.map(\.formNumber) == ["F-0001", "F-0002", "F-0003"])
        #expect(desk.applicationForms.first?.cardNumber == "PC00010001")
        try desk.reissue(.init(idNumber: liID, newCardNumber: "PC00020002"), by: f.clerk)
        #expect(try desk.cards(phone: "13812345678").map(\.number) == ["PC00010001", "PC00020002"], "replaced cards are left out")
        #expect(desk.applicationForms.count == 3, "a reissue keeps the one form")
    }

    @Test func historyIsNewestFirstAndKeepsTheLatestFifty() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(amount: "10"), by: f.clerk)
        for i in 1...55 { try desk.backfill(backfill("PC00010001", receipt: "R\(i)", amount: "1"), by: f.clerk) }
        let h = try desk.history(of: "PC00010001")
        #expect(h.count == PointsState.historyLength)
        #expect(h.first?.detail == "优衣库 R55 2026-02-20" && h.first?.balance == 65)
        #expect(h.last?.detail == "优衣库 R6 2026-02-20")
        #expect(desk.state.usedReceipts.count == 56, "every receipt stays used")
    }

    @Test func receiptKeysIgnoreCaseSpacesHyphensAndFullWidth() {
        #expect(PointsReceipt.key(shop: "Uniqlo 旗舰店", number: "ab-001 2") == "UNIQLO旗舰店 AB0012")
        #expect(PointsReceipt.key(shop: "ｕｎｉｑｌｏ　旗舰店", number: "ＡＢ－００１２") == "UNIQLO旗舰店 AB0012")
        #expect(PointsReceipt.key(shop: "A", number: "B C") != PointsReceipt.key(shop: "A B", number: "C"))
    }

    @Test func replayAndSnapshotRebuildTheLiveState() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", phone: "13900000000", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        f.later(minutes: 10)
        try desk.backfill(backfill("PC00010001", receipt: "778812"), by: f.clerk)
        try desk.redeem(.init(cardNumber: "PC00010002", points: "50", purpose: "停车券"), by: f.clerk)
        try desk.reportLost(.init(idNumber: wangID, note: "商场内遗失"), by: f.clerk)
        let live = desk.state
        try desk.book.saveSnapshot()
        try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00020001"), by: f.clerk)
        try desk.adjust(.init(cardNumber: "PC00020001", points: "20", reason: "活动补偿"), by: f.lead)
        try desk.enrol(enrolForm(card: "PC00010003", name: "张伟", phone: "13700000000", id: zhangID, form: "F-0003", receipt: "Z-78"), by: f.clerk)
        let liveAfter = desk.state
        try desk.book.close()
        let replayed = try PointsDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == liveAfter)
        let fromSnapshot = try PointsDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == liveAfter)
        #expect(live != liveAfter)
        #expect(try roundTrip(live) == live)
        #expect(try roundTrip(liveAfter) == liveAfter)
        #expect(try roundTrip(PointsState()) == PointsState())
        #expect(try roundTrip(live) == live && (try roundTrip(liveAfter)) == liveAfter)
        #expect(try roundTrip(PointsState()) == PointsState())
        #expect(FileManager.default.fileExists(atPath: f.dir.data.path + "/.snapshots/points.snap"))
        #expect(!FileManager.default.fileExists(atPath: f.dir.data.path + "/.snapshots/points.json"), "binary only")
    }

    @Test func balancesCarryIntoTheNextYear() throws {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 5, hour: 9)))
        try desk.backfill(backfill("PC00010001", receipt: "2027-1", date: "2027-01-02"), by: f.clerk)
        try desk.book.close()
        let reopened = try PointsDesk(context: f.context, useSnapshot: false)
        #expect(try reopened.balance(of: "PC00010001") == 128 + 299)
        #expect(reopened.state == desk.state)
        #expect(try reopened.history(of: "PC00010001").first?.year == 2027)
    }

    // MARK: Binary snapshot

    /// A desk with every kind of movement, Chinese names and shops, a card with more
    /// movements than it keeps, a loss and reissue, and a card left reported lost.
    func busyDesk() throws -> PointsDesk {
        let desk = try PointsDesk(context: f.context)
        try desk.enrol(enrolForm(), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010002", name: "李娜", phone: "13900001111", id: liID, form: "F-0002", receipt: "Z-77"), by: f.clerk)
        try desk.enrol(enrolForm(card: "PC00010003", name: "欧阳子涵", phone: "13700000000", id: zhangID, form: "f-0003",
                                 shop: "海底捞火锅", receipt: "HD-2026-0301", amount: "368"), by: f.clerk)
        for i in 1...60 {
            f.later(minutes: 1)
            try desk.backfill(backfill("PC00010002", shop: i % 2 == 0 ? "优衣库" : "Ｕｎｉｑｌｏ 旗舰店", receipt: "R-\(i)",
                                       amount: "\(20 + i)"), by: f.clerk)
        }
        try desk.redeem(.init(cardNumber: "PC00010002", points: "300", purpose: "停车券三张"), by: f.clerk)
        try desk.adjust(.init(cardNumber: "PC00010003", points: "-18", reason: "重复补录更正"), by: f.lead)
        try desk.backfill(backfill("PC00010001", receipt: "778812"), by: f.clerk)
        try desk.reportLost(.init(idNumber: wangID, note: "商场内遗失"), by: f.clerk)
        f.later(days: 1)
        try desk.reissue(.init(idNumber: wangID, newCardNumber: "PC00020001", note: "挂失后补卡"), by: f.clerk)
        try desk.backfill(backfill("PC00020001", shop: "星巴克", receipt: "A-0092", date: "2026-03-02", amount: "45.5"), by: f.clerk)
        try desk.reportLost(.init(cardNumber: "PC00010003", idNumber: zhangID, note: "钱包被盗"), by: f.clerk)
        return desk
    }

    @Test func theBinarySnapshotKeepsEveryFieldAndAlwaysTheSameBytes() throws {
        let state = try busyDesk().state
        #expect(state.cards.count == 4 && state.usedReceipts.count == 65 && state.lostCount == 2 && state.reissuedCount == 1)
        #expect(state.cards["PC00010002"]?.history.count == PointsState.historyLength)
        #expect(state.cards["PC00010001"]?.status == .replaced && state.cards["PC00010003"]?.status == .lost)
        try expectSnapshotCodec(state)
        let back = try roundTrip(state)
        #expect(back.cards["PC00010003"]?.holderName == "欧阳子涵" && back.cards["PC00020001"]?.replaces == "PC00010001")
        #expect(back.usedReceipts[PointsReceipt.key(shop: "Ｕｎｉｑｌｏ 旗舰店", number: "R-1")] == "PC00010002")
        #expect(back.cardByForm[PointsReceipt.normalize("F-0003")] == "PC00010003")
    }

    @Test func theDeskReopensFromTheBinarySnapshotAsFromAFullReplay() throws {
        let desk = try busyDesk()
        try desk.book.saveSnapshot()
        try desk.redeem(.init(cardNumber: "PC00020001", points: "100", purpose: "电影票"), by: f.clerk)
        try desk.reissue(.init(cardNumber: "PC00010003", idNumber: zhangID, newCardNumber: "PC00020003"), by: f.clerk)
        let live = desk.state
        try desk.book.close()
        let fromSnapshot = try PointsDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == live)
        let replayed = try PointsDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot && replayed.state == live)
    }

    @Test func aCutOrFlippedSnapshotNeverCrashesAndTheBookIsReplayed() throws {
        let desk = try busyDesk()
        let saved = desk.state
        try desk.book.saveSnapshot()
        try desk.adjust(.init(cardNumber: "PC00010002", points: "7", reason: "活动赠送"), by: f.lead)
        let live = desk.state
        try desk.book.close()

        try expectSnapshotCodec(saved)
        // Through the desk: a damaged file is refused (its checksum) and the book replayed.
        let path = ".snapshots/points.snap"
        for b in damagedCopies(of: f.dir.bytes(path), every: 41) {
            f.dir.write(path, b)
            let reopened = try PointsDesk(context: f.context)
            #expect(!reopened.book.openedFromSnapshot)
            #expect(reopened.state == live)
            try reopened.book.close()
        }
    }
}

/// The lines of the points book of 2026.
private func readLedger(_ f: DeskFixture) -> [String] {
    let bytes = FileManager.default.contents(atPath: f.dir.data.path + "/2026/points.jsonl") ?? Data()
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
}
