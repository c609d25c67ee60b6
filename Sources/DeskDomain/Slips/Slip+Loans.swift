/// Slips of the umbrella and stroller desks: the loan, and the umbrella's return with the
/// refund and any charge.
extension Slip {
    /// The deposit slip the customer keeps with the deposit card (manual §5.2.8).
    public static func umbrellaLoan(_ loan: UmbrellaLoan, _ config: DeskConfig, _ l: Language) -> Slip {
        var lines: [SlipLine] = [
            .field(l.pick("雨伞编号", "Umbrella"), loan.unit),
            .field(l.pick("押金卡号", "Deposit card"), loan.depositCard),
            .amount(l.pick("押金（已收）", "Deposit taken"), loan.deposit),
        ]
        lines += person(loan.customer, loan.phoneMasked, l)
        lines += [
            .field(l.pick("借出时间", "Lent"), stamp(loan.lentAt, config)),
            .field(l.pick("经办", "Clerk"), loan.lentBy.rawValue),
            .field(l.pick("记录", "Record"), record(.umbrella, loan.lentYear, loan.lentSeq)),
        ]
        let notes = [
            l.pick("归还时请交回雨伞和押金卡，押金全额退还。雨伞损坏按 \(config.umbrellaDamagePrice) 赔偿，丢失按 \(config.umbrellaLostPrice) 赔偿。",
                   "Bring back the umbrella and the deposit card for the whole deposit. A damaged umbrella is charged \(config.umbrellaDamagePrice), a lost one \(config.umbrellaLostPrice)."),
        ]
        return Slip(kind: .umbrellaLoan, language: l, plaza: config.plazaName, title: l.pick("爱心雨伞借用凭证", "Umbrella loan"),
                    lines: lines, notes: notes)
    }

    /// The return slip: the deposit, any charge for damage or loss, the refund handed back
    /// and what was paid on top. Nil while the loan has not ended.
    public static func umbrellaReturn(_ loan: UmbrellaLoan, _ config: DeskConfig, _ l: Language) -> Slip? {
        guard let ending = loan.ending, let endedAt = loan.endedAt else { return nil }
        let condition: String
        if loan.lost {
            condition = l.pick("丢失", "lost")
        } else if loan.damaged {
            condition = l.pick("损坏", "damaged")
        } else if ending == .forfeited {
            condition = l.pick("未归还", "not returned")
        } else {
            condition = l.pick("完好", "good")
        }
        var lines: [SlipLine] = [
            .field(l.pick("雨伞编号", "Umbrella"), loan.unit),
            .field(l.pick("押金卡号", "Deposit card"), loan.depositCard),
        ]
        lines += person(loan.customer, loan.phoneMasked, l)
        lines += [
            .field(l.pick("借出时间", "Lent"), stamp(loan.lentAt, config)),
            .field(ending == .forfeited ? l.pick("结清时间", "Settled") : l.pick("归还时间", "Returned"), stamp(endedAt, config)),
            .field(l.pick("办理", "Ending"), ending.name(l)),
            .field(l.pick("雨伞状况", "Condition"), condition),
            .rule,
            .amount(l.pick("押金", "Deposit"), loan.deposit),
        ]
        if loan.charge.fen > 0 {
            let what = ending == .forfeited ? l.pick("没收押金", "Deposit kept") : loan.lost ? l.pick("丢失赔偿", "Charge for loss") : l.pick("损坏赔偿", "Charge for damage")
            lines.append(.amount(what, loan.charge))
        }
        lines.append(.amount(l.pick("退还押金", "Deposit refunded"), loan.refund))
        if loan.paidOnTop.fen > 0 { lines.append(.amount(l.pick("另收赔偿", "Paid on top"), loan.paidOnTop)) }
        lines += [
            .rule,
            .field(l.pick("经办", "Clerk"), (loan.endedBy ?? loan.lentBy).rawValue),
            .field(l.pick("借用记录", "Loan record"), record(.umbrella, loan.lentYear, loan.lentSeq)),
        ]
        let notes = ending == .releasedWithoutCard
            ? [l.pick("押金卡未交回，押金经值班主管批准退还；原押金卡作废。", "The deposit card was not handed back; a shift lead released the deposit and the card is void.")]
            : []
        return Slip(kind: .umbrellaReturn, language: l, plaza: config.plazaName, title: l.pick("爱心雨伞归还凭证", "Umbrella return"),
                    lines: lines, notes: notes)
    }

    /// The stroller slip: free, for use inside the plaza only, back at the desk before the
    /// customer leaves (manual §5.2.9).
    public static func strollerLoan(_ loan: StrollerLoan, _ config: DeskConfig, _ l: Language) -> Slip {
        var lines: [SlipLine] = [
            .field(l.pick("童车编号", "Stroller"), loan.unit),
            .field(l.pick("费用", "Charge"), l.pick("免费", "free")),
        ]
        lines += person(loan.customer, loan.phoneMasked, l)
        lines += [
            .field(l.pick("借出时间", "Lent"), stamp(loan.lentAt, config)),
            .field(l.pick("经办", "Clerk"), loan.lentBy.rawValue),
            .field(l.pick("记录", "Record"), record(.stroller, loan.lentYear, loan.lentSeq)),
        ]
        let notes = [
            l.pick("童车仅限商场内使用，离开商场前请到服务台归还。", "For use inside the plaza only: please return the stroller to the desk before you leave."),
        ]
        return Slip(kind: .strollerLoan, language: l, plaza: config.plazaName, title: l.pick("爱心童车借用凭证", "Stroller loan"),
                    lines: lines, notes: notes)
    }

    // MARK: - Shared pieces

    /// The customer's name and masked phone, each when known.
    static func person(_ name: String, _ phoneMasked: String, _ l: Language, label: String? = nil) -> [SlipLine] {
        var out: [SlipLine] = []
        if !name.isEmpty { out.append(.field(label ?? l.pick("借用人", "Customer"), name)) }
        if !phoneMasked.isEmpty { out.append(.field(l.pick("电话", "Phone"), phoneMasked)) }
        return out
    }

    /// `2026-03-01 10:15`, in the plaza's time.
    static func stamp(_ instant: Int64, _ config: DeskConfig) -> String {
        let c = config.time.civil(instant)
        return c.dateString + " " + c.timeString
    }

    /// The ledger line a slip was made from, `umbrella 2026 #12`: what a reprint looks up.
    static func record(_ book: BookName, _ year: Int, _ seq: Int64) -> String {
        "\(book.rawValue) \(year) #\(seq)"
    }
}
