/// Refusals of the lost-and-found desk, each naming the form field to fix.
public enum LostFoundError: DeskFailure, Equatable {
    /// Not one of the categories.
    case unknownCategory(field: String, text: String)
    /// A time of day that is not HH:MM.
    case badTime(field: String, text: String)
    /// A date and time still to come.
    case inFuture(field: String)
    /// A date more than a year ago (a typing mistake, most likely).
    case tooLongAgo(field: String)
    /// A valuable with no storage place: it must go to the safe.
    case valuableNeedsSafe(category: LostItemCategory)
    /// Cash handed in without its amount.
    case cashNeedsAmount
    /// No item with this tag (or not a tag at all).
    case unknownTag(field: String, text: String)
    /// The item was already claimed or disposed of.
    case notInStorage(field: String, tag: String, status: LostItem.Status)
    /// Completing a claim before the claimant described the item.
    case claimNotDescribed(tag: String)
    /// The claimant has not signed the claim ledger.
    case signatureMissing
    /// No lost report with this id (or not an id at all).
    case unknownReport(field: String, text: String)
    /// The report is already closed.
    case reportNotOpen(field: String, id: String, status: LostReport.Status)

    public var field: String? {
        switch self {
        case .unknownCategory(let f, _), .badTime(let f, _), .inFuture(let f), .tooLongAgo(let f), .unknownTag(let f, _),
             .notInStorage(let f, _, _), .unknownReport(let f, _), .reportNotOpen(let f, _, _):
            return f
        case .valuableNeedsSafe: return "storage"
        case .cashNeedsAmount: return "amount"
        case .claimNotDescribed: return "tag"
        case .signatureMissing: return "signatureConfirmed"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .unknownCategory(_, text):
            let names = LostItemCategory.allCases.map { $0.name(l) }.joined(separator: l.pick("、", ", "))
            return l.pick("没有“\(text)”这个类别，请选：\(names)。", "There is no category \"\(text)\"; choose one of: \(names).")
        case let .badTime(_, text):
            return l.pick("“\(text)”不是时间，请按 14:30 的格式输入。", "\"\(text)\" is not a time; type it like 14:30.")
        case .inFuture:
            return l.pick("这个日期时间还没到，请核对。", "That date and time has not come yet; check it.")
        case .tooLongAgo:
            return l.pick("日期早于一年前，请核对年份。", "That date is more than a year ago; check the year.")
        case let .valuableNeedsSafe(category):
            return l.pick("\(category.name(l))是贵重物品，须放入保险柜：请填写保险柜及格位。",
                          "A \(category.name(l)) is a valuable and goes to the safe: enter the safe and its shelf.")
        case .cashNeedsAmount:
            return l.pick("拾到现金请当面点清，填写金额。", "Count the cash with the finder and enter the amount.")
        case let .unknownTag(_, text):
            return l.pick("没有编号为“\(text)”的失物，编号形如 LF-2026-000012。", "There is no item \"\(text)\"; a tag looks like LF-2026-000012.")
        case let .notInStorage(_, tag, status):
            return l.pick("\(tag) 已不在保管中（\(status.name(l))），不能再认领或处置。",
                          "\(tag) is no longer in storage (\(status.name(l))); it cannot be claimed or disposed of again.")
        case let .claimNotDescribed(tag):
            return l.pick("请先请认领人说出 \(tag) 的数量、颜色和主要特征并登记，再出示物品。",
                          "First record the claimant's own description of \(tag) (quantity, colour, features), then show the item.")
        case .signatureMissing:
            return l.pick("请认领人在失物认领台账上签字，并勾选确认。", "Have the claimant sign the claim ledger, then tick the box.")
        case let .unknownReport(_, text):
            return l.pick("没有编号为“\(text)”的失物登记，编号形如 LR-2026-000003。", "There is no lost report \"\(text)\"; an id looks like LR-2026-000003.")
        case let .reportNotOpen(_, id, status):
            return l.pick("失物登记 \(id) 已关闭（\(status.name(l))）。", "Lost report \(id) is already closed (\(status.name(l))).")
        }
    }
}
