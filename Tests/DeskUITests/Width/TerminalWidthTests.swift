import DeskDomain
import Testing
@testable import DeskUI

/// The console at any width from 80 columns: the F-key bar, amounts, wrapping, dates, and
/// the message below 80×24. The desk's clock is a manual one (2026-03-01 10:00, China time).
@Suite struct TerminalWidthTests {
    static let lead = Actor(id: try! OperatorID("lead.li"), role: .lead)
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)

    func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// Every `¥` on the screen starts a whole amount: digits, a point and two decimals.
    func cutAmounts(_ text: String) -> [String] {
        var cut: [String] = []
        for line in lines(text) {
            var i = line.startIndex
            while let at = line[i...].firstIndex(where: { $0 == "¥" || $0 == "￥" }) {
                var end = line.index(after: at)
                while end < line.endIndex, line[end].isASCII, line[end].isNumber || line[end] == "." || line[end] == "," { end = line.index(after: end) }
                while end > line.index(after: at), !line[line.index(before: end)].isNumber { end = line.index(before: end) }   // a stop after it
                let digits = line[line.index(after: at)..<end].filter { $0 != "," }
                let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || parts[1].count != 2 { cut.append(String(line)) }
                i = max(end, line.index(after: at))
            }
        }
        return cut
    }

    /// A desk with something in every panel, amounts included, logged in as the lead.
    func busyDesk(_ language: Language) throws -> ConsoleFixture {
        let f = try ConsoleFixture(language: language, loggedInAs: "lead.li")
        f.press(.function(3))
        f.type("n"); f.press(.tab); f.type("12"); f.press(.tab, .tab); f.type("欧阳娜娜"); f.press(.tab); f.type("13812345678"); f.press(.enter)
        try f.desk.invoices.allocate(.init(kind: .paper, code: "144001900110", first: "00000001", last: "00000250"), by: Self.lead)
        _ = try f.desk.invoices.issue(.init(kind: .paper, shop: "北京王府井百货大楼化妆品专柜", receipts: [.init(number: "A1001", amount: "1234567.89")],
                                            buyerType: .person, buyerTitle: "欧阳娜娜欧阳娜娜"), by: Self.clerk)
        _ = try f.desk.invoices.issue(.init(kind: .paper, shop: "星巴克", receipts: [.init(number: "A1002", amount: "88")],
                                            buyerType: .person, buyerTitle: "王芳"), by: Self.clerk)
        f.press(.function(8)); f.type("o"); f.press(.enter)
        return f
    }

    @Test func theKeyTableGivesThePanelsTheirTitlesOnTheHelpScreen() {
        for p in Console.standardPanels {
            let entry = Console.functionKeyTable.first { $0.number == p.functionKey }
            #expect(entry?.help(.zhHans) == p.title(.zhHans) && entry?.help(.en) == p.title(.en), "F\(p.functionKey)")
        }
        let numbers = Console.functionKeyTable.map(\.number)
        #expect(numbers.contains(1) && numbers.contains(10) && Set(numbers).count == numbers.count)
    }

    @Test(arguments: [Language.zhHans, .en])
    func everyFKeyLabelIsWholeAt80x24(_ language: Language) throws {
        let f = try busyDesk(language)
        for key in [2, 3, 4, 5, 6, 8] {
            f.press(.function(key))
            let bar = String(lines(f.text)[23])
            let items = f.console.functionKeyBar(columns: 79)   // the bottom-right cell stays empty
            // A lead at 80 columns: every F-key is in the bar, with its short label whole.
            #expect(items.map(\.key) == ["F1", "F2", "F3", "F4", "F5", "F6", "F8", "F9", "F10"], "\(bar)")
            for (k, label) in items { #expect(bar.contains(k + label), "\(k)\(label) in \(bar)") }
        }
        let bar = String(lines(f.text)[23])
        if language == .en {
            #expect(bar.hasPrefix("F1Help ") && bar.contains("F6Invoices") && bar.contains("F8Shift") && bar.hasSuffix("F10Quit"), "\(bar)")
        } else {
            #expect(bar.hasPrefix("F1帮助 ") && bar.contains("F6发票") && bar.hasSuffix("F10退出"), "\(bar)")
        }
        // The help screen keeps the long labels.
        f.press(.function(1))
        #expect(f.text.contains(language == .en ? "F6 Invoices & receipts" : "F6 发票/收据"))
        #expect(f.text.contains(language == .en ? "F10 quit (asks first" : "F10 退出（有未提交内容时先确认）"))
    }

    @Test(arguments: [Language.zhHans, .en])
    func aNarrowBarDropsTheLeastImportantButNeverHelpOrQuit(_ language: Language) throws {
        let f = try ConsoleFixture(language: language, loggedInAs: "lead.li")
        for columns in [20, 30, 45, 60] {
            let items = f.console.functionKeyBar(columns: columns)
            #expect(items.first?.key == "F1" && items.last?.key == "F10", "\(columns): \(items)")
            let width = items.reduce(0) { $0 + TextWidth.of($1.key + $1.label) + 1 } - 1
            #expect(width <= columns || items.count == 2, "\(columns): \(items)")
        }
        #expect(!f.console.functionKeyBar(columns: 60).contains { $0.key == "F8" })
    }

    @Test(arguments: [Language.zhHans, .en], [80, 100, 133])
    func everyAmountIsWholeInEveryPanel(_ language: Language, _ columns: Int) throws {
        let f = try busyDesk(language)
        f.columns = columns
        for key in [2, 3, 4, 5, 6, 8] {
            f.press(.function(key))
            let text = f.text
            #expect(cutAmounts(text).isEmpty, "F\(key) at \(columns):\n\(text)")
            if key == 3 { #expect(text.contains("¥50.00")) }
            if key == 6 {
                let row = lines(text).first { $0.contains("00000001") }
                #expect(row?.contains("¥1234567.89") == true, "\(text)")
                #expect(lines(text).first { $0.contains("00000002") }?.contains("¥88.00") == true, "\(text)")
            }
            if key == 8 { #expect(text.contains("¥500.00")) }
        }
    }

    @Test func aCellTooNarrowShowsTheWholeAmountAndShortensTheText() {
        #expect(AmountText.fit("押金 ¥1234.00 已退", to: 10) == "押¥1234.00")
        #expect(AmountText.fit("¥88.00", to: 8) == "¥88.00  ")
        #expect(AmountText.fit("no amount here", to: 6) == "no amo")
        #expect(AmountText.fit("a ¥1.00, b -¥2.50.", to: 14) == "a ¥1.00,-¥2.50")
    }

    @Test(arguments: [(23, 79), (24, 60), (20, 80), (5, 10)])
    func belowEightyByTwentyFourTheConsoleAsksForABiggerWindow(rows: Int, columns: Int) throws {
        for language in [Language.zhHans, .en] {
            let f = try ConsoleFixture(language: language)
            f.press(.function(3))
            f.rows = rows; f.columns = columns
            let flat = f.text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
            let wanted = language == .en ? "Makethewindowatleast80×24" : "请把窗口调到至少80×24"
            #expect(flat.contains(wanted), "\(rows)×\(columns):\n\(f.text)")
            #expect(!f.text.contains("F10"))
            // Resized back: the console is there again, as it was.
            f.rows = 24; f.columns = 80
            #expect(lines(f.text)[0].contains(language == .en ? "Umbrellas" : "雨伞") && lines(f.text)[23].contains("F10"))
        }
    }

    @Test func keysTypedBlindInATooSmallWindowAreNotActedOnButF10Quits() throws {
        let f = try ConsoleFixture()
        f.press(.function(3))
        let small = MemoryTerminal(rows: 20, columns: 70)
        small.keys = [.character("n"), .character("5"), .enter, .function(10)]
        small.isGone = true   // the run ends when the keys do
        f.console.run(on: small)
        #expect(f.console.state.quit && f.console.state.form == nil && f.desk.umbrellas.unitsOut.isEmpty)
        #expect(small.text.contains("请把窗口调到至少 80×24"))
        // At 80×24 the same key opens the lend form.
        let g = try ConsoleFixture()
        g.press(.function(3))
        let whole = MemoryTerminal(rows: 24, columns: 80)
        whole.keys = [.character("n")]
        whole.isGone = true
        g.console.run(on: whole)
        #expect(g.console.state.form != nil)
    }

    @Test func wrappingKeepsEveryCharacterAndEveryAmountWhole() throws {
        let f = try ConsoleFixture()
        let texts = [
            "已借出 U001 给 张小明，押金卡 D012，收押金 ¥50.00。请提醒顾客离场前归还，损坏按 ¥30.00 赔偿。",
            "S-20260301-1 已交班：应有 ¥551.00，实点 ¥550.00，差额 -¥1.00（短款），账本已封。",
            "Lent U001 to Zhang Xiaoming, deposit card D012, deposit ¥50.00 taken; damage costs ¥30.00.",
            "一二三四五六七八九十一二三四五六七八九十。一二三四五六七八九十，一二三四五六七八九十！",
        ]
        for text in texts {
            for width in 10...78 {   // (narrower than an amount and its stop, a stop may start a line)
                let wrapped = f.console.wrap(text, width: width)
                for line in wrapped { #expect(TextWidth.of(line) <= width, "\(width): \(line)") }
                let squeeze = { (s: String) in s.filter { $0 != " " } }
                #expect(squeeze(wrapped.joined()) == squeeze(text), "\(width): \(wrapped)")
                for line in wrapped {
                    #expect(!"，。、；：！？）".contains(line.first ?? "a"), "\(width): \(wrapped)")
                    #expect(cutAmounts(line).isEmpty, "\(width): \(wrapped)")
                }
            }
        }
    }

    @Test func aDateOfAnotherYearShowsTheYear() throws {
        let f = try ConsoleFixture()
        let time = f.desk.context.time
        #expect(PanelText.dayTime(time.instant(CivilTime(year: 2026, month: 2, day: 27, hour: 9, minute: 5)), f.desk) == "02-27 09:05")
        #expect(PanelText.dayTime(time.instant(CivilTime(year: 2025, month: 12, day: 30, hour: 14, minute: 5)), f.desk) == "2025-12-30 14:05")
        f.clock.advance(by: 366 * 86400)
        #expect(PanelText.dayTime(time.instant(CivilTime(year: 2026, month: 2, day: 27, hour: 9, minute: 5)), f.desk) == "2026-02-27 09:05")
    }

    @Test func anEscapeNeverEatsTheNextKey() {
        #expect(CursesTerminal.afterEscape(nil) == [.escape])
        #expect(CursesTerminal.afterEscape(.character(UInt32(UInt8(ascii: "n")))) == [.escape, .character("n")])
        #expect(CursesTerminal.afterEscape(.code(0o410 + 3)) == [.escape, .function(3)])
        #expect(CursesTerminal.afterEscape(.character(27)) == [.escape, .escape])
        #expect(CursesTerminal.afterEscape(.character(UInt32("中".unicodeScalars.first!.value))) == [.escape, .character("中")])
        // Alt-digit stands for an F-key where a terminal sends none.
        #expect(CursesTerminal.afterEscape(.character(UInt32(UInt8(ascii: "4")))) == [.alt("4")])
        #expect(Key.alt("4").functionNumber == 4)
    }
}
