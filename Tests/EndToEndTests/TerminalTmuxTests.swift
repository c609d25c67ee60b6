import Foundation
import Glibc
import Testing

/// The real binary on terminals that are awkward: keys typed right after Esc, a terminal
/// that cannot move the cursor, a window smaller than 80×24.
@Suite(.serialized) struct TerminalTmuxTests {
    func loggedIn(_ data: String, columns: Int = 120, rows: Int = 40) throws -> TmuxSession {
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "Li Na",
                                          "--role", "lead", "--pin", "2468"]).status == 0)
        let t = try TmuxSession(["--data", data, "--lang", "en"], columns: columns, rows: rows)
        try t.waitFor("Log in")
        try t.type("lead.li"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor("Hello, Li Na")
        return t
    }

    /// Esc and the next key in one write (as a quick clerk types them): the Esc acts, and so
    /// does the key after it, whether a letter or an F-key.
    @Test func theKeyRightAfterEscTakesEffect() throws {
        let s = Scratch()
        let t = try loggedIn(s.path + "/d")
        try t.press("F3")
        try t.waitUntil("the umbrella panel") { $0.split(separator: "\n").first?.contains("Umbrellas") == true }
        // Esc (clears the search) then n (lend), sent together.
        try TmuxSession.tmux(["send-keys", "-t", t.name, "Escape", "n"])
        try t.waitFor("Lend an umbrella")
        // Esc (drops the form) then F4 (strollers), sent together.
        try TmuxSession.tmux(["send-keys", "-t", t.name, "Escape", "F4"])
        let screen = try t.waitUntil("the stroller panel") { $0.split(separator: "\n").first?.contains("Strollers") == true }
        #expect(!screen.contains("Lend an umbrella"), "\(screen)")
        // Esc then / (search): the search opens at once.
        try TmuxSession.tmux(["send-keys", "-t", t.name, "Escape", "/"])
        try t.waitFor("Search:")
        try t.press("Escape"); try t.press("F10")
        #expect(t.exitCode() == 0)
    }

    /// TERM=dumb cannot address the cursor: refused at start, in both languages, exit 2.
    @Test func aDumbTerminalIsRefusedInBothLanguages() throws {
        let s = Scratch()
        let t = try TmuxSession(["--data", s.path + "/d"], environment: ["TERM": "dumb"])
        #expect(t.exitCode() == 2)
        let screen = try t.screen().replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("TERM=dumb 不能移动光标") && screen.contains("cannot move the cursor"), "\(screen)")
    }

    @Test func anUnknownTerminalIsRefusedInBothLanguages() throws {
        let s = Scratch()
        let t = try TmuxSession(["--data", s.path + "/d"], environment: ["TERM": "no-such-terminal"])
        #expect(t.exitCode() == 2)
        let screen = try t.screen().replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("不认识这个终端类型") && screen.contains("is not known here"), "\(screen)")
    }

    /// Too small a window asks to be made bigger, and the console comes back when it is.
    @Test func aSmallWindowAsksForEightyByTwentyFourAndRecovers() throws {
        let s = Scratch()
        let t = try loggedIn(s.path + "/d", columns: 80, rows: 24)
        try t.resize(columns: 60, rows: 20)
        try t.waitUntil("the size message") { $0.replacingOccurrences(of: "\n", with: " ").contains("Make the window at least 80×24") }
        try t.resize(columns: 80, rows: 24)
        let screen = try t.waitUntil("the console again") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 24 && lines[23].contains("F10Quit")
        }
        #expect(!screen.contains("Make the window"), "\(screen)")
        try t.press("F10")
        #expect(t.exitCode() == 0)
    }
}
