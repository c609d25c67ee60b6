import DeskDomain
import Testing
@testable import DeskUI

@Suite struct LostFoundPanelTests {
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)

    func lines(_ f: ConsoleFixture) -> [Substring] { f.text.split(separator: "\n", omittingEmptySubsequences: false) }
    func focused(_ f: ConsoleFixture) -> String? { f.console.state.form.map { $0.fields[$0.focus].id } }
    /// The list area (between the title bar and the status line).
    func listRows(_ f: ConsoleFixture) -> ArraySlice<Substring> { lines(f)[1..<21] }
    func trimmed(_ s: Substring) -> String { String(String(s.reversed().drop { $0 == " " }).reversed()) }

    /// Moves a choice field to the option with this value.
    func choose(_ f: ConsoleFixture, _ value: String) {
        for _ in 0..<20 {
            guard let form = f.console.state.form, form.fields[form.focus].value != value else { return }
            f.press(.right)
        }
    }

    /// Takes in a found wallet from the keyboard, in Chinese.
    func takeInWallet(_ f: ConsoleFixture, features: String = "内有超市会员卡") {
        // The counter's budget: the action key, one Tab between typed fields, Enter; the category typed.
        f.type("i")
        f.type("三楼美食广场")
        f.press(.tab); f.type("保洁刘阿姨")
        f.press(.tab); f.type("钱包")
        f.press(.tab); f.type("黑色")
        f.press(.tab); f.type(features)
        f.press(.enter)
    }

    @Test func anEmptyDeskSaysWhatToDo() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        #expect(f.text.contains("现在没有保管中的失物。按 i 登记拾到的物品"))
        #expect(lines(f)[0].contains("失物招领"))
        #expect(lines(f)[22].contains("i 拾物入库") && lines(f)[22].contains("d 认领描述") && lines(f)[22].contains("/ 搜索"))
        // A lead's action is shown dimmed to a clerk: it opens, and asks for the lead in place.
        #expect(f.style(of: "x 处置", row: 22) == .dim && f.style(of: "i 拾物入库", row: 22) == .keyBar)
    }

    @Test func aLongListShowsTheNewestAndSaysItIsCut() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel(shownRows: 3)])
        for word in ["alpha", "bravo", "charlie", "delta", "echo"] { takeInWallet(f, features: word) }
        let panel = LostFoundPanel(shownRows: 3)
        let all = panel.list(desk: f.desk, query: "", language: .zhHans)
        #expect(all.rows.map(\.id) == ["LF-2026-000005", "LF-2026-000004", "LF-2026-000003"])
        #expect(all.footer.contains("保管中 5 件") && all.footer.contains("只列出最新 3 件"))
        let found = panel.list(desk: f.desk, query: "钱包", language: .en)
        #expect(found.rows.count == 3 && found.footer.contains("only the newest 3 are listed"))
        let few = panel.list(desk: f.desk, query: "bravo", language: .en)
        #expect(few.rows.map(\.id) == ["LF-2026-000002"] && !few.footer.contains("newest"))
    }

    @Test func takeInAFoundItemWithAChineseDescription() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        f.type("i")
        #expect(f.text.contains("登记拾到的物品") && f.text.contains("放入保险柜"))
        #expect(f.console.state.form?["foundDate"] == "2026-03-01" && f.console.state.form?["foundTime"] == "10:00")
        f.press(.escape)
        takeInWallet(f)
        #expect(f.console.state.form == nil)
        #expect(f.text.contains("已入库 LF-2026-000001。"))
        let row = lines(f).first { $0.contains("LF-2026-000001") }!
        #expect(row.contains("钱包") && row.contains("黑色") && row.contains("内有超市会员卡") && row.contains("10:00 三楼美食"))
        #expect(f.text.contains("保管中 1 件"))
        let item = f.desk.lostFound.item("1")!
        #expect(item.foundPlace == "三楼美食广场" && item.handedInBy == "保洁刘阿姨" && item.category == .wallet)
    }

    @Test func aRefusedIntakeKeepsTheFormAndPointsAtTheField() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        f.type("i")
        f.type("一楼服务台")
        f.press(.tab); f.type("顾客")
        f.press(.tab, .tab); f.type("白色")
        f.press(.tab); f.type("苹果手机")
        f.press(.enter)
        // No category chosen.
        #expect(focused(f) == "category")
        #expect(f.text.contains("此项必填"))
        #expect(f.console.state.form?["foundPlace"] == "一楼服务台" && f.console.state.form?["features"] == "苹果手机")
        // A phone is a valuable: it must be put in the safe.
        choose(f, "phone")
        #expect(focused(f) == "category")
        f.press(.enter)
        #expect(focused(f) == "storage")
        #expect(f.text.contains("贵重物品，须放入保险柜"))
        f.type("保险柜A-2"); f.press(.enter)
        #expect(f.text.contains("已入库 LF-2026-000001"))
        let row = lines(f).first { $0.contains("LF-2026-000001") }!
        #expect(row.contains("手机") && row.contains("保险柜A-2") && row.contains("贵"))
    }

    @Test func searchFindsItemsByChineseAndEnglishWordsAndOpenReports() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        takeInWallet(f)
        try f.desk.lostFound.intake(.init(foundDate: "now", foundPlace: "二楼童装区", handedInBy: "保安", category: "umbrella",
                                          colour: "蓝色", features: "格子折叠伞"), by: Self.clerk)
        try f.desk.lostFound.report(.init(category: "bag", description: "红色双肩包", colour: "红", contact: "李雷",
                                          phone: "13900001111"), by: Self.clerk)
        #expect(listRows(f).filter { $0.contains("LF-2026-") }.count == 2)
        #expect(!f.text.contains("LR-2026-000001"))
        #expect(f.text.contains("报失登记 1 份"))
        f.press(.character("/")); f.type("会员")
        var rows = listRows(f).filter { $0.contains("LF-2026-") || $0.contains("LR-2026-") }
        #expect(rows.count == 1 && rows[0].contains("LF-2026-000001"))
        f.press(.escape); f.press(.character("/")); f.type("格子伞")
        rows = listRows(f).filter { $0.contains("LF-2026-") || $0.contains("LR-2026-") }
        #expect(rows.count == 1 && rows[0].contains("LF-2026-000002"))
        f.press(.escape); f.press(.character("/")); f.type("wallet")
        rows = listRows(f).filter { $0.contains("LF-2026-") || $0.contains("LR-2026-") }
        #expect(rows.count == 1 && rows[0].contains("LF-2026-000001"))
        // The customer who reported a bag, found by name.
        f.press(.escape); f.press(.character("/")); f.type("李雷")
        rows = listRows(f).filter { $0.contains("LF-2026-") || $0.contains("LR-2026-") }
        #expect(rows.count == 1 && rows[0].contains("LR-2026-000001") && rows[0].contains("报失"))
        f.press(.enter)
        f.type("e")
        #expect(f.console.state.form?["report"] == "LR-2026-000001")
        choose(f, "withdrawn"); f.press(.enter)
        #expect(f.text.contains("报失 LR-2026-000001 已结案：已撤销"))
        // The search still finds it, closed (it covers the whole year).
        rows = listRows(f).filter { $0.contains("LR-2026-") }
        #expect(rows.count == 1 && rows[0].contains("结案"))
    }

    @Test func intakeAndReportSuggestEachOther() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        f.type("l")
        f.type("钱包")
        f.press(.tab); f.type("黑色钱包，内有会员卡")
        f.press(.tab); f.type("张小明")
        f.press(.tab); f.type("13812345678")
        f.press(.tab); f.type("黑色")
        f.press(.tab, .tab, .tab); f.type("美食广场")
        f.press(.enter)
        #expect(f.text.contains("已登记报失 LR-2026-000001"))
        takeInWallet(f)
        #expect(f.text.contains("已入库 LF-2026-000001。 匹配的失物登记: LR-2026-000001"))
        // A second customer reports a black wallet: the one in storage is suggested.
        f.type("l"); f.type("qb")   // 钱包 by its pinyin's first letters
        f.press(.tab); f.type("黑色皮夹"); f.press(.tab); f.type("韩梅梅"); f.press(.tab); f.type("13900002222")
        f.press(.tab); f.type("黑")
        f.press(.enter)
        #expect(f.text.contains("已登记报失 LR-2026-000002。 可能是保管中的: LF-2026-000001"))
    }

    @Test func describeThenCompleteAClaimAndTheItemLeavesTheList() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        try f.desk.lostFound.report(.init(category: "wallet", description: "黑色钱包", colour: "黑", contact: "王芳",
                                          phone: "13812345678"), by: Self.clerk)
        takeInWallet(f)
        // Completing before the claimant described it is refused.
        f.type("c")
        #expect(f.text.contains("此物品还没有认领描述"))
        f.press(.tab, .tab); f.type("王芳")
        f.press(.tab); f.type("11010519491231002X"); f.press(.tab); f.type("13812345678")
        f.press(.tab); f.type(" "); f.press(.enter)
        #expect(focused(f) == "tag" && f.text.contains("请先请认领人说出"))
        f.press(.escape)
        // The claimant's own description, before the item is shown.
        f.type("d")
        #expect(f.console.state.form?["tag"] == "LF-2026-000001")
        #expect(f.text.contains("先不要出示物品"))
        f.type("王芳"); f.press(.tab); f.type("1"); f.press(.tab); f.type("黑"); f.press(.tab); f.type("有会员卡")
        f.press(.enter)
        #expect(f.text.contains("已记下 LF-2026-000001 的认领描述（王芳）"))
        f.type("c")
        #expect(f.text.contains("认领人描述：1 件，黑，有会员卡") && f.text.contains("物品：1 件，黑色"))
        #expect(f.console.state.form?["claimant"] == "王芳")
        f.press(.tab, .tab, .tab); f.type("110105194912310021")
        f.press(.tab); f.type("13812345678")
        f.press(.tab, .tab); f.type("LR-2026-000001")
        f.press(.enter)
        // A wrong check digit: the cursor goes to the ID, the rest is kept.
        #expect(focused(f) == "claimantID")
        #expect(f.console.state.form?["reportID"] == "LR-2026-000001")
        f.press(.backspace); f.type("x")
        #expect(f.console.state.form?["claimantID"] == "11010519491231002X")
        f.press(.enter)
        // Not signed yet.
        #expect(focused(f) == "signatureConfirmed" && f.text.contains("签字"))
        f.type(" "); f.press(.enter)
        #expect(f.text.contains("LF-2026-000001 已交还 王芳（1101**********002X），报失 LR-2026-000001 已结案。"))
        #expect(!listRows(f).contains { $0.contains("LF-2026-000001") })
        #expect(f.text.contains("现在没有保管中的失物") && f.text.contains("报失登记 0 份"))
        #expect(f.desk.lostFound.item("1")?.status == .claimed)
    }

    @Test func aClaimThatDoesNotMatchKeepsTheItem() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        takeInWallet(f)
        f.type("d"); f.press(.tab); f.type("2"); f.press(.tab); f.type("红色"); f.press(.tab); f.type("身份证"); f.press(.enter)
        f.type("c"); choose(f, "no"); f.press(.tab); f.type("颜色数量都不符"); f.press(.enter)
        #expect(f.text.contains("描述不一致，已记录；LF-2026-000001 继续保管。"))
        #expect(listRows(f).contains { $0.contains("LF-2026-000001") })
    }

    @Test func disposalIsForTheShiftLead() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        takeInWallet(f)
        f.clock.advance(by: 91 * 86_400)
        let row = lines(f).first { $0.contains("LF-2026-000001") }!
        #expect(trimmed(row).hasSuffix("超") && f.text.contains("超=超过保管期 1"))
        f.type("x")
        #expect(f.text.contains("需要值班主管批准"))
        f.press(.tab); f.type("交南京路派出所"); f.press(.enter)
        // Without a lead's id and PIN nothing is done; the clerk's typing is kept.
        #expect(focused(f) == "leadID" && f.text.contains("值班主管工号"))
        #expect(f.console.state.form?["note"] == "交南京路派出所")
        #expect(f.desk.lostFound.itemsInStorage.count == 1)

        let lead = try ConsoleFixture(panels: [LostFoundPanel()], loggedInAs: "lead.li")
        takeInWallet(lead)
        #expect(lines(lead)[22].contains("x 处置"))
        lead.type("x")
        #expect(lead.console.state.form?["tag"] == "LF-2026-000001")
        choose(lead, "donation"); lead.press(.tab); lead.type("捐给慈善超市"); lead.press(.enter)
        #expect(lead.text.contains("LF-2026-000001 已处置：捐赠。"))
        #expect(lead.text.contains("现在没有保管中的失物"))
    }

    @Test func englishLabels() throws {
        let f = try ConsoleFixture(language: .en, panels: [LostFoundPanel()])
        #expect(f.text.contains("Nothing is in storage. Press i to take in a found item"))
        let keys = lines(f)[22]
        #expect(keys.contains("i intake") || keys.contains("iintake"))
        #expect(keys.contains("lost report") && keys.contains("describe") && keys.contains("claim") && keys.contains("search"))
        f.type("i")
        #expect(f.text.contains("Take in a found item") && f.text.contains("Found where") && f.text.contains("(choose one)"))
        f.type("Food court"); f.press(.tab); f.type("Cleaner Liu"); f.press(.tab); f.type("key")
        f.press(.tab); f.type("silver"); f.press(.tab); f.type("car key, red tag")
        f.press(.tab); f.type("3")   // the first key replaces the quantity the form filled in (1)
        f.press(.enter)
        #expect(f.text.contains("Took in LF-2026-000001."))
        let heading = lines(f).first { $0.contains("Tag") && $0.contains("Category") }!
        #expect(heading.contains("Colour") && heading.contains("Storage"))
        #expect(lines(f).first { $0.contains("LF-2026-000001") }!.contains("keys×3"))
    }

    @Test func columnsLineUpWithChineseText() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        try f.desk.lostFound.intake(.init(foundDate: "now", foundPlace: "B1停车场", handedInBy: "保安", category: "钥匙",
                                          colour: "银", features: "丰田车钥匙，挂熊猫挂件", storage: "柜3"), by: Self.clerk)
        try f.desk.lostFound.intake(.init(foundDate: "now", foundPlace: "1F", handedInBy: "guest", category: "clothing",
                                          colour: "dark blue", features: "kids jacket", storage: "C5"), by: Self.clerk)
        let all = lines(f)
        #expect(all.allSatisfy { TextWidth.of(String($0)) <= 80 })
        let heading = all.first { $0.contains("编号") && $0.contains("存放") }!
        let storageColumn = TextWidth.of(String(heading[..<heading.range(of: "存放")!.lowerBound]))
        for (row, storage) in [("LF-2026-000001", "柜3"), ("LF-2026-000002", "C5")] {
            let line = all.first { $0.contains(row) }!
            #expect(TextWidth.of(String(line[..<line.range(of: storage)!.lowerBound])) == storageColumn)
        }
    }
    @Test(arguments: [Language.zhHans, .en])
    func aSearchFindsTheWholeYearAndEnterShowsTheHistory(_ language: Language) throws {
        let f = try ConsoleFixture(language: language, panels: [LostFoundPanel()])
        takeInWallet(f)
        let lead = Actor(id: try OperatorID("lead.li"), role: .lead)
        f.clock.advance(by: 91 * 86_400)
        try f.desk.lostFound.dispose(.init(tag: "1", method: .police, note: "交南京路派出所"), by: lead)
        let report = try f.desk.lostFound.report(.init(category: "keys", description: "两把钥匙", contact: "张伟", phone: "13900000002"),
                                                 by: lead).report
        try f.desk.lostFound.closeReport(.init(report: report.id, outcome: .withdrawn, note: "顾客自己找到了"), by: lead)
        // Not kept any more: the list without a search leaves both out.
        #expect(!listRows(f).contains { $0.contains("LF-2026-000001") || $0.contains(report.id) })
        f.type("/"); f.type("钱包"); f.press(.enter)
        let row = try #require(lines(f).first { $0.contains("LF-2026-000001") })
        #expect(row.contains(language == .en ? "disposed" : "已处置"), "\(row)")
        f.press(.enter)   // the row's natural action: its history
        #expect(f.text.contains(language == .en ? "History" : "来龙去脉"))
        #expect(f.text.contains(language == .en ? "taken in: found at 三楼美食广场" : "入库：三楼美食广场 拾获"), "\(f.text)")
        #expect(f.text.contains(language == .en ? "disposed of: handed to the police (交南京路派出所)" : "处置：交公安机关（交南京路派出所）"))
        #expect(f.text.contains("lead.li"))
        f.press(.enter)
        #expect(f.console.state.form == nil)
        f.press(.escape); f.type("/"); f.type("钥匙"); f.press(.enter)
        let closed = try #require(lines(f).first { $0.contains(report.id) })
        #expect(closed.contains(language == .en ? "LR x" : "结案"), "\(closed)")
        f.press(.enter)
        #expect(f.text.contains(language == .en ? "closed: withdrawn (顾客自己找到了)" : "结案：已撤销（顾客自己找到了）"), "\(f.text)")
    }
}
