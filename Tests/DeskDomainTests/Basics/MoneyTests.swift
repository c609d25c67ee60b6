import Testing
@testable import DeskDomain

@Suite struct MoneyTests {
    @Test(arguments: [
        ("50", 5000), ("50.5", 5050), ("50.50", 5050), ("¥50.00", 5000), ("￥12", 1200), (" 0.01 ", 1), ("0", 0), ("007.1", 710),
    ])
    func parsesWhatAClerkTypes(text: String, fen: Int64) throws {
        #expect(try Money.parse(text) == Money(fen: fen))
    }

    @Test func refusesWhatATillWouldNot() {
        #expect(throws: MoneyError.negative) { try Money.parse("-1") }
        #expect(throws: MoneyError.notANumber("abc")) { try Money.parse("abc") }
        #expect(throws: MoneyError.notANumber("1e3")) { try Money.parse("1e3") }
        #expect(throws: MoneyError.tooManyDecimals) { try Money.parse("1.234") }
        #expect(throws: MoneyError.empty) { try Money.parse("") }
        #expect(throws: MoneyError.empty) { try Money.parse("¥") }
        #expect(throws: MoneyError.notANumber("1,000")) { try Money.parse("1,000") }
        #expect(throws: MoneyError.notANumber("1.2.3")) { try Money.parse("1.2.3") }
        #expect(throws: MoneyError.notANumber(".")) { try Money.parse(".") }
        #expect(throws: MoneyError.tooLarge) { try Money.parse("99999999999999999999") }
    }

    @Test func formatsAsYuanWithTwoDecimals() {
        #expect(Money(fen: 5000).description == "¥50.00")
        #expect(Money(fen: 5).description == "¥0.05")
        #expect(Money(fen: -350).description == "-¥3.50")
        #expect(Money(yuan: 1234).plain == "1234.00")
    }

    @Test func arithmeticStaysInFen() {
        var m = Money(fen: 10)
        for _ in 0..<10 { m += Money(fen: 10) }
        #expect(m == Money(fen: 110))
        #expect(Money(yuan: 50) - Money(fen: 1) == Money(fen: 4999))
    }
}
