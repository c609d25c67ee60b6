import Testing
@testable import DeskDomain

@Suite struct DocumentCheckTests {
    @Test(arguments: ["11010519491231002X", "360426199101010071"])
    func validResidentIDs(number: String) throws {
        #expect(try ResidentID(number).number == number)
    }

    @Test func residentIDRefusals() {
        #expect(throws: ResidentIDError.checkFails) { try ResidentID("110105194912310021") }
        #expect(throws: ResidentIDError.lowerCaseX) { try ResidentID("11010519491231002x") }
        #expect(throws: ResidentIDError.wrongLength(17)) { try ResidentID("11010519491231002") }
        #expect(throws: ResidentIDError.notDigits) { try ResidentID("1101051949123100AX") }
        #expect(throws: ResidentIDError.badBirthDate("19490231")) { try ResidentID("110105194902310028") }
        #expect(throws: ResidentIDError.notDigits) { try ResidentID("１１０１０５１９４９１２３１００２X") }
    }

    @Test func residentIDIsMaskedToFirstAndLastFour() throws {
        #expect(try ResidentID("11010519491231002X").masked == "1101**********002X")
    }

    @Test func creditCodes() throws {
        #expect(try CreditCode("91110000600037341L").code == "91110000600037341L")
        #expect(throws: CreditCodeError.checkFails) { try CreditCode("91110000600037341M") }
        let overridden = try CreditCode("91110000600037341M", allowFailedCheck: true)
        #expect(overridden.checkOverridden)
        #expect(throws: CreditCodeError.badCharacter("I")) { try CreditCode("9111000060003734IL") }
        #expect(throws: CreditCodeError.lowerCase) { try CreditCode("91110000600037341l") }
        #expect(throws: CreditCodeError.wrongLength(3)) { try CreditCode("911") }
    }

    @Test func phones() throws {
        #expect(try PhoneNumber("13812345678").masked == "138****5678")
        #expect(try PhoneNumber("010-12345678").digits == "01012345678")
        #expect(try PhoneNumber("87654321").masked == "876*4321")
        for bad in ["1381234567", "138123456789", "abc", "12", "138-1234-5678x", "-12345678"] {
            #expect(throws: PhoneError.invalid, "\(bad)") { try PhoneNumber(bad) }
        }
    }

    @Test func fieldChecksNameTheField() {
        #expect(throws: CommonError.required(field: "name")) { try FieldCheck.text("  ", field: "name") }
        #expect(throws: CommonError.tooLong(field: "name", max: 3)) { try FieldCheck.text("王芳芳芳", field: "name", max: 3) }
        #expect(throws: CommonError.unprintable(field: "note")) { try FieldCheck.text("a\u{1b}[2J", field: "note") }
        #expect(throws: CommonError.notANumber(field: "qty", text: "1e3")) { try FieldCheck.integer("1e3", field: "qty", min: 1, max: 9) }
        #expect(throws: CommonError.outOfRange(field: "qty", min: 1, max: 9)) { try FieldCheck.integer("10", field: "qty", min: 1, max: 9) }
        #expect(throws: CommonError.badDate(field: "day", text: "2026-02-30")) { try FieldCheck.date("2026-02-30", field: "day") }
        #expect(throws: CommonError.badAmount(field: "fee", reason: .negative)) { try FieldCheck.money("-5", field: "fee") }
        #expect((try? FieldCheck.text("  王芳 ", field: "name")) == "王芳")
    }

    @Test func everyCommonErrorSpeaksBothLanguages() {
        let errors: [CommonError] = [
            .notAllowed(action: .voidInvoice, role: .clerk), .required(field: "x"), .tooLong(field: "x", max: 5),
            .unprintable(field: "x"), .notANumber(field: "x", text: "y"), .outOfRange(field: "x", min: 1, max: 2),
            .badAmount(field: "x", reason: .tooManyDecimals), .badDate(field: "x", text: "y"), .badPhone(field: "x"),
            .badResidentID(field: "x", reason: .checkFails), .badCreditCode(field: "x", reason: .checkFails),
        ]
        for e in errors {
            let zh = e.message(.zhHans), en = e.message(.en)
            #expect(!zh.isEmpty && !en.isEmpty && zh != en)
            #expect(zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(zh)")
        }
        #expect(CommonError.notAllowed(action: .voidInvoice, role: .clerk).message(.zhHans) == "柜员无权作废发票，请值班主管办理。")
    }
}
