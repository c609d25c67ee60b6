import DeskDomain

/// F3: umbrellas lent against a deposit and a numbered deposit card (manual §5.2.8).
public final class UmbrellaPanel: Panel {
    public init() {}
    public var functionKey: Int { 3 }
    public var books: [BookName] { [.umbrella] }
    public func title(_ l: Language) -> String { l.pick("雨伞", "Umbrellas") }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        let u = desk.umbrellas
        let today = desk.context.time.civil(desk.context.now()).dateString
        let out = u.unitsOut
        let rows = out.map(\.loan).filter { PanelText.matches(query, [$0.unit, $0.depositCard, $0.customer, $0.phoneMasked]) }
            .map { loan in
                let overnight = desk.context.time.civil(loan.lentAt).dateString != today
                return ListContent.Row(id: loan.unit,
                                       cells: [loan.unit, loan.depositCard, loan.customer, loan.phoneMasked,
                                               PanelText.dayTime(loan.lentAt, desk), loan.deposit.description,
                                               PanelText.duration(since: loan.lentAt, desk) + (overnight ? l.pick(" 过夜", " overnight") : "")],
                                       flagged: overnight)
            }
        let units = u.units
        let available = units.filter { $0.status == .available }.count
        let damaged = units.filter { $0.status == .damaged }.map(\.unit)
        let held = out.reduce(Money.zero) { $0 + $1.loan.deposit }
        var footer = l.pick("借出 \(out.count) 把，可借 \(available) 把，损坏待修 \(damaged.count) 把",
                            "\(out.count) out, \(available) available, \(damaged.count) damaged")
        if !damaged.isEmpty && damaged.count <= 4 { footer += "（" + damaged.joined(separator: " ") + "）" }
        footer += l.pick("；押金 \(desk.context.config.umbrellaDeposit)/把，收存押金 \(held)",
                         "; deposit \(desk.context.config.umbrellaDeposit), deposits held \(held)")
        return ListContent(headings: [l.pick("伞号", "Unit"), l.pick("押金卡", "Card"), l.pick("顾客", "Customer"),
                                      l.pick("电话", "Phone"), l.pick("借出时间", "Lent at"), l.pick("押金", "Deposit"),
                                      l.pick("已借", "Out for")],
                           widths: [6, 7, 14, 13, 13, 9, 17], rows: rows,
                           empty: query.isEmpty ? l.pick("现在没有借出的雨伞。按 n 借出。", "No umbrella is out. Press n to lend one.")
                                                : l.pick("没有找到。Esc 清除搜索。", "Nothing matches. Esc clears the search."),
                           footer: footer)
    }

    /// What a settled loan paid back: `退押金 ¥20.00（损坏扣 ¥30.00）`, or for a lost umbrella
    /// `退押金 ¥0.00（丢失赔 ¥80.00，另收 ¥30.00）`.
    static func settlement(_ loan: UmbrellaLoan, _ l: Language) -> String {
        var s = l.pick("退押金 \(loan.refund)", "refund \(loan.refund)")
        if (loan.damaged || loan.lost) && loan.charge > .zero {
            s += loan.lost ? l.pick("（丢失赔 \(loan.charge)", " (\(loan.charge) for loss")
                           : l.pick("（损坏扣 \(loan.charge)", " (\(loan.charge) kept for damage")
            if loan.paidOnTop > .zero { s += l.pick("，另收 \(loan.paidOnTop)", ", \(loan.paidOnTop) more to collect") }
            s += l.pick("）", ")")
        }
        return s
    }

    static let damageChoices: [FormField.Choice] = [.init("none", "完好", "fine", pinyin: "wan hao"),
                                                    .init("damaged", "损坏", "damaged", pinyin: "sun huai"),
                                                    .init("lost", "丢失", "lost", pinyin: "diu shi")]

    /// Every unit with its status (a unit out names its card and customer), then the deposit
    /// cards out.
    static func fleetText(_ desk: Desk, _ l: Language) -> String {
        let out = Dictionary(uniqueKeysWithValues: desk.umbrellas.unitsOut.map {
            ($0.loan.unit, "\($0.loan.depositCard)  \($0.loan.customer)  " + PanelText.dayTime($0.loan.lentAt, desk))
        })
        let cards = desk.umbrellas.unitsOut.map(\.loan).sorted { $0.depositCard < $1.depositCard }
            .map { "\($0.depositCard) → \($0.unit)" }
        return FleetText.fleet(desk.umbrellas.units, out: out, l) + "\n\n"
            + l.pick("借出中的押金卡 \(cards.count) 张（共 \(UmbrellaDesk.cardCount) 张）", "Deposit cards out: \(cards.count) of \(UmbrellaDesk.cardCount)")
            + (cards.isEmpty ? "" : "\n" + cards.joined(separator: "   "))
    }

    /// The selected unit's ended loans.
    static func historyText(_ selected: String?, _ desk: Desk, _ l: Language) -> String {
        let unit = selected.map { unitName($0, desk) } ?? ""
        let loans = desk.umbrellas.history(of: unit).map { loan in
            (lentAt: loan.lentAt, endedAt: loan.endedAt, who: "\(loan.customer) \(loan.phoneMasked) \(loan.depositCard)",
             how: settlement(loan, l))
        }
        return FleetText.history(unit, loans, desk, l)
    }

    /// Enter on an umbrella out: its return.
    public func rowActionKey(for row: String, desk: Desk) -> Character? { "r" }

    static func damage(_ form: FormState) -> UmbrellaDesk.Damage { UmbrellaDesk.Damage(rawValue: form["damage"]) ?? .none }

    /// The selected unit if it is damaged, else the first damaged unit.
    static func damagedUnit(_ selected: String?, _ desk: Desk) -> String {
        let damaged = desk.umbrellas.units.filter { $0.status == .damaged }.map(\.unit)
        if let selected, damaged.contains(selected) { return selected }
        return damaged.first ?? ""
    }

    /// `U007` for a typed `7`.
    static func unitName(_ typed: String, _ desk: Desk) -> String {
        FleetState.normalize(typed, prefix: UmbrellaDesk.prefix, count: desk.context.config.umbrellaUnits) ?? typed
    }

    public var actions: [PanelAction] {
        [
            PanelAction(key: "n", "借出", "lend", makeForm: { _, desk in
                let free = desk.umbrellas.units.first { $0.status == .available }?.unit ?? ""
                let deposit = desk.context.config.umbrellaDeposit
                // What the clerk types first; the free unit and the usual deposit after.
                return FormState("借出雨伞", "Lend an umbrella", fields: [
                    FormField("depositCard", "押金卡号", "Deposit card", limit: 8, required: true),
                    FormField("customer", "顾客姓名", "Customer name", limit: 40, required: true),
                    FormField("phone", "电话", "Phone", kind: .phone, limit: 16, required: true),
                    FormField("unit", "伞号", "Unit", value: free, limit: 8, required: true),
                    FormField("deposit", "押金（留空 = \(deposit)）", "Deposit (empty = \(deposit))", kind: .money, limit: 12),
                    FormField("depositReason", "改押金的原因", "Why another deposit", limit: 200),
                ], noteZh: "押金留空即按 \(deposit) 收取；改收其他金额须写明原因并由值班主管批准。收押金后交给顾客押金卡和雨伞；归还时凭押金卡全额退还，损坏照价赔偿。",
                   noteEn: "Leave the deposit empty to take the usual \(deposit); another amount needs a reason and a shift lead's approval. Take it, hand over the deposit card and the umbrella; the card brings the deposit back in full, damage is paid for.")
            }, submit: { form, desk, actor, l in
                let loan = try desk.umbrellas.lend(.init(unit: form["unit"], depositCard: form["depositCard"], deposit: form["deposit"],
                                                         customer: form["customer"], phone: form["phone"],
                                                         depositReason: form["depositReason"]), by: actor)
                return l.pick("已借出 \(loan.unit) 给 \(loan.customer)，押金卡 \(loan.depositCard)，收押金 \(loan.deposit)。",
                              "Lent \(loan.unit) to \(loan.customer) with card \(loan.depositCard); deposit \(loan.deposit) taken.")
            }),
            PanelAction(key: "r", "归还", "return", makeForm: { selected, desk in
                FormState("归还雨伞", "Return an umbrella", fields: [
                    FormField("unit", "伞号", "Unit", value: selected ?? "", limit: 8, required: true),
                    FormField("depositCard", "收回的押金卡号", "Deposit card taken back", limit: 8, required: true),
                    FormField("damage", "伞况", "Condition", kind: .choice(Self.damageChoices)),
                    FormField("note", "损坏/丢失情况（损坏必填）", "What happened (required if damaged)", limit: 200),
                ], noteZh: "收回雨伞和押金卡，检查有无损坏；损坏按 \(desk.context.config.umbrellaDamagePrice)、丢失按 \(desk.context.config.umbrellaLostPrice) 从押金中扣除，不足部分另收。",
                   noteEn: "Take back umbrella and deposit card and check for damage; damage costs \(desk.context.config.umbrellaDamagePrice), a lost umbrella \(desk.context.config.umbrellaLostPrice), taken from the deposit, any more paid on top.")
            }, submit: { form, desk, actor, l in
                let loan = try desk.umbrellas.giveBack(.init(unit: form["unit"], depositCard: form["depositCard"],
                                                             damage: Self.damage(form), note: form["note"]), by: actor)
                if loan.lost {
                    return l.pick("\(loan.unit) 丢失，雨伞注销：", "\(loan.unit) lost, retired: ")
                        + Self.settlement(loan, l) + l.pick("。", ".")
                }
                return l.pick("\(loan.unit) 已归还，", "\(loan.unit) is back: ") + Self.settlement(loan, l) + l.pick("。", ".")
            }),
            PanelAction(key: "w", "无卡退押金", "no card", leadOnly: true, makeForm: { selected, _ in
                FormState("押金卡遗失：无卡退押金", "Deposit card lost: release the deposit", fields: [
                    FormField("unit", "伞号", "Unit", value: selected ?? "", limit: 8, required: true),
                    FormField("damage", "伞况", "Condition", kind: .choice(Self.damageChoices)),
                    FormField("note", "损坏/丢失情况（损坏必填）", "What happened (required if damaged)", limit: 200),
                    FormField("reason", "原因及如何核实顾客", "Why, how the customer was identified", limit: 200, required: true),
                ], noteZh: "顾客遗失押金卡：核对借伞人姓名和电话，在原因中写明。",
                   noteEn: "The customer lost the deposit card: check the name and phone of the loan and say so in the reason.")
            }, submit: { form, desk, actor, l in
                let loan = try desk.umbrellas.releaseWithoutCard(.init(unit: form["unit"], damage: Self.damage(form), note: form["note"],
                                                                       reason: form["reason"]), by: actor)
                if loan.lost {
                    return l.pick("\(loan.unit) 丢失（无卡），雨伞注销：", "\(loan.unit) lost (no card), retired: ")
                        + Self.settlement(loan, l) + l.pick("。", ".")
                }
                return l.pick("\(loan.unit) 已归还（无卡），", "\(loan.unit) is back without its card: ") + Self.settlement(loan, l)
                    + l.pick("。", ".")
            }),
            PanelAction(key: "x", "没收押金", "forfeit", leadOnly: true, makeForm: { selected, _ in
                FormState("雨伞未归还：没收押金", "Umbrella never returned: keep the deposit", fields: [
                    FormField("unit", "伞号", "Unit", value: selected ?? "", limit: 8, required: true),
                    FormField("reason", "原因", "Reason", limit: 200, required: true),
                ], noteZh: "押金不退，雨伞注销；押金卡可再使用。", noteEn: "The deposit is kept and the umbrella retired; the deposit card can be used again.")
            }, submit: { form, desk, actor, l in
                let loan = try desk.umbrellas.forfeit(.init(unit: form["unit"], reason: form["reason"]), by: actor)
                return l.pick("\(loan.unit) 押金 \(loan.charge) 已没收，雨伞注销。", "\(loan.unit): deposit \(loan.charge) kept, umbrella retired.")
            }),
            PanelAction(key: "f", "修好", "repaired", leadOnly: true, makeForm: { selected, desk in
                FormState("雨伞修好，恢复可借", "Umbrella repaired: back in service", fields: [
                    FormField("unit", "伞号", "Unit", value: Self.damagedUnit(selected, desk), limit: 8, required: true),
                    FormField("reason", "说明", "Note", limit: 200, required: true),
                ])
            }, submit: { form, desk, actor, l in
                try desk.umbrellas.repair(unit: form["unit"], reason: form["reason"], by: actor)
                let unit = Self.unitName(form["unit"], desk)
                return l.pick("\(unit) 已修好，恢复可借。", "\(unit) is back in service.")
            }),
            PanelAction(key: "t", "报废", "retire", leadOnly: true, makeForm: { selected, desk in
                FormState("雨伞报废", "Retire an umbrella", fields: [
                    FormField("unit", "伞号", "Unit", value: Self.damagedUnit(selected, desk), limit: 8, required: true),
                    FormField("reason", "原因", "Reason", limit: 200, required: true),
                ], noteZh: "报废后此伞号不再借出。", noteEn: "A retired umbrella is never lent again.")
            }, submit: { form, desk, actor, l in
                try desk.umbrellas.retire(unit: form["unit"], reason: form["reason"], by: actor)
                let unit = Self.unitName(form["unit"], desk)
                return l.pick("\(unit) 已报废。", "\(unit) is retired.")
            }),
            PanelAction(key: "u", "全部雨伞", "fleet", writes: false, makeForm: { _, desk in
                FormState("全部雨伞和押金卡（Enter 或 Esc 关闭）", "Every umbrella and deposit card (Enter or Esc closes)", fields: [],
                          noteZh: Self.fleetText(desk, .zhHans), noteEn: Self.fleetText(desk, .en))
            }, submit: { _, _, _, l in l.pick("已关闭。", "Closed.") }),
            PanelAction(key: "h", "记录", "history", writes: false, makeForm: { selected, desk in
                FormState("雨伞借用记录（Enter 或 Esc 关闭）", "An umbrella's loans (Enter or Esc closes)", fields: [],
                          noteZh: Self.historyText(selected, desk, .zhHans), noteEn: Self.historyText(selected, desk, .en))
            }, submit: { _, _, _, l in l.pick("已关闭。", "Closed.") }),
        ]
    }
}
