import DeskDomain

/// F5: points cards (积分卡): enrolment with a receipt and an ID document, back-filling
/// points from receipts, redemption, loss reports, reissues, a lead's adjustment, and the
/// common questions.
public final class PointsPanel: Panel {
    /// The most cards the list shows; a busy desk has far more, and the search finds them.
    let listLimit: Int

    public init() { listLimit = 300 }
    init(listLimit: Int) { self.listLimit = max(1, listLimit) }

    public var functionKey: Int { 5 }

    public var books: [BookName] { [.points] }
    public func title(_ l: Language) -> String { l.pick("积分卡", "Points cards") }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        let query = Self.phoneWordsMasked(query)
        let lastActive = { (c: PointsCard) in c.history.last?.at ?? c.issuedAt }
        var matched = 0
        typealias Entry = (at: Int64, card: PointsCard)
        let newer = { (a: Entry, b: Entry) in (a.at, a.card.number) > (b.at, b.card.number) }
        var latest: [Entry] = []   // the newest `listLimit` that match, newest first
        for card in desk.points.state.cards.values where PanelText.matches(query, [card.number, card.holderName, card.phoneMasked]) {
            matched += 1
            let entry: Entry = (lastActive(card), card)
            if latest.count == listLimit, let last = latest.last, !newer(entry, last) { continue }
            var lo = 0, hi = latest.count
            while lo < hi { let mid = (lo + hi) / 2; if newer(latest[mid], entry) { lo = mid + 1 } else { hi = mid } }
            latest.insert(entry, at: lo)
            if latest.count > listLimit { latest.removeLast() }
        }
        let rows = latest.map { at, card in
            ListContent.Row(id: card.number, cells: [card.number, card.holderName, card.phoneMasked, String(card.balance),
                                                     card.status.name(l), PanelText.dayTime(at, desk)],
                            flagged: card.status == .lost)
        }
        let counts = desk.points.counts
        var footer = l.pick("正常 \(counts.active) 张，已挂失 \(counts.lost) 张，补办 \(counts.reissued) 张",
                            "\(counts.active) active, \(counts.lost) reported lost, \(counts.reissued) reissued")
        if matched > rows.count {
            footer += l.pick("；显示最近 \(rows.count) 张，共 \(matched) 张，请搜索",
                             "; latest \(rows.count) of \(matched) shown: search")
        }
        let empty = query.isEmpty ? l.pick("还没有积分卡。按 n 办卡，按 q 看常见问题。", "No points card yet. Press n to enrol a customer, q for the FAQ.")
                                  : l.pick("没有符合搜索的积分卡。Esc 清除搜索，按 n 办卡。", "No card matches the search. Esc clears it; n enrols.")
        return ListContent(headings: [l.pick("卡号", "Card"), l.pick("持卡人", "Holder"), l.pick("电话", "Phone"),
                                      l.pick("积分", "Points"), l.pick("状态", "Status"), l.pick("最近", "Last used")],
                           widths: [14, 12, 13, 9, 14, 12], rows: rows, empty: empty, footer: footer)
    }

    /// A whole mobile number typed into the search becomes its mask (`138****5678`), since
    /// the desk keeps only the masked phone.
    static func phoneWordsMasked(_ query: String) -> String {
        query.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let w = String(word)
            guard w.count == 11, w.first == "1", w.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let phone = try? PhoneNumber(w) else { return w }
            return phone.masked
        }.joined(separator: " ")
    }

    static func today(_ desk: Desk) -> String { desk.context.time.civil(desk.context.now()).dateString }

    // MARK: - Actions

    public var actions: [PanelAction] { [enrol, backfill, redeem, reportLost, reissue, adjust, faq] }

    /// Enter on a card: back-fill a receipt to it (the commonest job on a card).
    public func rowActionKey(for row: String, desk: Desk) -> Character? { "b" }

    var enrol: PanelAction {
        PanelAction(key: "n", "办卡", "enrol", makeForm: { _, desk in
            let c = desk.context.config
            return FormState("办理积分卡", "Enrol a points card", fields: [
                FormField("receiptNumber", "小票号", "Receipt number", limit: 40, required: true),
                FormField("shop", "商户", "Shop", limit: 40, required: true),
                FormField("receiptDate", "小票日期", "Receipt date", kind: .date, value: Self.today(desk), limit: 10, required: true),
                FormField("amount", "小票金额", "Receipt amount", kind: .money, limit: 12, required: true),
                FormField("name", "姓名", "Name", limit: 40, required: true),
                FormField("phone", "电话", "Phone", kind: .phone, limit: 16, required: true),
                FormField("idNumber", "身份证号", "Resident ID number", kind: .idNumber, limit: 18, required: true),
                FormField("formNumber", "申请表编号", "Application form no.", limit: 30, required: true),
                FormField("formKept", "申请表已核对存档", "Form checked and filed", kind: .toggle, required: true),
                FormField("cardNumber", "卡号", "Card number", limit: 16, required: true),
            ], noteZh: "核对购物小票（单张满 \(c.minReceipt)，\(c.backfillDays) 天内）和身份证件；申请表填写完整后收好存档，把卡、使用指南、小票和证件交还顾客。",
               noteEn: "Check the receipt (one of at least \(c.minReceipt), within \(c.backfillDays) days) and the ID; file the completed application form, then hand back the card, user guide, receipt and ID.")
        }, submit: { form, desk, actor, l in
            let card = try desk.points.enrol(.init(cardNumber: form["cardNumber"], name: form["name"], phone: form["phone"],
                                                   idNumber: form["idNumber"], formNumber: form["formNumber"],
                                                   formKept: form.isChecked("formKept"), shop: form["shop"],
                                                   receiptNumber: form["receiptNumber"], receiptDate: form["receiptDate"],
                                                   amount: form["amount"]), by: actor)
            return l.pick("已为 \(card.holderName) 办卡 \(card.number)，小票积 \(card.balance) 分。",
                          "Card \(card.number) enrolled for \(card.holderName): \(card.balance) points.")
        })
    }

    var backfill: PanelAction {
        PanelAction(key: "b", "补积分", "back-fill", makeForm: { selected, desk in
            FormState("补录小票积分", "Back-fill points from a receipt", fields: [
                FormField("cardNumber", "卡号", "Card number", value: selected ?? "", limit: 16, required: true),
                FormField("shop", "商户", "Shop", limit: 40, required: true),
                FormField("receiptNumber", "小票号", "Receipt number", limit: 40, required: true),
                FormField("amount", "小票金额", "Receipt amount", kind: .money, limit: 12, required: true),
                FormField("receiptDate", "小票日期", "Receipt date", kind: .date, value: Self.today(desk), limit: 10, required: true),
            ], noteZh: "核对积分卡和原始购物小票（\(desk.context.config.backfillDays) 天内）；每张小票只能积分一次。",
               noteEn: "Check the card and the original receipt (within \(desk.context.config.backfillDays) days); a receipt earns points only once.")
        }, submit: { form, desk, actor, l in
            let m = try desk.points.backfill(.init(cardNumber: form["cardNumber"], shop: form["shop"],
                                                   receiptNumber: form["receiptNumber"], receiptDate: form["receiptDate"],
                                                   amount: form["amount"]), by: actor)
            let number = try PointsDesk.cardNumber(form["cardNumber"], field: "cardNumber")
            return l.pick("\(number) 补积 \(m.points) 分，余额 \(m.balance) 分。",
                          "\(number) earned \(m.points) points; the balance is \(m.balance).")
        })
    }

    var redeem: PanelAction {
        PanelAction(key: "r", "兑换", "redeem", makeForm: { selected, desk in
            let balance = selected.flatMap { desk.points.state.cards[$0] }.map { $0.balance }
            return FormState("积分兑换", "Redeem points", fields: [
                FormField("cardNumber", "卡号", "Card number", value: selected ?? "", limit: 16, required: true),
                FormField("points", "兑换积分", "Points", kind: .digits, limit: 9, required: true),
                FormField("purpose", "兑换礼品/服务", "Exchanged for", limit: 100, required: true),
            ], noteZh: balance.map { "卡上余额 \($0) 分。" } ?? "",
               noteEn: balance.map { "The card holds \($0) points." } ?? "")
        }, submit: { form, desk, actor, l in
            let m = try desk.points.redeem(.init(cardNumber: form["cardNumber"], points: form["points"], purpose: form["purpose"]),
                                           by: actor)
            return l.pick("已兑换 \(-m.points) 分，余额 \(m.balance) 分（\(m.detail)）。",
                          "Redeemed \(-m.points) points; the balance is \(m.balance) (\(m.detail)).")
        })
    }

    var reportLost: PanelAction {
        PanelAction(key: "l", "挂失", "report loss", makeForm: { selected, _ in
            FormState("积分卡挂失", "Report a card lost", fields: [
                FormField("cardNumber", "卡号（不知道可不填）", "Card number (if known)", value: selected ?? "", limit: 16),
                FormField("idNumber", "持卡人身份证号", "Holder's resident ID", kind: .idNumber, limit: 18, required: true),
                FormField("note", "说明", "Note", limit: 200),
            ], noteZh: "核对持卡人本人身份证件；挂失后卡片立即停用，积分保留，补办新卡时转入。",
               noteEn: "Check the holder's own ID. The card is blocked at once; its points are kept and move to the reissued card.")
        }, submit: { form, desk, actor, l in
            let card = try desk.points.reportLost(.init(cardNumber: form["cardNumber"], idNumber: form["idNumber"], note: form["note"]),
                                                  by: actor)
            return l.pick("积分卡 \(card.number) 已挂失停用，余额 \(card.balance) 分保留。",
                          "Card \(card.number) is reported lost and blocked; its \(card.balance) points are kept.")
        })
    }

    var reissue: PanelAction {
        PanelAction(key: "i", "补办", "reissue", makeForm: { selected, _ in
            FormState("补办积分卡", "Reissue a card", fields: [
                FormField("cardNumber", "原卡号（不知道可不填）", "Old card number (if known)", value: selected ?? "", limit: 16),
                FormField("idNumber", "持卡人身份证号", "Holder's resident ID", kind: .idNumber, limit: 18, required: true),
                FormField("newCardNumber", "新卡号", "New card number", limit: 16, required: true),
                FormField("note", "说明", "Note", limit: 200),
            ], noteZh: "核对持卡人本人身份证件；原卡余额和积分记录转到新卡，原卡作废。",
               noteEn: "Check the holder's own ID. The balance and history move to the new card; the old card is blocked for good.")
        }, submit: { form, desk, actor, l in
            let card = try desk.points.reissue(.init(cardNumber: form["cardNumber"], idNumber: form["idNumber"],
                                                     newCardNumber: form["newCardNumber"], note: form["note"]), by: actor)
            return l.pick("已补办新卡 \(card.number)，原卡 \(card.replaces ?? "") 作废，余额 \(card.balance) 分已转入。",
                          "New card \(card.number) replaces \(card.replaces ?? "") (blocked); \(card.balance) points moved over.")
        })
    }

    var adjust: PanelAction {
        PanelAction(key: "a", "调整积分", "adjust", leadOnly: true, makeForm: { selected, _ in
            FormState("调整积分（值班主管）", "Adjust a balance (shift lead)", fields: [
                FormField("cardNumber", "卡号", "Card number", value: selected ?? "", limit: 16, required: true),
                FormField("points", "积分（加为正，减为负）", "Points (+ adds, - takes off)", limit: 12, required: true),
                FormField("reason", "原因", "Reason", limit: 200, required: true),
            ])
        }, submit: { form, desk, actor, l in
            let m = try desk.points.adjust(.init(cardNumber: form["cardNumber"], points: form["points"], reason: form["reason"]),
                                           by: actor)
            let signed = m.points > 0 ? "+\(m.points)" : String(m.points)
            return l.pick("积分已调整 \(signed)，余额 \(m.balance) 分。", "Adjusted by \(signed); the balance is \(m.balance).")
        })
    }

    /// The common questions, shown as the note of a form without fields.
    var faq: PanelAction {
        PanelAction(key: "q", "常见问题", "FAQ", writes: false, makeForm: { _, desk in
            FormState("积分卡常见问题（Enter 或 Esc 关闭）", "Points card FAQ (Enter or Esc closes)", fields: [],
                      noteZh: Self.faqText(desk, .zhHans), noteEn: Self.faqText(desk, .en))
        }, submit: { _, _, _, l in
            l.pick("常见问题已关闭。", "FAQ closed.")
        })
    }

    /// Every question and answer, one after another (the form note has no line breaks).
    static func faqText(_ desk: Desk, _ l: Language) -> String {
        do {
            let entries = try desk.points.faq(l)
            return entries.enumerated().map { i, e in
                let answer = e.answer.replacingOccurrences(of: "\n", with: l == .zhHans ? "" : " ")
                return l.pick("\(i + 1). 问：\(e.question) 答：\(answer)", "\(i + 1). Q: \(e.question) A: \(answer)")
            }.joined(separator: "  ")
        } catch {
            return l.pick("常见问题文件读不出：\(error)", "The FAQ file cannot be read: \(error)")
        }
    }
}
