@testable import DeskDomain

/// The paper invoice code the invoice tests use.
let invoicePaperCode = "144001900110"

extension InvoiceDesk.IssueForm {
    /// A form for a person buying at 星巴克, with receipts given as (number, amount).
    static func sample(_ receipts: [(String, String)], shop: String = "星巴克咖啡", kind: InvoiceKind = .paper,
                       buyerType: InvoiceBuyerType = .person, buyerTitle: String = "王芳", taxpayerID: String = "",
                       acceptFailedCreditCheck: Bool = false) -> Self {
        .init(kind: kind, shop: shop, receipts: receipts.map { .init(number: $0.0, amount: $0.1) }, buyerType: buyerType,
              buyerTitle: buyerTitle, taxpayerID: taxpayerID, acceptFailedCreditCheck: acceptFailedCreditCheck)
    }
}

extension InvoiceDesk {
    /// Registers a paper range (as the lead).
    func paperRange(_ first: String, _ last: String, code: String = invoicePaperCode, by lead: Actor) throws {
        try allocate(.init(kind: .paper, code: code, first: first, last: last), by: lead)
    }
}
