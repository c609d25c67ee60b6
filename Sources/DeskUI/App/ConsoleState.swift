import DeskDomain

/// Everything the console shows, apart from the desk's own state: which screen, which
/// panel, the form in hand, the search, the message. The view is a function of this and
/// the desk, so every screen can be rendered in a test.
public struct ConsoleState: Equatable, Sendable {
    /// Which screen is up.
    public enum Mode: Equatable, Sendable {
        /// A new data directory: create the first shift lead.
        case firstRun
        /// Who is at the desk.
        case login
        /// Locked after being idle: the same operator's PIN (or another login).
        case locked
        /// At work.
        case working
    }

    /// How the status line message is shown.
    public enum Tone: Equatable, Sendable { case info, success, error }

    public var mode: Mode
    public var language: Language
    public var actor: Actor?
    public var operatorName = ""
    /// The panel shown, by its F-key.
    public var panel = 2
    public var lists: [Int: ListState] = [:]
    /// The form in hand: the action's key and the form.
    public var action: Character?
    public var form: FormState?
    /// The row the form was opened on (its id), to make the form again when the books move.
    public var formSelection: String?
    /// The login, first-run or unlock form.
    public var gate: FormState?
    public var showingHelp = false
    /// How far the help screen is scrolled (a short window shows it in parts).
    public var helpScroll = 0
    public var confirmingQuit = false
    public var status = ""
    public var tone = Tone.info
    public var quit = false
    /// When the last key came (seconds, by the desk's clock), for the idle lock.
    public var lastKeyAt: Int64 = 0

    public init(mode: Mode, language: Language) {
        self.mode = mode
        self.language = language
    }

    public var list: ListState {
        get { lists[panel] ?? ListState() }
        set { lists[panel] = newValue }
    }

    public mutating func say(_ text: String, _ tone: Tone = .info) {
        status = text
        self.tone = tone
    }
}
