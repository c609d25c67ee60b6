import Testing
@testable import DeskDomain

/// Personal numbers and invisible formatting in what a clerk types: refused with words
/// that say where the number belongs, and nothing recorded (GUARANTEES: "No personal
/// number in free text").
@Suite struct FreeTextCheckTests {
    @Test(arguments: [
        ("证件号 11010519491231002X", PersonalNumberScan.Kind.residentID),
        ("360426199101010071", .residentID),
        ("id 11010519491231002x", .residentID),
        ("110105194912310021", .residentID),            // a wrong check digit is still someone's number
        ("电话13812345678", .phone),
        ("138 1234 5678", .phone),
        ("138-1234-5678", .phone),
        ("１３８１２３４５６７８", .phone),
        ("+86 19912345678 回电", .phone),
        ("座机 010-12345678", .phone),
        ("0755-1234567", .phone),
    ])
    func personalNumbersAreFound(text: String, kind: PersonalNumberScan.Kind) {
        #expect(PersonalNumberScan.find(text) == kind, "\(text)")
        #expect(throws: CommonError.personalNumber(field: "features", kind: kind)) { try FieldCheck.text(text, field: "features") }
    }

    @Test(arguments: [
        "黑色钱包，内有会员卡", "发票代码 0440260001", "序列号 12345678", "10:30 在二楼", "3 件", "12345678901",
        "2026-03-01", "A-12 架", "IMEI 356938035643809", "0440260001-2",
    ])
    func ordinaryTextPasses(text: String) throws {
        #expect(PersonalNumberScan.find(text) == nil, "\(text)")
        #expect(try FieldCheck.text(text, field: "note") == text)
    }

    @Test func identifierFieldsTakeAnyDigits() throws {
        #expect(try FieldCheck.text("13812345678", field: "receiptNumber", identifier: true) == "13812345678")
    }

    @Test(arguments: [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                      0x2066, 0x2067, 0x2068, 0x2069, 0x2060, 0xFEFF])
    func invisibleFormattingIsRefusedInEveryTextField(code: UInt32) {
        let text = "王" + String(Character(Unicode.Scalar(code)!)) + "芳"
        #expect(throws: CommonError.hiddenFormatting(field: "name")) { try FieldCheck.text(text, field: "name") }
        #expect(throws: CommonError.hiddenFormatting(field: "receiptNumber")) {
            try FieldCheck.text("R" + String(Character(Unicode.Scalar(code)!)) + "1", field: "receiptNumber", identifier: true)
        }
        #expect(!FieldCheck.echo(text).unicodeScalars.contains { $0.value == code })
    }

    @Test func birthDatesAfterTodayAreRefused() throws {
        let today = CivilTime(year: 2026, month: 3, day: 1)
        #expect(throws: ResidentIDError.birthInFuture("20261231")) { try ResidentID("110105202612310017", today: today) }
        #expect(throws: ResidentIDError.birthInFuture("20260302")) { try ResidentID("110105202603020018", today: today) }
        #expect(throws: CommonError.badResidentID(field: "idNumber", reason: .birthInFuture("20260302"))) {
            try FieldCheck.residentID("110105202603020018", field: "idNumber", today: today)
        }
        // Born today is fine (a newborn's ID), and without a day nothing is compared.
        #expect(try ResidentID("110105202603020018", today: CivilTime(year: 2026, month: 3, day: 2)).number == "110105202603020018")
        #expect(try ResidentID("110105202612310017").number == "110105202612310017")
    }

    @Test func theRefusalsSpeakBothLanguages() {
        let errors: [CommonError] = [.hiddenFormatting(field: "x"), .personalNumber(field: "x", kind: .phone),
                                     .personalNumber(field: "x", kind: .residentID),
                                     .badResidentID(field: "x", reason: .birthInFuture("20991231"))]
        for e in errors {
            let zh = e.message(.zhHans), en = e.message(.en)
            #expect(zh != en && !zh.isEmpty && !en.isEmpty)
            #expect(zh.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        }
    }

    @Test func aDeskActionWithAPhoneInItsNoteWritesNothing() throws {
        let f = DeskFixture()
        let desk = try Desk(context: f.context, pinRounds: 1)
        let before = desk.headSeqSum
        let refusal = failure {
            try desk.lostFound.intake(.init(foundPlace: "一楼中庭", handedInBy: "保洁员张", category: "wallet", colour: "黑色",
                                            features: "失主电话 13812345678", storage: "A架"), by: f.clerk)
        }
        #expect(refusal?.field == "features")
        #expect(refusal?.message(.en) == "Do not type a phone number here: use the phone field (it is kept masked).")
        #expect(desk.headSeqSum == before)
    }
}
