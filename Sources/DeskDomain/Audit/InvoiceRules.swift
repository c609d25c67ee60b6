/// The invoice book's rules: numbers used in order inside registered ranges with no gap;
/// a receipt on one live invoice at a time; amounts the sum of the receipts; a void only
/// of a live invoice, for its amount; a red-letter invoice never more than is left.
struct InvoiceRules: BookRules {
    /// A taxpayer ID whose check character fails is accepted only by a lead.
    let leads: LeadTimeline

    mutating func check(_ r: LedgerRecord, _ state: InvoiceState, _ log: inout AuditLog) {
        let b = r.body
        let amount = b["amountFen"]?.intValue ?? 0
        switch r.ev {
        case InvoiceEvents.numbersAllocated:
            let code = b["code"]?.stringValue ?? "", first = b["first"]?.stringValue ?? "", last = b["last"]?.stringValue ?? ""
            if let other = state.ranges.first(where: { $0.overlaps(code: code, first: first, last: last) }) {
                log.flag(r, .invoiceNumber, "range \(code) \(first)–\(last) overlaps the registered \(other.code) \(other.first)–\(other.last)")
            } else if first.utf8.count != last.utf8.count || first > last
                        || InvoiceDigits.distance(from: first, to: last, limit: InvoiceDesk.maxRangeCount).map({ Int64($0 + 1) }) != b["count"]?.intValue {
                log.flag(r, .invoiceNumber, "range \(first)–\(last) does not hold count \(b["count"]?.intValue ?? 0) numbers")
            }
        case InvoiceEvents.issued:
            guard let id = InvoiceNumber(body: b), let kind = b["kind"]?.stringValue.flatMap(InvoiceKind.init(rawValue:)) else { return }
            next(id, kind: kind, r, state, &log)
            if let by = b["creditCheckOverriddenBy"]?.stringValue,
               by != (b[BookWriter.Appender.approvedByKey]?.stringValue ?? r.op.rawValue) || !leads.leadAnswers(r) {
                log.flag(r, .leadOnly, "a taxpayer ID that fails its check needs a shift lead, but \(by) accepted it and \(r.op) issued it at \(r.at)")
            }
            let shop = b["shop"]?.stringValue ?? ""
            var sum: Int64 = 0
            for line in b["receipts"]?.arrayValue ?? [] {
                guard let o = line.objectValue, let n = o["number"]?.stringValue, let fen = o["amountFen"]?.intValue else {
                    log.flag(r, .schema, "\(r.ev): a receipt is not {number, amountFen}")
                    return
                }
                sum += fen
                if let held = state.liveInvoice(shop: shop, receipt: n) {
                    log.flag(r, .receiptInvoiced, "receipt \(n) of \(shop) is already on live invoice \(held.id) (seq \(held.issuedSeq))")
                }
            }
            if sum != amount || amount <= 0 { log.flag(r, .invoiceAmount, "amountFen \(amount), but the receipts add up to \(sum)") }
        case InvoiceEvents.voided:
            guard let invoice = original(b, prefix: "", yearKey: "issuedYear", seqKey: "issuedSeq", r, state, &log) else { return }
            if invoice.kind != .paper {
                log.flag(r, .invoiceAmount, "invoice \(invoice.id) is \(invoice.kind.rawValue): only a paper invoice is voided")
            } else if invoice.status != .issued {
                log.flag(r, .invoiceAmount, "invoice \(invoice.id) is \(invoice.status.rawValue), not live and unreversed")
            } else if amount != invoice.amount.fen {
                log.flag(r, .invoiceAmount, "voids amountFen \(amount), but invoice \(invoice.id) is for \(invoice.amount.fen)")
            }
        case InvoiceEvents.redLetterIssued:
            guard let id = InvoiceNumber(body: b), let kind = b["kind"]?.stringValue.flatMap(InvoiceKind.init(rawValue:)) else { return }
            next(id, kind: kind, r, state, &log)
            guard let invoice = original(b, prefix: "original", yearKey: "originalYear", seqKey: "originalSeq", r, state, &log) else { return }
            let left = invoice.reversible.fen
            if amount >= 0 {
                log.flag(r, .invoiceAmount, "a red-letter invoice's amountFen is negative, not \(amount)")
            } else if -amount > left {
                log.flag(r, .invoiceAmount, "reverses \(-amount), but invoice \(invoice.id) has only \(left) left to reverse")
            }
        default:
            break
        }
    }

    /// The number must be the next of its kind.
    func next(_ id: InvoiceNumber, kind: InvoiceKind, _ r: LedgerRecord, _ state: InvoiceState, _ log: inout AuditLog) {
        let expected = state.nextNumber(kind)
        guard id != expected else { return }
        if !state.ranges.contains(where: { $0.kind == kind && $0.contains(id) }) {
            log.flag(r, .invoiceNumber, "number \(id) is outside every registered \(kind.rawValue) range")
        } else if let expected {
            log.flag(r, .invoiceNumber, "number \(id) is not the next \(kind.rawValue) number \(expected)")
        } else {
            log.flag(r, .invoiceNumber, "number \(id): the \(kind.rawValue) ranges have no number left")
        }
    }

    /// The invoice a void or red-letter invoice corrects, which must be the one its year
    /// and seq name.
    func original(_ b: JSONObject, prefix: String, yearKey: String, seqKey: String, _ r: LedgerRecord, _ state: InvoiceState,
                  _ log: inout AuditLog) -> Invoice? {
        guard let id = InvoiceNumber(body: b, prefix: prefix), let invoice = state.invoices[id], invoice.original == nil else {
            log.flag(r, .reference, "no invoice \(InvoiceNumber(body: b, prefix: prefix).map { "\($0)" } ?? "") was issued")
            return nil
        }
        if b[yearKey]?.intValue != Int64(invoice.issuedYear) || b[seqKey]?.intValue != invoice.issuedSeq {
            log.flag(r, .reference, "\(seqKey) \(b[seqKey]?.intValue ?? 0) of \(b[yearKey]?.intValue ?? 0) is not invoice \(invoice.id)'s issue (seq \(invoice.issuedSeq) of \(invoice.issuedYear))")
            return nil
        }
        return invoice
    }
}
