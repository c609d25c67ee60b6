/// A key the clerk pressed, decoded from whatever the terminal sent.
///
/// The console's bindings are fixed (F1 help, F2–F6 panels, F8 shift close, F10 quit, Esc,
/// Tab/Shift-Tab, Enter, `/`); where a terminal sends no F-keys, Alt-1…Alt-9 stand for F1…F9.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    case alt(Character)
    case control(Character)
    case resize

    /// The F-key this key stands for: F1…F12, or Alt-1…Alt-9 as F1…F9 and Alt-0 as F10.
    public var functionNumber: Int? {
        switch self {
        case .function(let n): return n
        case .alt(let c):
            guard let d = c.wholeNumberValue, c.isASCII else { return nil }
            return d == 0 ? 10 : d
        default: return nil
        }
    }
}
