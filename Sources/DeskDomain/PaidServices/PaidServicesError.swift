/// Refusals of the paid-services desk.
public enum PaidServicesError: DeskFailure, Equatable {
    /// The configuration has no price for this kind of service.
    case noPrice(kind: PaidServiceKind)
    /// The fee the clerk stated is not price × quantity.
    case feeMismatch(stated: Money, quote: ServiceQuote)
    /// Only a shift lead may charge a fee other than the quote.
    case overrideNeedsLead
    /// The cash handed over does not cover the fee.
    case tenderedTooLittle(tendered: Money, fee: Money)
    /// This plaza year has used all six-digit receipt numbers.
    case numbersExhausted(year: Int)
    /// What was typed is not a receipt number.
    case badNumber(text: String)
    /// No receipt with this number is kept.
    case unknownReceipt(ServiceReceiptNumber)
    /// The receipt is void already.
    case alreadyVoid(ServiceReceiptNumber)
    /// A receipt can be voided only on the plaza day it was issued.
    case notToday(ServiceReceiptNumber, issuedOn: String?)

    /// Another fee is the lead's to allow: approved in place, it is taken.
    public var needsLead: Bool { self == .overrideNeedsLead }

    public var field: String? {
        switch self {
        case .noPrice: return "kind"
        case .feeMismatch: return "statedFee"
        case .overrideNeedsLead: return "overrideReason"
        case .tenderedTooLittle: return "tendered"
        case .numbersExhausted: return nil
        case .badNumber, .unknownReceipt, .alreadyVoid, .notToday: return "number"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .noPrice(kind):
            return l.pick("配置里没有“\(kind.name(l))”的价格，请主管在 config.toml 的 [services] 里填上。",
                          "The settings have no price for \(kind.name(l)); ask the shift lead to set it under [services] in config.toml.")
        case let .feeMismatch(stated, q):
            return l.pick("费用应为 \(q.fee)（\(q.kind.name(l)) 每份 \(q.unitPrice) × \(q.quantity)），不是 \(stated)。请按 \(q.fee) 告知顾客；如需另收费用，请值班主管填写原因。",
                          "The fee is \(q.fee) (\(q.kind.name(l)) \(q.unitPrice) each × \(q.quantity)), not \(stated). Tell the customer \(q.fee); to charge another fee, the shift lead must enter a reason.")
        case .overrideNeedsLead:
            return l.pick("只有值班主管可以按报价以外的金额收费。请按报价收费，或请主管办理。",
                          "Only the shift lead may charge a fee other than the quote. Charge the quoted fee, or ask the shift lead.")
        case let .tenderedTooLittle(tendered, fee):
            return l.pick("收到 \(tendered)，不够支付费用 \(fee)。请再收 \(fee - tendered)。",
                          "\(tendered) received does not cover the fee of \(fee). Collect another \(fee - tendered).")
        case let .numbersExhausted(year):
            return l.pick("\(year) 年的收据编号已用完（最多 999999 张），请联系财务部。",
                          "All receipt numbers of \(year) are used up (999999 at most); contact the finance department.")
        case let .badNumber(text):
            return l.pick("“\(text)”不是收据编号，请按 SR-2026-000001 的格式输入，或只输入序号。",
                          "\"\(text)\" is not a receipt number; type it like SR-2026-000001, or just the serial.")
        case let .unknownReceipt(n):
            return l.pick("找不到收据 \(n)，请核对编号。", "There is no receipt \(n); check the number.")
        case let .alreadyVoid(n):
            return l.pick("收据 \(n) 已经作废，不能再作废。", "Receipt \(n) is void already.")
        case let .notToday(n, day):
            let on = day.map { l.pick("（开具于 \($0)）", " (issued on \($0))") } ?? ""
            return l.pick("收据 \(n)\(on) 不是今天开具的，只能作废当天的收据。请按财务规定处理。",
                          "Receipt \(n)\(on) was not issued today; only today's receipts can be voided. Follow the finance rules.")
        }
    }
}
