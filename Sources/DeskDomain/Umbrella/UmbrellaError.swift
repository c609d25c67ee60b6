/// Refusals of the umbrella desk about deposit cards and deposits (unit refusals are
/// ``FleetError``s, shared with strollers).
public enum UmbrellaError: DeskFailure, Equatable {
    /// A return was typed without the deposit card's number.
    case cardMissing
    /// What was typed is not a deposit card number (D001 … D999).
    case unknownCard(text: String)
    /// The card is already out with another umbrella.
    case cardOut(card: String, unit: String)
    /// The card handed back is not the one lent with this umbrella.
    /// (The right card is not named: whoever holds a wrong card is not told the right one.)
    case wrongCard(unit: String, typed: String)
    /// A typed deposit of zero.
    case depositNotPositive
    /// A deposit other than the configured one, typed by a clerk without a lead's approval.
    case depositNeedsApproval(configured: Money)
    /// A deposit other than the configured one, approved, but without a reason.
    case depositNeedsReason(configured: Money)
    /// A reason for another deposit, but the deposit is the configured one.
    case reasonWithoutOtherDeposit(configured: Money)

    /// Another deposit is the lead's to allow: approved in place, it is taken.
    public var needsLead: Bool {
        if case .depositNeedsApproval = self { return true }
        return false
    }

    public var field: String? {
        switch self {
        case .cardMissing, .unknownCard, .cardOut, .wrongCard: return "depositCard"
        case .depositNotPositive, .depositNeedsApproval: return "deposit"
        case .depositNeedsReason, .reasonWithoutOtherDeposit: return "depositReason"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case .cardMissing:
            return l.pick("请收回押金卡并输入卡号。顾客遗失押金卡的，请值班主管办理无卡退押金。",
                          "Take back the deposit card and type its number. If the customer lost the card, ask the shift lead to release the deposit.")
        case let .unknownCard(text):
            return l.pick("“\(text)”不是押金卡号，请输入 D001 到 D999（可只输数字，如 12）。",
                          "\"\(text)\" is not a deposit card number; type D001 to D999 (digits alone are fine, e.g. 12).")
        case let .cardOut(card, unit):
            return l.pick("押金卡 \(card) 已随 \(unit) 借出，请换一张押金卡。",
                          "Deposit card \(card) is already out with \(unit); hand over another card.")
        case let .wrongCard(unit, typed):
            return l.pick("押金卡 \(typed) 与 \(unit) 的借用记录不符。请核对雨伞和押金卡。",
                          "Deposit card \(typed) does not match the loan of \(unit). Check the umbrella and the card.")
        case let .depositNeedsApproval(configured), let .depositNeedsReason(configured):
            return l.pick("押金与规定的 \(configured) 不同，需要值班主管批准并写明原因。",
                          "A deposit other than \(configured) needs a shift lead's approval and a reason.")
        case let .reasonWithoutOtherDeposit(configured):
            return l.pick("押金是规定的 \(configured)，不用写原因；要改押金，请在“押金”一栏输入金额。",
                          "The deposit is the usual \(configured): no reason is needed; to take another, type its amount in Deposit.")
        case .depositNotPositive:
            return l.pick("押金必须大于 0；不改金额请留空，按默认押金收取。",
                          "The deposit must be more than 0; leave it empty to take the usual deposit.")
        }
    }
}
