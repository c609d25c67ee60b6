import Testing
@testable import DeskDomain

/// Voids and red-letter reversals: lead only, by the finance rules.
@Suite struct InvoiceCorrectionTests {
    let f = DeskFixture()

    func openDesk() throws -> InvoiceDesk {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000100", by: f.lead)
        try desk.allocate(.init(kind: .electronic, first: "26442000000000000001", last: "26442000000000000100"), by: f.lead)
        return desk
    }

    func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int64 {
        PlazaTime.china.instant(CivilTime(year: 2026, month: month, day: day, hour: hour, minute: minute))
    }

    @Test func aVoidKeepsTheNumberMarkedVoidWithItsReason() throws {
        let desk = try openDesk()
        let invoice = try desk.issue(.sample([("A1", "88")]), by: f.clerk)
        f.later(minutes: 5)
        let void = try desk.void(.init(number: " 00000001 ", reason: "打印错位"), by: f.lead)
        #expect(void.status == .voided && void.voidReason == "打印错位" && void.voidedBy == f.lead.id)
        #expect(void.voidedAt == march1st + 300 && !void.isLive && void.id == invoice.id)
        #expect(desk.invoice(number: "00000001", code: invoicePaperCode)?.status == .voided)
        let again = failure { try desk.void(.init(number: "00000001", reason: "再作废"), by: f.lead) }
        #expect(again as? InvoiceError == .alreadyVoided(invoice.id))
        #expect(failure { try desk.reverse(.init(number: "00000001", reasonCode: "01"), by: f.lead) } as? InvoiceError == .alreadyVoided(invoice.id))
    }

    @Test func onlyALeadVoidsOrReverses() throws {
        let desk = try openDesk()
        try desk.issue(.sample([("A1", "88")]), by: f.clerk)
        let head = desk.book.head.seq
        for who in [f.clerk, f.auditor] {
            #expect(failure { try desk.void(.init(number: "00000001", reason: "错了"), by: who) }
                as? CommonError == .notAllowed(action: .voidInvoice, role: who.role))
            #expect(failure { try desk.reverse(.init(number: "00000001", reasonCode: "01"), by: who) }
                as? CommonError == .notAllowed(action: .reverseInvoice, role: who.role))
        }
        #expect(desk.book.head.seq == head, "nothing was written")
        #expect(desk.invoice(number: "00000001")?.isLive == true)
    }

    @Test func aPaperInvoiceIsVoidedOnlyInThePlazaMonthItWasIssued() throws {
        let desk = try openDesk()
        f.clock.set(at(3, 31, 23, 0))
        try desk.issue(.sample([("A1", "88")]), by: f.clerk)
        try desk.issue(.sample([("A2", "99")]), by: f.clerk)
        f.clock.set(at(3, 31, 23, 59))
        #expect(try desk.void(.init(number: "00000001", reason: "金额错误"), by: f.lead).status == .voided,
                "still March in the plaza (15:59 UTC)")
        f.clock.set(at(4, 1, 0, 1))
        let err = failure { try desk.void(.init(number: "00000002", reason: "金额错误"), by: f.lead) }
        #expect(err as? InvoiceError == .voidOnlyInMonthOfIssue(InvoiceNumber(code: invoicePaperCode, number: "00000002"), issued: "2026-03-31"))
        #expect(err?.field == "number")
        #expect(err?.message(.zhHans).contains("红字发票") == true)
        #expect(err?.message(.en).contains("red-letter") == true)
        let red = try desk.reverse(.init(number: "00000002", reasonCode: "01"), by: f.lead)
        #expect(red.amount == -Money(yuan: 99) && desk.invoice(number: "00000002")?.status == .reversed)
    }

    @Test func anElectronicInvoiceIsNeverVoided() throws {
        let desk = try openDesk()
        let e = try desk.issue(.sample([("A1", "88")], kind: .electronic), by: f.clerk)
        let err = failure { try desk.void(.init(number: e.id.number, reason: "开错了"), by: f.lead) }
        #expect(err as? InvoiceError == .electronicCannotBeVoided(e.id))
        #expect(err?.message(.zhHans).contains("红字发票") == true)
        #expect(desk.book.head.seq == 3)
        #expect(desk.invoice(number: e.id.number)?.isLive == true)
    }

    @Test func redLetterReversalsNeverExceedTheOriginal() throws {
        let desk = try openDesk()
        let original = try desk.issue(.sample([("A1", "60"), ("A2", "40")], kind: .electronic), by: f.clerk)
        let tooMuch = failure { try desk.reverse(.init(number: original.id.number, reasonCode: "02", amount: "100.01"), by: f.lead) }
        #expect(tooMuch as? InvoiceError == .reversalTooLarge(remaining: Money(yuan: 100)))
        #expect(tooMuch?.field == "amount")
        #expect(desk.book.head.seq == 3, "nothing was written")

        let part = try desk.reverse(.init(number: original.id.number, reasonCode: "4", amount: "30", note: "质量折让"), by: f.lead)
        #expect(part.id.number == "26442000000000000002" && part.kind == .electronic)
        #expect(part.amount == -Money(yuan: 30) && part.original == original.id && part.reversalReason == .allowance)
        #expect(part.status == .redLetter && part.buyerTitle == "王芳" && part.note == "质量折让")
        var now = desk.invoice(number: original.id.number)!
        #expect(now.status == .partlyReversed && now.isLive && now.reversible == Money(yuan: 70))
        #expect(desk.isReceiptInvoiced(shop: "星巴克咖啡", receipt: "A1"), "a partly reversed invoice keeps its receipts")
        #expect(failure { try desk.reverse(.init(number: original.id.number, reasonCode: "02", amount: "70.01"), by: f.lead) }
            as? InvoiceError == .reversalTooLarge(remaining: Money(yuan: 70)))

        let rest = try desk.reverse(.init(number: original.id.number, reasonCode: "02"), by: f.lead)
        #expect(rest.amount == -Money(yuan: 70) && rest.id.number == "26442000000000000003")
        now = desk.invoice(number: original.id.number)!
        #expect(now.status == .reversed && !now.isLive && now.reversed == Money(yuan: 100) && now.redLetters == [part.id, rest.id])
        #expect(!desk.isReceiptInvoiced(shop: "星巴克咖啡", receipt: "A1") && !desk.isReceiptInvoiced(shop: "星巴克咖啡", receipt: "A2"))
        #expect(failure { try desk.reverse(.init(number: original.id.number, reasonCode: "02", amount: "1"), by: f.lead) }
            as? InvoiceError == .alreadyFullyReversed(original.id))
        #expect(failure { try desk.reverse(.init(number: rest.id.number, reasonCode: "01"), by: f.lead) } as? InvoiceError == .isRedLetter(rest.id))
        #expect(try desk.issue(.sample([("A1", "60")]), by: f.clerk).isLive, "the receipts are free again")
    }

    @Test func aPartlyReversedPaperInvoiceIsNotVoidedAndARedLetterIsNeither() throws {
        let desk = try openDesk()
        let original = try desk.issue(.sample([("A1", "100")]), by: f.clerk)
        let red = try desk.reverse(.init(number: "00000001", reasonCode: "02", amount: "20"), by: f.lead)
        #expect(red.id == InvoiceNumber(code: invoicePaperCode, number: "00000002") && red.kind == .paper)
        #expect(failure { try desk.void(.init(number: "00000001", reason: "作废"), by: f.lead) } as? InvoiceError == .partlyReversed(original.id))
        #expect(failure { try desk.void(.init(number: "00000002", reason: "作废"), by: f.lead) } as? InvoiceError == .isRedLetter(red.id))
    }

    @Test func aRedLetterNeedsANumberOfTheOriginalsKind() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000001", by: f.lead)
        try desk.allocate(.init(kind: .electronic, first: "26442000000000000001", last: "26442000000000000100"), by: f.lead)
        try desk.issue(.sample([("A1", "100")]), by: f.clerk)
        let err = failure { try desk.reverse(.init(number: "00000001", reasonCode: "02"), by: f.lead) }
        #expect(err as? InvoiceError == .noNumbersLeft(kind: .paper))
        #expect(desk.invoice(number: "00000001")?.isLive == true)
    }

    @Test func badCorrectionInputNamesTheFieldAndWritesNothing() throws {
        let desk = try openDesk()
        try desk.issue(.sample([("A1", "100")]), by: f.clerk)
        let head = desk.book.head.seq
        func voidField(_ form: InvoiceDesk.VoidForm) -> String? { failure { try desk.void(form, by: f.lead) }?.field }
        func reverseField(_ form: InvoiceDesk.ReverseForm) -> String? { failure { try desk.reverse(form, by: f.lead) }?.field }
        #expect(voidField(.init(number: "", reason: "错了")) == "number")
        #expect(voidField(.init(number: "0000001X", reason: "错了")) == "number")
        #expect(voidField(.init(number: "00000001", reason: "")) == "reason")
        #expect(voidField(.init(number: "00000001", code: "12", reason: "错了")) == "code")
        #expect(failure { try desk.void(.init(number: "00000009", reason: "错了"), by: f.lead) }
            as? InvoiceError == .noSuchInvoice(field: "number", text: "00000009"))
        #expect(reverseField(.init(number: "00000001", reasonCode: "")) == "reasonCode")
        #expect(failure { try desk.reverse(.init(number: "00000001", reasonCode: "05"), by: f.lead) } as? InvoiceError == .badReasonCode(text: "05"))
        #expect(reverseField(.init(number: "00000001", reasonCode: "01", amount: "0")) == "amount")
        #expect(reverseField(.init(number: "00000001", reasonCode: "01", amount: "1.234")) == "amount")
        #expect(desk.book.head.seq == head, "nothing was written")
    }

    @Test func aNumberUnderTwoCodesNeedsTheCode() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000001", by: f.lead)
        try desk.paperRange("00000001", "00000001", code: "144001900111", by: f.lead)
        try desk.issue(.sample([("A1", "10")]), by: f.clerk)
        let second = try desk.issue(.sample([("A2", "10")]), by: f.clerk)
        #expect(desk.invoice(number: "00000001") == nil)
        let err = failure { try desk.void(.init(number: "00000001", reason: "错了"), by: f.lead) }
        #expect(err as? InvoiceError == .codeNeeded(number: "00000001", codes: [invoicePaperCode, "144001900111"]))
        #expect(err?.field == "code")
        #expect(try desk.void(.init(number: "00000001", code: "144001900111", reason: "错了"), by: f.lead).id == second.id)
    }

    @Test func theDayReportListsNumbersAmountsVoidsAndReversals() throws {
        let desk = try openDesk()
        f.clock.set(at(3, 2, 9))
        let a = try desk.issue(.sample([("A1", "100")]), by: f.clerk)
        let b = try desk.issue(.sample([("A2", "50")], kind: .electronic), by: f.clerk)
        f.clock.set(at(3, 3, 10))
        let c = try desk.issue(.sample([("A3", "20")]), by: f.clerk)
        try desk.void(.init(number: a.id.number, reason: "抬头错误"), by: f.lead)
        let red = try desk.reverse(.init(number: b.id.number, reasonCode: "03", amount: "15"), by: f.lead)
        f.clock.set(at(3, 3, 23, 59))
        let late = try desk.issue(.sample([("A4", "1")]), by: f.clerk)

        let day2 = desk.report(day: CivilTime(year: 2026, month: 3, day: 2))
        #expect(day2.issued.map(\.id) == [a.id, b.id] && day2.voided.isEmpty && day2.redLetters.isEmpty)
        #expect(day2.issuedTotal == Money(yuan: 150))
        let day3 = desk.report(day: CivilTime(year: 2026, month: 3, day: 3))
        #expect(day3.issued.map(\.id) == [c.id, late.id] && day3.voided.map(\.id) == [a.id] && day3.redLetters.map(\.id) == [red.id])
        #expect(day3.issuedTotal == Money(yuan: 21) && day3.redLetterTotal == -Money(yuan: 15) && day3.voidedTotal == Money(yuan: 100))
        #expect(day3.net == Money(yuan: 21 - 15 - 100) && day3.numbersUsed == 3)
        let both = desk.report(from: CivilTime(year: 2026, month: 3, day: 2), through: CivilTime(year: 2026, month: 3, day: 3))
        #expect(both.numbersUsed == 5 && both.net == Money(yuan: 150 + 21 - 15 - 100))
        #expect(desk.report(day: CivilTime(year: 2026, month: 3, day: 4)).numbersUsed == 0)
        #expect(desk.latest(2).map(\.id) == [late.id, red.id])
    }

    @Test func replayAndSnapshotRebuildTheLiveState() throws {
        let desk = try openDesk()
        for i in 1...6 {
            try desk.issue(.sample([("R\(i)", "\(i * 10).50"), ("S\(i)", "1")], shop: i % 2 == 0 ? "优衣库" : "星巴克咖啡",
                                   kind: i % 3 == 0 ? .electronic : .paper), by: f.clerk)
            f.later(minutes: 7)
        }
        try desk.issue(.sample([("T1", "300")], buyerType: .enterprise, buyerTitle: "广州某某贸易有限公司",
                               taxpayerID: "91110000600037341M", acceptFailedCreditCheck: true), by: f.lead)
        try desk.void(.init(number: "00000001", reason: "打印错位"), by: f.lead)
        try desk.reverse(.init(number: "26442000000000000001", reasonCode: "02", amount: "5"), by: f.lead)
        let live = desk.state
        try desk.book.saveSnapshot()
        try desk.reverse(.init(number: "00000002", reasonCode: "01"), by: f.lead)
        try desk.issue(.sample([("R1", "10.50")]), by: f.clerk)
        try desk.allocate(.init(kind: .paper, code: invoicePaperCode, first: "00000101", last: "00000110"), by: f.lead)
        let liveAfter = desk.state
        try desk.book.close()
        let replayed = try InvoiceDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == liveAfter)
        let fromSnapshot = try InvoiceDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == liveAfter)
        #expect(live != liveAfter)
        #expect(try roundTrip(live) == live)
        #expect(try roundTrip(liveAfter) == liveAfter)
        #expect(liveAfter.receiptsInvoiced.count == 12 - 2 - 2 + 1 + 1)
    }
}
