import DeskDomain

/// F2: lost and found (manual §5.2.14). The list is what the desk keeps now; a search also
/// finds open lost reports, so a customer asking after a report is found by name or words.
public final class LostFoundPanel: Panel {
    /// At most this many items are listed: more is no help at a counter, and building rows
    /// for a year of items on every key would slow typing.
    public let shownRows: Int

    public init(shownRows: Int = 200) { self.shownRows = max(1, shownRows) }

    /// The footer's counts, kept while the book and the minute stay the same: counting a
    /// year of items on every key typed would slow the search box.
    private var countsCache: (key: CountsKey, counts: (inStorage: Int, valuable: Int, expired: Int))?
    private struct CountsKey: Equatable {
        var head: ChainHash
        var minute: Int64
    }

    /// Every report of the year, newest first, each with its searchable text lower-cased as
    /// UTF-8: made again only when the book moves, so a keystroke is a byte search.
    private var reportsCache: (head: ChainHash, entries: [(report: LostReport, text: [UInt8])])?

    /// The reports of the year whose text holds every word of `query`, newest first.
    func reports(matching query: String, _ desk: Desk) -> [LostReport] {
        let head = desk.lostFound.book.head.hash
        if reportsCache?.head != head {
            reportsCache = (head, desk.lostFound.allReports.map { r in
                (r, Array([r.id, r.category.name(.zhHans), r.category.name(.en), r.description, r.colour, r.lostPlace,
                           r.contact, r.phoneMasked].joined(separator: "\u{1}").lowercased().utf8))
            })
        }
        let words = query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map { Array($0.utf8) }
        guard !words.isEmpty else { return [] }
        return reportsCache!.entries.filter { LostFoundDesk.holdsAll($0.text, words) }.map(\.report)
    }

    func storageCounts(_ desk: Desk, now: Int64) -> (inStorage: Int, valuable: Int, expired: Int) {
        let key = CountsKey(head: desk.lostFound.book.head.hash, minute: now / 60)
        if let countsCache, countsCache.key == key { return countsCache.counts }
        let counts = desk.lostFound.storageCounts(now: now)
        countsCache = (key, counts)
        return counts
    }
    public var functionKey: Int { 2 }
    public var books: [BookName] { [.lostfound] }
    public func title(_ l: Language) -> String { l.pick("失物招领", "Lost and found") }

    public func list(desk: Desk, query: String, language l: Language) -> ListContent {
        let lf = desk.lostFound
        let now = desk.context.now(), config = desk.context.config
        let searching = query.contains { $0 != " " && $0 != "\u{3000}" }
        // Newest registered first, as the search gives them, without sorting a year of items.
        // A search looks through the whole year: claimed and disposed items, closed reports
        // too, each marked (what is kept now is listed without a search).
        let items = lf.search(query: searching ? query : "", limit: shownRows, inStorageOnly: !searching)
        var rows = items.map { item in
            let expired = item.isExpired(now: now, config: config)
            var flags = ""
            if item.valuable { flags += l.pick("贵", "V") }
            if expired { flags += l.pick("超", "E") }
            let features = [item.brand, item.features].filter { !$0.isEmpty }.joined(separator: " ")
            return ListContent.Row(id: item.tag,
                                   cells: [item.tag, Self.quantified(item, l), item.colour, features,
                                           Self.when(item.foundAt, timeKnown: true, desk) + " " + item.foundPlace,
                                           item.status == .inStorage ? item.storage : Self.shortStatus(item.status, l), flags],
                                   flagged: expired)
        }
        if searching {
            for r in reports(matching: query, desk) {
                rows.append(.init(id: r.id, cells: [r.id, r.category.name(l), r.colour, r.description,
                                                    Self.when(r.lostAt, timeKnown: r.lostTimeKnown, desk) + " " + r.lostPlace, r.contact,
                                                    r.status == .open ? l.pick("报失", "LR") : l.pick("结案", "LR x")]))
            }
        }
        let cut = items.count >= shownRows
        let counts = storageCounts(desk, now: now)
        let (stored, valuables, expired) = (counts.inStorage, counts.valuable, counts.expired)
        let reports = lf.openReports.count
        return ListContent(
            headings: [l.pick("编号", "Tag"), l.pick("类别", "Category"), l.pick("颜色", "Colour"), l.pick("特征/品牌", "Features"),
                       l.pick("拾获时间 地点", "Found when/where"), l.pick("存放", "Storage"), l.pick("标记", "Flag")],
            widths: [15, 9, 7, 16, 17, 10, 5], rows: rows,
            empty: searching
                ? l.pick("今年没有这样的失物或报失登记。Esc 清除搜索，按 i 登记拾到的物品。",
                         "Nothing found or reported this year matches. Esc clears the search; press i to take in a found item.")
                : l.pick("现在没有保管中的失物。按 i 登记拾到的物品，按 l 登记顾客报失。",
                         "Nothing is in storage. Press i to take in a found item, l to take a lost report."),
            footer: l.pick("保管中 \(stored) 件（贵=贵重 \(valuables)，超=超过保管期 \(expired)）；报失登记 \(reports) 份（搜索可查）",
                           "\(stored) in storage (V valuable \(valuables), E past retention \(expired)); lost reports open: \(reports)")
                + (cut ? l.pick("；只列出最新 \(shownRows) 件，多输入几个字缩小范围",
                                "; only the newest \(shownRows) are listed, type more to narrow") : ""))
    }

    /// `14:30` today, `03-01` before (leaves room for the place).
    static func when(_ instant: Int64, timeKnown: Bool, _ desk: Desk) -> String {
        let c = desk.context.time.civil(instant)
        if timeKnown && c.dateString == today(desk).dateString { return c.timeString }
        return String(c.dateString.dropFirst(5))
    }

    /// The category, with the quantity when more than one (`钥匙×3`).
    static func quantified(_ item: LostItem, _ l: Language) -> String {
        item.category.name(l) + (item.quantity > 1 ? "×\(item.quantity)" : "")
    }

    static func categoryChoices() -> [FormField.Choice] {
        [.init("", "（请选择）", "(choose one)")]
            + LostItemCategory.allCases.map { .init($0.rawValue, $0.name(.zhHans), $0.name(.en), pinyin: categoryPinyin[$0] ?? "") }
    }

    /// The categories' names in pinyin, for typing them without a Chinese input method.
    static let categoryPinyin: [LostItemCategory: String] = [
        .cash: "xian jin", .phone: "shou ji", .idDocument: "shen fen zheng jian", .bankCard: "yin hang ka", .jewellery: "shou shi",
        .wallet: "qian bao", .bag: "bao", .keys: "yao shi", .clothing: "yi wu", .umbrella: "yu san", .electronics: "dian zi chan pin",
        .documents: "wen jian zi liao", .other: "qi ta",
    ]

    /// Enter on an item in storage starts its claim (the description first, then the
    /// check); on a lost report, closing it.
    public func rowActionKey(for row: String, desk: Desk) -> Character? {
        if row.hasPrefix("LR-") { return desk.lostFound.lostReport(row)?.status == .open ? "e" : "h" }
        guard let item = desk.lostFound.item(row), item.status == .inStorage else { return "h" }
        return item.pendingDescription == nil ? "d" : "c"
    }

    /// An item's status in a list cell: short enough for the storage column.
    static func shortStatus(_ status: LostItem.Status, _ l: Language) -> String {
        switch status {
        case .inStorage: return l.pick("保管中", "kept")
        case .claimed: return l.pick("已认领", "claimed")
        case .disposed: return l.pick("已处置", "disposed")
        }
    }

    /// The history of the selected item or report, oldest first, as the look-up's text.
    static func historyText(_ selected: String?, _ desk: Desk, _ l: Language) -> String {
        let lf = desk.lostFound
        let entries: [HistoryEntry]
        var head = ""
        if let id = selected, id.hasPrefix("LR-"), let r = lf.lostReport(id) {
            entries = lf.history(of: r)
            head = "\(r.id)  \(r.category.name(l))  \(r.colour)  \(r.description)  " + r.status.name(l)
        } else if let tag = selected, let item = lf.item(tag) {
            entries = lf.history(of: item)
            head = "\(item.tag)  \(Self.quantified(item, l))  \(item.colour)  \(item.features)  " + item.status.name(l)
        } else {
            return l.pick("请先在列表中选中一件物品或一份报失登记（/ 搜索全年）。", "Select an item or a lost report in the list first (/ searches the year).")
        }
        return ([head, ""] + entries.map { PanelText.dayTime($0.at, desk) + "  " + $0.by.rawValue + "  " + $0.text(l) })
            .joined(separator: "\n")
    }

    /// The selected row's id when it is an item tag (rows of lost reports are not items).
    static func tag(_ selected: String?) -> String { selected.map { $0.hasPrefix("LF-") ? $0 : "" } ?? "" }
    static func reportID(_ selected: String?) -> String { selected.map { $0.hasPrefix("LR-") ? $0 : "" } ?? "" }

    /// At most three ids, `LR-2026-000001、LR-2026-000002 等 5 份`.
    static func ids(_ ids: [String], _ l: Language) -> String {
        let shown = ids.prefix(3).joined(separator: l.pick("、", ", "))
        return ids.count > 3 ? shown + l.pick(" 等 \(ids.count) 项", " and \(ids.count - 3) more") : shown
    }

    static func today(_ desk: Desk) -> CivilTime { desk.context.time.civil(desk.context.now()) }

    public var actions: [PanelAction] {
        [
            PanelAction(key: "i", "拾物入库", "intake", makeForm: { _, desk in
                let now = Self.today(desk)
                return FormState("登记拾到的物品", "Take in a found item", fields: [
                    // What the clerk must type first; what the form fills in (now, one) and what is optional after.
                    FormField("foundPlace", "拾获地点", "Found where", limit: 60, required: true),
                    FormField("handedInBy", "拾交人", "Handed in by", limit: 40, required: true),
                    FormField("category", "类别（输入 包 / bao / 7）", "Category (type bag / 7)", kind: .choice(Self.categoryChoices()), required: true),
                    FormField("colour", "颜色", "Colour", limit: 20, required: true),
                    FormField("features", "主要特征", "Features", limit: 200, required: true),
                    FormField("quantity", "数量", "Quantity", kind: .digits, value: "1", limit: 3, required: true),
                    FormField("foundDate", "拾获日期", "Found on", kind: .date, value: now.dateString, limit: 10, required: true),
                    FormField("foundTime", "拾获时间 (14:30)", "Found at (14:30)", value: now.timeString, limit: 5, required: true),
                    FormField("brand", "品牌", "Brand", limit: 40),
                    FormField("amount", "现金金额（现金必填）", "Cash amount (for cash)", kind: .money, limit: 12),
                    FormField("storage", "存放位置（贵重物品填保险柜）", "Kept where (valuables: the safe)", limit: 40),
                ], noteZh: "现金、手机、证件、银行卡、首饰为贵重物品，放入保险柜；现金当面与拾交人点清。",
                   noteEn: "Cash, phones, ID documents, bank cards and jewellery are valuables: they go to the safe. Count cash with the finder.")
            }, submit: { form, desk, actor, l in
                let result = try desk.lostFound.intake(.init(
                    foundDate: form["foundDate"], foundTime: form["foundTime"], foundPlace: form["foundPlace"],
                    handedInBy: form["handedInBy"], category: form["category"], quantity: form["quantity"], colour: form["colour"],
                    brand: form["brand"], features: form["features"], amount: form["amount"], storage: form["storage"]), by: actor)
                var message = l.pick("已入库 \(result.item.tag)。", "Took in \(result.item.tag).")
                if !result.matchingReports.isEmpty {
                    let ids = Self.ids(result.matchingReports.map(\.id), l)
                    message += l.pick(" 匹配的失物登记: \(ids)（仅供参考，请联系顾客）",
                                      " Matching lost reports: \(ids) (suggestions only; call the customer)")
                }
                return message
            }),
            PanelAction(key: "l", "顾客报失", "lost report", makeForm: { _, desk in
                FormState("登记顾客报失", "Take a lost report", fields: [
                    FormField("category", "类别（输入 包 / bao / 7）", "Category (type bag / 7)", kind: .choice(Self.categoryChoices()), required: true),
                    FormField("description", "物品及特征", "What it is, features", limit: 200, required: true),
                    FormField("contact", "联系人", "Contact name", limit: 40, required: true),
                    FormField("phone", "电话", "Phone", kind: .phone, limit: 16, required: true),
                    FormField("colour", "颜色", "Colour", limit: 20),
                    FormField("lostDate", "丢失日期", "Lost on", kind: .date, value: Self.today(desk).dateString, limit: 10,
                              required: true),
                    FormField("lostTime", "大约时间 (14:30)", "About when (14:30)", limit: 5),
                    FormField("lostPlace", "可能丢失地点", "Lost where", limit: 60),
                ], noteZh: "请顾客说出物品的数量、颜色和主要特征；找到后电话通知顾客。",
                   noteEn: "Ask for the quantity, colour and main features; the customer is phoned when it turns up.")
            }, submit: { form, desk, actor, l in
                let result = try desk.lostFound.report(.init(
                    category: form["category"], description: form["description"], colour: form["colour"],
                    lostDate: form["lostDate"], lostTime: form["lostTime"], lostPlace: form["lostPlace"],
                    contact: form["contact"], phone: form["phone"]), by: actor)
                var message = l.pick("已登记报失 \(result.report.id)。", "Took lost report \(result.report.id).")
                if !result.matchingItems.isEmpty {
                    let tags = Self.ids(result.matchingItems.map(\.tag), l)
                    message += l.pick(" 可能是保管中的: \(tags)（先请顾客描述，再出示）",
                                      " May be in storage: \(tags) (have the customer describe it before showing it)")
                }
                return message
            }),
            PanelAction(key: "d", "认领描述", "describe", makeForm: { selected, _ in
                FormState("认领：先请认领人描述物品", "Claim: the claimant describes the item first", fields: [
                    FormField("tag", "失物编号", "Tag", value: Self.tag(selected), limit: 20, required: true),
                    FormField("claimant", "认领人", "Claimant", limit: 40),
                    FormField("quantity", "数量", "Quantity", kind: .digits, limit: 3, required: true),
                    FormField("colour", "颜色", "Colour", limit: 20, required: true),
                    FormField("features", "主要特征", "Features", limit: 200, required: true),
                ], noteZh: "先不要出示物品：请认领人自己说出数量、颜色和主要特征，照实记下，登记后再出示核对（按 c）。",
                   noteEn: "Do not show the item yet: write down the claimant's own words for quantity, colour and features; then show it and judge (press c).")
            }, submit: { form, desk, actor, l in
                let d = try desk.lostFound.describeClaim(.init(
                    tag: form["tag"], claimant: form["claimant"], quantity: form["quantity"], colour: form["colour"],
                    features: form["features"]), by: actor)
                let tag = desk.lostFound.item(form["tag"])?.tag ?? form["tag"]
                let who = d.claimant.isEmpty ? "" : l.pick("（\(d.claimant)）", " (\(d.claimant))")
                return l.pick("已记下 \(tag) 的认领描述\(who)。现在出示物品核对，按 c 完成认领。",
                              "Recorded the description of \(tag)\(who). Now show the item and judge: press c.")
            }),
            PanelAction(key: "c", "认领核对", "claim", makeForm: { selected, desk in
                let tag = Self.tag(selected)
                let item = desk.lostFound.item(tag)
                var noteZh = "描述一致才交还：核验证件，请认领人在失物认领台账上签字。"
                var noteEn = "Hand over only when the description matched: check the ID, have the claimant sign the claim ledger."
                if let item, let d = item.pendingDescription {
                    noteZh = "认领人描述：\(d.quantity) 件，\(d.colour)，\(d.features)。物品：\(item.quantity) 件，\(item.colour)，"
                        + "\([item.brand, item.features].filter { !$0.isEmpty }.joined(separator: " "))。" + noteZh
                    noteEn = "Claimant said: \(d.quantity), \(d.colour), \(d.features). Item: \(item.quantity), \(item.colour), "
                        + "\([item.brand, item.features].filter { !$0.isEmpty }.joined(separator: " ")). " + noteEn
                } else if item != nil {
                    noteZh = "此物品还没有认领描述：请先按 d 记下认领人的描述。"
                    noteEn = "No description recorded for this item yet: press d first."
                }
                return FormState("认领：核对并交还", "Claim: judge and hand over", fields: [
                    FormField("tag", "失物编号", "Tag", value: tag, limit: 20, required: true),
                    FormField("matched", "描述是否一致", "Description matched", kind: .choice([
                        .init("yes", "一致，交还", "yes, hand over"), .init("no", "不一致，继续保管", "no, keep it"),
                    ]), required: true),
                    FormField("note", "备注", "Note", limit: 200),
                    FormField("claimant", "认领人姓名", "Claimant", value: item?.pendingDescription?.claimant ?? "", limit: 40),
                    FormField("claimantID", "身份证号", "Resident ID", kind: .idNumber, limit: 18),
                    FormField("phone", "电话", "Phone", kind: .phone, limit: 16),
                    FormField("signatureConfirmed", "已在认领台账签字", "Signed the claim ledger", kind: .toggle),
                    FormField("reportID", "报失登记号（如有）", "Lost report id (if any)", limit: 20),
                ], noteZh: noteZh, noteEn: noteEn)
            }, submit: { form, desk, actor, l in
                let matched = form["matched"] == "yes"
                let item = try desk.lostFound.completeClaim(.init(
                    tag: form["tag"], matched: matched, note: form["note"], claimant: form["claimant"],
                    claimantID: form["claimantID"], phone: form["phone"], signatureConfirmed: form.isChecked("signatureConfirmed"),
                    reportID: form["reportID"]), by: actor)
                guard matched, let claim = item.claim else {
                    return l.pick("描述不一致，已记录；\(item.tag) 继续保管。", "Did not match; recorded. \(item.tag) stays in storage.")
                }
                let report = claim.reportID.map { l.pick("，报失 \($0) 已结案", "; lost report \($0) closed") } ?? ""
                return l.pick("\(item.tag) 已交还 \(claim.claimant)（\(claim.idMasked)）\(report)。",
                              "\(item.tag) handed over to \(claim.claimant) (\(claim.idMasked))\(report).")
            }),
            PanelAction(key: "e", "报失结案", "close report", makeForm: { selected, _ in
                FormState("报失结案", "Close a lost report", fields: [
                    FormField("report", "报失登记号", "Lost report id", value: Self.reportID(selected), limit: 20, required: true),
                    FormField("outcome", "结果", "Outcome", kind: .choice([
                        .init("found", "已找到", "found"), .init("withdrawn", "顾客撤销", "withdrawn"),
                    ]), required: true),
                    FormField("tag", "失物编号（在本台找到时）", "Item tag (if found here)", value: Self.tag(selected), limit: 20),
                    FormField("note", "备注", "Note", limit: 200),
                ], noteZh: "报失登记可用搜索（顾客姓名、电话、物品）找到，选中后按 e。",
                   noteEn: "Search (name, phone, item) finds open lost reports; select one and press e.")
            }, submit: { form, desk, actor, l in
                let outcome: LostFoundDesk.ReportOutcome = form["outcome"] == "withdrawn" ? .withdrawn : .found
                let report = try desk.lostFound.closeReport(.init(report: form["report"], outcome: outcome, tag: form["tag"],
                                                                  note: form["note"]), by: actor)
                return l.pick("报失 \(report.id) 已结案：\(report.status.name(l))。", "Lost report \(report.id) closed: \(report.status.name(l)).")
            }),
            PanelAction(key: "x", "处置", "dispose", leadOnly: true, makeForm: { selected, desk in
                // The selected item, or else the first one past its retention.
                let tag = Self.tag(selected).isEmpty ? (desk.lostFound.expiredItems.first?.tag ?? "") : Self.tag(selected)
                return FormState("处置无人认领的失物", "Dispose of an unclaimed item", fields: [
                    FormField("tag", "失物编号", "Tag", value: tag, limit: 20, required: true),
                    FormField("method", "处置方式", "How", kind: .choice(DisposalMethod.allCases.map {
                        .init($0.rawValue, $0.name(.zhHans), $0.name(.en))
                    }), required: true),
                    FormField("note", "说明/接收单位及经办人", "Reason / received by whom", limit: 200, required: true),
                ], noteZh: "超过保管期无人认领的失物由值班主管批准处置；证件交公安机关，银行卡退回发卡行。",
                   noteEn: "Unclaimed items past retention leave on a shift lead's authority; ID documents go to the police, bank cards to the issuer.")
            }, submit: { form, desk, actor, l in
                let method = DisposalMethod(rawValue: form["method"]) ?? .police
                let item = try desk.lostFound.dispose(.init(tag: form["tag"], method: method, note: form["note"]), by: actor)
                return l.pick("\(item.tag) 已处置：\(method.name(l))。", "\(item.tag) disposed of: \(method.name(l)).")
            }),
            PanelAction(key: "h", "记录", "history", writes: false, makeForm: { selected, desk in
                FormState("来龙去脉（Enter 或 Esc 关闭）", "History (Enter or Esc closes)", fields: [],
                          noteZh: Self.historyText(selected, desk, .zhHans), noteEn: Self.historyText(selected, desk, .en))
            }, submit: { _, _, _, l in
                l.pick("记录已关闭。", "History closed.")
            }),
        ]
    }
}
