/// The shift-close slip the lead signs: every figure of the close, what is still out, the
/// seal code, and the seal code again as a QR code (so head office can scan the paper).
extension Slip {
    /// The slip of a closed shift's report (``ShiftDesk/close(_:by:)``, or
    /// ``ShiftDesk/report(_:)`` of `.shift(id)` for a reprint). Nil for a day or year
    /// report, or a shift not closed (no seal code yet).
    public static func shiftClose(_ report: ClosingReport, _ config: DeskConfig, _ l: Language) -> Slip? {
        guard case .shift(let id) = report.scope, !report.provisional, let seal = report.sealCode,
              let shift = report.shifts.first, let closing = shift.closing else { return nil }
        let t = report.tally, u = t.umbrellas
        var lines: [SlipLine] = [
            .field(l.pick("班次", "Shift"), id),
            .field(l.pick("开班", "Opened"), stamp(shift.openedAt, config) + " " + shift.openedBy.rawValue),
            .field(l.pick("交班", "Closed"), stamp(closing.closedAt, config) + " " + closing.closedBy.rawValue),
            .heading(l.pick("现金", "Cash")),
            .amount(l.pick("备用金", "Opening float"), report.openingFloat),
            .amount(l.pick("+ 收押金（\(u.lent) 笔）", "+ Deposits taken (\(u.lent))"), u.depositsTaken),
            .amount(l.pick("- 退押金（\(u.back) 笔）", "- Deposits refunded (\(u.back))"), u.depositsRefunded),
            .amount(l.pick("+ 损坏赔偿（\(u.charged) 笔）", "+ Damage charges (\(u.charged))"), u.damageCharges),
            .amount(l.pick("+ 服务费（\(t.services.issued - t.services.voided) 张）", "+ Service fees (\(t.services.issued - t.services.voided))"),
                    t.services.fees),
            .amount(l.pick("+ 存入", "+ Paid in"), t.paidIn),
            .amount(l.pick("- 支出", "- Paid out"), t.paidOut),
            .amount(l.pick("= 应有现金", "= Expected cash"), report.expectedCash),
            .amount(l.pick("实点现金", "Counted cash"), closing.counted),
        ]
        let d = closing.difference
        lines.append(.amount(d.fen == 0 ? l.pick("差额（相符）", "Difference (agrees)")
                             : d.fen > 0 ? l.pick("差额（长款）", "Difference (over)") : l.pick("差额（短款）", "Difference (short)"), d))
        if !closing.notes.isEmpty {
            let parts = ShiftDesk.denominations.compactMap { den in closing.notes[den].map { "\(Money(fen: den))×\($0)" } }
            lines.append(.field(l.pick("券别", "Notes and coins"), parts.joined(separator: " ")))
        }
        if !closing.note.isEmpty { lines.append(.field(l.pick("备注", "Note"), closing.note)) }
        lines += [
            .amount(l.pick("实退押金", "Refunds handed back"), u.handedBack),
            .amount(l.pick("押金中扣作赔偿", "Kept from deposits for damage"), u.keptForDamage),
            .amount(l.pick("另收赔偿", "Damage paid on top"), u.paidOnTop),
            .amount(l.pick("没收押金（\(u.forfeited) 笔，不动现金）", "Deposits forfeited (\(u.forfeited), no cash moves)"), u.depositsForfeited),
            .amount(l.pick("找零（不是收入）", "Change given (not income)"), t.services.change),
        ]
        for m in t.movements {
            lines.append(.amount("  " + m.direction.name(l) + " " + m.reason, m.amount))
        }

        lines.append(.heading(l.pick("业务", "Services")))
        lines.append(.text(l.pick("雨伞：借出 \(u.lent)，归还 \(u.back)（无卡 \(u.releasedWithoutCard)，损坏 \(u.damaged)，丢失 \(u.lost)），没收押金 \(u.forfeited)，修好 \(u.repaired)，报废 \(u.retired)",
                                  "Umbrellas: lent \(u.lent), back \(u.back) (without card \(u.releasedWithoutCard), damaged \(u.damaged), lost \(u.lost)), forfeited \(u.forfeited), repaired \(u.repaired), retired \(u.retired)")))
        let s = t.strollers
        lines.append(.text(l.pick("童车：借出 \(s.lent)，归还 \(s.returned)（损坏 \(s.damaged)），修好 \(s.repaired)，报废 \(s.retired)",
                                  "Strollers: lent \(s.lent), returned \(s.returned) (damaged \(s.damaged)), repaired \(s.repaired), retired \(s.retired)")))
        let f = t.lostFound
        lines.append(.text(l.pick("失物：登记 \(f.received)（贵重 \(f.valuables)），挂失 \(f.reportsTaken)，结案 \(f.reportsClosed)，认领描述 \(f.claimsDescribed)，认领 \(f.claimed)，不符 \(f.claimsRefused)，处置 \(f.disposed)",
                                  "Lost and found: received \(f.received) (valuables \(f.valuables)), reports \(f.reportsTaken), closed \(f.reportsClosed), descriptions \(f.claimsDescribed), claimed \(f.claimed), refused \(f.claimsRefused), disposed \(f.disposed)")))
        let p = t.points
        lines.append(.text(l.pick("积分卡：办卡 \(p.enrolled.count)，补卡 \(p.reissued.count)，补录积分 \(p.backfilled)，兑换 \(p.redeemed)，调整 \(p.adjusted)，挂失 \(p.reportedLost)",
                                  "Points cards: enrolled \(p.enrolled.count), reissued \(p.reissued.count), back-filled \(p.backfilled), redeemed \(p.redeemed), adjusted \(p.adjusted), reported lost \(p.reportedLost)")))
        if !p.enrolled.isEmpty { lines.append(.text(l.pick("新卡：", "New cards: ") + ClosingReport.list(p.enrolled, l))) }
        if !p.reissued.isEmpty { lines.append(.text(l.pick("补卡：", "Reissued: ") + ClosingReport.list(p.reissued.map { "\($0.old)>\($0.new)" }, l))) }
        let inv = t.invoices
        lines.append(.text(l.pick("发票：开具 \(inv.issued.count) 张 \(inv.issuedTotal)，作废 \(inv.voided.count) 张 \(inv.voidedTotal)，红字 \(inv.redLetters.count) 张 \(inv.redLetterTotal)，登记号段 \(inv.allocated)",
                                  "Invoices: issued \(inv.issued.count) for \(inv.issuedTotal), voided \(inv.voided.count) for \(inv.voidedTotal), red-letter \(inv.redLetters.count) for \(inv.redLetterTotal), ranges registered \(inv.allocated)")))
        for (label, ranges) in [(l.pick("开具号码：", "Numbers issued: "), inv.issuedRanges), (l.pick("作废号码：", "Numbers voided: "), inv.voidedRanges),
                                (l.pick("红字号码：", "Red-letter numbers: "), inv.redLetterRanges)] where !ranges.isEmpty {
            lines.append(.text(label + ClosingReport.list(ranges.map { "\(ClosingReport.kindName($0.kind, l)) \($0.text)" }, l)))
        }
        let sv = t.services
        var services = l.pick("有偿服务：收据 \(sv.issued) 张，作废 \(sv.voided) 张，服务费 \(sv.fees)", "Paid services: \(sv.issued) receipts, \(sv.voided) voided, fees \(sv.fees)")
        if let a = sv.firstNumber, let b = sv.lastNumber { services += l.pick("（\(a) 至 \(b)）", " (\(a) to \(b))") }
        lines.append(.text(services))
        for k in sv.lines where k.totals.issued > 0 || k.totals.voided > 0 {
            lines.append(.text("  " + k.kind.name(l) + l.pick(" \(k.totals.issued) 张 \(k.totals.fee)", " \(k.totals.issued) receipts \(k.totals.fee)")
                               + (k.totals.voided > 0 ? l.pick("，作废 \(k.totals.voided) 张 \(k.totals.voidedFee)", ", \(k.totals.voided) voided \(k.totals.voidedFee)") : "")))
        }

        let so = report.stillOut
        lines.append(.heading(l.pick("未归还 / 待处理", "Still out")))
        lines.append(.field(l.pick("雨伞在外", "Umbrellas out"), l.pick("\(so.umbrellas.count) 把", "\(so.umbrellas.count)")))
        lines.append(.amount(l.pick("押金在抽屉中", "Their deposits, in the drawer"), so.depositsHeld))
        for loan in so.umbrellas.prefix(20) { lines.append(.text("  \(loan.unit) \(loan.depositCard) \(loan.customer) \(stamp(loan.lentAt, config))")) }
        if so.umbrellas.count > 20 { lines.append(.text(l.pick("  等 \(so.umbrellas.count) 把", "  and \(so.umbrellas.count - 20) more"))) }
        lines.append(.field(l.pick("童车在外", "Strollers out"), l.pick("\(so.strollers.count) 辆", "\(so.strollers.count)")))
        for loan in so.strollers.prefix(20) { lines.append(.text("  \(loan.unit) \(loan.customer) \(stamp(loan.lentAt, config))")) }
        if so.strollers.count > 20 { lines.append(.text(l.pick("  等 \(so.strollers.count) 辆", "  and \(so.strollers.count - 20) more"))) }
        lines.append(.field(l.pick("挂失未结", "Lost reports open"), l.pick("\(so.openReports.count) 件", "\(so.openReports.count)")))
        lines.append(.field(l.pick("超期失物", "Items past retention"), l.pick("\(so.pastRetention.count) 件（在库 \(so.inStorage) 件）", "\(so.pastRetention.count) (in storage \(so.inStorage))")))
        if !report.warnings.isEmpty {
            lines.append(.heading(l.pick("注意", "Warnings")))
            for w in report.warnings { lines.append(.text(w)) }
        }
        lines.append(.rule)
        lines.append(.reference(l.pick("封账码", "Seal code"), seal.description))
        lines.append(.field(l.pick("记录", "Record"), record(.shift, closing.closedYear, closing.closedSeq)))
        let notes = [
            l.pick("请把封账码抄在交班记录上并签名；用 plazadesk verify --seal 封账码 可随时证明账本未被改动。",
                   "Write the seal code in the shift log and sign. plazadesk verify --seal CODE proves at any time that the books still hold this day."),
        ]
        return Slip(kind: .shiftClose, language: l, plaza: config.plazaName, title: l.pick("交班报表", "Shift close"), lines: lines,
                    notes: notes, signature: l.pick("值班主管签名：", "Shift lead's signature: "), qr: seal.description)
    }
}
