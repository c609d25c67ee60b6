import Foundation
import Glibc
import Testing

/// The README's key budget, typed key by key into the real console, and a second console
/// on the same data directory that shows the first one's loan without a key.
@Suite(.serialized) struct LiveDeskTmuxTests {
    /// One token of a budget row: a key (`Tab`, `Enter`, `n`) or a piece of typed data.
    enum Step: Equatable { case key(String), data(String) }

    struct Row { var job: String; var panel: String; var steps: [Step] }

    /// The rows of the README's budget table (between its markers), parsed: `x` is a key,
    /// ‹x› is data.
    static func budget() throws -> [Row] {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md").path
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        guard let start = text.range(of: "<!-- budget:start -->"), let end = text.range(of: "<!-- budget:end -->") else { return [] }
        var rows: [Row] = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| job") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3 else { continue }
            var steps: [Step] = []
            var rest = Substring(cells[2])
            while let c = rest.first {
                if c == "`" {
                    rest = rest.dropFirst()
                    let key = rest.prefix { $0 != "`" }
                    steps.append(.key(String(key)))
                    rest = rest.dropFirst(key.count + 1)
                } else if c == "‹" {
                    rest = rest.dropFirst()
                    let name = rest.prefix { $0 != "›" }
                    steps.append(.data(String(name)))
                    rest = rest.dropFirst(name.count + 1)
                } else {
                    rest = rest.dropFirst()
                }
            }
            rows.append(Row(job: cells[0], panel: cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), steps: steps))
        }
        return rows
    }

    /// What each piece of data is, per language.
    static let data: [String: [String: String]] = [
        "zh": ["card": "D1", "card2": "D2", "name": "王小丽", "phone": "13700001111", "damaged": "损坏", "note": "伞骨断了",
               "place": "一楼中庭", "finder": "保洁员王阿姨", "bag": "包", "colour": "黑色", "features": "真皮，挂着小熊挂件",
               "description": "黑色双肩包", "cardNumber": "PC12345678", "shop": "星巴克", "receipt": "R002", "amount": "88",
               "copy": "复印", "quantity": "4", "fee": "2"],
        "en": ["card": "D1", "card2": "D2", "name": "Mary Smith", "phone": "13700001111", "damaged": "damaged", "note": "broken rib",
               "place": "Atrium", "finder": "Cleaner Wang", "bag": "bag", "colour": "black", "features": "leather, teddy charm",
               "description": "black backpack", "cardNumber": "PC12345678", "shop": "Starbucks", "receipt": "R002", "amount": "88",
               "copy": "photocopy", "quantity": "4", "fee": "2"],
    ]

    /// What the status line says when each job is done.
    static let done: [String: (zh: String, en: String)] = [
        "lend an umbrella": ("已借出 U001", "Lent U001"), "return an umbrella, fine": ("U001 已归还，退押金 ¥50.00", "U001 is back: refund ¥50.00"),
        "lend an umbrella again": ("已借出 U001", "Lent U001"),
        "return an umbrella, damaged": ("退押金 ¥20.00（损坏扣 ¥30.00）", "refund ¥20.00 (¥30.00 kept for damage)"),
        "lend a stroller": ("已借出 S001", "Lent S001"), "return a stroller": ("S001 已归还", "S001 is back"),
        "take in a found item": ("已入库 LF-", "Took in LF-"), "take a lost report": ("已登记报失 LR-", "Took lost report LR-"),
        "back-fill points (on the card's row)": ("PC12345678 补积 88 分", "PC12345678 earned 88 points"),
        "issue a service receipt": ("复印 ×4，收费 ¥2.00", "photocopy ×4, fee ¥2.00"),
    ]

    @Test func theREADMEsBudgetTableHasEveryCommonJob() throws {
        let rows = try Self.budget()
        #expect(Set(rows.map(\.job)) == Set(Self.done.keys))
        for r in rows {
            // The action key first, Enter last, one Tab between two typed fields and no other key.
            guard case .key(let action)? = r.steps.first, action.count == 1 else { Issue.record("\(r.job): no action key"); continue }
            #expect(r.steps.last == .key("Enter"), "\(r.job)")
            let middle = r.steps.dropFirst().dropLast()
            for (a, b) in zip(middle, middle.dropFirst()) {
                if a == .key("Tab") { #expect(b != .key("Tab"), "\(r.job): two Tabs in a row") }
                if case .data = a, case .data = b { Issue.record("\(r.job): two typed fields without a Tab") }
            }
            for s in middle { if case .key(let k) = s { #expect(k == "Tab" || k == "y", "\(r.job): the key \(k)") } }
        }
    }

    @Test(arguments: [("zh", 80, 24), ("en", 120, 40)])
    func everyBudgetRowTypedKeyByKeyWhileAnotherConsoleWatches(lang: String, columns: Int, rows: Int) throws {
        let s = Scratch()
        let data = s.path + "/d"
        try PlazaDeskProcess.addLeadAndClerk(data)
        let zh = lang == "zh"
        let t = try TmuxSession(["--data", data, "--lang", zh ? "zh-Hans" : "en"], columns: columns, rows: rows)
        let watcher = try TmuxSession(["--data", data, "--lang", "en"], columns: 80, rows: 24)
        try t.waitFor(zh ? "登录" : "Log in")
        try watcher.waitFor("Log in")
        // The lead opens the shift and a card is enrolled; then F9 and the clerk takes over.
        try t.type("lead.li"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor(zh ? "李娜(值班主管)" : "李娜(shift lead)")
        try t.press("F8"); try t.type("o"); try t.press("Enter")
        try t.waitFor(zh ? "已开班" : "is open, float")
        try t.press("F5"); try t.type("n")
        try t.type("R001"); try t.press("Tab"); try t.type("优衣库"); try t.press("Tab", "Tab"); try t.type("300")
        try t.press("Tab"); try t.type("赵敏"); try t.press("Tab"); try t.type("13600002222"); try t.press("Tab")
        try t.type("360426199101010071"); try t.press("Tab"); try t.type("F001"); try t.press("Tab"); try t.press("Space")
        try t.press("Tab"); try t.type("PC12345678"); try t.press("Enter")
        try t.waitFor(zh ? "办卡 PC12345678" : "Card PC12345678 enrolled")
        try t.press("F9")
        try t.waitFor(zh ? "服务台已锁定（F9）" : "The desk is locked (F9)")
        try t.press("BTab"); try t.type("clerk.wang"); try t.press("Tab"); try t.type("1357"); try t.press("Enter")
        try t.waitFor(zh ? "王芳(柜员)" : "王芳(clerk)")
        // The watcher: another console at the desk, on the umbrellas, never touched again.
        try watcher.type("lead.li"); try watcher.press("Tab"); try watcher.type("2468"); try watcher.press("Enter")
        try watcher.waitFor("李娜(shift lead)")
        try watcher.press("F3"); try watcher.waitFor("No umbrella is out")

        let values = Self.data[lang]!
        for row in try Self.budget() {
            try t.press(row.panel)
            Thread.sleep(forTimeInterval: 0.2)
            for step in row.steps {
                switch step {
                case .key(let k) where k.count == 1: try t.type(k)
                case .key(let k): try t.press(k)
                case .data(let name): try t.type(try #require(values[name], "no data for ‹\(name)›"))
                }
            }
            let expected = try #require(Self.done[row.job])
            try t.waitFor(zh ? expected.zh : expected.en)
            if row.job == "lend an umbrella" {
                // Within a second (two seconds allowed for tmux), with no key at the watcher.
                let started = Date()
                let screen = try watcher.waitUntil("the loan on the other console", seconds: 2) { screen in
                    screen.split(separator: "\n").contains { $0.contains("U001") && $0.contains("D001") }
                }
                #expect(screen.contains("1 out"), "\(screen)")
                print("watcher saw the loan after \(Int(Date().timeIntervalSince(started) * 1000)) ms")
            }
        }
        #expect(try PlazaDeskProcess.run(["verify", "--data", data]).status == 0)
    }
}
