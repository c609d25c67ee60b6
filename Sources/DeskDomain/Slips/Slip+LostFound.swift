/// Slips of the lost-and-found desk: the hand-over the claimant signs, and the customer's
/// copy of a lost report with the reference to quote.
extension Slip {
    /// The claim slip (manual §5.2.14): what was handed over, to whom, against which ID,
    /// with a line for the claimant's signature. Nil while the item has not been claimed.
    public static func claimHandOver(_ item: LostItem, _ config: DeskConfig, _ l: Language) -> Slip? {
        guard let claim = item.claim else { return nil }
        var lines: [SlipLine] = [
            .field(l.pick("失物编号", "Item"), item.tag),
            .field(l.pick("类别", "Category"), item.category.name(l) + (item.valuable ? l.pick("（贵重）", " (valuable)") : "")),
            .field(l.pick("数量", "Quantity"), String(item.quantity)),
        ]
        if !item.colour.isEmpty { lines.append(.field(l.pick("颜色", "Colour"), item.colour)) }
        if !item.brand.isEmpty { lines.append(.field(l.pick("品牌", "Brand"), item.brand)) }
        if !item.features.isEmpty { lines.append(.field(l.pick("特征", "Features"), item.features)) }
        if let amount = item.amount { lines.append(.amount(l.pick("现金金额", "Cash"), amount)) }
        lines += [
            .field(l.pick("拾获地点", "Found at"), item.foundPlace),
            .field(l.pick("拾获时间", "Found"), stamp(item.foundAt, config)),
            .heading(l.pick("认领", "Claim")),
            .field(l.pick("认领人", "Claimant"), claim.claimant),
        ]
        if !claim.idMasked.isEmpty { lines.append(.field(l.pick("证件号码", "ID number"), claim.idMasked)) }
        if !claim.phoneMasked.isEmpty { lines.append(.field(l.pick("电话", "Phone"), claim.phoneMasked)) }
        if let report = claim.reportID { lines.append(.field(l.pick("挂失编号", "Lost report"), report)) }
        if !claim.note.isEmpty { lines.append(.field(l.pick("备注", "Note"), claim.note)) }
        lines += [
            .field(l.pick("认领时间", "Handed over"), stamp(claim.claimedAt, config)),
            .field(l.pick("经办", "Clerk"), claim.releasedBy.rawValue),
        ]
        let notes = [
            l.pick("以上物品已当面核对并交还认领人。", "The item above was checked with the claimant and handed over in person."),
        ]
        return Slip(kind: .claimHandOver, language: l, plaza: config.plazaName, title: l.pick("失物认领单", "Lost property hand-over"),
                    lines: lines, notes: notes, signature: l.pick("认领人签名：", "Claimant's signature: "))
    }

    /// The customer's copy of a lost report: the reference to quote, what was reported,
    /// and that the desk will phone when it turns up.
    public static func lostReport(_ report: LostReport, _ config: DeskConfig, _ l: Language) -> Slip {
        var lines: [SlipLine] = [
            .reference(l.pick("挂失编号（查询时请出示）", "Your reference (quote it when you ask)"), report.id),
            .field(l.pick("类别", "Category"), report.category.name(l)),
            .field(l.pick("物品描述", "Description"), report.description),
        ]
        if !report.colour.isEmpty { lines.append(.field(l.pick("颜色", "Colour"), report.colour)) }
        let lost = config.time.civil(report.lostAt)
        lines += [
            .field(l.pick("遗失时间", "Lost"), report.lostTimeKnown ? stamp(report.lostAt, config) : lost.dateString),
            .field(l.pick("遗失地点", "Lost at"), report.lostPlace),
        ]
        lines += person(report.contact, report.phoneMasked, l, label: l.pick("联系人", "Contact"))
        lines += [
            .field(l.pick("登记时间", "Reported"), stamp(report.reportedAt, config)),
            .field(l.pick("经办", "Clerk"), report.reportedBy.rawValue),
        ]
        let notes = [
            l.pick("物品找到后我们会电话通知您。查询请报挂失编号。", "We will phone you when it is found. Quote your reference when you ask."),
        ]
        return Slip(kind: .lostReport, language: l, plaza: config.plazaName, title: l.pick("失物登记回执", "Lost item report"),
                    lines: lines, notes: notes)
    }
}
