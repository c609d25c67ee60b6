/// The closing report as text (console and `report --format text`), CSV and JSON.
extension ClosingReport {
    // MARK: - JSON

    /// Everything in the report as JSON (canonical key order; money in integer fen).
    ///
    /// `totals` holds the cash figures: `depositsTakenFen`, `depositsRefundedFen` (whole
    /// deposits of umbrellas back), `damageChargesFen`, `depositsForfeitedFen`,
    /// `serviceFeesFen`, `paidInFen`, `paidOutFen`, `openingFloatFen`, `cashMovementFen`,
    /// `expectedCashFen` (= opening float + deposits taken − deposits refunded + damage
    /// charges + service fees + paid in − paid out), and when counted `countedFen` and
    /// `differenceFen`; for reading the drawer, `depositsHandedBackFen` (refunds actually
    /// paid), `depositsKeptForDamageFen`, `damagePaidOnTopFen` and `changeHandedBackFen`.
    public var json: JSONValue {
        let t = tally
        let u = t.umbrellas
        var totals: JSONObject = [
            "depositsTakenFen": .int(u.depositsTaken.fen), "depositsRefundedFen": .int(u.depositsRefunded.fen),
            "damageChargesFen": .int(u.damageCharges.fen), "depositsForfeitedFen": .int(u.depositsForfeited.fen),
            "serviceFeesFen": .int(t.services.fees.fen), "paidInFen": .int(t.paidIn.fen), "paidOutFen": .int(t.paidOut.fen),
            "openingFloatFen": .int(openingFloat.fen), "cashMovementFen": .int(t.cashMovement.fen),
            "expectedCashFen": .int(expectedCash.fen), "depositsHandedBackFen": .int(u.handedBack.fen),
            "depositsKeptForDamageFen": .int(u.keptForDamage.fen), "damagePaidOnTopFen": .int(u.paidOnTop.fen),
            "changeHandedBackFen": .int(t.services.change.fen),
        ]
        if let counted { totals["countedFen"] = .int(counted.fen) }
        if let difference { totals["differenceFen"] = .int(difference.fen) }
        let ranges = { (rs: [ClosingTally.NumberRange]) -> JSONValue in
            .array(rs.map { ["kind": .string($0.kind), "code": .string($0.code), "first": .string($0.first), "last": .string($0.last),
                             "count": .int(Int64($0.count))] })
        }
        var o: JSONObject = [
            "scope": .string(scopeKind), "from": .string(time.rfc3339(from)), "to": .string(time.rfc3339(to)),
            "provisional": .bool(provisional), "totals": .object(totals),
            "umbrellas": [
                "lent": .int(Int64(u.lent)), "returned": .int(Int64(u.returned)), "releasedWithoutCard": .int(Int64(u.releasedWithoutCard)),
                "damaged": .int(Int64(u.damaged)), "lost": .int(Int64(u.lost)), "forfeited": .int(Int64(u.forfeited)), "repaired": .int(Int64(u.repaired)),
                "retired": .int(Int64(u.retired)), "depositsTakenFen": .int(u.depositsTaken.fen),
                "depositsRefundedFen": .int(u.depositsRefunded.fen), "handedBackFen": .int(u.handedBack.fen),
                "keptForDamageFen": .int(u.keptForDamage.fen), "damageChargesFen": .int(u.damageCharges.fen),
                "paidOnTopFen": .int(u.paidOnTop.fen), "depositsForfeitedFen": .int(u.depositsForfeited.fen),
            ],
            "strollers": ["lent": .int(Int64(t.strollers.lent)), "returned": .int(Int64(t.strollers.returned)),
                          "damaged": .int(Int64(t.strollers.damaged)), "repaired": .int(Int64(t.strollers.repaired)),
                          "retired": .int(Int64(t.strollers.retired))],
            "lostFound": ["received": .int(Int64(t.lostFound.received)), "valuables": .int(Int64(t.lostFound.valuables)),
                          "reportsTaken": .int(Int64(t.lostFound.reportsTaken)), "reportsClosed": .int(Int64(t.lostFound.reportsClosed)),
                          "claimsDescribed": .int(Int64(t.lostFound.claimsDescribed)), "claimsRefused": .int(Int64(t.lostFound.claimsRefused)),
                          "claimed": .int(Int64(t.lostFound.claimed)), "disposed": .int(Int64(t.lostFound.disposed))],
            "points": ["enrolled": .int(Int64(t.points.enrolled.count)), "enrolledCards": .array(t.points.enrolled.map { .string($0) }),
                       "reissued": .int(Int64(t.points.reissued.count)),
                       "reissues": .array(t.points.reissued.map { ["old": .string($0.old), "new": .string($0.new)] }),
                       "backfilled": .int(Int64(t.points.backfilled)), "pointsEarned": .int(t.points.pointsEarned),
                       "redeemed": .int(Int64(t.points.redeemed)), "pointsRedeemed": .int(t.points.pointsRedeemed),
                       "adjusted": .int(Int64(t.points.adjusted)), "reportedLost": .int(Int64(t.points.reportedLost))],
            "invoices": ["allocated": .int(Int64(t.invoices.allocated)),
                         "issued": .int(Int64(t.invoices.issued.count)), "issuedAmountFen": .int(t.invoices.issuedTotal.fen),
                         "issuedRanges": ranges(t.invoices.issuedRanges),
                         "voided": .int(Int64(t.invoices.voided.count)), "voidedAmountFen": .int(t.invoices.voidedTotal.fen),
                         "voidedRanges": ranges(t.invoices.voidedRanges),
                         "redLetters": .int(Int64(t.invoices.redLetters.count)), "redLetterAmountFen": .int(t.invoices.redLetterTotal.fen),
                         "redLetterRanges": ranges(t.invoices.redLetterRanges)],
            "services": servicesJSON,
            "movements": .array(t.movements.map { m in
                ["shift": .string(m.shift), "direction": .string(m.direction.rawValue), "amountFen": .int(m.amount.fen),
                 "reason": .string(m.reason), "at": .string(time.rfc3339(m.at)), "op": .string(m.by.rawValue)]
            }),
            "shifts": .array(shifts.map(shiftJSON)),
            "stillOut": stillOutJSON,
            "events": .object(JSONObject(t.events.map { b in
                (b.key.rawValue, JSONValue.object(JSONObject(b.value.map { ($0.key, JSONValue.int(Int64($0.value))) })))
            })),
            "warnings": .array(warnings.map { .string($0) }),
        ]
        switch scope {
        case .shift(let id): o["shift"] = .string(id)
        case .day(let d): o["day"] = .string(d.dateString)
        case .year(let y): o["year"] = .int(Int64(y))
        }
        if !notes.isEmpty { o["notes"] = .object(JSONObject(notes.map { (String($0.key), JSONValue.int(Int64($0.value))) })) }
        if !note.isEmpty { o["note"] = .string(note) }
        if let sealCode { o["sealCode"] = .string(sealCode.description) }
        if !sections.isEmpty {
            o["sections"] = .object(JSONObject(sections.map { sec in
                (sec.book.rawValue, JSONValue.object(["title": .string(sec.title.en),
                                                      "events": .object(JSONObject(sec.counts.map { ($0.event, JSONValue.int(Int64($0.count))) }))]))
            }))
        }
        return .object(o)
    }

    var scopeKind: String {
        switch scope {
        case .shift: return "shift"
        case .day: return "day"
        case .year: return "year"
        }
    }

    var servicesJSON: JSONValue {
        let s = tally.services
        var o: JSONObject = [
            "issued": .int(Int64(s.issued)), "voided": .int(Int64(s.voided)), "feesFen": .int(s.fees.fen),
            "changeFen": .int(s.change.fen),
            "kinds": .object(JSONObject(s.lines.map { line in
                (line.kind.rawValue, JSONValue.object(["issued": .int(Int64(line.totals.issued)), "voided": .int(Int64(line.totals.voided)),
                                                       "feeFen": .int(line.totals.fee.fen), "voidedFeeFen": .int(line.totals.voidedFee.fen)]))
            })),
        ]
        if let f = s.firstNumber { o["firstNumber"] = .string(f) }
        if let l = s.lastNumber { o["lastNumber"] = .string(l) }
        return .object(o)
    }

    func shiftJSON(_ s: Shift) -> JSONValue {
        var o: JSONObject = ["shift": .string(s.id), "openedAt": .string(time.rfc3339(s.openedAt)), "openedBy": .string(s.openedBy.rawValue),
                             "floatFen": .int(s.float.fen), "paidInFen": .int(s.paidIn.fen), "paidOutFen": .int(s.paidOut.fen),
                             "open": .bool(s.isOpen)]
        if let c = s.closing {
            o["closedAt"] = .string(time.rfc3339(c.closedAt))
            o["closedBy"] = .string(c.closedBy.rawValue)
            o["expectedFen"] = .int(c.expected.fen)
            o["countedFen"] = .int(c.counted.fen)
            o["differenceFen"] = .int(c.difference.fen)
            o["note"] = .string(c.note)
        }
        return .object(o)
    }

    var stillOutJSON: JSONValue {
        let s = stillOut
        var o: JSONObject = [
            "at": .string(time.rfc3339(s.at)), "depositsHeldFen": .int(s.depositsHeld.fen), "inStorage": .int(Int64(s.inStorage)),
            "umbrellas": .array(s.umbrellas.map { l in
                ["unit": .string(l.unit), "depositCard": .string(l.depositCard), "depositFen": .int(l.deposit.fen),
                 "customer": .string(l.customer), "lentAt": .string(time.rfc3339(l.lentAt)), "minutesOut": .int(s.minutesOut(since: l.lentAt))]
            }),
            "strollers": .array(s.strollers.map { l in
                ["unit": .string(l.unit), "customer": .string(l.customer), "lentAt": .string(time.rfc3339(l.lentAt)),
                 "minutesOut": .int(s.minutesOut(since: l.lentAt))]
            }),
            "openReports": .array(s.openReports.map { r in
                ["report": .string(r.id), "category": .string(r.category.rawValue), "contact": .string(r.contact),
                 "reportedAt": .string(time.rfc3339(r.reportedAt))]
            }),
            "pastRetention": .array(zip(s.pastRetention, s.retainedUntil).map { item, until in
                ["tag": .string(item.tag), "category": .string(item.category.rawValue), "receivedAt": .string(time.rfc3339(item.receivedAt)),
                 "retainUntil": .string(time.rfc3339(until))]
            }),
        ]
        for section in s.sections { o[section.book.rawValue] = .array(section.lines.map { .string($0.en) }) }
        return .object(o)
    }

    // MARK: - CSV

    /// One figure per row: `section,item,count,amount_fen,amount` (amounts in fen and yuan).
    public var csv: String {
        var rows: [[String]] = [["section", "item", "count", "amount_fen", "amount"]]
        func row(_ section: String, _ item: String, count: Int? = nil, _ amount: Money? = nil) {
            rows.append([section, item, count.map(String.init) ?? "", amount.map { String($0.fen) } ?? "", amount?.plain ?? ""])
        }
        let t = tally, u = t.umbrellas
        row("report", scopeKind + " " + scopeName)
        row("report", "from " + time.rfc3339(from))
        row("report", "to " + time.rfc3339(to) + (provisional ? " (still open)" : ""))
        if let sealCode { row("report", "seal code " + sealCode.description) }
        row("cash", "opening float", count: shifts.isEmpty ? nil : shifts.count, openingFloat)
        row("cash", "deposits taken", count: u.lent, u.depositsTaken)
        row("cash", "deposits refunded", count: u.back, u.depositsRefunded)
        row("cash", "damage charges", count: u.charged, u.damageCharges)
        row("cash", "service fees", count: t.services.issued - t.services.voided, t.services.fees)
        row("cash", "paid in", count: t.movements.filter { $0.direction == .paidIn }.count, t.paidIn)
        row("cash", "paid out", count: t.movements.filter { $0.direction == .paidOut }.count, t.paidOut)
        row("cash", "expected cash", expectedCash)
        if let counted { row("cash", "counted cash", counted) }
        if let difference { row("cash", "difference", difference) }
        row("cash", "deposits handed back", u.handedBack)
        row("cash", "deposits kept for damage", u.keptForDamage)
        row("cash", "damage paid on top", u.paidOnTop)
        row("cash", "deposits forfeited", count: u.forfeited, u.depositsForfeited)
        row("cash", "change handed back", t.services.change)
        row("umbrella", "lent", count: u.lent)
        row("umbrella", "returned", count: u.returned)
        row("umbrella", "released without card", count: u.releasedWithoutCard)
        row("umbrella", "damaged", count: u.damaged)
        row("umbrella", "lost", count: u.lost)
        row("umbrella", "forfeited", count: u.forfeited)
        row("umbrella", "repaired", count: u.repaired)
        row("umbrella", "retired", count: u.retired)
        row("stroller", "lent", count: t.strollers.lent)
        row("stroller", "returned", count: t.strollers.returned)
        row("stroller", "damaged", count: t.strollers.damaged)
        row("lostfound", "items received", count: t.lostFound.received)
        row("lostfound", "valuables received", count: t.lostFound.valuables)
        row("lostfound", "lost reports taken", count: t.lostFound.reportsTaken)
        row("lostfound", "lost reports closed", count: t.lostFound.reportsClosed)
        row("lostfound", "claims described", count: t.lostFound.claimsDescribed)
        row("lostfound", "claims refused", count: t.lostFound.claimsRefused)
        row("lostfound", "items claimed", count: t.lostFound.claimed)
        row("lostfound", "items disposed", count: t.lostFound.disposed)
        row("points", "cards enrolled", count: t.points.enrolled.count)
        row("points", "cards reissued", count: t.points.reissued.count)
        row("points", "receipts back-filled", count: t.points.backfilled)
        row("points", "redemptions", count: t.points.redeemed)
        row("points", "adjustments", count: t.points.adjusted)
        row("points", "cards reported lost", count: t.points.reportedLost)
        row("invoice", "issued", count: t.invoices.issued.count, t.invoices.issuedTotal)
        for r in t.invoices.issuedRanges { row("invoice", "issued \(r.kind) \(r.text)", count: r.count) }
        row("invoice", "voided", count: t.invoices.voided.count, t.invoices.voidedTotal)
        for r in t.invoices.voidedRanges { row("invoice", "voided \(r.kind) \(r.text)", count: r.count) }
        row("invoice", "red-letter", count: t.invoices.redLetters.count, t.invoices.redLetterTotal)
        for r in t.invoices.redLetterRanges { row("invoice", "red-letter \(r.kind) \(r.text)", count: r.count) }
        for line in t.services.lines {
            row("services", line.kind.rawValue + " issued", count: line.totals.issued, line.totals.fee)
            row("services", line.kind.rawValue + " voided", count: line.totals.voided, line.totals.voidedFee)
        }
        if let f = t.services.firstNumber, let l = t.services.lastNumber { row("services", "receipt numbers \(f)–\(l)") }
        for sec in sections { for c in sec.counts { row(sec.book.rawValue, c.event, count: c.count) } }
        for m in t.movements { row("movement", "\(m.direction.rawValue) \(m.shift) \(m.reason)", m.amount) }
        for s in shifts {
            var item = "\(s.id) opened \(time.rfc3339(s.openedAt)) by \(s.openedBy)"
            if let c = s.closing { item += ", closed \(time.rfc3339(c.closedAt)) by \(c.closedBy), counted \(c.counted), difference \(c.difference)" }
            row("shift", item, s.closing?.expected)
        }
        let so = stillOut
        row("still-out", "umbrellas", count: so.umbrellas.count, so.depositsHeld)
        for l in so.umbrellas { row("still-out", "umbrella \(l.unit) \(l.depositCard) \(l.customer) out \(so.minutesOut(since: l.lentAt)) min", l.deposit) }
        row("still-out", "strollers", count: so.strollers.count)
        for l in so.strollers { row("still-out", "stroller \(l.unit) \(l.customer) out \(so.minutesOut(since: l.lentAt)) min") }
        row("still-out", "open lost reports", count: so.openReports.count)
        for r in so.openReports { row("still-out", "lost report \(r.id) \(r.category.rawValue) \(r.contact)") }
        row("still-out", "items past retention", count: so.pastRetention.count)
        for i in so.pastRetention { row("still-out", "item \(i.tag) \(i.category.rawValue)") }
        for sec in so.sections {
            row("still-out", sec.title.en, count: sec.lines.count)
            for line in sec.lines { row("still-out", line.en) }
        }
        for w in warnings { row("warning", w) }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: - Text

    /// The report as a lead reads it, in Chinese or English.
    public func text(_ l: Language) -> String {
        var out: [String] = []
        let t = tally, u = t.umbrellas
        func stamp(_ i: Int64) -> String { let c = time.civil(i); return c.dateString + " " + c.timeString }
        func money(_ label: String, _ amount: Money, sign: String = "") -> String {
            "  " + Self.pad(label, 30) + " " + (sign.isEmpty ? "" : sign + " ") + amount.description
        }
        switch scope {
        case .shift(let id):
            out.append(l.pick("交班报表  班次 \(id)", "Closing report  shift \(id)") + (provisional ? l.pick("（未交班，截至现在）", " (still open: so far)") : ""))
            if let s = shifts.first {
                var line = l.pick("开班 \(stamp(s.openedAt))（\(s.openedBy)）", "Opened \(stamp(s.openedAt)) by \(s.openedBy)")
                if let c = s.closing { line += l.pick("，交班 \(stamp(c.closedAt))（\(c.closedBy)）", ", closed \(stamp(c.closedAt)) by \(c.closedBy)") }
                out.append(line)
            }
            if let sealCode { out.append(l.pick("封账码 \(sealCode)（抄在交班记录上并签名）", "Seal code \(sealCode) (write it in the shift log and sign)")) }
        case .day(let d):
            out.append(l.pick("日报表  \(d.dateString)", "Day report  \(d.dateString)"))
        case .year(let y):
            out.append(l.pick("年度报表  \(y)", "Year report  \(y)"))
        }
        out.append("")
        out.append(l.pick("现金", "Cash"))
        out.append(money(l.pick("备用金", "Opening float"), openingFloat))
        out.append(money(l.pick("收押金（\(u.lent) 笔）", "Deposits taken (\(u.lent))"), u.depositsTaken, sign: "+"))
        out.append(money(l.pick("退押金（\(u.back) 笔）", "Deposits refunded (\(u.back))"), u.depositsRefunded, sign: "−"))
        out.append(money(l.pick("损坏赔偿（\(u.charged) 笔）", "Damage charges (\(u.charged))"), u.damageCharges, sign: "+"))
        out.append(money(l.pick("服务费（\(t.services.issued - t.services.voided) 张）", "Service fees (\(t.services.issued - t.services.voided))"),
                         t.services.fees, sign: "+"))
        out.append(money(l.pick("存入", "Paid in"), t.paidIn, sign: "+"))
        out.append(money(l.pick("支出", "Paid out"), t.paidOut, sign: "−"))
        out.append(money(l.pick("应有现金", "Expected cash"), expectedCash, sign: "="))
        if let counted {
            out.append(money(l.pick("实点现金", "Counted cash"), counted))
            if let difference {
                out.append(money(l.pick("差额（实点 − 应有）", "Difference (counted − expected)"), difference)
                           + (difference.fen == 0 ? l.pick("  相符", "  agrees") : difference.fen > 0 ? l.pick("  长款", "  over") : l.pick("  短款", "  short")))
            }
        }
        if !notes.isEmpty {
            let parts = ShiftDesk.denominations.compactMap { d in notes[d].map { "\(Money(fen: d))×\($0)" } }
            out.append("  " + l.pick("券别：", "Notes and coins: ") + parts.joined(separator: " "))
        }
        if !note.isEmpty { out.append("  " + l.pick("备注：", "Note: ") + note) }
        out.append("  " + l.pick("实退押金 \(u.handedBack)，押金中扣作赔偿 \(u.keptForDamage)，另收赔偿 \(u.paidOnTop)；没收押金 \(u.depositsForfeited)（\(u.forfeited) 笔，不另收现金）；找零 \(t.services.change)（不是收入）。",
                                 "Refunds handed back \(u.handedBack), kept from deposits for damage \(u.keptForDamage), damage paid on top \(u.paidOnTop); deposits forfeited \(u.depositsForfeited) (\(u.forfeited), no cash moves); change given \(t.services.change) (not income)."))
        for m in t.movements {
            out.append("  " + m.direction.name(l) + " " + m.amount.description + "  " + m.reason + "  " + stamp(m.at) + " " + m.by.rawValue)
        }
        if case .shift = scope {} else if !shifts.isEmpty {
            out.append("")
            out.append(l.pick("班次", "Shifts"))
            for s in shifts {
                var line = "  \(s.id)  " + l.pick("开 \(stamp(s.openedAt)) 备用金 \(s.float)", "opened \(stamp(s.openedAt)) float \(s.float)")
                if let c = s.closing {
                    line += l.pick("  交 \(stamp(c.closedAt)) 应有 \(c.expected) 实点 \(c.counted) 差额 \(c.difference)",
                                   "  closed \(stamp(c.closedAt)) expected \(c.expected) counted \(c.counted) difference \(c.difference)")
                } else {
                    line += l.pick("  未交班", "  not closed")
                }
                out.append(line)
            }
        }
        out.append("")
        out.append(l.pick("各项业务", "Services"))
        out.append("  " + l.pick("雨伞：借出 \(u.lent)，归还 \(u.back)（无卡 \(u.releasedWithoutCard)，损坏 \(u.damaged)，丢失 \(u.lost)），没收押金 \(u.forfeited)，修好 \(u.repaired)，报废 \(u.retired)",
                                 "Umbrellas: lent \(u.lent), back \(u.back) (without card \(u.releasedWithoutCard), damaged \(u.damaged), lost \(u.lost)), forfeited \(u.forfeited), repaired \(u.repaired), retired \(u.retired)"))
        let s = t.strollers
        out.append("  " + l.pick("童车：借出 \(s.lent)，归还 \(s.returned)（损坏 \(s.damaged)），修好 \(s.repaired)，报废 \(s.retired)",
                                 "Strollers: lent \(s.lent), returned \(s.returned) (damaged \(s.damaged)), repaired \(s.repaired), retired \(s.retired)"))
        let f = t.lostFound
        out.append("  " + l.pick("失物：登记 \(f.received)（贵重 \(f.valuables)），挂失 \(f.reportsTaken)，结案 \(f.reportsClosed)，认领描述 \(f.claimsDescribed)，认领 \(f.claimed)，不符 \(f.claimsRefused)，处置 \(f.disposed)",
                                 "Lost and found: received \(f.received) (valuables \(f.valuables)), reports \(f.reportsTaken), closed \(f.reportsClosed), descriptions \(f.claimsDescribed), claimed \(f.claimed), refused \(f.claimsRefused), disposed \(f.disposed)"))
        let p = t.points
        out.append("  " + l.pick("积分卡：办卡 \(p.enrolled.count)，补卡 \(p.reissued.count)，补录积分 \(p.backfilled)，兑换 \(p.redeemed)，调整 \(p.adjusted)，挂失 \(p.reportedLost)",
                                 "Points cards: enrolled \(p.enrolled.count), reissued \(p.reissued.count), back-filled \(p.backfilled), redeemed \(p.redeemed), adjusted \(p.adjusted), reported lost \(p.reportedLost)"))
        if !p.enrolled.isEmpty { out.append("    " + l.pick("新卡：", "New cards: ") + Self.list(p.enrolled, l)) }
        if !p.reissued.isEmpty { out.append("    " + l.pick("补卡：", "Reissued: ") + Self.list(p.reissued.map { "\($0.old)→\($0.new)" }, l)) }
        let inv = t.invoices
        out.append("  " + l.pick("发票：开具 \(inv.issued.count) 张 \(inv.issuedTotal)，作废 \(inv.voided.count) 张 \(inv.voidedTotal)，红字 \(inv.redLetters.count) 张 \(inv.redLetterTotal)，登记号段 \(inv.allocated)",
                                 "Invoices: issued \(inv.issued.count) for \(inv.issuedTotal), voided \(inv.voided.count) for \(inv.voidedTotal), red-letter \(inv.redLetters.count) for \(inv.redLetterTotal), ranges registered \(inv.allocated)"))
        func rangeLines(_ label: String, _ rs: [ClosingTally.NumberRange]) {
            guard !rs.isEmpty else { return }
            out.append("    " + label + Self.list(rs.map { "\(Self.kindName($0.kind, l)) \($0.text)" }, l))
        }
        rangeLines(l.pick("开具号码：", "Numbers issued: "), inv.issuedRanges)
        rangeLines(l.pick("作废号码：", "Numbers voided: "), inv.voidedRanges)
        rangeLines(l.pick("红字号码：", "Red-letter numbers: "), inv.redLetterRanges)
        let sv = t.services
        var line = l.pick("有偿服务：收据 \(sv.issued) 张，作废 \(sv.voided) 张，服务费 \(sv.fees)", "Paid services: \(sv.issued) receipts, \(sv.voided) voided, fees \(sv.fees)")
        if let a = sv.firstNumber, let b = sv.lastNumber { line += l.pick("（\(a) – \(b)）", " (\(a) – \(b))") }
        out.append("  " + line)
        for k in sv.lines where k.totals.issued > 0 || k.totals.voided > 0 {
            out.append("    " + k.kind.name(l) + l.pick(" \(k.totals.issued) 张 \(k.totals.fee)", " \(k.totals.issued) receipts \(k.totals.fee)")
                       + (k.totals.voided > 0 ? l.pick("，作废 \(k.totals.voided) 张 \(k.totals.voidedFee)", ", \(k.totals.voided) voided \(k.totals.voidedFee)") : ""))
        }
        for sec in sections {
            out.append("  " + sec.title(l) + l.pick("：", ": ") + sec.counts.map { "\($0.event) \($0.count)" }.joined(separator: l.pick("，", ", ")))
        }
        out.append("")
        let so = stillOut
        out.append(l.pick("未归还 / 待处理（截至 \(stamp(so.at))）", "Still out (at \(stamp(so.at)))"))
        out.append("  " + l.pick("雨伞 \(so.umbrellas.count) 把（押金 \(so.depositsHeld)）", "Umbrellas: \(so.umbrellas.count) (deposits held \(so.depositsHeld))"))
        for loan in so.umbrellas {
            out.append("    \(loan.unit) \(loan.depositCard) \(loan.customer) \(stamp(loan.lentAt)) " + Self.duration(so.minutesOut(since: loan.lentAt)))
        }
        out.append("  " + l.pick("童车 \(so.strollers.count) 辆", "Strollers: \(so.strollers.count)"))
        for loan in so.strollers {
            out.append("    \(loan.unit) \(loan.customer) \(stamp(loan.lentAt)) " + Self.duration(so.minutesOut(since: loan.lentAt)))
        }
        out.append("  " + l.pick("失物登记未结 \(so.openReports.count) 件", "Lost reports open: \(so.openReports.count)"))
        for r in so.openReports.prefix(50) { out.append("    \(r.id) \(r.category.name(l)) \(r.contact) \(stamp(r.reportedAt))") }
        if so.openReports.count > 50 { out.append("    …") }
        out.append("  " + l.pick("超过保管期限的失物 \(so.pastRetention.count) 件（在库 \(so.inStorage) 件）",
                                 "Items past retention: \(so.pastRetention.count) (in storage \(so.inStorage))"))
        for (item, until) in zip(so.pastRetention, so.retainedUntil).prefix(50) {
            out.append("    \(item.tag) \(item.category.name(l)) " + l.pick("期限 \(stamp(until))", "retain until \(stamp(until))"))
        }
        if so.pastRetention.count > 50 { out.append("    …") }
        for sec in so.sections {
            out.append("  " + sec.title(l) + " \(sec.lines.count)")
            for line in sec.lines.prefix(50) { out.append("    " + line(l)) }
            if sec.lines.count > 50 { out.append("    …") }
        }
        if !warnings.isEmpty {
            out.append("")
            out.append(l.pick("注意", "Warnings"))
            for w in warnings { out.append("  " + w) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func kindName(_ kind: String, _ l: Language) -> String {
        switch kind {
        case "paper": return l.pick("纸质", "paper")
        case "electronic": return l.pick("电子", "electronic")
        default: return kind
        }
    }

    /// At most 20 items, then how many more.
    static func list(_ items: [String], _ l: Language) -> String {
        let shown = items.prefix(20).joined(separator: l.pick("、", ", "))
        return items.count > 20 ? shown + l.pick(" 等 \(items.count) 项", " and \(items.count - 20) more") : shown
    }

    /// `2h05m` / `3d4h`.
    static func duration(_ minutes: Int64) -> String {
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 24 * 60 { return "\(minutes / 60)h\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)m" }
        return "\(minutes / 1440)d\((minutes % 1440) / 60)h"
    }

    /// Pads to a width in terminal columns (CJK counts two).
    static func pad(_ s: String, _ width: Int) -> String {
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
                                           0xFF00...0xFF60, 0xFFE0...0xFFE6]
        let w = s.unicodeScalars.reduce(0) { n, c in n + (wide.contains { $0.contains(c.value) } ? 2 : 1) }
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
