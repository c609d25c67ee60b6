import DeskDomain
import Testing
@testable import DeskUI

@Suite struct PointsPanelTests {
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)

    /// A desk on the points panel (F5), logged in as `who`.
    func points(_ language: Language = .zhHans, as who: String = "clerk.wang") throws -> ConsoleFixture {
        let f = try ConsoleFixture(language: language, panels: [PointsPanel()], loggedInAs: who)
        f.press(.function(5))
        return f
    }

    /// Enrols a card straight through the domain.
    func enrol(_ f: ConsoleFixture, card: String, name: String, phone: String, id: String, receipt: String, amount: String = "100") throws {
        try f.desk.points.enrol(.init(cardNumber: card, name: name, phone: phone, idNumber: id, formNumber: "F-" + card, formKept: true,
                                      shop: "星巴克", receiptNumber: receipt, receiptDate: "2026-03-01", amount: amount), by: Self.clerk)
    }

    func lines(_ f: ConsoleFixture) -> [Substring] { f.text.split(separator: "\n", omittingEmptySubsequences: false) }
    func row(_ f: ConsoleFixture, _ needle: String) -> Substring? { lines(f).first { $0.contains(needle) } }
    func focusedField(_ f: ConsoleFixture) -> String? { f.console.state.form.map { $0.fields[$0.focus].id } }

    @Test func enrolACardWithAChineseNameThenBackFillAReceipt() throws {
        let f = try points()
        #expect(f.text.contains("还没有积分卡。按 n 办卡"))
        f.type("n")
        #expect(f.text.contains("办理积分卡") && f.text.contains("核对购物小票") && f.text.contains("申请表填写完整后收好存档"))
        #expect(f.console.state.form?["receiptDate"] == "2026-03-01")
        f.type("A-0091"); f.press(.tab); f.type("星巴克"); f.press(.tab, .tab); f.type("128"); f.press(.tab)
        f.type("张小明"); f.press(.tab); f.type("13812345678"); f.press(.tab); f.type("11010519491231002x"); f.press(.tab)
        f.type("F2026-0001"); f.press(.tab, .tab); f.type("PC00012345")
        #expect(f.console.state.form?["idNumber"] == "11010519491231002X")
        f.press(.enter)
        // The form was not ticked as filed: refused, everything kept, the cursor on the tick box.
        #expect(f.text.contains("申请表归档保存"))
        #expect(focusedField(f) == "formKept")
        #expect(f.console.state.form?["name"] == "张小明" && f.console.state.form?["cardNumber"] == "PC00012345")
        f.type(" "); f.press(.enter)
        #expect(f.console.state.form == nil)
        #expect(f.text.contains("已为 张小明 办卡 PC00012345，小票积 128 分"))
        var card = try #require(row(f, "PC00012345"))
        #expect(card.contains("张小明") && card.contains("138****5678") && card.contains("128") && card.contains("正常"))
        #expect(!f.text.contains("13812345678") && !f.text.contains("11010519491231002X"))

        // Back-fill: the card comes from the selected row, the date defaults to today.
        f.type("b")
        #expect(f.console.state.form?["cardNumber"] == "PC00012345" && f.console.state.form?["receiptDate"] == "2026-03-01")
        f.type("优衣库"); f.press(.tab); f.type("778812"); f.press(.tab); f.type("299"); f.press(.enter)
        #expect(f.text.contains("PC00012345 补积 299 分，余额 427 分"))
        card = try #require(row(f, "PC00012345"))
        #expect(card.contains("427"))

        // The same receipt again: refused, the cursor on the receipt number.
        f.type("b"); f.type("优衣库"); f.press(.tab); f.type("778812"); f.press(.tab); f.type("299")
        f.press(.enter)
        #expect(f.text.contains("这张小票已经积过分（积分卡 PC00012345）"))
        #expect(focusedField(f) == "receiptNumber" && f.console.state.form?["shop"] == "优衣库")
        #expect(try f.desk.points.balance(of: "PC00012345") == 427)
    }

    @Test func enrolRefusesABadIDNumberAndPointsAtIt() throws {
        let f = try points()
        f.type("n"); f.type("B-1"); f.press(.tab); f.type("优衣库"); f.press(.tab, .tab); f.type("50"); f.press(.tab)
        f.type("李娜"); f.press(.tab); f.type("13912345678"); f.press(.tab); f.type("110105194912310021"); f.press(.tab)
        f.type("F1"); f.press(.tab); f.type(" "); f.press(.tab); f.type("PC00000001"); f.press(.enter)
        #expect(focusedField(f) == "idNumber" && f.console.state.form?["name"] == "李娜")
        #expect(f.desk.points.state.cards.isEmpty)
    }

    @Test func redeemReportLossAndReissueFromTheKeyboard() throws {
        let f = try points()
        try enrol(f, card: "PC00000001", name: "王芳", phone: "13812345678", id: "11010519491231002X", receipt: "A1", amount: "200")
        f.type("r")
        #expect(f.console.state.form?["cardNumber"] == "PC00000001" && f.text.contains("卡上余额 200 分"))
        f.type("500"); f.press(.tab); f.type("雨伞一把"); f.press(.enter)
        #expect(f.text.contains("积分不足") && focusedField(f) == "points")
        f.press(.backspace, .backspace, .backspace); f.type("150"); f.press(.enter)
        #expect(f.text.contains("已兑换 150 分，余额 50 分（雨伞一把）"))
        #expect(row(f, "PC00000001")?.contains("50") == true)

        f.type("l"); f.type("11010519491231002X"); f.press(.tab); f.type("顾客电话挂失"); f.press(.enter)
        #expect(f.text.contains("积分卡 PC00000001 已挂失停用，余额 50 分保留"))
        #expect(row(f, "PC00000001")?.contains("已挂失") == true)

        f.type("i"); f.type("11010519491231002X"); f.press(.tab); f.type("PC00000001"); f.press(.enter)
        #expect(f.text.contains("已经发过卡") && focusedField(f) == "newCardNumber")
        f.press(.backspace); f.type("2"); f.press(.enter)
        #expect(f.text.contains("已补办新卡 PC00000002，原卡 PC00000001 作废，余额 50 分已转入"))
        #expect(row(f, "PC00000002")?.contains("正常") == true && row(f, "PC00000001")?.contains("已补办换卡") == true)
    }

    @Test func adjustIsForTheShiftLeadOnly() throws {
        let f = try points()
        try enrol(f, card: "PC00000001", name: "王芳", phone: "13812345678", id: "11010519491231002X", receipt: "A1")
        #expect(f.style(of: "a 调整积分", row: 22) == .dim && lines(f)[22].contains("n 办卡"))
        f.type("a"); f.type("20"); f.press(.tab); f.type("系统故障补分"); f.press(.enter)
        #expect(f.console.state.form.map { $0.fields[$0.focus].id } == "leadID")
        #expect(f.console.state.form?["reason"] == "系统故障补分")
        #expect(try f.desk.points.balance(of: "PC00000001") == 100)

        let lead = try points(as: "lead.li")
        try enrol(lead, card: "PC00000001", name: "王芳", phone: "13812345678", id: "11010519491231002X", receipt: "A1")
        #expect(lines(lead)[22].contains("a 调整积分"))
        lead.type("a"); lead.type("-30"); lead.press(.tab); lead.type("重复积分冲回"); lead.press(.enter)
        #expect(lead.text.contains("积分已调整 -30，余额 70 分"))
        #expect(row(lead, "PC00000001")?.contains("70") == true)
    }

    @Test func searchFindsCardsByNumberNameOrPhone() throws {
        let f = try points()
        try enrol(f, card: "PC00000001", name: "王芳", phone: "13812345678", id: "11010519491231002X", receipt: "A1")
        try enrol(f, card: "PC00000002", name: "李娜", phone: "13987654321", id: "360426199101010071", receipt: "A2")
        try enrol(f, card: "PC00000003", name: "Mary Smith", phone: "13711112222", id: "440304198506151237", receipt: "A3")
        #expect(lines(f).filter { $0.contains("PC0000000") }.count == 3)
        f.press(.character("/")); f.type("李")
        var rows = lines(f).filter { $0.contains("PC0000000") }
        #expect(rows.count == 1 && rows[0].contains("李娜"))
        f.press(.backspace); f.type("2222")
        rows = lines(f).filter { $0.contains("PC0000000") }
        #expect(rows.count == 1 && rows[0].contains("Mary Smith"))
        // A whole mobile number finds the card by its mask.
        f.press(.escape, .character("/")); f.type("13812345678")
        rows = lines(f).filter { $0.contains("PC0000000") }
        #expect(rows.count == 1 && rows[0].contains("王芳"))
        f.press(.escape, .character("/")); f.type("pc00000003")
        rows = lines(f).filter { $0.contains("PC0000000") }
        #expect(rows.count == 1 && rows[0].contains("Mary Smith"))
        f.press(.escape, .character("/")); f.type("赵")
        #expect(f.text.contains("没有符合搜索的积分卡"))
    }

    @Test func theMostRecentlyActiveCardsComeFirstAndALongListIsCut() throws {
        let f = try ConsoleFixture(panels: [PointsPanel(listLimit: 2)])
        f.press(.function(5))
        try enrol(f, card: "PC00000001", name: "王芳", phone: "13812345678", id: "11010519491231002X", receipt: "A1")
        f.clock.advance(by: 300)
        try enrol(f, card: "PC00000002", name: "李娜", phone: "13987654321", id: "360426199101010071", receipt: "A2")
        f.clock.advance(by: 300)
        try enrol(f, card: "PC00000003", name: "赵磊", phone: "13711112222", id: "440304198506151237", receipt: "A3")
        f.clock.advance(by: 600)
        try f.desk.points.backfill(.init(cardNumber: "PC00000001", shop: "优衣库", receiptNumber: "U1", receiptDate: "2026-03-01",
                                         amount: "20"), by: Self.clerk)
        let cards = lines(f).filter { $0.hasPrefix(" PC0000000") }
        #expect(cards.count == 2 && cards[0].contains("PC00000001") && cards[0].contains("10:20") && cards[1].contains("PC00000003"))
        #expect(f.text.contains("显示最近 2 张，共 3 张"))
        f.press(.character("/")); f.type("李")
        #expect(lines(f).filter { $0.hasPrefix(" PC0000000") }.count == 1 && !f.text.contains("显示最近"))
    }

    @Test func theFAQShowsAsAFormWithoutFields() throws {
        let f = try points()
        f.type("q")
        let t = f.text
        #expect(t.contains("积分卡常见问题") && t.contains("1. 问：怎样办理积分卡？"))
        #expect(f.console.state.form?.fields.isEmpty == true)
        // The desk's settings are filled in.
        #expect(f.console.state.form?.noteZh.contains("¥10.00") == true && f.console.state.form?.noteZh.contains("{") == false)
        f.press(.enter)
        #expect(f.console.state.form == nil && f.text.contains("常见问题已关闭"))
        f.type("q"); f.press(.escape)
        #expect(f.console.state.form == nil)
    }

    @Test func englishLabels() throws {
        let f = try points(.en)
        try enrol(f, card: "PC00000001", name: "王芳", phone: "13812345678", id: "11010519491231002X", receipt: "A1")
        let t = f.text
        #expect(lines(f)[0].contains("Points cards"))
        #expect(t.contains("Card") && t.contains("Holder") && t.contains("Points") && t.contains("Status") && t.contains("active"))
        #expect(lines(f)[22].contains("n enrol") && lines(f)[22].contains("b back-fill") && lines(f)[22].contains("q FAQ"))
        f.type("b")
        #expect(f.text.contains("Back-fill points from a receipt") && f.text.contains("Receipt number"))
        f.type("Uniqlo"); f.press(.tab); f.type("R9"); f.press(.tab); f.type("30.50"); f.press(.enter)
        #expect(f.text.contains("PC00000001 earned 30 points; the balance is 130."))
        f.type("q")
        #expect(f.text.contains("1. Q: "))
    }

    @Test func columnsLineUpWithChineseNamesAt80x24() throws {
        let f = try points()
        try enrol(f, card: "PC00000001", name: "欧阳娜娜", phone: "13812345678", id: "11010519491231002X", receipt: "A1")
        try enrol(f, card: "PC00000002", name: "Li", phone: "13987654321", id: "360426199101010071", receipt: "A2")
        let heading = try #require(row(f, "持卡人"))
        let phoneColumn = TextWidth.of(String(heading.prefix { $0 != "电" }))
        let pointsColumn = TextWidth.of(String(heading.prefix { $0 != "积" }))
        for needle in ["PC00000001", "PC00000002"] {
            let r = try #require(row(f, needle))
            #expect(TextWidth.of(String(r[..<r.range(of: "****")!.lowerBound])) == phoneColumn + 3)
            #expect(TextWidth.of(String(r[..<r.range(of: "100")!.lowerBound])) == pointsColumn)
            #expect(TextWidth.of(String(r)) <= 80)
        }
        #expect(f.text.contains("正常 2 张，已挂失 0 张"))
    }
}
