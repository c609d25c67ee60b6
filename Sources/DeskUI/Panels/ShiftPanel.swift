import DeskDomain

/// F8, shift lead only: the shift close (design, "Closing"). Open a shift with the float,
/// record cash paid in or out, and close: the form shows the cash the drawer should hold
/// and what is still out; the lead types the cash counted (or the notes and coins) and a
/// note. A difference is recorded, never a reason to refuse. The list is what is still out.
public final class ShiftPanel: Panel {
    public init() {}
    public var functionKey: Int { 8 }
    public var books: [BookName] { [.shift] }
    public var leadOnly: Bool { true }
    public func title(_ l: Language) -> String { l.pick("交班", "Shift") }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        var rows: [ListContent.Row] = []
        for (loan, _) in desk.umbrellas.unitsOut {
            rows.append(.init(id: loan.unit, cells: [l.pick("雨伞", "Umbrella"), loan.unit + " " + loan.depositCard, loan.customer,
                                                     PanelText.duration(since: loan.lentAt, desk)]))
        }
        for loan in desk.strollers.unitsOut {
            rows.append(.init(id: loan.unit, cells: [l.pick("童车", "Stroller"), loan.unit, loan.customer,
                                                     PanelText.duration(since: loan.lentAt, desk)], flagged: true))
        }
        for item in desk.lostFound.expiredItems {
            rows.append(.init(id: item.tag, cells: [l.pick("失物超期", "Past retention"), item.tag, item.category.name(l),
                                                    PanelText.dayTime(item.receivedAt, desk)], flagged: true))
        }
        for report in desk.lostFound.openReports {
            rows.append(.init(id: report.id, cells: [l.pick("失物登记", "Lost report"), report.id, report.contact,
                                                     PanelText.dayTime(report.reportedAt, desk)]))
        }
        rows = rows.filter { PanelText.matches(query, $0.cells) }
        var footer: String
        if let shift = desk.shift.current {
            footer = l.pick("班次 \(shift.id)，\(PanelText.dayTime(shift.openedAt, desk)) 开班，备用金 \(shift.float)",
                            "Shift \(shift.id) opened \(PanelText.dayTime(shift.openedAt, desk)), float \(shift.float)")
            if !shift.movements.isEmpty {
                footer += l.pick("，存入 \(shift.paidIn)，支出 \(shift.paidOut)", ", paid in \(shift.paidIn), out \(shift.paidOut)")
            }
        } else {
            footer = l.pick("没有开班（o 开班）", "No shift open (o opens one)")
        }
        footer += l.pick("；\(rows.count) 项待跟进", "; \(rows.count) to follow up")
        return ListContent(headings: [l.pick("类别", "What"), l.pick("编号", "Number"), l.pick("人/物", "Who/what"), l.pick("时间", "Since")],
                           widths: [14, 18, 20, 12], rows: rows,
                           empty: l.pick("没有未归还或待处理的事项。", "Nothing is out or waiting."),
                           footer: footer)
    }

    public var actions: [PanelAction] { [openShift, paid, close, view] }

    static let directions: [FormField.Choice] = [.init("out", "支出（从钱箱取出）", "paid out (taken from the drawer)"),
                                                 .init("in", "存入（放进钱箱）", "paid in (put into the drawer)")]

    /// `100元` / `¥100` for a denomination in fen.
    static func denominationLabel(_ fen: Int64) -> (String, String) {
        let zh = fen >= 100 ? "\(fen / 100)元" : "\(fen / 10)角"
        let en = fen >= 100 ? "¥\(fen / 100)" : "¥0.\(fen / 10)0"
        return (zh + "（张/枚）", en + (fen >= 500 ? " notes" : " coins"))
    }

    var openShift: PanelAction {
        PanelAction(key: "o", "开班", "open", leadOnly: true, makeForm: { _, desk in
            let float = desk.context.config.openingFloat
            return FormState("开班：清点备用金", "Open a shift: count the float", fields: [
                FormField("float", "备用金", "Opening float", kind: .money, value: float.plain, limit: 12, required: true),
            ], noteZh: "清点放进钱箱的备用金后开班。同一时间只能有一个班次。", noteEn: "Count the float into the drawer, then open. One shift is open at a time.")
        }, submit: { form, desk, actor, l in
            let shift = try desk.shift.open(.init(float: form["float"]), by: actor)
            return l.pick("已开班 \(shift.id)，备用金 \(shift.float)。", "Shift \(shift.id) is open, float \(shift.float).")
        })
    }

    var paid: PanelAction {
        PanelAction(key: "p", "存入/支出", "paid in/out", leadOnly: true, makeForm: { _, _ in
            FormState("钱箱存入或支出", "Cash paid into or out of the drawer", fields: [
                FormField("direction", "存入/支出", "In or out", kind: .choice(Self.directions)),
                FormField("amount", "金额", "Amount", kind: .money, limit: 12, required: true),
                FormField("reason", "事由", "Reason", limit: 200, required: true),
            ], noteZh: "不属于柜台业务的现金进出（如购买打印纸、财务补充零钱），写明事由。", noteEn: "Cash that is not a desk service (office supplies, change from finance): say what for.")
        }, submit: { form, desk, actor, l in
            let m = try desk.shift.recordPaid(.init(direction: CashMovement.Direction(rawValue: form["direction"]), amount: form["amount"],
                                                    reason: form["reason"]), by: actor)
            return l.pick("已登记\(m.direction.name(l)) \(m.amount)：\(m.reason)。", "Recorded: \(m.direction.name(l)) \(m.amount), \(m.reason).")
        })
    }

    var close: PanelAction {
        PanelAction(key: "c", "交班", "close", leadOnly: true, makeForm: { _, desk in
            var fields = [FormField("counted", "实点现金（或按券别填写）", "Cash counted (or by notes and coins)", kind: .money, limit: 14)]
            for d in ShiftDesk.denominations {
                let (zh, en) = Self.denominationLabel(d)
                fields.append(FormField(ShiftDesk.CloseForm.field(d), zh, en, kind: .digits, limit: 6))
            }
            fields.append(FormField("note", "备注（有差额请说明）", "Note (explain a difference)", limit: 200))
            let (zh, en) = Self.closingNote(desk)
            return FormState("交班：清点钱箱", "Close the shift: count the drawer", fields: fields, noteZh: zh, noteEn: en)
        }, submit: { form, desk, actor, l in
            var notes: [Int64: String] = [:]
            for d in ShiftDesk.denominations { notes[d] = form[ShiftDesk.CloseForm.field(d)] }
            let report = try desk.shift.close(.init(counted: form["counted"], notes: notes, note: form["note"]), by: actor)
            let diff = report.difference ?? .zero
            let verdict = diff.fen == 0 ? l.pick("相符", "agrees") : diff.fen > 0 ? l.pick("长款", "over") : l.pick("短款", "short")
            let code = report.sealCode.map { "\($0)" } ?? "-"
            return l.pick("\(report.scopeName) 已交班：应有 \(report.expectedCash)，实点 \(report.counted ?? .zero)，差额 \(diff)（\(verdict)），账本已封存，封账码 \(code)（抄在交班记录上并签名）。按 v 看报表。",
                          "\(report.scopeName) closed: expected \(report.expectedCash), counted \(report.counted ?? .zero), difference \(diff) (\(verdict)); the books are sealed, seal code \(code) (write it in the shift log and sign). v shows the report.")
        })
    }

    var view: PanelAction {
        PanelAction(key: "v", "报表", "report", leadOnly: true, writes: false, makeForm: { _, desk in
            let (zh, en) = Self.reportText(desk)
            return FormState("交班报表（Enter 或 Esc 关闭）", "Closing report (Enter or Esc closes)", fields: [], noteZh: zh, noteEn: en)
        }, submit: { _, _, _, l in
            l.pick("报表已关闭。", "Report closed.")
        })
    }

    /// What the close form says above the fields: expected cash and what is still out.
    static func closingNote(_ desk: Desk) -> (String, String) {
        let report: ClosingReport
        do { report = try desk.shift.currentReport() } catch let f as DeskFailure {
            return (f.message(.zhHans), f.message(.en))
        } catch {
            return ("报表读不出：\(error)", "The report cannot be read: \(error)")
        }
        let t = report.tally, u = t.umbrellas, s = report.stillOut
        let zh = "应有现金 \(report.expectedCash) = 备用金 \(report.openingFloat) + 收押金 \(u.depositsTaken) − 退押金 \(u.depositsRefunded) + 损坏赔偿 \(u.damageCharges) + 服务费 \(t.services.fees) + 存入 \(t.paidIn) − 支出 \(t.paidOut)。"
            + "未归还：雨伞 \(s.umbrellas.count) 把（押金 \(s.depositsHeld)）、童车 \(s.strollers.count) 辆、失物登记未结 \(s.openReports.count) 件、超期失物 \(s.pastRetention.count) 件。"
            + "填实点现金或按券别填张数；有差额照样交班，请在备注说明。v 看完整报表。"
        let en = "Expected cash \(report.expectedCash) = float \(report.openingFloat) + deposits taken \(u.depositsTaken) − refunded \(u.depositsRefunded) + damage \(u.damageCharges) + service fees \(t.services.fees) + paid in \(t.paidIn) − paid out \(t.paidOut). "
            + "Still out: \(s.umbrellas.count) umbrellas (deposits \(s.depositsHeld)), \(s.strollers.count) strollers, \(s.openReports.count) lost reports open, \(s.pastRetention.count) items past retention. "
            + "Type the cash counted or the notes and coins; a difference is recorded, explain it in the note. v shows the full report."
        return (zh, en)
    }

    /// The open shift's report so far, else the last closed shift's.
    static func reportText(_ desk: Desk) -> (String, String) {
        do {
            let report: ClosingReport
            if desk.shift.current != nil {
                report = try desk.shift.currentReport()
            } else if let last = desk.shift.state.lastClosed {
                if let kept = desk.shift.lastClosingReport, kept.scopeName == last.id {
                    report = kept
                } else {
                    report = try desk.shift.report(.shift(last.id))
                }
            } else {
                return ("还没有班次。按 o 开班。", "No shift yet. Press o to open one.")
            }
            return (report.text(.zhHans), report.text(.en))
        } catch let f as DeskFailure {
            return (f.message(.zhHans), f.message(.en))
        } catch {
            return ("报表读不出：\(error)", "The report cannot be read: \(error)")
        }
    }
}
