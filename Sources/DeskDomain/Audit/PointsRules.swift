/// The points book's rules: a receipt earns once, ever; no balance below zero; a reissued
/// card carries over exactly the old card's balance.
struct PointsRules: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: PointsState, _ log: inout AuditLog) {
        let b = r.body
        let number = b["cardNumber"]?.stringValue ?? ""
        let points = b["points"]?.intValue ?? 0
        switch r.ev {
        case PointsEvents.cardEnrolled:
            if state.cards[number] != nil { log.flag(r, .state, "card \(number) already exists") }
        case PointsEvents.earned:
            guard let card = usable(number, r, state, &log) else { return }
            let key = b["receiptKey"]?.stringValue ?? ""
            if let earlier = state.usedReceipts[key] {
                log.flag(r, .pointsTwice, "receipt \(key) already earned points on \(earlier)")
            }
            if points < 0 { log.flag(r, .negativeBalance, "a receipt earns \(points) points") }
            _ = card
        case PointsEvents.redeemed:
            guard let card = usable(number, r, state, &log) else { return }
            if points <= 0 {
                log.flag(r, .negativeBalance, "redeems \(points) points")
            } else if card.balance - points < 0 {
                log.flag(r, .negativeBalance, "redeems \(points) points from a balance of \(card.balance)")
            }
        case PointsEvents.adjusted:
            guard let card = usable(number, r, state, &log) else { return }
            if card.balance + points < 0 { log.flag(r, .negativeBalance, "adjusts \(points) points on a balance of \(card.balance)") }
        case PointsEvents.cardReportedLost:
            guard let card = state.cards[number] else { log.flag(r, .state, "card \(number) does not exist"); return }
            if card.status != .active { log.flag(r, .state, "card \(number) is \(card.status.rawValue)") }
        case PointsEvents.cardReissued:
            let old = b["oldCardNumber"]?.stringValue ?? "", new = b["newCardNumber"]?.stringValue ?? ""
            guard let card = state.cards[old] else { log.flag(r, .state, "card \(old) does not exist"); return }
            if card.status == .replaced { log.flag(r, .state, "card \(old) was already replaced") }
            if state.cards[new] != nil { log.flag(r, .state, "card \(new) already exists") }
            if points != card.balance {
                log.flag(r, .statedFigure, "carries over \(points) points, but \(old)'s balance is \(card.balance)")
            }
        default:
            break
        }
    }

    func usable(_ number: String, _ r: LedgerRecord, _ state: PointsState, _ log: inout AuditLog) -> PointsCard? {
        guard let card = state.cards[number] else { log.flag(r, .state, "card \(number) does not exist"); return nil }
        if card.status.isBlocked { log.flag(r, .state, "card \(number) is \(card.status.rawValue)") }
        return card
    }
}
