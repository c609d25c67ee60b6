import Testing
@testable import DeskDomain

@Suite struct TextKeyTests {
    @Test func equalBytesAreOneKeyAndOtherBytesAnother() {
        let a = TextKey("屈臣氏\nR2026"), b = TextKey("屈臣氏" + "\n" + "R2026")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != TextKey("屈臣氏\nR2027") && a != TextKey("屈臣\nR2026"))
        var table: [TextKey: Int] = [:]
        for i in 0..<5000 { table[TextKey("万达广场\n\(i)")] = i }
        #expect(table.count == 5000 && table[TextKey("万达广场\n4321")] == 4321 && table[TextKey("万达广场\n5000")] == nil)
        // Bytes, not canonical equivalence: é composed and decomposed are two keys.
        #expect(TextKey("caf\u{E9}") != TextKey("cafe\u{301}"))
    }

    @Test func aReceiptKeyIgnoresSpacesWidthAndCase() {
        #expect(InvoiceReceipt.key(shop: "屈臣氏", number: "r 2026 ０１") == InvoiceReceipt.key(shop: " 屈臣氏", number: "R202601"))
        #expect(InvoiceReceipt.key(shop: "屈臣氏", number: "R1") != InvoiceReceipt.key(shop: "屈臣氏", number: "R2"))
    }
}
