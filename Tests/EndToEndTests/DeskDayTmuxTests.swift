import Foundation
import Testing

/// A day at the desk with the real binary in tmux, in Chinese, at 80×24 and 120×40: each
/// desk job of the manual from the keyboard, then F10, exit 0 and the ledgers verify.
@Suite(.serialized) struct DeskDayTmuxTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func aDayAtTheDesk(columns: Int, rows: Int) throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜",
                                          "--role", "lead", "--pin", "2468"]).status == 0)
        let t = try TmuxSession(["--data", data], columns: columns, rows: rows)
        try t.waitFor("登录")
        try t.type("lead.li"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor("李娜(值班主管)")

        // The lead opens the shift first: cash moves only inside one.
        try t.press("F8"); try t.type("o"); try t.press("Enter"); try t.waitFor("已开班")

        // Lost and found: take in a found wallet described in Chinese.
        try t.press("F2"); try t.waitFor("失物招领")
        try t.type("i"); try t.waitFor("拾获地点")
        // The counter's budget: the place, Tab, the finder, Tab, the category typed, Tab, colour, Tab, features, Enter.
        try t.type("一楼中庭"); try t.press("Tab"); try t.type("保洁员王阿姨"); try t.press("Tab")
        try t.type("钱包"); try t.press("Tab"); try t.type("黑色"); try t.press("Tab"); try t.type("真皮钱包，挂着小熊挂件")
        try t.press("Enter")
        try t.waitFor("LF-")
        // Search for it by a Chinese word, then claim it: description first, then the check.
        try t.type("/"); try t.type("小熊"); try t.press("Enter")
        try t.waitUntil("the wallet in the list") { $0.split(separator: "\n").contains { $0.contains("LF-") && $0.contains("黑色") } }
        try t.type("d"); try t.waitFor("认领")
        try t.type("张三"); try t.press("Tab"); try t.type("1"); try t.press("Tab"); try t.type("黑色")
        try t.press("Tab"); try t.type("有小熊挂件"); try t.press("Enter")
        try t.type("c"); try t.waitFor("身份证号")
        try t.press("Tab", "Tab", "Tab"); try t.type("11010519491231002X"); try t.press("Tab"); try t.type("13912345678")
        try t.press("Tab"); try t.press("Space"); try t.press("Enter")
        try t.waitFor("1101**********002X")

        // Umbrellas: lend, then take back damaged: the refund is the deposit less the charge.
        try t.press("F3"); try t.waitFor("雨伞")
        try t.type("n"); try t.waitFor("押金卡号")
        try t.type("D1"); try t.press("Tab"); try t.type("王小丽"); try t.press("Tab"); try t.type("13700001111")
        try t.press("Enter"); try t.waitFor("U001")
        try t.type("r"); try t.waitFor("收回的押金卡号")
        try t.type("D1"); try t.press("Tab"); try t.press("Right"); try t.press("Tab"); try t.type("伞骨断了")
        try t.press("Enter")
        try t.waitFor("¥20.00")

        // Strollers: lend one.
        try t.press("F4"); try t.type("n"); try t.waitFor("借出童车")
        try t.type("刘洋"); try t.press("Tab"); try t.type("13800001234"); try t.press("Tab"); try t.press("Space")
        try t.press("Enter"); try t.waitFor("已借出 S001")

        // Points: enrol a card, then back-fill a receipt.
        try t.press("F5"); try t.waitFor("积分卡")
        try t.type("n"); try t.waitFor("申请表编号")
        try t.type("R001"); try t.press("Tab"); try t.type("优衣库"); try t.press("Tab", "Tab"); try t.type("300")
        try t.press("Tab"); try t.type("赵敏"); try t.press("Tab"); try t.type("13600002222"); try t.press("Tab")
        try t.type("360426199101010071"); try t.press("Tab"); try t.type("F001"); try t.press("Tab"); try t.press("Space")
        try t.press("Tab"); try t.type("PC12345678"); try t.press("Enter")
        try t.waitFor("PC12345678")
        try t.type("b"); try t.waitFor("补积分")
        try t.type("星巴克"); try t.press("Tab"); try t.type("R002"); try t.press("Tab"); try t.type("88")
        try t.press("Enter")
        try t.waitFor("388")

        // Invoices: a lead registers numbers, an invoice is issued, the same receipt is refused.
        try t.press("F6"); try t.waitFor("发票")
        try t.type("a"); try t.waitFor("起始号码")
        try t.press("Tab"); try t.type("044001900111"); try t.press("Tab"); try t.type("00000001"); try t.press("Tab"); try t.type("00000100")
        try t.press("Enter"); try t.waitFor("00000001")
        for attempt in 0..<2 {
            try t.type("i"); try t.waitFor("开具发票")
            try t.press("Tab"); try t.type("海底捞"); try t.press("Tab"); try t.type("HD-2026-001"); try t.press("Tab"); try t.type("256.50")
            for _ in 0..<6 { try t.press("Tab") }
            try t.type("李四"); try t.press("Enter")
            if attempt == 0 {
                try t.waitFor("¥256.50")
            } else {
                let screen = try t.waitFor("HD-2026-001")
                #expect(screen.contains("开具发票"), "the refused form is kept:\n\(screen)")
                try t.press("Escape")
            }
        }
        try t.press("F10")
        #expect(t.exitCode() == 0)
        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")
    }
}
