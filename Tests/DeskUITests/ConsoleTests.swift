import DeskDomain
import Testing
@testable import DeskUI

@Suite struct ConsoleTests {
    @Test func aNewDataDirectoryAsksForTheFirstLead() throws {
        let f = try ConsoleFixture(loggedInAs: nil)
        #expect(f.text.contains("首次使用：创建第一位值班主管"))
        f.type("lead.li"); f.press(.tab); f.type("李娜"); f.press(.tab); f.type("2468"); f.press(.tab); f.type("2469"); f.press(.enter)
        #expect(f.text.contains("两次输入的密码不一样"))
        #expect(f.console.state.mode == .firstRun)
        f.press(.backspace); f.type("8"); f.press(.enter)
        #expect(f.console.state.mode == .working)
        #expect(f.console.state.actor?.role == .lead)
        #expect(f.text.contains("李娜(值班主管)"))
    }

    @Test func aTerminalThatIsGoneEndsTheLoopAfterItsLastKeys() throws {
        let f = try ConsoleFixture()
        let terminal = MemoryTerminal()
        terminal.keys = [.function(4)]
        terminal.isGone = true
        f.console.run(on: terminal)
        #expect(terminal.keys.isEmpty)
        #expect(f.console.state.mode == .working)
    }

    @Test func loginRefusesAWrongPINAndDoesNotEchoIt() throws {
        let f = try ConsoleFixture(loggedInAs: nil)
        let lead = try f.desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468"))
        _ = lead
        let g = Console(desk: f.desk, language: .en)
        for c in "lead.li" { g.handle(.character(c)) }
        g.handle(.tab)
        for c in "9999" { g.handle(.character(c)) }
        var text = g.render(rows: 24, columns: 80).0.text
        #expect(text.contains("****") && !text.contains("9999"))
        g.handle(.enter)
        text = g.render(rows: 24, columns: 80).0.text
        #expect(text.contains("Wrong operator id or PIN."))
        #expect(g.state.mode == .login)
    }

    @Test func titleBarAndKeyBarSayWhereYouAreAndWhatKeysDo() throws {
        let f = try ConsoleFixture()
        f.press(.function(4))
        let lines = f.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].contains("童车") && lines[0].contains("2026-03-01 10:00") && lines[0].contains("王芳(柜员)"))
        #expect(lines[23].contains("F1帮助") && lines[23].contains("F10退出") && !lines[23].contains("F8"))
        #expect(lines[22].contains("n 借出") && lines[22].contains("/ 搜索"))
    }

    @Test func lendAStrollerWithAChineseNameAndSeeItListed() throws {
        let f = try ConsoleFixture()
        f.press(.function(4))
        f.type("n")
        #expect(f.text.contains("借出童车"))
        // The cursor starts on the name (the free unit is filled in, after the typed fields).
        f.type("张小明"); f.press(.tab); f.type("13812345678"); f.press(.enter)
        // The notice was not ticked: refused, the form kept, the cursor on the tick box.
        #expect(f.text.contains("仅限商场内使用"))
        #expect(f.console.state.form?["customer"] == "张小明")
        #expect(f.console.state.form?.fields[f.console.state.form!.focus].id == "noticeAcknowledged")
        f.type(" "); f.press(.enter)
        #expect(f.text.contains("已借出 S001 给 张小明"))
        let row = f.text.split(separator: "\n").first { $0.contains("S001") }!
        #expect(row.contains("张小明") && row.contains("138****5678"))
        // Columns line up after the Chinese name.
        let heading = f.text.split(separator: "\n").first { $0.contains("车号") && $0.contains("电话") }!
        let phoneColumn = TextWidth.of(String(row[..<row.range(of: "138****")!.lowerBound]))
        #expect(TextWidth.of(String(heading.prefix { $0 != "电" })) == phoneColumn)
    }

    @Test func escapeCancelsAndF10AsksWhenAFormHasInput() throws {
        let f = try ConsoleFixture()
        f.press(.function(4)); f.type("n"); f.type("王")
        f.press(.function(10))
        #expect(f.console.state.confirmingQuit && !f.console.state.quit)
        f.type("n")
        #expect(!f.console.state.quit && f.console.state.form != nil)
        f.press(.escape)
        #expect(f.console.state.form == nil && f.text.contains("已取消"))
        f.press(.function(10))
        #expect(f.console.state.quit)
    }

    @Test func altDigitsStandForFunctionKeysAndF8IsForTheLead() throws {
        let f = try ConsoleFixture()
        f.press(.alt("4"))
        #expect(f.console.state.panel == 4)
        f.press(.function(8))
        #expect(f.console.state.panel == 4 && f.text.contains("只有值班主管可以打开交班"))
        let lead = try ConsoleFixture(loggedInAs: "lead.li")
        lead.press(.function(8))
        #expect(lead.console.state.panel == 8 && lead.text.contains("没有未归还或待处理的事项"))
    }

    @Test func helpListsEveryBindingOfThePanel() throws {
        let f = try ConsoleFixture(language: .en)
        f.press(.function(4), .function(1))
        let t = f.text
        #expect(t.contains("Every key") && t.contains("n  lend") && t.contains("r  return") && t.contains("f  repaired (a shift lead approves in the form)"))
        #expect(t.contains("F10 quit"))
        f.press(.escape)
        #expect(!f.text.contains("Every key"))
    }

    @Test func theDeskLocksWhenIdle() throws {
        let f = try ConsoleFixture()
        f.clock.advance(by: 11 * 60)
        f.console.tick()
        #expect(f.console.state.mode == .locked && f.text.contains("已锁定"))
        f.type("1357"); f.press(.enter)
        #expect(f.console.state.mode == .working)
    }

    @Test func searchFiltersTheListAsYouType() throws {
        let f = try ConsoleFixture(language: .en)
        for (i, name) in ["王芳", "李娜", "Mary Smith"].enumerated() {
            try f.desk.strollers.lend(.init(unit: String(i + 1), customer: name, phone: "1380000000\(i)", noticeAcknowledged: true),
                                      by: Actor(id: try OperatorID("clerk.wang"), role: .clerk))
        }
        f.press(.function(4), .character("/"))
        f.type("李")
        var rows = f.text.split(separator: "\n").filter { $0.contains("S00") }
        #expect(rows.count == 1 && rows[0].contains("李娜"))
        f.press(.backspace); f.type("mary")
        rows = f.text.split(separator: "\n").filter { $0.contains("S00") }
        #expect(rows.count == 1 && rows[0].contains("Mary Smith"))
    }

    @Test func worksAt80x24AndAtOtherSizes() throws {
        let f = try ConsoleFixture()
        f.press(.function(4))
        for (r, c) in [(24, 80), (40, 120), (10, 30), (5, 10)] {
            f.rows = r; f.columns = c
            let s = f.screen
            #expect(s.rows == r && s.columns == c)
        }
    }
}
