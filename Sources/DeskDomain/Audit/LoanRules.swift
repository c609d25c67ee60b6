/// The umbrella book's rules: a unit or deposit card out once at a time; every refund the
/// lent line's deposit less the charge; a forfeit keeps the whole deposit.
struct UmbrellaRules: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: UmbrellaState, _ log: inout AuditLog) {
        let b = r.body
        guard let unit = b["unit"]?.stringValue else { return }
        func fen(_ k: String) -> Int64 { b[k]?.intValue ?? 0 }
        switch r.ev {
        case UmbrellaEvents.lent:
            FleetRules.lend(unit, r, state.fleet, out: state.out[unit]?.lentSeq, &log)
            let card = b["depositCard"]?.stringValue ?? ""
            if let holder = state.loan(holdingCard: card) {
                log.flag(r, .cardOut, "deposit card \(card) is already out with \(holder.unit) (lent at seq \(holder.lentSeq))")
            }
        case UmbrellaEvents.returned, UmbrellaEvents.depositReleased, UmbrellaEvents.depositForfeited:
            guard let loan = FleetRules.loan(unit, r, lentSeq: state.out[unit]?.lentSeq, &log).flatMap({ _ in state.out[unit] }) else { return }
            if r.ev != UmbrellaEvents.depositReleased, b["depositCard"]?.stringValue != loan.depositCard {
                log.flag(r, .unitState, "depositCard \(b["depositCard"]?.stringValue ?? "") is not \(loan.depositCard), the card lent with \(unit)")
            }
            let deposit = fen("depositFen")
            if deposit != loan.deposit.fen {
                log.flag(r, .refund, "depositFen \(deposit), but the lent line (seq \(loan.lentSeq)) took \(loan.deposit.fen)")
                return
            }
            if r.ev == UmbrellaEvents.depositForfeited {
                let kept = fen("keptFen"), refund = fen("refundFen"), onTop = fen("paidOnTopFen")
                if kept != deposit || refund != 0 || onTop != 0 {
                    log.flag(r, .forfeit, "a forfeit keeps the whole deposit \(deposit): keptFen \(kept), refundFen \(refund), paidOnTopFen \(onTop)")
                }
                return
            }
            let charge = fen("chargeFen"), refund = fen("refundFen"), onTop = fen("paidOnTopFen")
            if charge != deposit - refund + onTop {
                log.flag(r, .refund, "chargeFen \(charge) is not depositFen \(deposit) − refundFen \(refund) + paidOnTopFen \(onTop)")
            } else if refund != max(0, deposit - charge) || onTop != max(0, charge - deposit) {
                log.flag(r, .refund, "refundFen \(refund) and paidOnTopFen \(onTop) do not settle chargeFen \(charge) against depositFen \(deposit)")
            }
        case UmbrellaEvents.unitRepaired, UmbrellaEvents.unitRetired:
            FleetRules.maintain(unit, r, state.fleet, out: state.out[unit] != nil, repair: r.ev == UmbrellaEvents.unitRepaired, &log)
        default:
            break
        }
    }
}

/// The stroller book's rules: a unit out once at a time, returned against its loan.
struct StrollerRules: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: StrollerState, _ log: inout AuditLog) {
        guard let unit = r.body["unit"]?.stringValue else { return }
        switch r.ev {
        case StrollerEvents.lent: FleetRules.lend(unit, r, state.fleet, out: state.out[unit]?.lentSeq, &log)
        case StrollerEvents.returned: _ = FleetRules.loan(unit, r, lentSeq: state.out[unit]?.lentSeq, &log)
        case StrollerEvents.unitRepaired, StrollerEvents.unitRetired:
            FleetRules.maintain(unit, r, state.fleet, out: state.out[unit] != nil, repair: r.ev == StrollerEvents.unitRepaired, &log)
        default: break
        }
    }
}

/// What umbrellas and strollers share: lending, ending a loan, repairing and retiring.
enum FleetRules {
    static func lend(_ unit: String, _ r: LedgerRecord, _ fleet: FleetState, out lentSeq: Int64?, _ log: inout AuditLog) {
        if let lentSeq {
            log.flag(r, .unitOut, "\(unit) is lent again while out (lent at seq \(lentSeq))")
        } else if fleet.status(of: unit) != .available {
            log.flag(r, .unitOut, "\(unit) is lent while \(fleet.status(of: unit).rawValue)")
        }
    }

    /// The loan's seq when the unit is out and the event names that loan; else flags it.
    static func loan(_ unit: String, _ r: LedgerRecord, lentSeq: Int64?, _ log: inout AuditLog) -> Int64? {
        guard let lentSeq else {
            log.flag(r, .unitState, "\(unit) is not out")
            return nil
        }
        if let named = r.body["lentSeq"]?.intValue, named != lentSeq {
            log.flag(r, .reference, "lentSeq \(named) is not the loan \(unit) is out on (seq \(lentSeq))")
            return nil
        }
        return lentSeq
    }

    static func maintain(_ unit: String, _ r: LedgerRecord, _ fleet: FleetState, out: Bool, repair: Bool, _ log: inout AuditLog) {
        if repair && fleet.status(of: unit) != .damaged {
            log.flag(r, .unitState, "\(unit) is repaired but is \(fleet.status(of: unit).rawValue), not damaged")
        } else if !repair && out {
            log.flag(r, .unitState, "\(unit) is retired while out")
        }
    }
}
