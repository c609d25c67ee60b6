import DeskDomain
import Testing
@testable import DeskUI

@Suite struct InvoicePanelTests {
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)
    static let lead = Actor(id: try! OperatorID("lead.li"), role: .lead)

    /// A desk on the invoice panel (F6) with paper numbers 00000001–00000250 registered.
    func invoices(_ language: Language = .zhHans, as who: String = "clerk.wang", allocate: Bool = true) throws -> ConsoleFixture {
        let f = try ConsoleFixture(language: language, panels: [InvoicePanel()], loggedInAs: who)
        if allocate {
            try f.desk.invoices.allocate(.init(kind: .paper, code: "144001900110", first: "00000001", last: "00000250"), by: Self.lead)
        }
        f.press(.function(6))
        return f
    }

    /// A second console on the same desk, logged in as the shift lead, on F6.
    func leadConsole(_ f: ConsoleFixture) -> Console {
        let c = Console(desk: f.desk, language: .zhHans, panels: [InvoicePanel()])
        for ch in "lead.li" { c.handle(.character(ch)) }
        c.handle(.tab)
        for ch in "2468" { c.handle(.character(ch)) }
        c.handle(.enter)
        c.handle(.function(6))
        return c
    }

    func text(_ c: Console) -> String { c.render(rows: 24, columns: 80).0.text }
    func lines(_ f: ConsoleFixture) -> [Substring] { f.text.split(separator: "\n", omittingEmptySubsequences: false) }
    func row(_ text: String, _ needle: String) -> Substring? { text.split(separator: "\n").first { $0.contains(needle) } }
    func focusedField(_ f: ConsoleFixture) -> String? { f.console.state.form.map { $0.fields[$0.focus].id } }

    func issue(_ f: ConsoleFixture, receipt: String, amount: String = "88.00", shop: String = "星巴克", buyer: String = "王芳") throws -> Invoice {
        try f.desk.invoices.issue(.init(kind: .paper, shop: shop, receipts: [.init(number: receipt, amount: amount)], buyerType: .person,
                                        buyerTitle: buyer), by: Self.clerk)
    }

    /// Types an invoice for one receipt into the open issue form (cursor on the kind).
    func typeInvoice(_ f: ConsoleFixture, shop: String, receipt: String, amount: String, buyer: String) {
        f.press(.tab); f.type(shop); f.press(.tab); f.type(receipt); f.press(.tab); f.type(amount)
        f.press(.tab, .tab, .tab, .tab, .tab, .tab); f.type(buyer)
    }

    @Test func issueAnInvoiceThenTheSameReceiptIsRefused() throws {
        let f = try invoices()
        #expect(f.text.contains("今天还没有开发票或服务收据"))
        #expect(f.text.contains("纸质票余 250 张"))
        f.type("i")
        #expect(f.text.contains("开具发票") && f.text.contains("下一张纸质票：代码 144001900110 号码 00000001"))
        let ids = f.console.state.form!.fields.map(\.id)
        #expect(ids == ["kind", "shop", "receipts[0].number", "receipts[0].amount", "receipts[1].number", "receipts[1].amount",
                        "receipts[2].number", "receipts[2].amount", "buyerType", "buyerTitle", "taxpayerID",
                        "acceptFailedCreditCheck", "expectedNumber"])
        typeInvoice(f, shop: "星巴克", receipt: "A1001", amount: "88", buyer: "王芳")
        f.press(.tab, .tab, .tab); f.type("00000001")
        f.press(.enter)
        #expect(f.console.state.form == nil)
        #expect(f.text.contains("已开具纸质发票 代码 144001900110 号码 00000001，金额 ¥88.00"))
        let r = try #require(row(f.text, "00000001"))
        #expect(r.contains("纸质票") && r.contains("星巴克") && r.contains("王芳") && r.contains("¥88.00") && r.contains("有效"))
        #expect(f.text.contains("纸质票余 249 张"))

        // The same receipt again (typed with a lower-case letter): refused at the receipt.
        f.type("i")
        typeInvoice(f, shop: "星巴克", receipt: "a1001", amount: "88", buyer: "王芳")
        f.press(.enter)
        #expect(f.text.contains("小票 a1001 已开过发票（代码 144001900110 号码 00000001）"))
        #expect(focusedField(f) == "receipts[0].number" && f.console.state.form?.faultField == "receipts[0].number")
        #expect(f.console.state.form?["buyerTitle"] == "王芳" && f.console.state.form?["shop"] == "星巴克")
        #expect(f.desk.invoices.state.invoices.count == 1)
    }

    @Test func anEnterpriseWithoutTaxpayerIDIsRefusedAtThatField() throws {
        let f = try invoices()
        f.type("i")
        typeInvoice(f, shop: "优衣库", receipt: "U-77", amount: "1200", buyer: "北京某某科技有限公司")
        f.press(.backTab); f.type(" "); f.press(.enter)
        #expect(f.console.state.form?["buyerType"] == "enterprise")
        #expect(f.text.contains("企业抬头必须填写纳税人识别号") && focusedField(f) == "taxpayerID")
        f.type("91110000600037341L"); f.press(.enter)
        #expect(f.text.contains("已开具纸质发票 代码 144001900110 号码 00000001，金额 ¥1200.00"))
    }

    @Test func aClerksVoidIsRefusedALeadsIsDone() throws {
        let f = try invoices()
        _ = try issue(f, receipt: "A1001")
        #expect(f.style(of: "v 作废发票", row: 22) == .dim)
        f.type("v")
        #expect(f.console.state.form?["number"] == "00000001" && f.console.state.form?["code"] == "144001900110")
        f.type("抬头写错"); f.press(.enter)
        #expect(f.console.state.form.map { $0.fields[$0.focus].id } == "leadID")
        #expect(f.console.state.form?["reason"] == "抬头写错")
        #expect(f.desk.invoices.invoice(number: "00000001")?.status == .issued)

        let lead = leadConsole(f)
        #expect(row(text(lead), "v 作废发票") != nil)
        lead.handle(.character("v"))
        for ch in "抬头写错" { lead.handle(.character(ch)) }
        lead.handle(.enter)
        let t = text(lead)
        #expect(t.contains("发票 代码 144001900110 号码 00000001 已作废（¥88.00），号码保留"))
        #expect(row(t, "00000001")?.contains("作废") == true)
        // The receipt may be invoiced again, with the next number.
        f.press(.escape)
        f.type("i"); typeInvoice(f, shop: "星巴克", receipt: "A1001", amount: "88", buyer: "王芳"); f.press(.enter)
        #expect(f.text.contains("号码 00000002，金额 ¥88.00"))
    }

    @Test func aLeadReversesPartOfAnInvoiceWithAReasonCode() throws {
        let f = try invoices(as: "lead.li")
        _ = try issue(f, receipt: "A1001", amount: "100")
        f.type("r")
        #expect(f.console.state.form?["number"] == "00000001" && f.console.state.form?["reasonCode"] == "01")
        #expect(f.text.contains("01 开票有误"))
        f.press(.right)
        #expect(f.text.contains("02 销货退回") && f.console.state.form?["reasonCode"] == "02")
        f.press(.tab); f.type("150"); f.press(.enter)
        #expect(f.text.contains("红冲金额不能超过原发票尚未冲销的 ¥100.00") && focusedField(f) == "amount")
        f.press(.backspace, .backspace, .backspace); f.type("20"); f.press(.enter)
        #expect(f.text.contains("已开具红字发票 代码 144001900110 号码 00000002，冲销 ¥20.00"))
        let red = try #require(row(f.text, "00000002"))
        #expect(red.contains("-¥20.00") && red.contains("红字") && red.contains("冲 00000001"))
        #expect(f.text.split(separator: "\n").first { $0.hasPrefix(" 00000001") }?.contains("部分红冲") == true)
    }

    @Test func aLeadAllocatesARangeAndTheClerkIsRefused() throws {
        let f = try invoices(allocate: false)
        f.type("i")
        #expect(f.text.contains("纸质票号码已用完"))
        f.press(.escape)
        f.type("a"); f.press(.right, .tab, .tab); f.type("00000000000000000001"); f.press(.tab); f.type("00000000000000000100"); f.press(.enter)
        #expect(f.console.state.form.map { $0.fields[$0.focus].id } == "leadID")
        #expect(f.desk.invoices.state.ranges.isEmpty)

        let lead = leadConsole(f)
        lead.handle(.character("a")); lead.handle(.right); lead.handle(.tab); lead.handle(.tab)
        for ch in "00000000000000000001" { lead.handle(.character(ch)) }
        lead.handle(.tab)
        for ch in "00000000000000000100" { lead.handle(.character(ch)) }
        lead.handle(.enter)
        #expect(text(lead).contains("已登记电子发票号段 00000000000000000001–00000000000000000100，共 100 张"))
        #expect(text(lead).contains("电子票余 100 张"))
        // An electronic invoice's 20-digit number fits its column.
        f.press(.escape)
        f.type("i"); f.press(.right); typeInvoice(f, shop: "海底捞火锅", receipt: "H-1", amount: "356.5", buyer: "欧阳娜娜"); f.press(.enter)
        #expect(f.text.contains("已开具电子发票 号码 00000000000000000001，金额 ¥356.50"))
        let r = try #require(row(f.text, "00000000000000000001 "))
        #expect(r.contains("电子票") && r.contains("欧阳娜娜"))
    }

    @Test func aPaidServiceReceiptWithChange() throws {
        let f = try invoices()
        f.type("s")
        #expect(f.text.contains("先告知顾客费用") && f.text.contains("复印 ¥0.50") && f.text.contains("礼品包装 ¥10.00"))
        f.press(.right, .right)
        #expect(f.console.state.form?["kind"] == "photocopy")
        f.press(.tab); f.type("12"); f.press(.tab); f.type("5"); f.press(.tab); f.type("10"); f.press(.tab); f.type("张先生")
        f.press(.enter)
        #expect(f.text.contains("费用应为 ¥6.00") && focusedField(f) == "statedFee")
        f.press(.backspace); f.type("6"); f.press(.enter)
        #expect(f.text.contains("收据 SR-2026-000001：复印 ×12，收费 ¥6.00，实收 ¥10.00，找零 ¥4.00"))
        let r = try #require(row(f.text, "SR-2026-000001"))
        #expect(r.contains("服务收据") && r.contains("复印 ×12") && r.contains("张先生") && r.contains("¥6.00") && r.contains("有效"))
        #expect(f.text.contains("今日服务收据 1 张，收入 ¥6.00"))

        // Too little cash: refused at what was received.
        f.type("s"); f.press(.tab); f.type("1"); f.press(.tab); f.type("10"); f.press(.tab); f.type("5"); f.press(.enter)
        #expect(f.text.contains("请再收 ¥5.00") && focusedField(f) == "tendered")
    }

    @Test func aLeadVoidsAServiceReceipt() throws {
        let f = try invoices(as: "lead.li")
        try f.desk.services.issue(.init(kind: .fax, quantity: "3", statedFee: "6", tendered: "6"), by: Self.clerk)
        _ = try issue(f, receipt: "A1")
        f.press(.character("/")); f.type("SR-"); f.press(.enter)
        f.type("x")
        #expect(f.console.state.form?["number"] == "SR-2026-000001")
        f.type("顾客取消"); f.press(.enter)
        #expect(f.text.contains("收据 SR-2026-000001 已作废，¥6.00 不计入收入"))
        #expect(row(f.text, "SR-2026-000001")?.contains("作废") == true)
        #expect(f.text.contains("今日服务收据 1 张，收入 ¥0.00"))
    }

    @Test func searchFiltersInvoicesAndReceipts() throws {
        let f = try invoices()
        _ = try issue(f, receipt: "A1", shop: "星巴克", buyer: "王芳")
        _ = try issue(f, receipt: "B2", shop: "优衣库", buyer: "李娜")
        try f.desk.services.issue(.init(kind: .giftWrap, quantity: "1", statedFee: "10", tendered: "20", customer: "王先生"), by: Self.clerk)
        #expect(f.text.split(separator: "\n").filter { $0.contains("0000000") || $0.contains("SR-") }.count == 3)
        f.press(.character("/")); f.type("优衣库")
        var rows = f.text.split(separator: "\n").filter { $0.contains("0000000") || $0.contains("SR-") }
        #expect(rows.count == 1 && rows[0].contains("李娜"))
        f.press(.escape, .character("/")); f.type("王")
        rows = f.text.split(separator: "\n").filter { $0.contains("0000000") || $0.contains("SR-") }
        #expect(rows.count == 2)
        f.press(.escape, .character("/")); f.type("礼品")
        rows = f.text.split(separator: "\n").filter { $0.contains("0000000") || $0.contains("SR-") }
        #expect(rows.count == 1 && rows[0].contains("SR-2026-000001"))
        f.press(.escape, .character("/")); f.type("赵")
        #expect(f.text.contains("没有符合搜索的发票或收据"))
    }

    @Test func englishLabelsAndAlignedColumns() throws {
        let f = try invoices(.en)
        _ = try issue(f, receipt: "A1", shop: "星巴克咖啡", buyer: "欧阳娜娜")
        _ = try issue(f, receipt: "B2", shop: "Uniqlo", buyer: "Li Na")
        let t = f.text
        #expect(lines(f)[0].contains("Invoices & receipts"))
        #expect(t.contains("Number") && t.contains("Shop/service") && t.contains("Buyer") && t.contains("Amount") && t.contains("live"))
        #expect(t.contains("Left: 248 paper, 0 e-invoice numbers; today 0 receipts, takings ¥0.00"))
        #expect(lines(f)[22].contains("i invoice") && lines(f)[22].contains("s receipt") && !lines(f)[22].contains("v oid"))
        let heading = try #require(row(t, "Amount"))
        let amountColumn = TextWidth.of(String(heading[..<heading.range(of: "Amount")!.lowerBound]))
        let buyerColumn = TextWidth.of(String(heading[..<heading.range(of: "Buyer")!.lowerBound]))
        for (needle, buyer) in [("00000001", "欧阳娜娜"), ("00000002", "Li Na")] {
            let r = try #require(row(t, needle))
            #expect(TextWidth.of(String(r[..<r.range(of: "¥88.00")!.lowerBound])) == amountColumn)
            #expect(TextWidth.of(String(r[..<r.range(of: buyer)!.lowerBound])) == buyerColumn)
        }
        f.type("s")
        #expect(f.text.contains("State the fee first") && f.text.contains("photocopy ¥0.50"))
        f.press(.tab); f.type("2"); f.press(.tab); f.type("20"); f.press(.tab); f.type("100"); f.press(.enter)
        #expect(f.text.contains("SR-2026-000001: gift wrapping ×2, fee ¥20.00, got ¥100.00, change ¥80.00."))
        let lead = try invoices(.en, as: "lead.li")
        #expect(lines(lead)[22].contains("v void") && lines(lead)[22].contains("x void receipt") && lines(lead)[22].contains("/ search"))
    }
}
