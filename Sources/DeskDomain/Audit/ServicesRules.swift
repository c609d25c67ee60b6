/// The paid-services book's rules: receipt numbers in order per plaza year; fee, quote
/// and change that add up; an override only by a lead; a void of a live receipt, for its fee.
struct ServicesRules: BookRules {
    let leads: LeadTimeline

    mutating func check(_ r: LedgerRecord, _ state: PaidServicesState, _ log: inout AuditLog) {
        let b = r.body
        func fen(_ k: String) -> Int64 { b[k]?.intValue ?? 0 }
        guard r.ev == PaidServicesEvents.receiptIssued || r.ev == PaidServicesEvents.receiptVoided else { return }
        guard let text = b["number"]?.stringValue, let number = PaidServicesState.number(text) else {
            log.flag(r, .receipt, "'\(b["number"]?.stringValue ?? "")' is not a receipt number")
            return
        }
        switch r.ev {
        case PaidServicesEvents.receiptIssued:
            let expected = state.nextNumber(year: number.year)
            if number != expected { log.flag(r, .receipt, "receipt \(number) is not the next number \(expected)") }
            let quantity = b["quantity"]?.intValue ?? 0
            let quoted = fen("quotedFeeFen"), fee = fen("feeFen"), tendered = fen("tenderedFen")
            if quoted != fen("unitPriceFen") * quantity {
                log.flag(r, .receipt, "quotedFeeFen \(quoted) is not unitPriceFen \(fen("unitPriceFen")) × quantity \(quantity)")
            } else if fee != quoted && b["overrideReason"] == nil {
                log.flag(r, .receipt, "feeFen \(fee) differs from the quote \(quoted) without an overrideReason")
            } else if tendered < fee || fen("changeFen") != tendered - fee {
                log.flag(r, .receipt, "changeFen \(fen("changeFen")) is not tenderedFen \(tendered) − feeFen \(fee)")
            }
            if b["overrideReason"] != nil && !leads.leadAnswers(r) {
                log.flag(r, .leadOnly, "a fee other than the quote needs a shift lead, but \(r.op) was not an active lead at \(r.at)")
            }
        case PaidServicesEvents.receiptVoided:
            guard let receipt = state.receipts[number] else {
                log.flag(r, .reference, "receipt \(number) is not one of the last \(PaidServicesState.keptDays) days' receipts")
                return
            }
            if fen("receiptSeq") != receipt.seq {
                log.flag(r, .reference, "receiptSeq \(fen("receiptSeq")) is not receipt \(number)'s issue (seq \(receipt.seq))")
            } else if receipt.isVoid {
                log.flag(r, .receipt, "receipt \(number) is already void")
            } else if fen("feeFen") != receipt.fee.fen {
                log.flag(r, .receipt, "voids feeFen \(fen("feeFen")), but receipt \(number) took \(receipt.fee.fen)")
            }
        default:
            break
        }
    }
}
