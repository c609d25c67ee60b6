/// Who was an active shift lead when: the operators book replayed in time order, so a
/// lead-only event in any book can be held to the lead status of its operator at its time.
struct LeadTimeline: Sendable {
    /// Per operator, each change of status (time, active lead afterwards), oldest first.
    var changes: [OperatorID: [(instant: Int64, lead: Bool)]] = [:]

    /// Records the status of `id` from `instant` on.
    mutating func record(_ id: OperatorID, at instant: Int64, lead: Bool) {
        if changes[id]?.last?.lead == lead { return }
        changes[id, default: []].append((instant, lead))
    }

    /// Whether the `approvedBy` text of a body names an active lead at `instant`.
    func isLead(approverID text: String, at instant: Int64) -> Bool {
        guard let id = try? OperatorID(text) else { return false }
        return isLead(id, at: instant)
    }

    /// Whether an event's operator, or the lead who approved it (`approvedBy`), was an
    /// active lead at its time: what a lead-only check of another rule accepts.
    func leadAnswers(_ r: LedgerRecord) -> Bool {
        if let a = r.body[BookWriter.Appender.approvedByKey]?.stringValue { return isLead(approverID: a, at: r.instant) }
        return isLead(r.op, at: r.instant)
    }

    /// Whether `id` was an active lead at `instant` (its latest change at or before then).
    func isLead(_ id: OperatorID, at instant: Int64) -> Bool {
        guard let list = changes[id] else { return false }
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].instant <= instant { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && list[lo - 1].lead
    }
}
