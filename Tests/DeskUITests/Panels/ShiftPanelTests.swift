import DeskDomain
import Testing
@testable import DeskUI

@Suite struct ShiftPanelTests {
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)

    func lines(_ f: ConsoleFixture) -> [Substring] { f.text.split(separator: "\n", omittingEmptySubsequences: false) }
    func focused(_ f: ConsoleFixture) -> String? { f.console.state.form.map { $0.fields[$0.focus].id } }

    func open(language: Language = .zhHans, as who: String = "lead.li") throws -> ConsoleFixture {
        let f = try ConsoleFixture(language: language, panels: [UmbrellaPanel(), ShiftPanel()], loggedInAs: who, shiftOpen: false)
        f.press(.function(8))
        return f
    }

    @Test func aClerkCannotOpenTheShiftPanel() throws {
        let f = try open(as: "clerk.wang")
        #expect(f.text.contains("只有值班主管可以打开交班"))
        #expect(!lines(f)[23].contains("交班"))
    }

    @Test func openPayOutAndCloseWithADifference() throws {
        let f = try open()
        #expect(f.text.contains("没有开班（o 开班）"))
        #expect(lines(f)[22].contains("o 开班") && lines(f)[22].contains("c 交班") && lines(f)[22].contains("v 报表"))
        // Closing with no shift open is refused on the form itself.
        f.type("c")
        #expect(f.text.contains("现在没有开班"))
        f.type("500"); f.press(.enter)
        #expect(f.text.contains("现在没有开班。请先按 o 开班"))
        f.press(.escape)

        f.type("o")
        #expect(f.console.state.form?["float"] == "500.00")
        f.press(.enter)
        #expect(f.text.contains("已开班 S-20260301-1，备用金 ¥500.00。"))
        #expect(f.text.contains("班次 S-20260301-1，03-01 10:00 开班，备用金 ¥500.00"))

        // The day at the desk: two umbrellas out, one back damaged; a receipt.
        f.clock.advance(by: 15 * 60)
        try f.desk.umbrellas.lend(.init(unit: "1", depositCard: "1", customer: "张小明", phone: "13812345678"), by: Self.clerk)
        try f.desk.umbrellas.lend(.init(unit: "2", depositCard: "2", customer: "王芳", phone: "13812345679"), by: Self.clerk)
        try f.desk.umbrellas.giveBack(.init(unit: "1", depositCard: "1", damage: .damaged, note: "伞骨断了"), by: Self.clerk)
        try f.desk.services.issue(.init(kind: .photocopy, quantity: "12", statedFee: "6", tendered: "10"), by: Self.clerk)
        f.clock.advance(by: 2 * 3600)
        let row = try #require(lines(f).first { $0.contains("U002") })
        #expect(row.contains("雨伞") && row.contains("王芳") && row.contains("2h00m"))

        // Paid out: amount and reason needed.
        f.type("p")
        #expect(f.console.state.form?["direction"] == "out")
        f.press(.tab); f.type("35"); f.press(.enter)
        #expect(focused(f) == "reason")
        f.type("打印纸"); f.press(.enter)
        #expect(f.text.contains("已登记支出 ¥35.00：打印纸。"))
        #expect(f.text.contains("存入 ¥0.00，支出 ¥35.00"))

        // The close form shows the expected cash and what is still out.
        f.type("c")
        // 500 + 100 deposits − 50 refunded + 30 damage + 6 fees − 35 = 551
        #expect(f.text.contains("应有现金 ¥551.00 = 备用金 ¥500.00 + 收押金 ¥100.00 − 退押金 ¥50.00 + 损坏赔偿"))
        #expect(f.console.state.form?.noteZh.contains("未归还：雨伞 1 把（押金 ¥50.00）、童车 0 辆、失物登记未结 0 件、超期失物 0 件") == true)
        // Counted ¥550 (5 × ¥100 + 1 × ¥50, agreeing with the sum): ¥1 short, recorded.
        f.type("550")
        f.press(.tab); f.type("5"); f.press(.tab); f.type("1")
        // A difference needs a note: the last field, past the other notes and coins.
        for _ in 0..<7 { f.press(.tab) }
        f.type("短款一元"); f.press(.enter)
        #expect(f.text.contains("S-20260301-1 已交班：应有 ¥551.00，实点 ¥550.00，差额 -¥1.00（短款），账本已封"))
        #expect(f.desk.shift.current == nil && f.desk.shift.state.lastClosed?.closing?.notes == [10000: 5, 5000: 1])
        f.press(.function(8))
        #expect(f.text.contains("没有开班（o 开班）；1 项待跟进"))

        // The report of the shift just closed.
        f.type("v")
        #expect(f.text.contains("交班报表  班次 S-20260301-1"))
        #expect(f.text.contains("应有现金") && f.text.contains("¥551.00"))
        f.press(.enter)
        #expect(f.text.contains("报表已关闭。"))
    }

    @Test func notesThatDisagreeAreRefusedAndKept() throws {
        let f = try open(language: .en)
        f.type("o"); f.press(.enter)
        f.type("c")
        #expect(f.text.contains("Expected cash ¥500.00 = float ¥500.00"))
        f.type("499"); f.press(.tab); f.type("5"); f.press(.enter)
        #expect(f.text.contains("Counted cash says ¥499.00 but the notes and coins add up to ¥500.00."))
        #expect(focused(f) == "counted" && f.console.state.form?["n10000"] == "5")
        // Clear the sum: the notes alone are the count.
        f.press(.end, .backspace, .backspace, .backspace, .enter)
        #expect(f.text.contains("S-20260301-1 closed: expected ¥500.00, counted ¥500.00, difference ¥0.00"))
        #expect(f.desk.shift.state.lastClosed?.closing?.notes == [10000: 5])
    }

    @Test func theProvisionalReportScrolls() throws {
        let f = try open(language: .en)
        f.type("o"); f.press(.enter)
        try f.desk.strollers.lend(.init(unit: "3", customer: "Mary", phone: "13900000001", noticeAcknowledged: true), by: Self.clerk)
        f.type("v")
        #expect(f.text.contains("Closing report  shift S-20260301-1 (still open: so far)"))
        #expect(f.text.contains("(↑ ↓ PgUp PgDn to scroll)"))
        for _ in 0..<40 { f.press(.down) }
        #expect(f.text.contains("Strollers: 1") && f.text.contains("S003 Mary"))
        f.press(.escape)
        let row = try #require(lines(f).first { $0.contains("S003") })
        #expect(row.contains("Stroller") && row.contains("Mary"))
    }
}
