/// Refusals of the points-card desk, each naming the form field at fault and saying what
/// to do, in Chinese and English.
public enum PointsError: DeskFailure, Equatable {
    /// Not a card number of the plaza's format (`PC` and 6 to 12 digits).
    case badCardNumber(field: String, text: String)
    /// A card with this number was issued already (numbers are never reused).
    case cardNumberTaken(field: String, number: String)
    case unknownCard(field: String, number: String)
    /// The card is reported lost or replaced: it may not earn, redeem or be adjusted.
    case cardBlocked(field: String, number: String, status: PointsCard.Status, replacedBy: String?)
    /// The person already has a card: one card per ID; a lost or damaged card is reissued.
    case alreadyHasCard(number: String, status: PointsCard.Status)
    /// No card is registered to this ID number.
    case noCardForID
    /// The ID number is not the card holder's.
    case notHolder(number: String)
    case alreadyReportedLost(number: String)
    /// The clerk has not confirmed that the paper application form is filed.
    case formNotKept
    case formNumberUsed(formNumber: String, card: String)
    case receiptBelowMinimum(minimum: Money)
    /// The amount is less than one yuan: it earns no points.
    case receiptEarnsNothing
    case receiptInFuture(date: String)
    case receiptTooOld(date: String, days: Int)
    /// The receipt has already earned points, on this card or another.
    case receiptAlreadyUsed(card: String)
    case notEnoughPoints(balance: Int64, requested: Int64)
    case adjustmentBelowZero(balance: Int64)
    case zeroAdjustment

    public var field: String? {
        switch self {
        case .badCardNumber(let f, _), .cardNumberTaken(let f, _), .unknownCard(let f, _), .cardBlocked(let f, _, _, _): return f
        case .alreadyHasCard, .noCardForID, .notHolder: return "idNumber"
        case .alreadyReportedLost: return "cardNumber"
        case .formNotKept: return "formKept"
        case .formNumberUsed: return "formNumber"
        case .receiptBelowMinimum, .receiptEarnsNothing: return "amount"
        case .receiptInFuture, .receiptTooOld: return "receiptDate"
        case .receiptAlreadyUsed: return "receiptNumber"
        case .notEnoughPoints, .adjustmentBelowZero, .zeroAdjustment: return "points"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .badCardNumber(_, text):
            return l.pick("“\(text)”不是积分卡号：卡号是 PC 加 6 到 12 位数字，请照卡面输入。",
                          "\"\(text)\" is not a points card number: PC followed by 6 to 12 digits, as printed on the card.")
        case let .cardNumberTaken(_, number):
            return l.pick("卡号 \(number) 已经发过卡，不能再用，请换一张新卡。",
                          "Card number \(number) was issued before and cannot be used again; take another blank card.")
        case let .unknownCard(_, number):
            return l.pick("没有卡号为 \(number) 的积分卡，请核对卡号。", "There is no points card \(number); check the number.")
        case let .cardBlocked(_, number, status, replacedBy):
            if let replacedBy {
                return l.pick("积分卡 \(number) 已补办换卡，新卡号 \(replacedBy)，请用新卡办理。",
                              "Card \(number) was replaced by card \(replacedBy); use the new card.")
            }
            return l.pick("积分卡 \(number) \(status.name(l))，不能积分或兑换；请持身份证件办理补办。",
                          "Card \(number) is \(status.name(l)) and cannot earn or redeem points; reissue it with the holder's ID.")
        case let .alreadyHasCard(number, status):
            return l.pick("此证件已办过积分卡 \(number)（\(status.name(l))），每人只能有一张卡；卡丢失或损坏请办理补办。",
                          "This ID already holds card \(number) (\(status.name(l))); one card per person. For a lost or damaged card, reissue it.")
        case .noCardForID:
            return l.pick("此证件没有办过积分卡，请核对证件号码或卡号。", "No points card is registered to this ID; check the ID number or the card number.")
        case let .notHolder(number):
            return l.pick("证件与积分卡 \(number) 的持卡人不符，须持卡人本人证件办理。",
                          "This ID is not the holder's of card \(number); the holder's own ID is needed.")
        case let .alreadyReportedLost(number):
            return l.pick("积分卡 \(number) 已经挂失，如需新卡请办理补办。", "Card \(number) is already reported lost; reissue it for a new card.")
        case .formNotKept:
            return l.pick("请先将顾客填好的申请表归档保存，再勾选确认（申请表不得遗失）。",
                          "File the customer's completed application form first, then tick the box (forms must never be lost).")
        case let .formNumberUsed(formNumber, card):
            return l.pick("申请表编号 \(formNumber) 已用于积分卡 \(card)，请核对表上的编号。",
                          "Application form \(formNumber) was already used for card \(card); check the number on the form.")
        case let .receiptBelowMinimum(minimum):
            return l.pick("办卡须单张购物小票满 \(minimum)。", "Enrolment needs a single receipt of at least \(minimum).")
        case .receiptEarnsNothing:
            return l.pick("金额不足 1 元，不产生积分。", "Less than one yuan earns no points.")
        case let .receiptInFuture(date):
            return l.pick("小票日期 \(date) 还没到，请核对小票。", "The receipt date \(date) is in the future; check the receipt.")
        case let .receiptTooOld(date, days):
            return l.pick("小票日期 \(date) 已超过 \(days) 天，不能补录积分。",
                          "The receipt of \(date) is more than \(days) days old; its points can no longer be added.")
        case let .receiptAlreadyUsed(card):
            return l.pick("这张小票已经积过分（积分卡 \(card)），同一张小票只能积分一次。",
                          "This receipt already earned points (card \(card)); a receipt earns points only once.")
        case let .notEnoughPoints(balance, requested):
            return l.pick("积分不足：余额 \(balance) 分，要兑换 \(requested) 分。",
                          "Not enough points: the balance is \(balance), \(requested) were asked for.")
        case let .adjustmentBelowZero(balance):
            return l.pick("调整后积分会低于零（现余额 \(balance) 分）。", "The adjustment would take the balance (\(balance)) below zero.")
        case .zeroAdjustment:
            return l.pick("调整积分不能为 0；加分填正数，减分填负数。", "The adjustment cannot be 0: positive to add, negative to take off.")
        }
    }
}
