import Foundation
import Testing
@testable import DeskDomain

@Suite struct PaidServicesDeskTests {
    let f = DeskFixture()

    /// Fees move cash: a shift is open for every test here.
    init() throws { try f.openShift() }

    func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Int64 {
        PlazaTime.china.instant(CivilTime(year: y, month: m, day: d, hour: h, minute: min))
    }

    /// A photocopy receipt of `pages` at ¥0.50 a page, paid with `tendered`.
    @discardableResult
    func copies(_ desk: PaidServicesDesk, _ pages: Int, tendered: String, customer: String = "王芳") throws -> ServiceReceipt {
        let fee = Money(fen: 50 * Int64(pages))
        return try desk.issue(.init(kind: .photocopy, quantity: String(pages), statedFee: fee.plain, tendered: tendered,
                                    customer: customer), by: f.clerk)
    }

    @Test func theQuoteIsPriceTimesQuantityAndWritesNothing() throws {
        let desk = try PaidServicesDesk(context: f.context)
        let q = try desk.quote(.init(kind: .photocopy, quantity: "12"))
        #expect(q.unitPrice == Money(fen: 50) && q.fee == Money(yuan: 6) && q.quantity == 12)
        #expect(q.statement(.zhHans).contains("¥6.00") && q.statement(.zhHans).contains("复印"))
        #expect(try desk.quote(.init(kind: .giftWrap, quantity: " 3 ")).fee == Money(yuan: 30))
        #expect(try desk.quote(.init(kind: .typing, quantity: "9999")).fee == Money(yuan: 49_995))
        #expect(failure { _ = try desk.quote(.init(kind: .fax, quantity: "0")) } as? CommonError == .outOfRange(field: "quantity", min: 1, max: 9999))
        #expect(failure { _ = try desk.quote(.init(kind: .fax, quantity: "10000")) }?.field == "quantity")
        #expect(failure { _ = try desk.quote(.init(kind: .fax, quantity: "三")) }?.field == "quantity")
        #expect(failure { _ = try desk.quote(.init(quantity: "2")) } as? CommonError == .required(field: "kind"))
        #expect(desk.book.head.seq == 0, "a quote writes nothing")
    }

    @Test func theQuoteFollowsTheConfiguredPrice() throws {
        f.config.servicePrices[.fax] = Money(yuan: 3)
        let desk = try PaidServicesDesk(context: f.context)
        #expect(try desk.quote(.init(kind: .fax, quantity: "4")).fee == Money(yuan: 12))
        f.config.servicePrices[.fax] = nil
        let noPrice = try PaidServicesDesk(context: f.context)
        #expect(failure { _ = try noPrice.quote(.init(kind: .fax, quantity: "4")) } as? PaidServicesError == .noPrice(kind: .fax))
    }

    @Test func aStatedFeeOtherThanTheQuoteIsRefusedWithTheRightFee() throws {
        let desk = try PaidServicesDesk(context: f.context)
        let err = failure { try desk.issue(.init(kind: .photocopy, quantity: "12", statedFee: "5", tendered: "10", customer: "李娜"), by: f.clerk) }
        #expect(err?.field == "statedFee")
        #expect(err?.message(.zhHans).contains("费用应为 ¥6.00") == true)
        #expect(err?.message(.en).contains("The fee is ¥6.00") == true)
        // A lead without a reason is refused the same way.
        #expect(failure { try desk.issue(.init(kind: .photocopy, quantity: "12", statedFee: "5", tendered: "10"), by: f.lead) }?.field == "statedFee")
        #expect(desk.book.head.seq == 0, "nothing was written")
    }

    @Test func aLeadMayChargeAnotherFeeWithAReasonRecordedAsAnOverride() throws {
        let desk = try PaidServicesDesk(context: f.context)
        let clerkTry = failure {
            try desk.issue(.init(kind: .giftWrap, quantity: "2", statedFee: "15", tendered: "20", overrideReason: "大件礼盒加收"), by: f.clerk)
        }
        #expect(clerkTry as? PaidServicesError == .overrideNeedsLead && clerkTry?.field == "overrideReason")
        #expect(desk.book.head.seq == 0)
        let r = try desk.issue(.init(kind: .giftWrap, quantity: "2", statedFee: "15", tendered: "20", customer: "张伟",
                                     overrideReason: "会员优惠，主管批准"), by: f.lead)
        #expect(r.fee == Money(yuan: 15) && r.quotedFee == Money(yuan: 20) && r.isOverride)
        #expect(r.overrideReason == "会员优惠，主管批准" && r.issuedBy == f.lead.id)
        #expect(r.change == Money(yuan: 5) && desk.todaysTakings == Money(yuan: 15))
        // A reason typed when the fee is the quote is no override.
        let plain = try desk.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2", overrideReason: "无"), by: f.lead)
        #expect(!plain.isOverride && plain.fee == plain.quotedFee)
    }

    @Test func cashTenderedMustCoverTheFee() throws {
        let desk = try PaidServicesDesk(context: f.context)
        let err = failure { try desk.issue(.init(kind: .typing, quantity: "3", statedFee: "15", tendered: "10"), by: f.clerk) }
        #expect(err as? PaidServicesError == .tenderedTooLittle(tendered: Money(yuan: 10), fee: Money(yuan: 15)))
        #expect(err?.field == "tendered" && err?.message(.zhHans).contains("请再收 ¥5.00") == true)
        #expect(desk.book.head.seq == 0)
        #expect(try desk.issue(.init(kind: .typing, quantity: "3", statedFee: "15", tendered: "15"), by: f.clerk).change == .zero)
    }

    @Test func changeIsRecordedButIsNotTakings() throws {
        let desk = try PaidServicesDesk(context: f.context)
        let r = try copies(desk, 12, tendered: "100")
        #expect(r.number.description == "SR-2026-000001")
        #expect(r.fee == Money(yuan: 6) && r.tendered == Money(yuan: 100) && r.change == Money(yuan: 94))
        #expect(r.customer == "王芳" && r.issuedAt == march1st && r.date.dateString == "2026-03-01")
        #expect(desk.todaysTakings == Money(yuan: 6))
        #expect(desk.summary(on: desk.today).takings == Money(yuan: 6))
        #expect(desk.receipt(number: "SR-2026-000001") == r && desk.receipt(number: "1") == r && desk.receipt(number: "sr-2026-1") == r)
    }

    @Test func numbersRunInOrderAndRestartAtANewPlazaYear() throws {
        let desk = try PaidServicesDesk(context: f.context)
        let numbers = try (1...3).map { i in try copies(desk, i, tendered: "10").number.description }
        #expect(numbers == ["SR-2026-000001", "SR-2026-000002", "SR-2026-000003"])
        f.clock.set(at(2026, 12, 31, 23, 50))
        #expect(try copies(desk, 1, tendered: "1").number.description == "SR-2026-000004")
        f.clock.set(at(2027, 1, 1, 0, 10))  // 2026-12-31 16:10 UTC: already the new year in the plaza
        #expect(desk.nextNumber.description == "SR-2027-000001")
        #expect(try copies(desk, 1, tendered: "1").number.description == "SR-2027-000001")
        #expect(try copies(desk, 2, tendered: "1").number.description == "SR-2027-000002")
        // Another console continues the same sequence.
        let other = try PaidServicesDesk(context: f.context)
        #expect(try other.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2"), by: f.clerk).number.description == "SR-2027-000003")
        #expect(try copies(desk, 1, tendered: "1").number.description == "SR-2027-000004")
    }

    @Test func onlyALeadVoidsAndTheNumberStaysMarkedVoid() throws {
        let desk = try PaidServicesDesk(context: f.context)
        try copies(desk, 10, tendered: "5")
        let r2 = try desk.issue(.init(kind: .giftWrap, quantity: "1", statedFee: "10", tendered: "50", customer: "赵敏"), by: f.clerk)
        #expect(desk.todaysTakings == Money(yuan: 15))
        let seq = desk.book.head.seq
        #expect(failure { try desk.void(.init(number: "2", reason: "顾客取消"), by: f.clerk) }
            as? CommonError == .notAllowed(action: .voidServiceReceipt, role: .clerk))
        #expect(failure { try desk.void(.init(number: "2", reason: "顾客取消"), by: f.auditor) }
            as? CommonError == .notAllowed(action: .voidServiceReceipt, role: .auditor))
        #expect(failure { try desk.void(.init(number: "2", reason: ""), by: f.lead) } as? CommonError == .required(field: "reason"))
        #expect(failure { try desk.void(.init(number: "", reason: "顾客取消"), by: f.lead) } as? CommonError == .required(field: "number"))
        #expect(failure { try desk.void(.init(number: "INV-7", reason: "顾客取消"), by: f.lead) }?.field == "number")
        #expect(failure { try desk.void(.init(number: "SR-2026-000009", reason: "顾客取消"), by: f.lead) }
            as? PaidServicesError == .unknownReceipt(ServiceReceiptNumber(year: 2026, serial: 9)))
        #expect(desk.book.head.seq == seq, "refusals wrote nothing")

        f.later(minutes: 20)
        let v = try desk.void(.init(number: "SR-2026-000002", reason: "包装纸选错，顾客取消"), by: f.lead)
        #expect(v.number == r2.number && v.isVoid && v.voidedBy == f.lead.id && v.voidReason == "包装纸选错，顾客取消")
        #expect(v.voidedAt == march1st + 20 * 60 && v.fee == Money(yuan: 10) && v.takings == .zero)
        #expect(desk.receipt(number: "2")?.isVoid == true)
        #expect(desk.receipts(on: desk.today).map(\.number.serial) == [1, 2], "the voided number stays in the list")
        #expect(desk.todaysTakings == Money(yuan: 5))
        #expect(failure { try desk.void(.init(number: "2", reason: "再作废"), by: f.lead) }
            as? PaidServicesError == .alreadyVoid(r2.number))
        #expect(try copies(desk, 1, tendered: "1").number.serial == 3, "a void does not free its number")
    }

    @Test func yesterdaysReceiptCannotBeVoided() throws {
        let desk = try PaidServicesDesk(context: f.context)
        try copies(desk, 4, tendered: "2")
        f.clock.set(at(2026, 3, 2, 0, 5))
        let seq = desk.book.head.seq
        let err = failure { try desk.void(.init(number: "1", reason: "顾客要求退款"), by: f.lead) }
        #expect(err as? PaidServicesError == .notToday(ServiceReceiptNumber(year: 2026, serial: 1), issuedOn: "2026-03-01"))
        #expect(err?.field == "number" && err?.message(.zhHans).contains("只能作废当天的收据") == true)
        #expect(desk.book.head.seq == seq)
        #expect(desk.takings(on: CivilTime(year: 2026, month: 3, day: 1)) == Money(yuan: 2))
    }

    @Test func totalsPerKindForADayAndAShift() throws {
        let desk = try PaidServicesDesk(context: f.context)
        f.clock.set(at(2026, 2, 28, 18))
        try copies(desk, 100, tendered: "50", customer: "前一天的顾客")
        f.clock.set(at(2026, 3, 1, 9))
        try copies(desk, 10, tendered: "10")                                                                       // ¥5, change ¥5
        try copies(desk, 20, tendered: "10")                                                                       // ¥10
        try desk.issue(.init(kind: .fax, quantity: "3", statedFee: "6", tendered: "10", note: "发往上海"), by: f.clerk)     // ¥6
        try desk.issue(.init(kind: .giftWrap, quantity: "1", statedFee: "10", tendered: "10"), by: f.clerk)          // ¥10, voided
        try desk.void(.init(number: "SR-2026-000005", reason: "顾客自己包装"), by: f.lead)
        f.clock.set(at(2026, 3, 1, 15))
        try desk.issue(.init(kind: .typing, quantity: "2", statedFee: "10", tendered: "20", customer: "陈静"), by: f.clerk) // ¥10
        f.clock.set(at(2026, 3, 2, 9))
        try copies(desk, 2, tendered: "1")

        let march1 = CivilTime(year: 2026, month: 3, day: 1)
        let s = desk.summary(on: march1)
        #expect(s.byKind[.photocopy] == ServiceKindTotals(issued: 2, voided: 0, fee: Money(yuan: 15)))
        #expect(s.byKind[.fax] == ServiceKindTotals(issued: 1, voided: 0, fee: Money(yuan: 6)))
        #expect(s.byKind[.giftWrap] == ServiceKindTotals(issued: 1, voided: 1, fee: .zero, voidedFee: Money(yuan: 10)))
        #expect(s.byKind[.typing] == ServiceKindTotals(issued: 1, voided: 0, fee: Money(yuan: 10)))
        #expect(s.takings == Money(yuan: 31) && s.issued == 5 && s.voided == 1)
        #expect(s.lines.map(\.kind) == PaidServiceKind.allCases)
        #expect(desk.takings(on: march1) == Money(yuan: 31))
        #expect(desk.receipts(on: march1).map(\.number.serial) == [2, 3, 4, 5, 6])
        #expect(desk.summary(from: at(2026, 3, 1, 0), to: at(2026, 3, 2, 0)) == s, "the day's stubs add up to its totals")
        let morning = desk.summary(from: at(2026, 3, 1, 8), to: at(2026, 3, 1, 14))
        #expect(morning.takings == Money(yuan: 21) && morning.issued == 4 && morning.byKind[.typing]!.issued == 0)
        #expect(desk.summary(on: CivilTime(year: 2026, month: 2, day: 28)).takings == Money(yuan: 50))
        #expect(desk.summary(on: CivilTime(year: 2026, month: 3, day: 5)) == ServicesSummary())
    }

    @Test func oldReceiptsLeaveTheStateButTheirDayTotalsStay() throws {
        let desk = try PaidServicesDesk(context: f.context)
        try copies(desk, 6, tendered: "3")
        f.later(days: PaidServicesState.keptDays)
        try copies(desk, 2, tendered: "1")
        #expect(desk.receipt(number: "1") == nil && desk.receipt(number: "2") != nil)
        #expect(desk.receipts(on: CivilTime(year: 2026, month: 3, day: 1)).isEmpty)
        #expect(desk.takings(on: CivilTime(year: 2026, month: 3, day: 1)) == Money(yuan: 3))
        #expect(failure { try desk.void(.init(number: "1", reason: "顾客要求"), by: f.lead) }
            as? PaidServicesError == .notToday(ServiceReceiptNumber(year: 2026, serial: 1), issuedOn: nil))
        #expect(try copies(desk, 1, tendered: "1").number.serial == 3)
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        let desk = try PaidServicesDesk(context: f.context)
        func field(_ form: PaidServicesDesk.ReceiptForm) -> String? { failure { try desk.issue(form, by: f.clerk) }?.field }
        #expect(field(.init(quantity: "1", statedFee: "2", tendered: "2")) == "kind")
        #expect(field(.init(kind: .fax, quantity: "", statedFee: "2", tendered: "2")) == "quantity")
        #expect(field(.init(kind: .fax, quantity: "1", statedFee: "两元", tendered: "2")) == "statedFee")
        #expect(field(.init(kind: .fax, quantity: "1", statedFee: "2.001", tendered: "2")) == "statedFee")
        #expect(field(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "")) == "tendered")
        #expect(field(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "-5")) == "tendered")
        #expect(field(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2", customer: String(repeating: "王", count: 41))) == "customer")
        #expect(field(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2", note: "传真\u{7}")) == "note")
        #expect(failure { try desk.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2"), by: f.auditor) }
            as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(desk.book.head.seq == 0, "nothing was written")
    }

    @Test func receiptNumbersAreReadAsTyped() {
        #expect(ServiceReceiptNumber("SR-2026-000123", currentYear: 2027) == ServiceReceiptNumber(year: 2026, serial: 123))
        #expect(ServiceReceiptNumber(" sr-2025-7 ", currentYear: 2027) == ServiceReceiptNumber(year: 2025, serial: 7))
        #expect(ServiceReceiptNumber("000042", currentYear: 2027) == ServiceReceiptNumber(year: 2027, serial: 42))
        for bad in ["", "0", "SR-2026-0", "SR-26-1", "SR-2026-1234567", "XR-2026-1", "SR-2026-", "1.5"] {
            #expect(ServiceReceiptNumber(bad, currentYear: 2027) == nil, "\(bad)")
        }
        #expect(ServiceReceiptNumber(year: 2026, serial: 999_999).description == "SR-2026-999999")
    }

    @Test func replayAndSnapshotRebuildTheLiveState() throws {
        let desk = try PaidServicesDesk(context: f.context)
        f.clock.set(at(2026, 1, 20, 10))
        try copies(desk, 8, tendered: "4", customer: "很久以前的顾客")
        f.clock.set(at(2026, 12, 31, 20))
        for i in 1...6 {
            try copies(desk, i * 3, tendered: "20", customer: "顾客\(i)")
            f.later(minutes: 30)
        }
        try desk.issue(.init(kind: .giftWrap, quantity: "2", statedFee: "18", tendered: "20", customer: "刘洋",
                             overrideReason: "礼盒自带丝带，减价"), by: f.lead)
        try desk.void(.init(number: "SR-2026-000003", reason: "复印件不清楚，重印"), by: f.lead)
        let live = desk.state
        try desk.book.saveSnapshot()
        f.clock.set(at(2027, 1, 1, 9))
        try desk.issue(.init(kind: .typing, quantity: "4", statedFee: "20", tendered: "50", note: "简历打字"), by: f.clerk)
        try desk.void(.init(number: "1", reason: "顾客不要了"), by: f.lead)
        try desk.issue(.init(kind: .fax, quantity: "2", statedFee: "4", tendered: "5"), by: f.clerk)
        let liveAfter = desk.state
        #expect(liveAfter.lastSerial == [2026: 8, 2027: 2])
        try desk.book.close()
        let replayed = try PaidServicesDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == liveAfter)
        let fromSnapshot = try PaidServicesDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == liveAfter)
        #expect(live != liveAfter)
        #expect(try roundTrip(live) == live)
        #expect(try roundTrip(liveAfter) == liveAfter)
        #expect(fromSnapshot.receipt(number: "SR-2026-000001") == nil, "January's receipt is older than the kept days")
        #expect(fromSnapshot.takings(on: CivilTime(year: 2026, month: 1, day: 20)) == Money(yuan: 4))
        #expect(try roundTrip(live) == live && (try roundTrip(liveAfter)) == liveAfter)
        #expect(FileManager.default.fileExists(atPath: f.dir.data.path + "/.snapshots/services.snap"))
        #expect(!FileManager.default.fileExists(atPath: f.dir.data.path + "/.snapshots/services.json"), "binary only")
    }

    // MARK: Binary snapshot

    /// Forty plaza days of receipts of every kind across New Year (2026-12-01 to 2027-01-09),
    /// an override each fourth day and three voids (one on a day whose receipts have left the
    /// state): the state keeps 31 days of receipts and 40 days of totals.
    func busyDesk() throws -> PaidServicesDesk {
        let desk = try PaidServicesDesk(context: f.context)
        for day in 0..<40 {
            let morning = at(2026, 12, 1, 9) + Int64(day) * 86400
            f.clock.set(morning)
            try copies(desk, 1 + day % 7, tendered: "10", customer: "顾客\(day)")
            f.clock.set(morning + 3600)
            let r: ServiceReceipt
            switch day % 4 {
            case 0: r = try desk.issue(.init(kind: .fax, quantity: "2", statedFee: "4", tendered: "5", note: "发往广州"), by: f.clerk)
            case 1: r = try desk.issue(.init(kind: .giftWrap, quantity: "1", statedFee: "10", tendered: "20", customer: "欧阳娜娜"), by: f.clerk)
            case 2: r = try desk.issue(.init(kind: .typing, quantity: "3", statedFee: "15", tendered: "15", note: "简历打字"), by: f.clerk)
            default: r = try desk.issue(.init(kind: .giftWrap, quantity: "2", statedFee: "16", tendered: "20", customer: "刘洋",
                                              overrideReason: "礼盒自带丝带，减价"), by: f.lead)
            }
            if [2, 10, 39].contains(day) {
                f.later(minutes: 15)
                try desk.void(.init(number: r.number.description, reason: "顾客取消"), by: f.lead)
            }
        }
        return desk
    }

    @Test func theBinarySnapshotKeepsEveryFieldAndAlwaysTheSameBytes() throws {
        let state = try busyDesk().state
        #expect(state.lastSerial == [2026: 62, 2027: 18])
        #expect(state.dayTotals.count == 40 && state.numbersByDay.count == Int(PaidServicesState.keptDays))
        #expect(state.receipts.count == 62 && state.receipts.values.filter(\.isVoid).count == 2)
        #expect(state.receipts.values.contains { $0.isOverride })
        try expectSnapshotCodec(state)
        #expect(try roundTrip(state).numbersByDay == state.numbersByDay, "each day's numbers, in order")
        #expect(try roundTrip(PaidServicesState()) == PaidServicesState())
    }

    @Test func aDaysTotalsWithoutSomeKindsReadBackWithThemAtZero() throws {
        var s = ServicesSummary()
        s.byKind = [.fax: ServiceKindTotals(issued: 3, voided: 1, fee: Money(yuan: 4), voidedFee: Money(yuan: 2))]
        var e = SnapshotEncoder()
        s.encode(to: &e)
        let back = try SnapshotDecoder.decode(e.bytes) { try ServicesSummary(from: &$0) }
        #expect(back == ServicesSummary(byKind: s.byKind) && back.byKind.count == PaidServiceKind.allCases.count)
    }

    @Test func theDeskReopensFromTheBinarySnapshotAsFromAFullReplay() throws {
        let desk = try busyDesk()
        try desk.book.saveSnapshot()
        f.clock.set(at(2027, 1, 10, 9))
        let r = try desk.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2"), by: f.clerk)
        try copies(desk, 4, tendered: "2")
        try desk.void(.init(number: r.number.description, reason: "传真号码错误"), by: f.lead)
        let live = desk.state
        try desk.book.close()
        let fromSnapshot = try PaidServicesDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == live)
        let replayed = try PaidServicesDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot && replayed.state == live)
    }

    @Test func aCutOrFlippedSnapshotNeverCrashesAndTheBookIsReplayed() throws {
        let desk = try busyDesk()
        let saved = desk.state
        try desk.book.saveSnapshot()
        f.clock.set(at(2027, 1, 10, 9))
        try copies(desk, 4, tendered: "2")
        let live = desk.state
        try desk.book.close()

        try expectSnapshotCodec(saved)
        // Through the desk: a damaged file is refused (its checksum) and the book replayed.
        let path = ".snapshots/services.snap"
        for b in damagedCopies(of: f.dir.bytes(path), every: 37) {
            f.dir.write(path, b)
            let reopened = try PaidServicesDesk(context: f.context)
            #expect(!reopened.book.openedFromSnapshot)
            #expect(reopened.state == live)
            try reopened.book.close()
        }
    }
}
