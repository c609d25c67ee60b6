/// An error a desk action throws: says, in the clerk's language, what to do about it.
///
/// The console shows ``message(_:)`` in the status line and puts the cursor on ``field``
/// (the form field at fault), so a refused action keeps the form filled and points at the
/// mistake.
public protocol DeskFailure: Error, CustomStringConvertible, Sendable {
    /// The form field at fault (same names as the action's parameters), if any.
    var field: String? { get }
    /// The message, in Chinese or English.
    func message(_ language: Language) -> String
    /// Refused only for want of a shift lead's word: the same form with a lead's id and PIN
    /// typed in (``OperatorDesk/approve(_:leadID:pin:)``) would be taken, so the console
    /// asks for them in place instead of sending the clerk away.
    var needsLead: Bool { get }
}

extension DeskFailure {
    public var needsLead: Bool { false }
    public var description: String { message(.en) }
}
