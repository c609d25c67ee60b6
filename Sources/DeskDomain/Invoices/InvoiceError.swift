/// Refusals of the invoice desk. Each says what is wrong and what to do instead; ``field``
/// is the form field at fault.
public enum InvoiceError: DeskFailure, Equatable {
    /// An invoice code that is not 10–12 digits.
    case badCode(field: String, text: String)
    /// An invoice number that is not 8–20 digits.
    case badNumber(field: String, text: String)
    /// First and last number of a range have different lengths.
    case lengthsDiffer
    /// The last number of a range is before the first.
    case rangeBackwards
    /// A range of more numbers than one allocation may hold.
    case rangeTooLarge(max: Int)
    /// The range shares numbers with one already registered.
    case rangeOverlaps(code: String, first: String, last: String)
    /// No numbers of this kind are left in any range.
    case noNumbersLeft(kind: InvoiceKind)
    /// The paper form in the printer does not carry the number the desk would use.
    case numberMismatch(expected: InvoiceNumber, typed: String)
    /// An amount that must be more than zero.
    case amountNotPositive(field: String)
    /// An invoice needs at least one receipt.
    case noReceipts
    /// More receipt lines than one invoice takes.
    case tooManyReceipts(max: Int)
    /// The same receipt twice on one form.
    case receiptTwiceOnForm(field: String, receipt: String)
    /// The receipt is already on a live invoice.
    case receiptAlreadyInvoiced(field: String, receipt: String, invoice: InvoiceNumber)
    /// An enterprise buyer gave no taxpayer ID.
    case enterpriseNeedsTaxpayerID
    /// No invoice has this number (under this code).
    case noSuchInvoice(field: String, text: String)
    /// Several invoices have this number under different codes.
    case codeNeeded(number: String, codes: [String])
    /// Electronic invoices are never voided.
    case electronicCannotBeVoided(InvoiceNumber)
    /// A paper invoice from an earlier month.
    case voidOnlyInMonthOfIssue(InvoiceNumber, issued: String)
    case alreadyVoided(InvoiceNumber)
    case alreadyFullyReversed(InvoiceNumber)
    /// A void of an invoice that red-letter invoices already partly reverse.
    case partlyReversed(InvoiceNumber)
    /// A red-letter invoice is not voided or reversed itself.
    case isRedLetter(InvoiceNumber)
    /// A reversal reason code other than 01–04.
    case badReasonCode(text: String)
    /// A reversal of more than is left to reverse.
    case reversalTooLarge(remaining: Money)

    public var field: String? {
        switch self {
        case .badCode(let f, _), .badNumber(let f, _), .amountNotPositive(let f), .receiptTwiceOnForm(let f, _),
             .receiptAlreadyInvoiced(let f, _, _), .noSuchInvoice(let f, _):
            return f
        case .lengthsDiffer, .rangeBackwards, .rangeTooLarge: return "last"
        case .rangeOverlaps: return "first"
        case .noNumbersLeft: return "kind"
        case .numberMismatch: return "expectedNumber"
        case .noReceipts, .tooManyReceipts: return "receipts"
        case .enterpriseNeedsTaxpayerID: return "taxpayerID"
        case .codeNeeded: return "code"
        case .electronicCannotBeVoided, .voidOnlyInMonthOfIssue, .alreadyVoided, .alreadyFullyReversed, .partlyReversed,
             .isRedLetter:
            return "number"
        case .badReasonCode: return "reasonCode"
        case .reversalTooLarge: return "amount"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .badCode(_, text):
            return l.pick("发票代码“\(text)”不对：应为 10–12 位数字。", "Invoice code \"\(text)\" is wrong: it has 10 to 12 digits.")
        case let .badNumber(_, text):
            return l.pick("发票号码“\(text)”不对：应为 8–20 位数字（纸质票一般 8 位，电子票一般 20 位）。",
                          "Invoice number \"\(text)\" is wrong: it has 8 to 20 digits (usually 8 on paper, 20 electronic).")
        case .lengthsDiffer:
            return l.pick("起止号码位数不同，请照发票领购簿核对。", "The first and last numbers have different lengths; check them against the purchase record.")
        case .rangeBackwards:
            return l.pick("止号小于起号，请核对。", "The last number is before the first; check them.")
        case let .rangeTooLarge(max):
            return l.pick("一次最多登记 \(max) 个号码，请分段登记。", "At most \(max) numbers per range; register it in parts.")
        case let .rangeOverlaps(code, first, last):
            let c = code.isEmpty ? "" : l.pick("代码 \(code) ", "code \(code) ")
            return l.pick("与已登记的号段 \(c)\(first)–\(last) 重叠，不能重复登记。",
                          "It overlaps the range \(c)\(first)–\(last) already registered; a number can be registered only once.")
        case let .noNumbersLeft(kind):
            return l.pick("\(kind.name(l))号码已用完，请值班主管登记新的号段后再开。",
                          "No \(kind.name(l)) numbers are left; a shift lead must register a new range first.")
        case let .numberMismatch(expected, typed):
            return l.pick("打印机里的发票号码是“\(typed)”，但应使用 \(expected.name(l))。请按顺序放入发票，不得跳号。",
                          "The form in the printer is \"\(typed)\", but the next number is \(expected.name(l)). Load the forms in order; numbers may not be skipped.")
        case .amountNotPositive:
            return l.pick("金额必须大于 0。", "The amount must be more than zero.")
        case .noReceipts:
            return l.pick("请至少录入一张购物小票。", "Enter at least one shopping receipt.")
        case let .tooManyReceipts(max):
            return l.pick("一张发票最多 \(max) 张小票，请分开开具。", "At most \(max) receipts per invoice; issue several invoices.")
        case let .receiptTwiceOnForm(_, receipt):
            return l.pick("小票 \(receipt) 录入了两次。", "Receipt \(receipt) is entered twice.")
        case let .receiptAlreadyInvoiced(_, receipt, invoice):
            return l.pick("小票 \(receipt) 已开过发票（\(invoice.name(l))），同一小票只能开一次。",
                          "Receipt \(receipt) is already on invoice \(invoice.name(l)); a receipt can be invoiced only once.")
        case .enterpriseNeedsTaxpayerID:
            return l.pick("企业抬头必须填写纳税人识别号（18 位统一社会信用代码）。",
                          "An enterprise buyer must give its taxpayer ID (the 18-character unified social credit code).")
        case let .noSuchInvoice(_, text):
            return l.pick("没有号码为“\(text)”的发票，请核对代码和号码。", "There is no invoice \"\(text)\"; check the code and number.")
        case let .codeNeeded(number, codes):
            return l.pick("号码 \(number) 在多个发票代码下都有（\(codes.joined(separator: "、"))），请填写发票代码。",
                          "Number \(number) exists under several codes (\(codes.joined(separator: ", "))); enter the invoice code.")
        case let .electronicCannotBeVoided(n):
            return l.pick("电子发票（\(n.name(l))）不能作废，请开具红字发票冲销。",
                          "An electronic invoice (\(n.name(l))) cannot be voided; issue a red-letter invoice instead.")
        case let .voidOnlyInMonthOfIssue(n, issued):
            return l.pick("发票 \(n.name(l)) 开于 \(issued)，已跨月，不能作废，请开具红字发票冲销。",
                          "Invoice \(n.name(l)) was issued on \(issued), in an earlier month, so it cannot be voided; issue a red-letter invoice instead.")
        case let .alreadyVoided(n):
            return l.pick("发票 \(n.name(l)) 已作废。", "Invoice \(n.name(l)) is already void.")
        case let .alreadyFullyReversed(n):
            return l.pick("发票 \(n.name(l)) 已全额红冲。", "Invoice \(n.name(l)) is already fully reversed.")
        case let .partlyReversed(n):
            return l.pick("发票 \(n.name(l)) 已部分红冲，不能再作废；余额请继续开红字发票冲销。",
                          "Invoice \(n.name(l)) is already partly reversed, so it cannot be voided; reverse the rest with a red-letter invoice.")
        case let .isRedLetter(n):
            return l.pick("\(n.name(l)) 是红字发票，不能作废或再冲销。", "\(n.name(l)) is a red-letter invoice; it cannot be voided or reversed.")
        case let .badReasonCode(text):
            return l.pick("红冲原因“\(text)”不对：01 开票有误，02 销货退回，03 服务中止，04 销售折让。",
                          "Reason \"\(text)\" is wrong: 01 issuing error, 02 goods returned, 03 service stopped, 04 allowance.")
        case let .reversalTooLarge(remaining):
            return l.pick("红冲金额不能超过原发票尚未冲销的 \(remaining)。", "A reversal cannot be more than the \(remaining) not yet reversed.")
        }
    }
}
