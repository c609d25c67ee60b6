import Testing
@testable import DeskDomain

/// The invoice table's own index (open addressing over code and number) and the invoice's
/// out-of-line fields behave as a dictionary and plain fields would.
@Suite struct InvoiceTableTests {
    static func invoice(code: String, number: String, amount: Int64 = 100) -> Invoice {
        Invoice(id: InvoiceNumber(code: code, number: number), kind: .paper, shop: "星巴克咖啡",
                receipts: [InvoiceReceipt(number: "R\(number)", amount: Money(fen: amount))], buyerType: .person,
                buyerTitle: "王芳", taxpayerID: nil, creditCheckOverriddenBy: nil, amount: Money(fen: amount),
                issuedAt: 1_798_000_000, issuedYear: 2026, issuedSeq: 1, issuedBy: try! OperatorID("clerk.wang"))
    }

    @Test func findsEveryInvoiceAsTheTableGrows() {
        var t = InvoiceTable()
        for i in 0..<20_000 {
            // The same numbers under two codes, and electronic invoices without a code.
            let code = i % 3 == 0 ? "" : (i % 3 == 1 ? "144001900110" : "144001900111")
            let number = eightDigits(i / 3)
            t[InvoiceNumber(code: code, number: number)] = Self.invoice(code: code, number: number, amount: Int64(i + 1))
        }
        #expect(t.count == 20_000)
        for i in 0..<20_000 {
            let code = i % 3 == 0 ? "" : (i % 3 == 1 ? "144001900110" : "144001900111")
            #expect(t[InvoiceNumber(code: code, number: eightDigits(i / 3))]?.amount.fen == Int64(i + 1))
        }
        #expect(t[InvoiceNumber(code: "144001900112", number: eightDigits(1))] == nil)
        #expect(t[InvoiceNumber(code: "", number: eightDigits(7000))] == nil)
        #expect(t.values.map(\.amount.fen) == (1...20_000).map(Int64.init), "listed in the order added")
        // Replacing one keeps its place and the count.
        var v = t[InvoiceNumber(code: "144001900110", number: eightDigits(0))]!
        v.voidedAt = 1_798_000_100
        t[v.id] = v
        #expect(t.count == 20_000 && t.values[1].voidedAt == 1_798_000_100)
    }

    @Test func outOfLineFieldsReadAndCompareAsPlainOnes() {
        let plain = Self.invoice(code: "1", number: "00000001")
        var a = plain
        #expect(a.voidedAt == nil && a.reversed == .zero && a.redLetters.isEmpty && a.original == nil && a.note == nil)
        a.voidedAt = 5
        a.voidedBy = try! OperatorID("lead.li")
        a.voidReason = "开错"
        #expect(a != plain && a.status == .voided && plain.status == .issued, "a copy changed alone")
        a.voidedAt = nil; a.voidedBy = nil; a.voidReason = nil
        #expect(a == plain, "back to defaults is the plain invoice again")
        a.reversed = Money(fen: 40)
        a.redLetters = [InvoiceNumber(code: "1", number: "00000002")]
        #expect(a.status == .partlyReversed && a.redLetters.count == 1 && a.reversible == Money(fen: 60))
        var red = plain
        red.original = plain.id
        red.reversalReason = InvoiceReversalReason.allCases.first
        red.note = "退货"
        red.creditCheckOverriddenBy = try! OperatorID("lead.li")
        #expect(red.status == .redLetter && red.note == "退货" && red.creditCheckOverriddenBy?.rawValue == "lead.li")
    }
}

/// `n` as eight digits, as paper invoice numbers are written.
private func eightDigits(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
