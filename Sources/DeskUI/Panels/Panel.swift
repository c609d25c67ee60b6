import DeskDomain

/// One desk job's screen: a list of what is open now, and the actions on it.
///
/// A panel is a description, not a widget: the console asks it for the list (already
/// filtered by the search) and for its actions; each action builds a form and submits it
/// to the domain. The same panel draws in tests and on the real terminal.
public protocol Panel: AnyObject {
    /// Which F-key opens it (2…6, 8).
    var functionKey: Int { get }
    func title(_ l: Language) -> String
    /// The list, filtered by the search typed.
    func list(desk: Desk, query: String, language l: Language) -> ListContent
    /// What can be done here.
    var actions: [PanelAction] { get }
    /// Only a shift lead may open it (F8).
    var leadOnly: Bool { get }
    /// The books it writes to: when one is damaged, the panel says so at the top.
    var books: [BookName] { get }
    /// The action Enter opens on the selected row `row` (an umbrella out → return); nil:
    /// the panel's first action.
    func rowActionKey(for row: String, desk: Desk) -> Character?
}

extension Panel {
    public var leadOnly: Bool { false }
    public var books: [BookName] { [] }
    public func rowActionKey(for row: String, desk: Desk) -> Character? { nil }
}

/// An action of a panel: the key that starts it, its form, and what submitting does.
public struct PanelAction {
    public var key: Character
    public var zh: String
    public var en: String
    /// Shown only to a shift lead (others get a refusal from the domain anyway).
    public var leadOnly: Bool
    /// Records something (false for a look-up): an auditor's console offers only these not.
    public var writes: Bool
    /// Builds the form; `selected` is the id of the selected row, to fill in.
    public var makeForm: (_ selected: String?, _ desk: Desk) -> FormState
    /// Submits the form; returns the message for the status line, or throws the refusal.
    public var submit: (_ form: FormState, _ desk: Desk, _ actor: Actor, _ l: Language) throws -> String

    public init(key: Character, _ zh: String, _ en: String, leadOnly: Bool = false, writes: Bool = true,
                makeForm: @escaping (_ selected: String?, _ desk: Desk) -> FormState,
                submit: @escaping (_ form: FormState, _ desk: Desk, _ actor: Actor, _ l: Language) throws -> String) {
        self.key = key; self.zh = zh; self.en = en; self.leadOnly = leadOnly; self.writes = writes; self.makeForm = makeForm; self.submit = submit
    }

    public func label(_ l: Language) -> String { l.pick(zh, en) }
}
