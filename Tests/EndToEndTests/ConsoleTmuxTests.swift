import Foundation
import Glibc
import Testing

/// The real binary in tmux, as a clerk uses it.
@Suite(.serialized) struct ConsoleTmuxTests {
    /// First run, login as the new lead, lend and return a stroller with a Chinese name,
    /// resize, quit with F10; exit code 0 and the ledgers verify.
    @Test(arguments: [(80, 24), (120, 40)])
    func firstRunLendReturnResizeQuit(columns: Int, rows: Int) throws {
        let s = Scratch()
        let data = s.path + "/d"
        let t = try TmuxSession(["--data", data], columns: columns, rows: rows)
        try t.waitFor("首次使用")
        try t.type("lead.li"); try t.press("Tab"); try t.type("李娜"); try t.press("Tab")
        try t.type("2468"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor("李娜(值班主管)")
        try t.press("F4")
        try t.waitFor("借出")
        try t.type("n")
        try t.waitFor("借出童车")
        try t.type("张小明"); try t.press("Tab"); try t.type("13812345678"); try t.press("Enter")
        // Refused (notice not acknowledged): the form keeps what was typed.
        var screen = try t.waitFor("仅限商场内使用，离场前")
        #expect(screen.contains("张小明"))
        try t.press("Space"); try t.press("Enter")
        screen = try t.waitFor("已借出 S001 给 张小明")
        let row = screen.split(separator: "\n").first { $0.contains("S001") && $0.contains("138****5678") }
        #expect(row != nil, "\(screen)")
        try t.type("r")
        try t.waitFor("归还童车")
        try t.press("Enter")
        try t.waitFor("S001 已归还")
        // Live resize: the bars move to the new bottom line.
        try t.resize(columns: 100, rows: 30)
        screen = try t.waitUntil("the key bar on row 30") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 30 && lines[29].contains("F10")
        }
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false)[0].contains("李娜(值班主管)"))
        try t.press("F10")
        #expect(t.exitCode() == 0)
        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")
    }

    @Test func englishAndTheHelpScreen() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "Li Na", "--role", "lead", "--pin", "2468"]).status == 0)
        let t = try TmuxSession(["--data", data, "--lang", "en"])
        try t.waitFor("Log in")
        try t.type("lead.li"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor("Hello, Li Na")
        try t.press("F1")
        try t.waitFor("Every key")
        try t.press("NPage")   // the help scrolls: the keys of everywhere come after the panel's
        try t.waitFor("F10 quit")
        try t.press("Escape"); try t.press("F10")
        #expect(t.exitCode() == 0)
    }

    @Test func withoutATerminalTheConsoleSaysSo() throws {
        let s = Scratch()
        let r = try PlazaDeskProcess.run(["--data", s.path + "/d"])
        #expect(r.status == 2 && !r.signalled)
        #expect(r.stderr.contains("needs a terminal"), "\(r.stderr)")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let s = Scratch()
        let t = try TmuxSession(["--data", s.path + "/d"])
        try t.waitFor("首次使用")
        let pid = try #require(try t.programPID())
        kill(pid, SIGTERM)
        #expect(t.exitCode() == 143)
        let screen = try t.screen()
        #expect(!screen.contains("首次使用"), "the console's screen was left behind:\n\(screen)")
    }

    /// Closing the terminal (tmux killing the pane) ends the console instead of leaving it
    /// spinning on a dead terminal.
    @Test func aClosedTerminalEndsTheConsole() throws {
        let s = Scratch()
        let t = try TmuxSession(["--data", s.path + "/d"])
        try t.waitFor("首次使用")
        let pid = try #require(try t.programPID())
        try TmuxSession.tmux(["kill-session", "-t", t.name])
        var alive = true
        for _ in 0..<50 where alive {
            usleep(100_000)
            alive = kill(pid, 0) == 0
        }
        #expect(!alive, "plazadesk \(pid) still runs after its terminal closed")
        if alive { kill(pid, SIGKILL) }
    }
}
