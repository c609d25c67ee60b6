import DeskDomain

/// The look-ups the umbrella and stroller panels share: every unit with its status (`u`),
/// and a unit's past loans (`h`), as the text of a read-only screen.
enum FleetText {
    /// One line a unit: `U002  借出  D003 王芳 03-01 10:02`; `out` gives what a unit on loan
    /// is out with.
    static func fleet(_ units: [(unit: String, status: FleetState.Status)], out: [String: String], _ l: Language) -> String {
        var counts: [FleetState.Status: Int] = [:]
        for u in units { counts[u.status, default: 0] += 1 }
        let summary = FleetState.Status.allCases.compactMap { s in counts[s].map { "\(s.name(l)) \($0)" } }
            .joined(separator: l.pick("，", ", "))
        let lines = units.map { u in
            [u.unit, u.status.name(l), out[u.unit] ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")
        }
        return ([l.pick("共 \(units.count) 件：", "\(units.count) in all: ") + summary, ""] + lines).joined(separator: "\n")
    }

    /// A unit's ended loans, newest first, one line each.
    static func history(_ unit: String, _ loans: [(lentAt: Int64, endedAt: Int64?, who: String, how: String)], _ desk: Desk,
                        _ l: Language) -> String {
        guard !unit.isEmpty else { return l.pick("请先在列表中选中一件，或输入编号（如 7）。", "Select a unit in the list first.") }
        if loans.isEmpty { return unit + l.pick("：今年还没有借出记录。", ": no loan ended this year.") }
        return ([unit + l.pick("  最近归还的借用（新的在前）", "  latest loans ended, newest first"), ""] + loans.map {
            PanelText.dayTime($0.lentAt, desk) + " → " + ($0.endedAt.map { PanelText.dayTime($0, desk) } ?? "…") + "  " + $0.who + "  " + $0.how
        }).joined(separator: "\n")
    }
}
