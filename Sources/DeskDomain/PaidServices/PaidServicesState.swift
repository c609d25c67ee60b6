/// What the `services` book says now: the last receipt number of each plaza year, the
/// receipts of recent days (to look up, list and void), and the totals of every day (for
/// the shift close and finance).
///
/// Receipts are kept for ``keptDays`` plaza days up to the latest receipt, so the state
/// stays small however busy the year; older receipts live on in the ledger (and its
/// export), and their days' totals stay here.
public struct PaidServicesState: BookState {
    /// Recent receipts by number (see ``keptDays``).
    public var receipts: [ServiceReceiptNumber: ServiceReceipt] = [:]
    /// The numbers of the recent receipts of each plaza day (days since 1970), in order.
    public var numbersByDay: [Int64: [ServiceReceiptNumber]] = [:]
    /// The highest serial issued in each plaza year.
    public var lastSerial: [Int: Int64] = [:]
    /// The per-kind totals of every plaza day that had a receipt.
    public var dayTotals: [Int64: ServicesSummary] = [:]

    /// How many plaza days of receipts are kept in full.
    public static let keptDays: Int64 = 31

    public init() {}

    /// Days since 1970-01-01 of the plaza's date at an instant.
    public static func plazaDay(_ instant: Int64, offsetSeconds: Int32) -> Int64 {
        let local = instant + Int64(offsetSeconds)
        return local >= 0 ? local / 86400 : (local - 86399) / 86400
    }

    /// Days since 1970-01-01 of a plaza date.
    public static func plazaDay(_ date: CivilTime) -> Int64 { CivilTime.days(year: date.year, month: date.month, day: date.day) }

    /// The number the next receipt of a plaza year gets.
    public func nextNumber(year: Int) -> ServiceReceiptNumber {
        ServiceReceiptNumber(year: year, serial: (lastSerial[year] ?? 0) + 1)
    }

    public mutating func apply(_ r: LedgerRecord) {
        switch r.ev {
        case PaidServicesEvents.receiptIssued:
            guard let receipt = Self.receipt(from: r) else { return }
            let day = receipt.plazaDay
            if numbersByDay[day] == nil {
                let cutoff = day - Self.keptDays + 1
                for old in numbersByDay.keys where old < cutoff {
                    for n in numbersByDay.removeValue(forKey: old)! { receipts[n] = nil }
                }
            }
            receipts[receipt.number] = receipt
            numbersByDay[day, default: []].append(receipt.number)
            lastSerial[receipt.number.year] = max(lastSerial[receipt.number.year] ?? 0, receipt.number.serial)
            dayTotals[day, default: ServicesSummary()].byKind[receipt.kind, default: ServiceKindTotals()].add(receipt)
        case PaidServicesEvents.receiptVoided:
            guard let text = r.body["number"]?.stringValue, let number = Self.number(text),
                  var receipt = receipts[number], !receipt.isVoid else { return }
            receipt.voidedAt = r.instant
            receipt.voidedBy = r.op
            receipt.voidReason = r.body["reason"]?.stringValue ?? ""
            receipts[number] = receipt
            dayTotals[receipt.plazaDay, default: ServicesSummary()].byKind[receipt.kind, default: ServiceKindTotals()].void(fee: receipt.fee)
        default:
            break
        }
    }

    /// A recorded number (always written in full, `SR-2026-000001`).
    static func number(_ text: String) -> ServiceReceiptNumber? {
        guard text.hasPrefix("SR-") else { return nil }
        return ServiceReceiptNumber(text, currentYear: 0)
    }

    static func receipt(from r: LedgerRecord) -> ServiceReceipt? {
        let b = r.body
        guard let text = b["number"]?.stringValue, let number = number(text),
              let kindText = b["kind"]?.stringValue, let kind = PaidServiceKind(rawValue: kindText),
              let quantity = b["quantity"]?.intValue, let fee = b["feeFen"]?.intValue else { return nil }
        let tendered = b["tenderedFen"]?.intValue ?? fee
        return ServiceReceipt(number: number, seq: r.seq, kind: kind, quantity: Int(quantity),
                              unitPrice: Money(fen: b["unitPriceFen"]?.intValue ?? 0),
                              quotedFee: Money(fen: b["quotedFeeFen"]?.intValue ?? fee), fee: Money(fen: fee),
                              overrideReason: b["overrideReason"]?.stringValue, tendered: Money(fen: tendered),
                              change: Money(fen: b["changeFen"]?.intValue ?? tendered - fee),
                              customer: b["customer"]?.stringValue ?? "", note: b["note"]?.stringValue ?? "",
                              issuedAt: r.instant, plazaDay: plazaDay(r.instant, offsetSeconds: r.offsetSeconds), issuedBy: r.op)
    }

}
