import Testing
@testable import DeskDomain

/// Issuing: the buyer's details, the taxpayer ID check, one receipt invoiced once.
@Suite struct InvoiceIssueTests {
    let f = DeskFixture()
    static let validCode = "91110000600037341L"
    /// The valid example with its check character changed: fails only the check.
    static let failingCode = "91110000600037341M"

    func openDesk() throws -> InvoiceDesk {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000100", by: f.lead)
        return desk
    }

    func ledgerText() -> String { String(decoding: f.dir.bytes("2026/invoice.jsonl"), as: UTF8.self) }

    @Test func theAmountIsTheSumOfTheReceipts() throws {
        let desk = try openDesk()
        let invoice = try desk.issue(.sample([("A1001", "12.50"), ("A1002", "100"), ("A1003", "￥0.35")], buyerTitle: "李娜"), by: f.clerk)
        #expect(invoice.amount == Money(fen: 11285))
        #expect(invoice.receipts.map(\.amount) == [Money(fen: 1250), Money(fen: 10000), Money(fen: 35)])
        #expect(invoice.issuedBy == f.clerk.id && invoice.issuedAt == march1st && invoice.isLive)
        #expect(invoice.buyerTitle == "李娜" && invoice.taxpayerID == nil && invoice.shop == "星巴克咖啡")
        #expect(ledgerText().contains("\"amountFen\":11285"))
    }

    @Test func anEnterpriseMustGiveItsTaxpayerID() throws {
        let desk = try openDesk()
        let err = failure { try desk.issue(.sample([("B1", "500")], buyerType: .enterprise, buyerTitle: "北京某某科技有限公司"), by: f.clerk) }
        #expect(err as? InvoiceError == .enterpriseNeedsTaxpayerID)
        #expect(err?.field == "taxpayerID")
        #expect(err?.message(.zhHans).contains("纳税人识别号") == true)
        #expect(desk.book.head.seq == 1, "nothing was written")
        let ok = try desk.issue(.sample([("B1", "500")], buyerType: .enterprise, buyerTitle: "北京某某科技有限公司",
                                        taxpayerID: Self.validCode), by: f.clerk)
        #expect(ok.taxpayerID == Self.validCode && ok.creditCheckOverriddenBy == nil)
        #expect(!ledgerText().contains("creditCheckOverriddenBy"))
    }

    @Test func aPersonNeedsNoTaxpayerIDButOneGivenIsChecked() throws {
        let desk = try openDesk()
        let person = try desk.issue(.sample([("C1", "30")], buyerTitle: "张伟"), by: f.clerk)
        #expect(person.buyerType == .person && person.taxpayerID == nil)
        let err = failure { try desk.issue(.sample([("C2", "30")], buyerTitle: "张伟", taxpayerID: "91110000600037341"), by: f.clerk) }
        #expect(err as? CommonError == .badCreditCode(field: "taxpayerID", reason: .wrongLength(17)))
        #expect(try desk.issue(.sample([("C2", "30")], buyerTitle: "张伟", taxpayerID: Self.validCode), by: f.clerk).taxpayerID == Self.validCode)
    }

    @Test func aFailingCreditCodeIsRefusedForAClerkAndAcceptedByALeadOnRecord() throws {
        let desk = try openDesk()
        let form = InvoiceDesk.IssueForm.sample([("D1", "800")], buyerType: .enterprise, buyerTitle: "上海老字号食品厂",
                                                taxpayerID: Self.failingCode, acceptFailedCreditCheck: true)
        var plain = form
        plain.acceptFailedCreditCheck = false
        let clerkErr = failure { try desk.issue(form, by: f.clerk) }
        #expect(clerkErr as? CommonError == .badCreditCode(field: "taxpayerID", reason: .checkFails))
        #expect(clerkErr?.message(.zhHans).contains("值班主管") == true)
        #expect(failure { try desk.issue(plain, by: f.lead) } as? CommonError == .badCreditCode(field: "taxpayerID", reason: .checkFails))
        #expect(desk.book.head.seq == 1, "nothing was written")
        let invoice = try desk.issue(form, by: f.lead)
        #expect(invoice.taxpayerID == Self.failingCode && invoice.creditCheckOverriddenBy == f.lead.id)
        #expect(ledgerText().contains("\"creditCheckOverriddenBy\":\"lead.li\""))
    }

    @Test func aReceiptOnALiveInvoiceIsRefusedNamingThatInvoiceUntilItIsVoided() throws {
        let desk = try openDesk()
        let first = try desk.issue(.sample([("NO.20260301-0001", "66")]), by: f.clerk)
        #expect(desk.isReceiptInvoiced(shop: "星巴克咖啡", receipt: "NO.20260301-0001"))
        let again = InvoiceDesk.IssueForm.sample([("E9", "5"), (" no.２０２６0301-0001 ", "66")], shop: " 星巴克 咖啡", buyerTitle: "李娜")
        let err = failure { try desk.issue(again, by: f.clerk) }
        #expect(err as? InvoiceError == .receiptAlreadyInvoiced(field: "receipts[1].number", receipt: "no.２０２６0301-0001", invoice: first.id))
        #expect(err?.message(.zhHans).contains("00000001") == true)
        #expect(err?.message(.en).contains("00000001") == true)
        #expect(desk.book.head.seq == 2, "nothing was written")
        #expect(try desk.issue(.sample([("NO.20260301-0001", "66")], shop: "优衣库"), by: f.clerk).id.number == "00000002",
                "another shop's receipt with the same number is another receipt")
        try desk.void(.init(number: "00000001", reason: "抬头写错"), by: f.lead)
        #expect(!desk.isReceiptInvoiced(shop: "星巴克咖啡", receipt: "NO.20260301-0001"))
        let second = try desk.issue(again, by: f.clerk)
        #expect(desk.liveInvoice(shop: "星巴克咖啡", receipt: "no.20260301-0001") == second)
    }

    @Test func theSameReceiptTwiceOnOneFormIsRefused() throws {
        let desk = try openDesk()
        let err = failure { try desk.issue(.sample([("F1", "5"), ("f1", "5")]), by: f.clerk) }
        #expect(err as? InvoiceError == .receiptTwiceOnForm(field: "receipts[1].number", receipt: "f1"))
        #expect(desk.book.head.seq == 1)
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        let desk = try openDesk()
        func field(_ form: InvoiceDesk.IssueForm) -> String? { failure { try desk.issue(form, by: f.clerk) }?.field }
        #expect(field(.sample([("G1", "5")], shop: "")) == "shop")
        #expect(field(.sample([])) == "receipts")
        #expect(field(.sample([("", ""), ("  ", "")])) == "receipts")
        #expect(field(.sample([("G1", "5"), ("G2", "0")])) == "receipts[1].amount")
        #expect(field(.sample([("G1", "5"), ("G2", "十元")])) == "receipts[1].amount")
        #expect(field(.sample([("G1", "5"), ("", "8")])) == "receipts[1].number")
        #expect(field(.sample([("G1", "-5")])) == "receipts[0].amount")
        #expect(field(.sample([("G1", "5")], buyerTitle: "")) == "buyerTitle")
        #expect(field(.sample([("G1", "5")], buyerTitle: "王\u{7}芳")) == "buyerTitle")
        #expect(field(.sample([("G1", "5")], taxpayerID: "91110000600037341l")) == "taxpayerID")
        #expect(field(.sample((1...51).map { ("H\($0)", "1") })) == "receipts")
        #expect(failure { try desk.issue(.sample([("G1", "5")]), by: f.auditor) } as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(desk.book.head.seq == 1, "nothing was written")
        #expect(try desk.issue(.sample([("", ""), ("G1", "5")]), by: f.clerk).receipts.count == 1, "empty lines are skipped")
    }
}
