/// The shift book's rules: one shift open at a time; paid in/out and the close against the
/// open shift; the close's figures the sums they state (float, paid in and out, expected
/// cash, difference, notes counted).
struct ShiftRules: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: ShiftState, _ log: inout AuditLog) {
        let b = r.body
        func fen(_ k: String) -> Int64 { b[k]?.intValue ?? 0 }
        switch r.ev {
        case ShiftEvents.opened:
            if let open = state.open { log.flag(r, .state, "shift \(open.id) is still open") }
        case ShiftEvents.paid:
            guard let open = state.open, open.id == b["shift"]?.stringValue else {
                log.flag(r, .state, "shift \(b["shift"]?.stringValue ?? "") is not open")
                return
            }
            if fen("amountFen") <= 0 { log.flag(r, .statedFigure, "amountFen \(fen("amountFen")) is not more than 0") }
        case ShiftEvents.closed:
            guard let open = state.open, open.id == b["shift"]?.stringValue else {
                log.flag(r, .state, "shift \(b["shift"]?.stringValue ?? "") is not open")
                return
            }
            if fen("openedSeq") != open.openedSeq {
                log.flag(r, .reference, "openedSeq \(fen("openedSeq")) is not shift \(open.id)'s opening (seq \(open.openedSeq))")
            }
            let paidIn = open.movements.filter { $0.direction == .paidIn }.reduce(Int64(0)) { $0 + $1.amount.fen }
            let paidOut = open.movements.filter { $0.direction == .paidOut }.reduce(Int64(0)) { $0 + $1.amount.fen }
            let expected = fen("floatFen") + fen("depositsTakenFen") - fen("depositsRefundedFen") + fen("damageChargesFen")
                + fen("serviceFeesFen") + fen("paidInFen") - fen("paidOutFen")
            if fen("floatFen") != open.float.fen {
                log.flag(r, .statedFigure, "floatFen \(fen("floatFen")), but the shift opened with \(open.float.fen)")
            } else if fen("paidInFen") != paidIn || fen("paidOutFen") != paidOut {
                log.flag(r, .statedFigure, "paidInFen \(fen("paidInFen")) and paidOutFen \(fen("paidOutFen")), but the shift's paid in and out are \(paidIn) and \(paidOut)")
            } else if fen("expectedFen") != expected {
                log.flag(r, .statedFigure, "expectedFen \(fen("expectedFen")), but its parts add up to \(expected)")
            } else if fen("differenceFen") != fen("countedFen") - fen("expectedFen") {
                log.flag(r, .statedFigure, "differenceFen \(fen("differenceFen")) is not countedFen \(fen("countedFen")) − expectedFen \(fen("expectedFen"))")
            } else if let notes = b["notes"]?.objectValue {
                let sum = notes.members.reduce(Int64(0)) { $0 + (Int64($1.key) ?? 0) * ($1.value.intValue ?? 0) }
                if sum != fen("countedFen") { log.flag(r, .statedFigure, "the notes and coins add up to \(sum), not countedFen \(fen("countedFen"))") }
            }
        default:
            break
        }
    }
}

/// The operators book's rules, checked against the book's own state (who is a lead just
/// before each event); it also builds the ``LeadTimeline`` every other book is held to.
struct OperatorRules: BookRules {
    var timeline = LeadTimeline()

    mutating func check(_ r: LedgerRecord, _ state: OperatorState, _ log: inout AuditLog) {
        let idText = r.body["id"]?.stringValue ?? ""
        let id = try? OperatorID(idText)
        func activeLead(_ id: OperatorID?) -> Bool { id.flatMap { state.operators[$0] }.map { $0.role == .lead && !$0.disabled } ?? false }
        let approverText = r.body[BookWriter.Appender.approvedByKey]?.stringValue
        let approver = approverText.flatMap { try? OperatorID($0) }
        if let approverText, !activeLead(approver) {
            log.flag(r, .leadOnly, "\(r.ev) was approved by \(approverText), who was not an active lead at \(r.at)")
        }
        let byLead = approverText == nil ? activeLead(r.op) : true   // a false approval is flagged above
        switch r.ev {
        case OperatorEvents.added:
            if state.operators.isEmpty {
                if r.op.rawValue != idText || r.body["role"]?.stringValue != Role.lead.rawValue {
                    log.flag(r, .leadOnly, "the first operator must be a shift lead adding itself")
                }
                return
            }
            if !byLead { log.flag(r, .leadOnly, "\(r.ev) needs a shift lead, but \(r.op) was not an active lead at \(r.at)") }
            if let id, state.operators[id] != nil { log.flag(r, .state, "operator \(idText) exists already") }
        case OperatorEvents.pinSet, OperatorEvents.disabled, OperatorEvents.enabled:
            let ownPIN = r.ev == OperatorEvents.pinSet && r.op.rawValue == idText
            if !byLead && !ownPIN { log.flag(r, .leadOnly, "\(r.ev) needs a shift lead, but \(r.op) was not an active lead at \(r.at)") }
            guard let id, let o = state.operators[id] else { log.flag(r, .state, "there is no operator \(idText)"); return }
            if r.ev == OperatorEvents.disabled && o.disabled { log.flag(r, .state, "\(idText) is already disabled") }
            if r.ev == OperatorEvents.enabled && !o.disabled { log.flag(r, .state, "\(idText) is not disabled") }
        default:
            break
        }
    }

    mutating func applied(_ r: LedgerRecord, _ state: OperatorState) {
        guard let idText = r.body["id"]?.stringValue, let id = try? OperatorID(idText) else { return }
        let o = state.operators[id]
        timeline.record(id, at: r.instant, lead: o.map { $0.role == .lead && !$0.disabled } ?? false)
    }
}
