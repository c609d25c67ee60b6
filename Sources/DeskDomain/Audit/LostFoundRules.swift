/// The lost-and-found book's rules: a tag or report registered once; a claim, refusal or
/// disposal only of an item in storage, a claim against that item's own pending description;
/// a report closed once.
struct LostFoundRules: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: LostFoundState, _ log: inout AuditLog) {
        let b = r.body
        let tag = b["tag"]?.stringValue ?? ""
        switch r.ev {
        case LostFoundEvents.itemReceived:
            if state.items[tag] != nil { log.flag(r, .state, "tag \(tag) was registered before") }
        case LostFoundEvents.reportTaken:
            let id = b["report"]?.stringValue ?? ""
            if state.reports[id] != nil { log.flag(r, .state, "report \(id) was taken before") }
        case LostFoundEvents.reportClosed:
            openReport(b["report"]?.stringValue ?? "", r, state, &log)
            if !tag.isEmpty && state.items[tag] == nil { log.flag(r, .reference, "tag \(tag) was never registered") }
        case LostFoundEvents.claimDescribed, LostFoundEvents.disposed:
            _ = inStorage(tag, r, state, &log)
        case LostFoundEvents.claimRefused, LostFoundEvents.claimed:
            guard let item = inStorage(tag, r, state, &log) else { return }
            guard let pending = item.pendingDescription else {
                log.flag(r, .reference, "\(tag) has no claim description waiting")
                return
            }
            if b["describedSeq"]?.intValue != pending.describedSeq || b["describedYear"]?.intValue != Int64(pending.describedYear) {
                log.flag(r, .reference, "describedSeq \(b["describedSeq"]?.intValue ?? 0) is not \(tag)'s pending description (seq \(pending.describedSeq) of \(pending.describedYear))")
            }
            if r.ev == LostFoundEvents.claimed, let report = b["report"]?.stringValue, !report.isEmpty {
                openReport(report, r, state, &log)
            }
        default:
            break
        }
    }

    func inStorage(_ tag: String, _ r: LedgerRecord, _ state: LostFoundState, _ log: inout AuditLog) -> LostItem? {
        guard let item = state.items[tag] else {
            log.flag(r, .reference, "tag \(tag) was never registered")
            return nil
        }
        guard item.status == .inStorage else {
            log.flag(r, .state, "\(tag) is \(item.status.rawValue), not in storage")
            return nil
        }
        return item
    }

    func openReport(_ id: String, _ r: LedgerRecord, _ state: LostFoundState, _ log: inout AuditLog) {
        guard let report = state.reports[id] else { log.flag(r, .reference, "report \(id) was never taken"); return }
        if report.status != .open { log.flag(r, .state, "report \(id) is \(report.status.rawValue), not open") }
    }
}
