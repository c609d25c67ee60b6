/// Slips of the points-card desk: a new card, and a card reissued after a loss.
extension Slip {
    /// Handed out with a new card, the user guide, the shopping receipt and the ID.
    /// `points` is what the enrolment receipt earned: the card's balance right after
    /// enrolment (the default), ``PointsDesk/pointsAtIssue(_:)`` for a reprint.
    public static func pointsEnrolment(_ card: PointsCard, _ config: DeskConfig, _ l: Language, points: Int64? = nil) -> Slip {
        var lines: [SlipLine] = [.reference(l.pick("积分卡号", "Card number"), card.number)]
        lines += holder(card, l)
        lines += [
            .field(l.pick("积分", "Points"), Self.points(points ?? card.balance, l)),
            .field(l.pick("办卡时间", "Enrolled"), stamp(card.issuedAt, config)),
            .field(l.pick("经办", "Clerk"), card.issuedBy.rawValue),
            .field(l.pick("记录", "Record"), record(.points, card.issuedYear, card.issuedSeq)),
        ]
        let notes = [
            l.pick("请妥善保管积分卡。卡片遗失请带身份证件到服务台挂失补办，积分转入新卡。",
                   "Keep your card safe. If it is lost, bring your ID to the desk to block it and get a new card; your points move to the new card."),
        ]
        return Slip(kind: .pointsEnrolment, language: l, plaza: config.plazaName, title: l.pick("积分卡办卡回执", "Points card enrolment"),
                    lines: lines, notes: notes)
    }

    /// Handed out with a reissued card: the new number, the blocked old one, the points
    /// carried over (the balance right after the reissue by default, ``PointsDesk/pointsAtIssue(_:)``
    /// for a reprint). Nil for a card that replaced none.
    public static func pointsReissue(_ card: PointsCard, _ config: DeskConfig, _ l: Language, points: Int64? = nil) -> Slip? {
        guard let old = card.replaces else { return nil }
        var lines: [SlipLine] = [
            .reference(l.pick("新积分卡号", "New card number"), card.number),
            .field(l.pick("原卡号（已停用）", "Old card (blocked)"), old),
        ]
        lines += holder(card, l)
        lines += [
            .field(l.pick("转入积分", "Points carried over"), Self.points(points ?? card.balance, l)),
            .field(l.pick("补办时间", "Reissued"), stamp(card.issuedAt, config)),
            .field(l.pick("经办", "Clerk"), card.issuedBy.rawValue),
            .field(l.pick("记录", "Record"), record(.points, card.issuedYear, card.issuedSeq)),
        ]
        let notes = [l.pick("原卡已停用，不能再积分或兑换。", "The old card is blocked: it can no longer earn or redeem points.")]
        return Slip(kind: .pointsReissue, language: l, plaza: config.plazaName, title: l.pick("积分卡补办回执", "Points card reissue"),
                    lines: lines, notes: notes)
    }

    static func holder(_ card: PointsCard, _ l: Language) -> [SlipLine] {
        var out: [SlipLine] = [.field(l.pick("持卡人", "Holder"), card.holderName)]
        if !card.phoneMasked.isEmpty { out.append(.field(l.pick("电话", "Phone"), card.phoneMasked)) }
        if !card.idMasked.isEmpty { out.append(.field(l.pick("证件号码", "ID number"), card.idMasked)) }
        if !card.formNumber.isEmpty { out.append(.field(l.pick("申请表号", "Application form"), card.formNumber)) }
        return out
    }

    static func points(_ n: Int64, _ l: Language) -> String { l.pick("\(n) 分", "\(n) points") }
}
