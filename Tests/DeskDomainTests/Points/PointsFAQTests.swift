import Testing
@testable import DeskDomain

@Suite struct PointsFAQTests {
    @Test func theShippedFAQLoadsInBothLanguages() throws {
        let zh = try PointsFAQ.entries(.zhHans)
        let en = try PointsFAQ.entries(.en)
        #expect((8...10).contains(zh.count))
        #expect(zh.count == en.count, "the two files answer the same questions")
        for e in zh + en {
            #expect(!e.question.isEmpty && !e.answer.isEmpty)
            #expect(!e.question.contains("{") && !e.answer.contains("{"), "placeholder left in \(e.question)")
            #expect(!e.answer.contains("Q:") && !e.answer.contains("A:"))
        }
        #expect(zh.contains { $0.question.contains("丢") && $0.answer.contains("挂失") })
        #expect(zh.contains { $0.answer.contains("只能积分一次") })
        #expect(en.contains { $0.question.contains("lost") })
        #expect(en.contains { $0.answer.contains("once, ever") })
        #expect(zh.first?.answer.contains("¥10.00") == true && zh.first?.answer.contains("30 天") == true)
    }

    @Test func theAnswersFollowThisDesksSettings() throws {
        let f = DeskFixture()
        f.config.backfillDays = 45
        f.config.minReceipt = Money(yuan: 200)
        f.config.pointsPerYuan = 3
        let desk = try PointsDesk(context: f.context)
        let en = try desk.faq(.en)
        #expect(en.contains { $0.answer.contains("within 45 days") })
        #expect(en.contains { $0.answer.contains("¥200.00") })
        #expect(en.contains { $0.answer.hasPrefix("3 point(s)") })
        #expect(try desk.faq(.zhHans).contains { $0.answer.contains("45 天内") })
    }

    @Test func parsingJoinsContinuationLinesAndSkipsComments() throws {
        let text = """
        # 注释
        Q: 怎样办卡？
        A: 带身份证
        和小票。

        Q：第二个问题
        还没完？
        A：好了。
        """
        #expect(try PointsFAQ.parse(text) == [
            .init(question: "怎样办卡？", answer: "带身份证\n和小票。"),
            .init(question: "第二个问题 还没完？", answer: "好了。"),
        ])
    }

    @Test func aMalformedFAQNamesTheLine() {
        #expect(throws: PointsFAQ.FormatError.questionWithoutAnswer(line: 1)) { try PointsFAQ.parse("Q: 一\nQ: 二\nA: 答") }
        #expect(throws: PointsFAQ.FormatError.answerWithoutQuestion(line: 1)) { try PointsFAQ.parse("A: 答") }
        #expect(throws: PointsFAQ.FormatError.answerWithoutQuestion(line: 3)) { try PointsFAQ.parse("Q: 一\nA: 答\nA: 又答") }
        #expect(throws: PointsFAQ.FormatError.textOutsideEntry(line: 2)) { try PointsFAQ.parse("\n说明文字\nQ: 一\nA: 答") }
        #expect(throws: PointsFAQ.FormatError.emptyQuestion(line: 1)) { try PointsFAQ.parse("Q:\nA: 答") }
        #expect(throws: PointsFAQ.FormatError.questionWithoutAnswer(line: 1)) { try PointsFAQ.parse("Q: 一\nA:") }
        #expect(throws: PointsFAQ.FormatError.empty) { try PointsFAQ.parse("# 只有注释\n") }
    }
}
