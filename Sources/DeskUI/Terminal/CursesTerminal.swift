@preconcurrency import CNcursesw
@preconcurrency import Glibc

/// The real terminal, through ncursesw: wide characters in and out, colour where the
/// terminal has it (and `NO_COLOR` is unset), reverse video where it has not.
///
/// Create it only when standard input and output are a terminal; call ``close()`` (also
/// done on SIGINT/SIGTERM and at exit) to give the terminal back as it was.
public final class CursesTerminal: Terminal {
    public private(set) var hasColor = false
    private var closed = false
    /// Keys read but not yet handed out: the key that came right after an Esc.
    private var pending: [Key] = []

    /// How long ncurses waits after an Esc for the rest of an escape sequence (ms).
    static let escapeDelayMilliseconds: Int32 = 25

    /// Why the console cannot start.
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart
        /// TERM names no terminal this machine knows (or is unset).
        case unknownTerminal(String)
        /// The terminal cannot move the cursor (TERM=dumb, a printing terminal).
        case cannotAddressCursor(String)

        /// Both languages: the console's language is not known before it starts.
        public var description: String {
            switch self {
            case .notATerminal: return "the console needs a terminal (standard input and output are not one); see 'plazadesk --help' for the commands"
            case .cannotStart: return "the terminal could not be started (is TERM set?)"
            case .unknownTerminal(let term):
                let shown = term.isEmpty ? "（未设置）" : term
                let shownEn = term.isEmpty ? "(unset)" : term
                return "不认识这个终端类型 TERM=\(shown)，控制台无法启动；请设置 TERM=xterm-256color 之类的终端类型再试。\n"
                    + "the terminal type TERM=\(shownEn) is not known here, so the console cannot start; set TERM to a known terminal such as xterm-256color and try again."
            case .cannotAddressCursor(let term):
                return "终端 TERM=\(term) 不能移动光标，全屏控制台无法在上面使用；请换用能移动光标的终端（如 TERM=xterm-256color）。\n"
                    + "the terminal TERM=\(term) cannot move the cursor, so the full-screen console cannot run on it; use a terminal that can (such as TERM=xterm-256color)."
            }
        }
    }

    public init(environment: [String: String]) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
        // A parent may have started us with signals blocked (seen under tmux): the console
        // needs SIGWINCH for resizing and SIGINT/SIGTERM/SIGHUP to restore the terminal.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT, SIGTSTP] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        // newterm, not initscr: initscr prints ncurses's own English message and exits on an
        // unknown TERM; newterm gives the failure back so it can be said in both languages.
        let term = environment["TERM"] ?? ""
        guard newterm(nil, stdout, stdin) != nil else { throw StartError.unknownTerminal(term) }
        // A terminal that cannot address the cursor (TERM=dumb) would show a broken screen.
        guard Self.hasCapability("cup") else {
            endwin()
            throw StartError.cannotAddressCursor(term)
        }
        CursesTerminal.installRestoreHandlers()
        // Esc is seen after this delay, not ncurses's default of a second.
        set_escdelay(Self.escapeDelayMilliseconds)
        cbreak()
        noecho()
        nonl()
        keypad(pd_stdscr(), true)
        intrflush(pd_stdscr(), false)
        if has_colors() && environment["NO_COLOR"].map({ $0.isEmpty }) ?? true {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))    // title
            init_pair(2, Int16(COLOR_WHITE), Int16(COLOR_RED))     // error
            init_pair(3, Int16(COLOR_BLACK), Int16(COLOR_GREEN))   // success
            init_pair(4, Int16(COLOR_BLACK), Int16(COLOR_CYAN))    // key bar
            init_pair(5, Int16(COLOR_BLACK), Int16(COLOR_WHITE))   // field
            init_pair(6, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))  // focused field
            hasColor = true
        }
    }

    deinit { close() }

    /// Whether the terminal has a string capability (`cup`: move the cursor).
    static func hasCapability(_ name: String) -> Bool {
        guard let value = tigetstr(name) else { return false }
        return Int(bitPattern: value) != -1 && value.pointee != 0
    }

    /// Gives the terminal back.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
    }

    public var size: (rows: Int, columns: Int) { (Int(pd_lines()), Int(pd_cols())) }

    func attributes(_ style: Screen.Style) -> attr_t {
        if hasColor {
            switch style {
            case .normal: return pd_a_normal()
            case .bold: return pd_a_bold()
            case .reverse: return pd_a_reverse()
            case .dim: return pd_a_dim()
            case .title: return pd_color_pair(1) | pd_a_bold()
            case .error: return pd_color_pair(2) | pd_a_bold()
            case .success: return pd_color_pair(3)
            case .keyBar: return pd_color_pair(4)
            case .field: return pd_color_pair(5)
            case .fieldFocused: return pd_color_pair(6)
            }
        }
        switch style {
        case .normal: return pd_a_normal()
        case .bold: return pd_a_bold()
        case .dim: return pd_a_dim()
        case .reverse, .title, .keyBar, .fieldFocused: return pd_a_reverse()
        case .error: return pd_a_reverse() | pd_a_bold()
        case .success: return pd_a_bold()
        case .field: return pd_a_underline()
        }
    }

    public func show(_ screen: Screen, cursor: (row: Int, column: Int)?) {
        let win = pd_stdscr()
        werase(win)
        for r in 0..<screen.rows {
            var c = 0
            while c < screen.columns {
                let style = screen[r, c].style
                var run: [wchar_t] = []
                let start = c
                while c < screen.columns, screen[r, c].style == style {
                    let cell = screen[r, c]
                    if !cell.isContinuation {
                        for s in cell.character.unicodeScalars { run.append(wchar_t(bitPattern: s.value)) }
                    }
                    c += 1
                }
                // The last cell of the screen is not written: that would scroll some terminals.
                if r == screen.rows - 1 && c == screen.columns && !run.isEmpty { run.removeLast() }
                wattrset(win, Int32(bitPattern: attributes(style)))
                run.append(0)
                _ = mvwaddwstr(win, Int32(r), Int32(start), run)
            }
        }
        wattrset(win, 0)
        if let cursor {
            curs_set(1)
            wmove(win, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(win)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if !pending.isEmpty { return pending.removeFirst() }
        let win = pd_stdscr()
        wtimeout(win, Int32(timeoutMilliseconds))
        guard let first = Self.read(win) else { return nil }
        guard first == .character(27) else { return Self.decode(first) }
        // ncurses has already waited the escape delay after the Esc: whatever came with it is
        // in its queue, so look without waiting. Alt is decoded only where it means something.
        wtimeout(win, 0)
        let keys = Self.afterEscape(Self.read(win))
        pending.append(contentsOf: keys.dropFirst())
        return keys.first
    }

    /// What one read from curses gave: a character code or a curses key code.
    enum Raw: Equatable {
        case character(UInt32)
        case code(Int32)
    }

    static func read(_ win: UnsafeMutablePointer<WINDOW>?) -> Raw? {
        var ch: wint_t = 0
        let r = wget_wch(win, &ch)
        if r == ERR { return nil }
        if r == pd_key_code_yes() { return .code(Int32(ch)) }
        return .character(UInt32(ch))
    }

    static func decode(_ raw: Raw) -> Key? {
        switch raw {
        case .code(let c): return decodeFunctionKey(c)
        case .character(27): return .escape
        case .character(let c): return decodeCharacter(c)
        }
    }

    /// The keys for an Esc and what came at once after it. Alt-0…Alt-9 (Esc then a digit)
    /// stand for F-keys where a terminal sends none; any other key after an Esc is the Esc,
    /// then that key, so nothing typed quickly after Esc is lost or misread.
    static func afterEscape(_ next: Raw?) -> [Key] {
        guard let next else { return [.escape] }
        if case .character(let c) = next, let s = Unicode.Scalar(c), ("0"..."9").contains(s) {
            return [.alt(Character(s))]
        }
        return [.escape] + (decode(next).map { [$0] } ?? [])
    }

    /// True once standard input has hung up: a closed window or a dropped connection makes
    /// every read fail at once, which would otherwise spin the loop at full speed.
    public var isGone: Bool {
        var fd = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return errno != EINTR }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// A plain character code as a key.
    static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 0..<32: return .control(Character(Unicode.Scalar(code + 64)!))
        default:
            guard let s = Unicode.Scalar(code) else { return nil }
            return .character(Character(s))
        }
    }

    /// A curses key code as a key.
    static func decodeFunctionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case pd_key_resize(): return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    /// SIGINT, SIGTERM and exit all give the terminal back first.
    static func installRestoreHandlers() {
        atexit { endwin() }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in
                endwin()
                _exit(128 + s)
            }
        }
    }
}
