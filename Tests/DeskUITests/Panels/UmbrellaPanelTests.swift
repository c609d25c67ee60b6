import DeskDomain
import Testing
@testable import DeskUI

@Suite struct UmbrellaPanelTests {
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)

    func lines(_ f: ConsoleFixture) -> [Substring] { f.text.split(separator: "\n", omittingEmptySubsequences: false) }
    func focused(_ f: ConsoleFixture) -> String? { f.console.state.form.map { $0.fields[$0.focus].id } }

    func open(language: Language = .zhHans, as who: String = "clerk.wang") throws -> ConsoleFixture {
        let f = try ConsoleFixture(language: language, panels: [LostFoundPanel(), UmbrellaPanel()], loggedInAs: who)
        f.press(.function(3))
        return f
    }

    /// Lends the first free umbrella from the keyboard.
    func lend(_ f: ConsoleFixture, card: String, name: String, phone: String = "13812345678") {
        // The counter's budget: n, the card, Tab, the name, Tab, the phone, Enter.
        f.type("n"); f.type(card); f.press(.tab); f.type(name); f.press(.tab); f.type(phone); f.press(.enter)
    }

    @Test func anEmptyListSaysWhatToDo() throws {
        let f = try open()
        #expect(lines(f)[0].contains("雨伞"))
        #expect(f.text.contains("现在没有借出的雨伞。按 n 借出。"))
        #expect(f.text.contains("借出 0 把，可借 60 把，损坏待修 0 把；押金 ¥50.00/把"))
        #expect(lines(f)[22].contains("n 借出") && lines(f)[22].contains("r 归还"))
        #expect(f.style(of: "x 没收押金", row: 22) == .dim && f.style(of: "n 借出", row: 22) == .keyBar)
    }

    @Test func lendAndReturnWithDamageShowsTheRefund() throws {
        let f = try open()
        f.type("n")
        #expect(f.console.state.form?["unit"] == "U001")
        #expect(f.text.contains("押金（留空 = ¥50.00）") && f.text.contains("押金留空即按 ¥50.00 收取"))
        f.press(.escape)
        lend(f, card: "12", name: "张小明")
        #expect(f.text.contains("已借出 U001 给 张小明，押金卡 D012，收押金 ¥50.00。"))
        let row = lines(f).first { $0.contains("U001") }!
        #expect(row.contains("D012") && row.contains("张小明") && row.contains("138****5678") && row.contains("¥50.00"))
        #expect(f.text.contains("借出 1 把，可借 59 把") && f.text.contains("收存押金 ¥50.00"))
        f.clock.advance(by: 2 * 3600 + 5 * 60)
        #expect(lines(f).first { $0.contains("U001") }!.contains("2h05m"))

        f.type("r")
        #expect(f.console.state.form?["unit"] == "U001")
        #expect(f.console.state.form?["depositCard"] == "")
        // The wrong card: refused, the cursor on the card.
        f.type("13"); f.press(.enter)
        #expect(focused(f) == "depositCard" && f.text.contains("押金卡 D013 与 U001 的借用记录不符") && !f.text.contains("D002"))
        f.press(.backspace); f.type("2"); f.press(.tab); choose(f, "damaged"); f.press(.enter)
        // Damaged needs a note.
        #expect(focused(f) == "note")
        f.type("伞骨折断"); f.press(.enter)
        #expect(f.text.contains("U001 已归还，退押金 ¥20.00（损坏扣 ¥30.00）。"))
        #expect(f.text.contains("现在没有借出的雨伞"))
        #expect(f.text.contains("损坏待修 1 把（U001）"))
    }

    @Test func aReturnInGoodConditionRefundsInFull() throws {
        let f = try open()
        lend(f, card: "D001", name: "Mary", phone: "13900001111")
        f.type("r"); f.type("1"); f.press(.enter)
        #expect(f.text.contains("U001 已归还，退押金 ¥50.00。"))
    }

    /// The customer brings the card but not the umbrella: 丢失 charges the lost price
    /// (default ¥50.00, the whole deposit) and retires the unit.
    @Test func aLostReturnShowsTheCharge() throws {
        let f = try open()
        lend(f, card: "7", name: "张小明")
        f.type("r")
        #expect(f.text.contains("丢失按 ¥50.00"))
        f.type("7"); f.press(.tab); choose(f, "lost")
        #expect(f.text.contains("丢失"))
        f.press(.enter)
        #expect(f.text.contains("U001 丢失，雨伞注销：退押金 ¥0.00（丢失赔 ¥50.00）。"))
        #expect(f.desk.umbrellas.state.fleet.status(of: "U001") == .retired)
        #expect(f.text.contains("可借 59 把"))
    }

    @Test func aLostReturnInEnglish() throws {
        let f = try open(language: .en)
        lend(f, card: "7", name: "Mary Smith")
        f.type("r"); f.type("7"); f.press(.tab); f.type("lost"); f.press(.enter)
        #expect(f.text.contains("U001 lost, retired: refund ¥0.00 (¥50.00 for loss)."))
    }

    func choose(_ f: ConsoleFixture, _ value: String) {
        for _ in 0..<10 {
            guard let form = f.console.state.form, form.fields[form.focus].value != value else { return }
            f.press(.right)
        }
    }

    @Test func searchAndOvernightFlag() throws {
        let f = try open()
        try f.desk.umbrellas.lend(.init(unit: "1", depositCard: "1", customer: "王芳", phone: "13800000001"), by: Self.clerk)
        try f.desk.umbrellas.lend(.init(unit: "2", depositCard: "2", customer: "Mary Smith", phone: "13800000002"), by: Self.clerk)
        f.press(.character("/")); f.type("王")
        var rows = lines(f).filter { $0.contains(" U00") }
        #expect(rows.count == 1 && rows[0].contains("王芳"))
        f.press(.escape, .character("/")); f.type("D002")
        rows = lines(f).filter { $0.contains(" U00") }
        #expect(rows.count == 1 && rows[0].contains("Mary Smith"))
        f.press(.escape)
        f.clock.advance(by: 86_400)
        #expect(lines(f).filter { $0.contains("过夜") }.count == 2)
    }

    @Test(arguments: [Language.zhHans, .en])
    func theFleetAndAUnitsLoansAreLookedUp(_ language: Language) throws {
        let f = try ConsoleFixture(language: language)
        f.press(.function(3))
        lend(f, card: "5", name: "李四")
        f.type("r"); f.type("5"); f.press(.tab); choose(f, "damaged"); f.press(.tab); f.type("伞骨折断"); f.press(.enter)
        lend(f, card: "6", name: "赵五")   // U002: U001 waits for repair
        lend(f, card: "7", name: "钱六")
        f.type("u")
        let zh = language == .zhHans
        #expect(f.text.contains(zh ? "共 60 件：可借 57，借出 2，损坏待修 1" : "60 in all: available 57, on loan 2, damaged 1"), "\(f.text)")
        #expect(f.text.contains(zh ? "U001  损坏待修" : "U001  damaged") && f.text.contains(zh ? "U002  借出  D006  赵五" : "U002  on loan  D006  赵五"))
        f.press(.escape)
        // U001 came back damaged: lend it again after repair and look at its loans.
        let lead = Actor(id: try OperatorID("lead.li"), role: .lead)
        try f.desk.umbrellas.repair(unit: "1", reason: "换了伞骨", by: lead)
        lend(f, card: "8", name: "孙七")
        f.press(.home)   // U001 (all lent at the same minute: in unit order)
        f.type("h")
        #expect(f.text.contains(zh ? "李四 138****5678 D005" : "李四 138****5678 D005"), "\(f.text)")
        #expect(f.text.contains(zh ? "退押金 ¥20.00（损坏扣" : "refund ¥20.00 (¥30.00 kept") && f.text.contains("¥30.00"))
    }

    @Test func leadOnlyActions() throws {
        let f = try open()
        lend(f, card: "5", name: "李四")
        f.type("x"); f.type("顾客未归还"); f.press(.enter)
        #expect(focused(f) == "leadID" && f.desk.umbrellas.unitsOut.count == 1)
        f.press(.escape)

        let lead = try open(as: "lead.li")
        #expect(lines(lead)[22].contains("w 无卡退押金") && lines(lead)[22].contains("x 没收押金") && lines(lead)[22].contains("t 报废"))
        lend(lead, card: "5", name: "李四")
        lend(lead, card: "6", name: "赵五")
        // Released without the card, damaged: ¥30.00 kept.
        lead.type("w")
        #expect(lead.console.state.form?["unit"] == "U001")
        choose(lead, "damaged"); lead.press(.tab); lead.type("伞面撕裂"); lead.press(.tab)
        lead.type("押金卡丢失，核对姓名电话"); lead.press(.enter)
        #expect(lead.text.contains("U001 已归还（无卡），退押金 ¥20.00（损坏扣 ¥30.00）。"))
        // Forfeit the other.
        lead.type("x")
        #expect(lead.console.state.form?["unit"] == "U002")
        lead.type("顾客联系不上"); lead.press(.enter)
        #expect(lead.text.contains("U002 押金 ¥50.00 已没收，雨伞注销。"))
        // Repair the damaged one, retire another.
        lead.type("f")
        #expect(lead.console.state.form?["unit"] == "U001")
        lead.type("换了伞骨"); lead.press(.enter)
        #expect(lead.text.contains("U001 已修好，恢复可借。"))
        // U003 is not damaged: refused, the cursor on the unit.
        lead.type("f")
        #expect(lead.console.state.form?["unit"] == "")
        lead.type("3"); lead.press(.tab); lead.type("检查"); lead.press(.enter)
        #expect(focused(lead) == "unit" && lead.console.state.form?["reason"] == "检查")
        lead.press(.escape)
        lead.type("t"); lead.type("7"); lead.press(.tab); lead.type("伞柄断裂"); lead.press(.enter)
        #expect(lead.text.contains("U007 已报废。"))
        #expect(lead.text.contains("可借 58 把"))
    }

    @Test func englishLabels() throws {
        let f = try open(language: .en)
        #expect(f.text.contains("No umbrella is out. Press n to lend one."))
        f.type("n")
        #expect(f.text.contains("Deposit (empty = ¥50.00)") && f.text.contains("Deposit card"))
        f.press(.escape)
        lend(f, card: "9", name: "Mary Smith")
        #expect(f.text.contains("Lent U001 to Mary Smith with card D009; deposit ¥50.00 taken."))
        let heading = lines(f).first { $0.contains("Unit") && $0.contains("Card") }!
        #expect(heading.contains("Customer") && heading.contains("Out for"))
        f.type("r"); f.type("9"); f.press(.tab, .right, .tab); f.type("broken rib"); f.press(.enter)
        #expect(f.text.contains("U001 is back: refund ¥20.00 (¥30.00 kept for damage)."))
    }

    @Test func columnsLineUpWithChineseNames() throws {
        let f = try open()
        try f.desk.umbrellas.lend(.init(unit: "1", depositCard: "1", customer: "欧阳娜娜", phone: "13800000001"), by: Self.clerk)
        try f.desk.umbrellas.lend(.init(unit: "2", depositCard: "2", customer: "Bob", phone: "13800000002"), by: Self.clerk)
        let all = lines(f)
        #expect(all.allSatisfy { TextWidth.of(String($0)) <= 80 })
        let heading = all.first { $0.contains("伞号") && $0.contains("电话") }!
        let phoneColumn = TextWidth.of(String(heading[..<heading.range(of: "电话")!.lowerBound]))
        for phone in ["138****0001", "138****0002"] {
            let line = all.first { $0.contains(phone) }!
            #expect(TextWidth.of(String(line[..<line.range(of: phone)!.lowerBound])) == phoneColumn)
        }
    }
}

/// The console at a clock set back: the status line says why, the form keeps what was
/// typed, and nothing is recorded (GUARANTEES: "Times do not run backwards").
@Suite struct ClockSetBackConsoleTests {
    @Test(arguments: [Language.zhHans, .en])
    func aLendWithTheClockSetBackIsRefusedOnTheStatusLine(language: Language) throws {
        let f = try ConsoleFixture(language: language, panels: [UmbrellaPanel()])
        f.press(.function(3))
        f.type("n"); f.type("12"); f.press(.tab); f.type("张小明"); f.press(.tab); f.type("13812345678")
        f.press(.enter)
        f.clock.advance(by: -10 * 60)
        let before = f.desk.headSeqSum
        f.type("n"); f.type("13"); f.press(.tab); f.type("李四"); f.press(.tab); f.type("13912345678")
        f.press(.enter)
        #expect(f.desk.headSeqSum == before)
        #expect(f.console.state.form?["customer"] == "李四")
        #expect(f.console.state.tone == .error)
        let said = language == .zhHans
            ? "没有登记：电脑时钟是 2026-03-01 09:50，但账本 umbrella 的最后一条是 2026-03-01 10:00：请核对日期和时间。"
            : "Not recorded: the machine's clock says 2026-03-01 09:50 but the last entry of book umbrella is 2026-03-01 10:00: check the date and time."
        #expect(f.console.state.status == said, "\(f.console.state.status)")
    }
}
