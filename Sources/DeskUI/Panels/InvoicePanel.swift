import DeskDomain

/// F6: invoices issued for the plaza's shops (发票) and receipts for paid services (收据):
/// today's of both in one list, numbers left per kind and today's service takings below.
public final class InvoicePanel: Panel {
    public init() {}
    public var functionKey: Int { 6 }
    public var books: [BookName] { [.invoice, .services] }
    public func title(_ l: Language) -> String { l.pick("发票/收据", "Invoices & receipts") }

    /// Row ids: `inv:<code>/<number>` (or `inv:<number>` without a code) and `sr:<SR-…>`.
    static func invoiceRowID(_ id: InvoiceNumber) -> String { "inv:" + id.description }
    static func receiptRowID(_ n: ServiceReceiptNumber) -> String { "sr:" + n.description }

    /// The code and number of a selected invoice row.
    static func invoice(fromRow selected: String?) -> (code: String, number: String)? {
        guard let s = selected, s.hasPrefix("inv:") else { return nil }
        let id = s.dropFirst(4)
        guard let slash = id.firstIndex(of: "/") else { return ("", String(id)) }
        return (String(id[..<slash]), String(id[id.index(after: slash)...]))
    }

    /// The number of a selected service-receipt row.
    static func receipt(fromRow selected: String?) -> String? {
        guard let s = selected, s.hasPrefix("sr:") else { return nil }
        return String(s.dropFirst(3))
    }

    static func today(_ desk: Desk) -> CivilTime {
        let c = desk.context.time.civil(desk.context.now())
        return CivilTime(year: c.year, month: c.month, day: c.day)
    }

    static func kindName(_ kind: InvoiceKind, _ l: Language) -> String {
        switch kind {
        case .paper: return l.pick("纸质票", "paper")
        case .electronic: return l.pick("电子票", "e-invoice")
        }
    }

    static func statusName(_ status: Invoice.Status, _ l: Language) -> String {
        switch status {
        case .issued: return l.pick("有效", "live")
        case .partlyReversed: return l.pick("部分红冲", "part rev.")
        case .reversed: return l.pick("已红冲", "reversed")
        case .voided: return l.pick("作废", "void")
        case .redLetter: return l.pick("红字", "red-letter")
        }
    }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        let today = Self.today(desk)
        let report = desk.invoices.report(day: today)
        var seen = Set<InvoiceNumber>()
        var entries: [(at: Int64, order: String, row: ListContent.Row)] = []
        for invoice in report.issued + report.redLetters + report.voided where seen.insert(invoice.id).inserted {
            let shop = invoice.original.map { l.pick("冲 ", "rev. ") + $0.number } ?? invoice.shop
            let row = ListContent.Row(id: Self.invoiceRowID(invoice.id),
                                      cells: [invoice.id.number, Self.kindName(invoice.kind, l), shop, invoice.buyerTitle,
                                              invoice.amount.description, Self.statusName(invoice.status, l)],
                                      flagged: invoice.status == .voided || invoice.status == .redLetter)
            entries.append((invoice.issuedAt, "i" + invoice.id.description, row))
        }
        for r in desk.services.receipts(on: today) {
            let row = ListContent.Row(id: Self.receiptRowID(r.number),
                                      cells: [r.number.description, l.pick("服务收据", "receipt"), "\(r.kind.name(l)) ×\(r.quantity)",
                                              r.customer, r.fee.description, r.isVoid ? l.pick("作废", "void") : l.pick("有效", "live")],
                                      flagged: r.isVoid)
            entries.append((r.issuedAt, "s" + r.number.description, row))
        }
        let rows = entries.sorted { ($0.at, $0.order) > ($1.at, $1.order) }.map(\.row)
            .filter { PanelText.matches(query, $0.cells) }
        let summary = desk.services.summary(on: today)
        let footer = l.pick("纸质票余 \(desk.invoices.remaining(.paper)) 张，电子票余 \(desk.invoices.remaining(.electronic)) 张；"
                            + "今日服务收据 \(summary.issued) 张，收入 \(summary.takings)",
                            "Left: \(desk.invoices.remaining(.paper)) paper, \(desk.invoices.remaining(.electronic)) e-invoice numbers; "
                            + "today \(summary.issued) receipts, takings \(summary.takings)")
        let empty = query.isEmpty
            ? l.pick("今天还没有开发票或服务收据。按 i 开发票，按 s 开服务收据。", "No invoice or service receipt today. Press i to issue an invoice, s for a service receipt.")
            : l.pick("没有符合搜索的发票或收据。Esc 清除搜索。", "Nothing matches the search. Esc clears it.")
        return ListContent(headings: [l.pick("号码", "Number"), l.pick("类别", "Kind"), l.pick("商户/服务", "Shop/service"),
                                      l.pick("抬头/顾客", "Buyer"), l.pick("金额", "Amount"), l.pick("状态", "Status")],
                           widths: [21, 10, 14, 12, 11, 11], rows: rows, empty: empty, footer: footer)
    }

    // MARK: - Actions

    public var actions: [PanelAction] { [issue, void, reverse, allocate, serviceReceipt, voidServiceReceipt] }

    static let kindChoices: [FormField.Choice] = InvoiceKind.allCases.map { .init($0.rawValue, $0.name(.zhHans), $0.name(.en)) }

    /// "下一张纸质票：代码 … 号码 …" for each kind, or that its numbers are used up.
    static func nextNumbers(_ desk: Desk, _ l: Language) -> String {
        InvoiceKind.allCases.map { kind in
            guard let n = desk.invoices.nextNumber(kind) else { return l.pick("\(kindName(kind, l))号码已用完", "no \(kind.name(l)) numbers left") }
            return l.pick("下一张\(kindName(kind, l))：\(n.name(l))", "next \(kind.name(l)): \(n.name(l))")
        }.joined(separator: l.pick("；", "; "))
    }

    var issue: PanelAction {
        PanelAction(key: "i", "开发票", "invoice", makeForm: { _, desk in
            var fields = [
                FormField("kind", "发票种类", "Kind", kind: .choice(Self.kindChoices)),
                FormField("shop", "商户", "Shop", limit: 60, required: true),
            ]
            for i in 0..<3 {
                fields.append(FormField("receipts[\(i)].number", "小票\(i + 1) 号码", "Receipt \(i + 1) number", limit: 40, required: i == 0))
                fields.append(FormField("receipts[\(i)].amount", "小票\(i + 1) 金额", "Receipt \(i + 1) amount", kind: .money, limit: 12,
                                        required: i == 0))
            }
            fields += [
                FormField("buyerType", "抬头类型", "Buyer type",
                          kind: .choice(InvoiceBuyerType.allCases.map { .init($0.rawValue, $0.name(.zhHans), $0.name(.en)) })),
                FormField("buyerTitle", "抬头", "Buyer title", limit: 100, required: true),
                FormField("taxpayerID", "纳税人识别号（企业必填）", "Taxpayer ID (enterprise)", limit: 18),
                FormField("acceptFailedCreditCheck", "校验不通过仍接受（主管）", "Accept failed check (lead)", kind: .toggle),
                FormField("expectedNumber", "打印机里的发票号码", "Number of the form in printer", kind: .digits, limit: 20),
            ]
            return FormState("开具发票", "Issue an invoice", fields: fields,
                             noteZh: Self.nextNumbers(desk, .zhHans) + "。逐项核对小票、抬头和税号，金额按小票合计。",
                             noteEn: Self.nextNumbers(desk, .en) + ". Check each receipt, the title and the taxpayer ID; the amount is the receipts' sum.")
        }, submit: { form, desk, actor, l in
            let receipts = (0..<3).map { InvoiceDesk.IssueForm.Receipt(number: form["receipts[\($0)].number"], amount: form["receipts[\($0)].amount"]) }
            let invoice = try desk.invoices.issue(.init(kind: InvoiceKind(rawValue: form["kind"]) ?? .paper, shop: form["shop"],
                                                        receipts: receipts,
                                                        buyerType: InvoiceBuyerType(rawValue: form["buyerType"]) ?? .person,
                                                        buyerTitle: form["buyerTitle"], taxpayerID: form["taxpayerID"],
                                                        acceptFailedCreditCheck: form.isChecked("acceptFailedCreditCheck"),
                                                        expectedNumber: form["expectedNumber"]), by: actor)
            return l.pick("已开具\(invoice.kind.name(l)) \(invoice.id.name(l))，金额 \(invoice.amount)。",
                          "Issued \(invoice.kind.name(l)) \(invoice.id.name(l)) for \(invoice.amount).")
        })
    }

    var void: PanelAction {
        PanelAction(key: "v", "作废发票", "void", leadOnly: true, makeForm: { selected, _ in
            let inv = Self.invoice(fromRow: selected)
            return FormState("作废发票（值班主管）", "Void an invoice (shift lead)", fields: [
                FormField("number", "发票号码", "Invoice number", kind: .digits, value: inv?.number ?? "", limit: 20, required: true),
                FormField("code", "发票代码", "Invoice code", kind: .digits, value: inv?.code ?? "", limit: 12),
                FormField("reason", "作废原因", "Reason", limit: 200, required: true),
            ], noteZh: "只能作废当月开具的纸质发票；收回全部联次，号码保留并标明作废。",
               noteEn: "Only a paper invoice of this month can be voided; take back every copy. The number stays, marked void.")
        }, submit: { form, desk, actor, l in
            let invoice = try desk.invoices.void(.init(number: form["number"], code: form["code"], reason: form["reason"]), by: actor)
            return l.pick("发票 \(invoice.id.name(l)) 已作废（\(invoice.amount)），号码保留。",
                          "Invoice \(invoice.id.name(l)) is void (\(invoice.amount)); number kept.")
        })
    }

    var reverse: PanelAction {
        PanelAction(key: "r", "红冲", "red-letter", leadOnly: true, makeForm: { selected, _ in
            let inv = Self.invoice(fromRow: selected)
            return FormState("开具红字发票冲销（值班主管）", "Reverse with a red-letter invoice (shift lead)", fields: [
                FormField("number", "原发票号码", "Original number", kind: .digits, value: inv?.number ?? "", limit: 20, required: true),
                FormField("code", "原发票代码", "Original code", kind: .digits, value: inv?.code ?? "", limit: 12),
                FormField("reasonCode", "红冲原因", "Reason", kind: .choice(InvoiceReversalReason.allCases.map {
                    .init($0.rawValue, $0.rawValue + " " + $0.name(.zhHans), $0.rawValue + " " + $0.name(.en))
                }), required: true),
                FormField("amount", "冲销金额（空为全部）", "Amount (empty: all)", kind: .money, limit: 12),
                FormField("note", "说明", "Note", limit: 200),
            ], noteZh: "红字发票用下一个号码，金额为负，不超过原发票未冲销的金额。",
               noteEn: "The red-letter invoice takes the next number, with a negative amount no more than what is left of the original.")
        }, submit: { form, desk, actor, l in
            let red = try desk.invoices.reverse(.init(number: form["number"], code: form["code"], reasonCode: form["reasonCode"],
                                                      amount: form["amount"], note: form["note"]), by: actor)
            return l.pick("已开具红字发票 \(red.id.name(l))，冲销 \(-red.amount)。",
                          "Red-letter invoice \(red.id.name(l)) reverses \(-red.amount).")
        })
    }

    var allocate: PanelAction {
        PanelAction(key: "a", "登记号段", "numbers", leadOnly: true, makeForm: { _, _ in
            FormState("登记发票号段（值班主管）", "Register invoice numbers (shift lead)", fields: [
                FormField("kind", "发票种类", "Kind", kind: .choice(Self.kindChoices)),
                FormField("code", "发票代码（纸质必填）", "Invoice code (paper)", kind: .digits, limit: 12),
                FormField("first", "起始号码", "First number", kind: .digits, limit: 20, required: true),
                FormField("last", "终止号码", "Last number", kind: .digits, limit: 20, required: true),
            ], noteZh: "照发票领购簿填写；号码按顺序使用，不得跳号。",
               noteEn: "Copy them from the invoice purchase record; numbers are used in order, none skipped.")
        }, submit: { form, desk, actor, l in
            let range = try desk.invoices.allocate(.init(kind: InvoiceKind(rawValue: form["kind"]) ?? .paper, code: form["code"],
                                                         first: form["first"], last: form["last"]), by: actor)
            let code = range.code.isEmpty ? "" : l.pick("代码 \(range.code) ", "code \(range.code) ")
            return l.pick("已登记\(range.kind.name(l))号段 \(code)\(range.first)–\(range.last)，共 \(range.count) 张。",
                          "Registered \(range.count) \(Self.kindName(range.kind, l)) numbers: \(code)\(range.first)–\(range.last).")
        })
    }

    var serviceReceipt: PanelAction {
        PanelAction(key: "s", "服务收据", "receipt", makeForm: { _, desk in
            let prices = desk.context.config.servicePrices
            let list = { (l: Language) in
                PaidServiceKind.allCases.compactMap { k in prices[k].map { "\(k.name(l)) \($0)" } }.joined(separator: l.pick("、", ", "))
            }
            return FormState("有偿服务收据", "Paid service receipt", fields: [
                FormField("kind", "服务", "Service", kind: .choice(PaidServiceKind.allCases.map { .init($0.rawValue, $0.name(.zhHans), $0.name(.en), pinyin: Self.servicePinyin[$0] ?? "") }),
                          required: true),
                FormField("quantity", "数量（份/页）", "Quantity (items/pages)", kind: .digits, limit: 4, required: true),
                FormField("statedFee", "已告知费用", "Fee stated", kind: .money, limit: 12, required: true),
                FormField("tendered", "实收", "Cash received", kind: .money, limit: 12, required: true),
                FormField("customer", "顾客", "Customer", limit: 40),
                FormField("note", "说明", "Note", limit: 200),
                FormField("overrideReason", "另收费用原因（主管）", "Other fee: reason (lead)", limit: 200),
            ], noteZh: "先告知顾客费用（单价×数量）。每份：" + list(.zhHans) + "。",
               noteEn: "State the fee first (price × quantity). Each: " + list(.en) + ".")
        }, submit: { form, desk, actor, l in
            let r = try desk.services.issue(.init(kind: PaidServiceKind(rawValue: form["kind"]), quantity: form["quantity"],
                                                  statedFee: form["statedFee"], tendered: form["tendered"], customer: form["customer"],
                                                  note: form["note"], overrideReason: form["overrideReason"]), by: actor)
            return l.pick("收据 \(r.number)：\(r.kind.name(l)) ×\(r.quantity)，收费 \(r.fee)，实收 \(r.tendered)，找零 \(r.change)。",
                          "\(r.number): \(r.kind.name(l)) ×\(r.quantity), fee \(r.fee), got \(r.tendered), change \(r.change).")
        })
    }

    /// The services' names in pinyin, for typing them without a Chinese input method.
    static let servicePinyin: [PaidServiceKind: String] = [.giftWrap: "li pin bao zhuang", .fax: "chuan zhen", .photocopy: "fu yin", .typing: "da zi"]

    var voidServiceReceipt: PanelAction {
        PanelAction(key: "x", "作废收据", "void receipt", leadOnly: true, makeForm: { selected, _ in
            FormState("作废服务收据（值班主管）", "Void a service receipt (shift lead)", fields: [
                FormField("number", "收据编号", "Receipt number", value: Self.receipt(fromRow: selected) ?? "", limit: 16, required: true),
                FormField("reason", "作废原因", "Reason", limit: 200, required: true),
            ], noteZh: "只能作废当天的收据；收回收据，退还费用。", noteEn: "Only today's receipts can be voided; take the receipt back and refund the fee.")
        }, submit: { form, desk, actor, l in
            let r = try desk.services.void(.init(number: form["number"], reason: form["reason"]), by: actor)
            return l.pick("收据 \(r.number) 已作废，\(r.fee) 不计入收入。", "Receipt \(r.number) is void; \(r.fee) leaves the takings.")
        })
    }
}
