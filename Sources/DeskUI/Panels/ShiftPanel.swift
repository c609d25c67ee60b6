import DeskDomain

/// F8: the shift lead's view of what is still out. (Counting the cash and sealing the day
/// come with the shift-close work; this panel already lists what the lead must chase.)
public final class ShiftPanel: Panel {
    public init() {}
    public var functionKey: Int { 8 }
    public var leadOnly: Bool { true }
    public func title(_ l: Language) -> String { l.pick("交班", "Shift") }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        var rows: [ListContent.Row] = []
        for (loan, _) in desk.umbrellas.unitsOut {
            rows.append(.init(id: loan.unit, cells: [l.pick("雨伞", "Umbrella"), loan.unit, loan.customer,
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
        return ListContent(headings: [l.pick("类别", "What"), l.pick("编号", "Number"), l.pick("人/物", "Who/what"), l.pick("时间", "Since")],
                           widths: [14, 18, 20, 12], rows: rows,
                           empty: l.pick("没有未归还或待处理的事项。", "Nothing is out or waiting."),
                           footer: l.pick("共 \(rows.count) 项待跟进", "\(rows.count) to follow up"))
    }

    public var actions: [PanelAction] { [] }
}
