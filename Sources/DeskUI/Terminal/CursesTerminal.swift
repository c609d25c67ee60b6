@preconcurrency import CNcursesw
import Glibc

/// The real terminal, through ncursesw: wide characters in and out, colour where the
/// terminal has it (and `NO_COLOR` is unset), reverse video where it has not.
///
/// Create it only when standard input and output are a terminal; call ``close()`` (also
/// done on SIGINT/SIGTERM and at exit) to give the terminal back as it was.
public final class CursesTerminal: Terminal {
    public private(set) var hasColor = false
    private var closed = false

    /// Why the console cannot start.
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart

        public var description: String {
            switch self {
            case .notATerminal: return "the console needs a terminal (standard input and output are not one); see 'plazadesk --help' for the commands"
            case .cannotStart: return "the terminal could not be started (is TERM set?)"
            }
        }
    }

    public init(environment: [String: String]) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
        setenv("ESCDELAY", "25", 1)
        // A parent may have started us with signals blocked (seen under tmux): the console
        // needs SIGWINCH for resizing and SIGINT/SIGTERM/SIGHUP to restore the terminal.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT, SIGTSTP] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        guard initscr() != nil else { throw StartError.cannotStart }
        CursesTerminal.installRestoreHandlers()
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
        let win = pd_stdscr()
        wtimeout(win, Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let r = wget_wch(win, &ch)
        if r == ERR { return nil }
        if r == pd_key_code_yes() { return Self.decodeFunctionKey(Int32(ch)) }
        if ch == 27 {
            // Escape alone, or Alt+key (sent as Escape then the key).
            wtimeout(win, 30)
            var next: wint_t = 0
            let r2 = wget_wch(win, &next)
            if r2 == ERR || r2 == pd_key_code_yes() { return .escape }
            if let s = Unicode.Scalar(UInt32(next)) { return .alt(Character(s)) }
            return .escape
        }
        return Self.decodeCharacter(UInt32(ch))
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
