import Testing
@testable import DeskDomain

@Suite struct SlipTextTests {
    @Test func widthsOnPaper() {
        #expect(SlipWidth.of("U012") == 4)
        #expect(SlipWidth.of("雨伞") == 4)
        #expect(SlipWidth.of("¥50.00") == 6, "¥ prints half width from the Japanese set")
        #expect(SlipWidth.of("×·é") == 6, "two-byte GB18030 characters print full width")
        #expect(SlipWidth.of("a\u{200B}b") == 2, "zero-width characters take nothing")
        #expect(SlipWidth.columns(widthMM: 58) == 32 && SlipWidth.columns(widthMM: 80) == 48)
    }

    @Test func wrapBreaksBetweenWordsAndKeepsAmountsWhole() {
        #expect(SlipText.wrap("Bring back the umbrella", columns: 10) == ["Bring back", "the", "umbrella"])
        #expect(SlipText.wrap("损坏按 ¥30.00 赔偿", columns: 10) == ["损坏按", "¥30.00 赔", "偿"])
        #expect(SlipText.wrap("LF-2026-000001¥50.00", columns: 16) == ["LF-2026-000001", "¥50.00"], "an amount glued to a word")
        #expect(SlipText.wrap("赔偿¥30.00元", columns: 8) == ["赔偿", "¥30.00元"])
        #expect(SlipText.wrap("一二三四五", columns: 5) == ["一二", "三四", "五"], "a wide character never straddles the edge")
        #expect(SlipText.wrap("ABCDEFGHIJ", columns: 4) == ["ABCD", "EFGH", "IJ"], "a word wider than the line is cut")
        #expect(SlipText.wrap("", columns: 8) == [""])
        #expect(SlipText.wrap("ab   ", columns: 8) == ["ab"])
    }

    /// Random text of Chinese, words, amounts and spaces, wrapped at every width: no line is
    /// too wide, and only the spaces at breaks are gone.
    @Test func wrapLosesNothingButBreakingSpaces() {
        var rng = SeededRandom(seed: 15)
        let pieces = ["雨伞", "押金", "，", "。", "¥50.00", "-¥3.50", "LF-2026-000001", "the", "umbrella", " ", " ", "  ", "×", "é",
                      "supercalifragilisticexpialidocious", "王", "(D012)", "😀"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(rng.next() % 30) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            for columns in [1, 2, 3, 7, 16, 24, 32, 48] {
                let lines = SlipText.wrap(text, columns: columns)
                #expect(!lines.isEmpty)
                for line in lines where SlipWidth.of(line) > columns {
                    // Only a single character wider than the whole line may stick out.
                    #expect(line.count == 1, "\"\(line)\" wider than \(columns) in \"\(text)\"")
                }
                #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\"\(text)\" at \(columns)")
                for amount in ["¥50.00", "-¥3.50"] where columns >= 6 {
                    let n = text.components(separatedBy: amount).count - 1
                    let m = lines.map { $0.components(separatedBy: amount).count - 1 }.reduce(0, +)
                    #expect(n == m, "\(amount) broken in \"\(text)\" at \(columns)")
                }
            }
        }
    }

    @Test func aFieldTooLongGoesUnderItsLabel() {
        var rows: [SlipRow] = []
        SlipText.pair("特征", "长款皮夹，内有星巴克会员卡和一张借书证", amount: false, into: &rows, columns: 24)
        #expect(rows.map { $0.plain(columns: 24) } == ["特征", "  长款皮夹，内有星巴克会", "  员卡和一张借书证"])
        rows = []
        SlipText.pair("没收押金（0 笔，不动现金）", "¥10000.00", amount: true, into: &rows, columns: 24)
        #expect(rows.map { $0.plain(columns: 24) } == ["没收押金（0 笔，不动现", "金）", "               ¥10000.00"])
        rows = []
        SlipText.pair("押金", "¥50.00", amount: true, into: &rows, columns: 24)
        #expect(rows.map { $0.plain(columns: 24) } == ["押金              ¥50.00"])
    }

    @Test func controlCharactersBecomeSpacesAndFormatCharactersGo() {
        #expect(SlipText.clean("王\n芳\t\u{1B}[0m\u{202E}x\u{200B}y") == "王 芳  [0mxy")
        let slip = Slip(kind: .strollerLoan, language: .en, plaza: "P", title: "T", lines: [.field("Customer", "A\nB")])
        #expect(SlipText.lines(slip, columns: 32).contains("Customer                     A B"))
    }

    @Test func aReprintIsMarkedAtHeadAndFoot() {
        let slip = SlipSamples.slip("umbrella-loan", .zhHans)
        #expect(!slip.reprint)
        let again = slip.reprinted()
        #expect(again.reprint && again.lines == slip.lines)
        let lines = SlipText.lines(again, columns: 32)
        #expect(lines[2].trimmingSpaces() == "** 重印 **")
        #expect(lines.last?.trimmingSpaces() == "** 重印 **")
        #expect(SlipText.lines(slip, columns: 32).allSatisfy { !$0.contains("重印") })
        #expect(SlipText.lines(SlipSamples.slip("umbrella-loan", .en).reprinted(), columns: 32).last?.trimmingSpaces() == "** REPRINT **")
    }

    @Test func narrowWidthsAreWidenedToTheMinimum() {
        let slip = SlipSamples.slip("shift-close", .en)
        #expect(SlipText.lines(slip, columns: 5) == SlipText.lines(slip, columns: SlipText.minimumColumns))
        for line in SlipText.lines(slip, columns: 5) { #expect(SlipWidth.of(line) <= SlipText.minimumColumns) }
    }

    @Test func renderEndsEveryLine() {
        let text = SlipText.render(SlipSamples.slip("stroller-loan", .zhHans), columns: 32)
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == SlipText.lines(SlipSamples.slip("stroller-loan", .zhHans), columns: 32).count + 1)
    }
}
