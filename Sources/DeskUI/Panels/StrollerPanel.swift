import DeskDomain

/// F4: free stroller loans (inside the plaza only).
public final class StrollerPanel: Panel {
    public init() {}
    public var functionKey: Int { 4 }
    public var books: [BookName] { [.stroller] }
    public func title(_ l: Language) -> String { l.pick("童车", "Strollers") }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        let loans = desk.strollers.unitsOut.filter { PanelText.matches(query, [$0.unit, $0.customer, $0.phoneMasked]) }
        let rows = loans.map { loan in
            ListContent.Row(id: loan.unit, cells: [loan.unit, loan.customer, loan.phoneMasked, PanelText.dayTime(loan.lentAt, desk),
                                                   PanelText.duration(since: loan.lentAt, desk)],
                            flagged: desk.context.now() - loan.lentAt > 4 * 3600)
        }
        let available = desk.strollers.units.filter { $0.status == .available }.count
        return ListContent(headings: [l.pick("车号", "Unit"), l.pick("顾客", "Customer"), l.pick("电话", "Phone"),
                                      l.pick("借出时间", "Lent at"), l.pick("已借", "Out for")],
                           widths: [8, 14, 14, 14, 10], rows: rows,
                           empty: l.pick("现在没有借出的童车。按 n 借出。", "No stroller is out. Press n to lend one."),
                           footer: l.pick("借出 \(desk.strollers.unitsOut.count) 辆，可借 \(available) 辆",
                                          "\(desk.strollers.unitsOut.count) out, \(available) available"))
    }

    /// Enter on a stroller out: its return.
    public func rowActionKey(for row: String, desk: Desk) -> Character? { "r" }

    static func fleetText(_ desk: Desk, _ l: Language) -> String {
        let out = Dictionary(uniqueKeysWithValues: desk.strollers.unitsOut.map {
            ($0.unit, "\($0.customer)  " + PanelText.dayTime($0.lentAt, desk))
        })
        return FleetText.fleet(desk.strollers.units, out: out, l)
    }

    static func historyText(_ selected: String?, _ desk: Desk, _ l: Language) -> String {
        let unit = selected ?? ""
        let loans = desk.strollers.history(of: unit).map { loan in
            (lentAt: loan.lentAt, endedAt: loan.returnedAt, who: "\(loan.customer) \(loan.phoneMasked)",
             how: loan.damaged ? l.pick("归还时损坏", "came back damaged") : l.pick("已归还", "returned"))
        }
        return FleetText.history(unit, loans, desk, l)
    }

    public var actions: [PanelAction] {
        [
            PanelAction(key: "n", "借出", "lend", makeForm: { _, desk in
                let free = desk.strollers.units.first { $0.status == .available }?.unit ?? ""
                return FormState("借出童车", "Lend a stroller", fields: [
                    FormField("customer", "顾客姓名", "Customer name", limit: 40, required: true),
                    FormField("phone", "电话", "Phone", kind: .phone, limit: 16, required: true),
                    FormField("noticeAcknowledged", "已告知仅限场内使用（y）", "Told: inside the plaza only (y)", kind: .toggle, required: true),
                    FormField("unit", "车号", "Unit", value: free, limit: 8, required: true),
                ], noteZh: "请告知顾客：童车仅限商场内使用，离场前在服务台归还。",
                   noteEn: "Tell the customer: the stroller is for use inside the plaza only; return it here before leaving.")
            }, submit: { form, desk, actor, l in
                let loan = try desk.strollers.lend(.init(unit: form["unit"], customer: form["customer"], phone: form["phone"],
                                                         noticeAcknowledged: form.isChecked("noticeAcknowledged")), by: actor)
                return l.pick("已借出 \(loan.unit) 给 \(loan.customer)。", "Lent \(loan.unit) to \(loan.customer).")
            }),
            PanelAction(key: "r", "归还", "return", makeForm: { selected, _ in
                FormState("归还童车", "Return a stroller", fields: [
                    FormField("unit", "车号", "Unit", value: selected ?? "", limit: 8, required: true),
                    FormField("condition", "车况", "Condition", kind: .choice([.init("ok", "完好", "fine", pinyin: "wan hao"),
                                                                                       .init("damaged", "损坏", "damaged", pinyin: "sun huai")])),
                    FormField("note", "说明（损坏必填）", "Note (required if damaged)", limit: 200),
                ])
            }, submit: { form, desk, actor, l in
                let loan = try desk.strollers.giveBack(.init(unit: form["unit"], condition: form["condition"] == "damaged" ? .damaged : .ok,
                                                             note: form["note"]), by: actor)
                return l.pick("\(loan.unit) 已归还。", "\(loan.unit) is back.")
            }),
            PanelAction(key: "f", "修好", "repaired", leadOnly: true, makeForm: { selected, _ in
                FormState("童车修好，恢复可借", "Stroller repaired: back in service", fields: [
                    FormField("unit", "车号", "Unit", value: selected ?? "", limit: 8, required: true),
                    FormField("reason", "说明", "Note", limit: 200, required: true),
                ])
            }, submit: { form, desk, actor, l in
                try desk.strollers.repair(unit: form["unit"], reason: form["reason"], by: actor)
                return l.pick("已恢复可借。", "Back in service.")
            }),
            PanelAction(key: "u", "全部童车", "fleet", writes: false, makeForm: { _, desk in
                FormState("全部童车（Enter 或 Esc 关闭）", "Every stroller (Enter or Esc closes)", fields: [],
                          noteZh: Self.fleetText(desk, .zhHans), noteEn: Self.fleetText(desk, .en))
            }, submit: { _, _, _, l in l.pick("已关闭。", "Closed.") }),
            PanelAction(key: "h", "记录", "history", writes: false, makeForm: { selected, desk in
                FormState("童车借用记录（Enter 或 Esc 关闭）", "A stroller's loans (Enter or Esc closes)", fields: [],
                          noteZh: Self.historyText(selected, desk, .zhHans), noteEn: Self.historyText(selected, desk, .en))
            }, submit: { _, _, _, l in l.pick("已关闭。", "Closed.") }),
        ]
    }
}
