import Testing
@testable import DeskDomain

/// Number ranges: registered by a lead, used strictly in order, never twice.
@Suite struct InvoiceNumberingTests {
    let f = DeskFixture()

    @Test func numbersAreUsedInOrderWithoutGapsAcrossTwoRanges() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000003", by: f.lead)
        try desk.paperRange("00000101", "00000102", code: "144001900111", by: f.lead)
        try desk.allocate(.init(kind: .electronic, first: "26442000000000000001", last: "26442000000000000009"), by: f.lead)
        #expect(desk.remaining(.paper) == 5 && desk.remaining(.electronic) == 9)
        var numbers: [String] = []
        for i in 1...5 {
            numbers.append(try desk.issue(.sample([("小票\(i)", "10")]), by: f.clerk).id.description)
        }
        #expect(numbers == ["144001900110/00000001", "144001900110/00000002", "144001900110/00000003",
                            "144001900111/00000101", "144001900111/00000102"])
        #expect(desk.ranges.map(\.remaining) == [0, 0, 9])
        #expect(desk.nextNumber(.paper) == nil)
        #expect(desk.nextNumber(.electronic) == InvoiceNumber(code: "", number: "26442000000000000001"))
        let head = desk.book.head.seq
        let err = failure { try desk.issue(.sample([("小票9", "10")]), by: f.clerk) }
        #expect(err as? InvoiceError == .noNumbersLeft(kind: .paper))
        #expect(err?.field == "kind")
        #expect(err?.message(.zhHans).contains("号码已用完") == true)
        #expect(desk.book.head.seq == head, "nothing was written")
        #expect(try desk.issue(.sample([("小票9", "10")], kind: .electronic), by: f.clerk).id.number == "26442000000000000001")
    }

    @Test func twentyDigitNumbersCarryPastNines() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.allocate(.init(kind: .electronic, first: "99442000000000000099", last: "99442000000000000101"), by: f.lead)
        #expect(desk.ranges[0].count == 3)
        let numbers = try (1...3).map { try desk.issue(.sample([("R\($0)", "5")], kind: .electronic), by: f.clerk).id.number }
        #expect(numbers == ["99442000000000000099", "99442000000000000100", "99442000000000000101"])
    }

    @Test func voidedAndRedLetterNumbersStayInTheSequence() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000010", by: f.lead)
        let a = try desk.issue(.sample([("A1", "10")]), by: f.clerk)
        try desk.void(.init(number: a.id.number, reason: "打印错位"), by: f.lead)
        let b = try desk.issue(.sample([("A1", "10")]), by: f.clerk)
        let red = try desk.reverse(.init(number: b.id.number, reasonCode: "02"), by: f.lead)
        let c = try desk.issue(.sample([("A2", "10")]), by: f.clerk)
        #expect([a, b, red, c].map(\.id.number) == ["00000001", "00000002", "00000003", "00000004"])
        #expect(desk.invoice(number: "00000001")?.status == .voided)
        #expect(desk.ranges[0].used == 4 && desk.remaining(.paper) == 6)
    }

    @Test func twoConsolesShareOneSequence() throws {
        let a = try InvoiceDesk(context: f.context)
        let b = try InvoiceDesk(context: f.context)
        try a.paperRange("00000001", "00000010", by: f.lead)
        let first = try a.issue(.sample([("A1", "10")]), by: f.clerk)
        let second = try b.issue(.sample([("A2", "10")]), by: f.clerk)
        #expect(first.id.number == "00000001" && second.id.number == "00000002")
        try a.book.refresh()
        #expect(a.state == b.state)
    }

    @Test func theFormInThePrinterMustCarryTheNextNumber() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000001", "00000010", by: f.lead)
        var form = InvoiceDesk.IssueForm.sample([("A1", "10")])
        form.expectedNumber = "00000002"
        let err = failure { try desk.issue(form, by: f.clerk) }
        #expect(err as? InvoiceError == .numberMismatch(expected: InvoiceNumber(code: invoicePaperCode, number: "00000001"), typed: "00000002"))
        #expect(err?.field == "expectedNumber")
        #expect(desk.book.head.seq == 1)
        form.expectedNumber = "00000001"
        #expect(try desk.issue(form, by: f.clerk).id.number == "00000001")
    }

    @Test func anOverlappingRangeIsRefused() throws {
        let desk = try InvoiceDesk(context: f.context)
        try desk.paperRange("00000100", "00000199", by: f.lead)
        for (first, last) in [("00000150", "00000250"), ("00000050", "00000100"), ("00000199", "00000199"), ("00000001", "00000999")] {
            let err = failure { try desk.paperRange(first, last, by: f.lead) }
            #expect(err as? InvoiceError == .rangeOverlaps(code: invoicePaperCode, first: "00000100", last: "00000199"), "\(first)–\(last)")
            #expect(err?.field == "first")
        }
        #expect(desk.book.head.seq == 1, "nothing was written")
        try desk.paperRange("00000200", "00000299", by: f.lead)
        try desk.paperRange("00000100", "00000199", code: "144001900111", by: f.lead)
        #expect(desk.ranges.count == 3)
    }

    @Test func onlyALeadAllocatesNumbers() throws {
        let desk = try InvoiceDesk(context: f.context)
        let form = InvoiceDesk.RangeForm(kind: .paper, code: invoicePaperCode, first: "00000001", last: "00000100")
        #expect(failure { try desk.allocate(form, by: f.clerk) } as? CommonError == .notAllowed(action: .allocateInvoiceNumbers, role: .clerk))
        #expect(failure { try desk.allocate(form, by: f.auditor) } as? CommonError == .notAllowed(action: .allocateInvoiceNumbers, role: .auditor))
        #expect(desk.book.head.seq == 0)
        #expect(try desk.allocate(form, by: f.lead).count == 100)
    }

    @Test func aBadRangeNamesTheFieldAndWritesNothing() throws {
        let desk = try InvoiceDesk(context: f.context)
        func field(_ form: InvoiceDesk.RangeForm) -> String? { failure { try desk.allocate(form, by: f.lead) }?.field }
        #expect(field(.init(kind: .paper, code: "", first: "00000001", last: "00000002")) == "code")
        #expect(field(.init(kind: .paper, code: "14400190", first: "00000001", last: "00000002")) == "code")
        #expect(field(.init(kind: .paper, code: "14400190011A", first: "00000001", last: "00000002")) == "code")
        #expect(field(.init(kind: .paper, code: invoicePaperCode, first: "0000001", last: "00000002")) == "first")
        #expect(field(.init(kind: .paper, code: invoicePaperCode, first: "00000001", last: "")) == "last")
        #expect(failure { try desk.allocate(.init(kind: .paper, code: invoicePaperCode, first: "00000001", last: "000000002"), by: f.lead) }
            as? InvoiceError == .lengthsDiffer)
        #expect(failure { try desk.allocate(.init(kind: .paper, code: invoicePaperCode, first: "00000009", last: "00000002"), by: f.lead) }
            as? InvoiceError == .rangeBackwards)
        #expect(failure { try desk.allocate(.init(kind: .paper, code: invoicePaperCode, first: "00000001", last: "00010001"), by: f.lead) }
            as? InvoiceError == .rangeTooLarge(max: 10_000))
        #expect(field(.init(kind: .electronic, code: "123", first: "26442000000000000001", last: "26442000000000000009")) == "code")
        #expect(desk.book.head.seq == 0, "nothing was written")
        #expect(try desk.allocate(.init(kind: .paper, code: invoicePaperCode, first: "00000001", last: "00010000"), by: f.lead).count == 10_000)
        #expect(try desk.allocate(.init(kind: .electronic, code: " ", first: "26442000000000000001", last: "26442000000000000001"), by: f.lead).code == "")
    }
}
