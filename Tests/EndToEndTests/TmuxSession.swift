import Foundation
import Glibc

/// The real `plazadesk` binary in a detached tmux session: keys in with `send-keys`, the
/// screen out with `capture-pane`. CI has no terminal; tmux gives the console one.
final class TmuxSession {
    let name: String
    let exitFile: String

    /// Starts `plazadesk ARGS` at `columns`×`rows` with a UTF-8 locale and a colour terminal;
    /// `shell` runs first in the same shell (e.g. `ulimit -f 1;`).
    init(_ arguments: [String], columns: Int = 80, rows: Int = 24, environment: [String: String] = [:],
         shell: String = "", binary: String = PlazaDeskProcess.binary) throws {
        name = "pd-" + UUID().uuidString.prefix(8)
        exitFile = NSTemporaryDirectory() + name + ".exit"
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "TZ": "UTC", "XDG_STATE_HOME": PlazaDeskProcess.stateHome]
        for (k, v) in environment { env[k] = v }
        let assignments = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = shell + "env \(assignments) \(Self.quote(binary)) "
            + arguments.map(Self.quote).joined(separator: " ") + "; echo $? > \(Self.quote(exitFile)); sleep 60"
        try Self.tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command])
    }

    deinit {
        _ = try? Self.tmux(["kill-session", "-t", name])
        unlink(exitFile)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command and returns what it printed when `output` is asked for.
    @discardableResult
    static func tmux(_ args: [String], output: Bool = false) throws -> String {
        let r = try ChildProcess.run(["tmux"] + args)
        return output ? r.stdout : ""
    }

    /// Named keys (`Tab`, `Enter`, `F4`, `Escape`, `Space`, `BSpace`, `Up` …).
    func press(_ keys: String...) throws {
        for k in keys {
            try Self.tmux(["send-keys", "-t", name, k])
            usleep(60_000)
        }
    }

    /// Literal text, Chinese included.
    func type(_ text: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", text])
        usleep(80_000)
    }

    /// The screen as text.
    func screen() throws -> String { try Self.tmux(["capture-pane", "-t", name, "-p"], output: true) }

    /// Waits until the screen satisfies `condition`; returns the screen.
    @discardableResult
    func waitUntil(_ what: String, seconds: Double = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
        }
        throw Timeout(waitingFor: what, screen: last)
    }

    /// The pid of plazadesk in the pane (the child of the pane's shell).
    func programPID() throws -> Int32? {
        let shell = try Self.tmux(["display-message", "-p", "-t", name, "#{pane_pid}"], output: true)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let out = try ChildProcess.run(["pgrep", "-P", shell]).stdout
        return Int32(out.split(separator: "\n").first ?? "")
    }

    /// Waits until the screen shows `text` (up to `seconds`); returns the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(100_000)
        }
        throw Timeout(waitingFor: text, screen: last)
    }

    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let screen: String
        var description: String { "timed out waiting for \"\(waitingFor)\"; the screen was:\n\(screen)" }
    }

    func resize(columns: Int, rows: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
        usleep(300_000)
    }

    /// The exit code once the program ended (nil while it runs).
    func exitCode(waiting seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: exitFile, encoding: .utf8),
               let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return code }
            usleep(100_000)
        }
        return nil
    }
}
