/// Refusals of the shift desk (roles and field shapes are ``CommonError``s).
public enum ShiftError: DeskFailure, Equatable {
    /// A shift is open already: close it before opening another.
    case alreadyOpen(shift: String, openedAt: String)
    /// Nothing to record against or close: no shift is open.
    case noOpenShift
    /// An action that moves cash (a deposit, a fee, paid in or out) with no shift open: the
    /// next close would not count it.
    case noShiftForCash
    /// The counted cash differs from the expected and the note says nothing about it.
    case differenceNeedsNote(counted: Money, expected: Money)
    /// Paid in or out needs an amount above zero.
    case amountNotPositive
    /// Counted cash was typed and so were notes and coins, and they disagree.
    case countedDiffersFromNotes(typed: Money, notes: Money)
    /// Neither the counted cash nor any notes and coins were typed.
    case nothingCounted
    /// What was typed is not a shift id (`S-20260301-1`).
    case badShiftID(text: String)
    /// No shift with this id is on record.
    case unknownShift(String)

    public var field: String? {
        switch self {
        case .alreadyOpen, .noOpenShift, .noShiftForCash, .unknownShift: return nil
        case .differenceNeedsNote: return "note"
        case .amountNotPositive: return "amount"
        case .countedDiffersFromNotes, .nothingCounted: return "counted"
        case .badShiftID: return "shift"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case let .alreadyOpen(shift, openedAt):
            return l.pick("班次 \(shift)（\(openedAt) 开班）还没有交班，请先交班再开新班。",
                          "Shift \(shift) (opened \(openedAt)) is still open; close it before opening another.")
        case .noOpenShift:
            return l.pick("现在没有开班。请先按 o 开班（清点备用金）。", "No shift is open. Open one first with o (count the float).")
        case .noShiftForCash:
            return l.pick("没有开班：请值班主管先开班（F8 o）。", "No shift is open: ask the shift lead to open one (F8 o).")
        case let .differenceNeedsNote(counted, expected):
            return l.pick("实点现金 \(counted) 与应有现金 \(expected) 不符，请在备注中写明原因。",
                          "The cash counted, \(counted), differs from the \(expected) expected; say why in the note.")
        case .amountNotPositive:
            return l.pick("金额必须大于 0。", "The amount must be more than 0.")
        case let .countedDiffersFromNotes(typed, notes):
            return l.pick("实点现金填的是 \(typed)，按券别合计却是 \(notes)。请核对，或只填其中一项。",
                          "Counted cash says \(typed) but the notes and coins add up to \(notes). Check them, or fill in only one.")
        case .nothingCounted:
            return l.pick("请填写实点现金，或按券别填写张数/枚数。", "Enter the cash counted, or how many of each note and coin.")
        case let .badShiftID(text):
            return l.pick("“\(text)”不是班次号，班次号形如 S-20260301-1。", "\"\(text)\" is not a shift id; shift ids look like S-20260301-1.")
        case let .unknownShift(id):
            return l.pick("没有班次 \(id) 的记录。", "There is no shift \(id) on record.")
        }
    }
}
