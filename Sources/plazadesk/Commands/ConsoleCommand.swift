import ArgumentParser
import DeskDomain
import DeskUI
import Foundation
import Glibc

/// `plazadesk` / `plazadesk console`: the full-screen console on a data directory.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the full-screen console (the default when no subcommand is given)."
    )

    @OptionGroup var data: DataOption
    @Option(help: "Console language: zh-Hans or en (default: the config's).") var lang: String?
    @Flag(help: "Try everything on a throw-away data directory filled with a demo year and demo operators.")
    var demo = false
    @Flag(help: "Only look: write nothing to the data directory (also chosen by itself when the directory cannot be written).")
    var readOnly = false

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh-Hans or en.") }
    }

    func run() throws {
        var dir = data.resolved()
        if demo {
            var template = Array((NSTemporaryDirectory() + "plazadesk-demo-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw fail("cannot make a demo directory", code: 1) }
            dir = DataDirectory(path: String(cString: made))
            let lastYear = PlazaTime.china.civil(SystemClock().now()).year - 1
            FileHandle.standardError.write(Data("plazadesk: writing a demo year (\(lastYear)) into \(dir.path) …\n".utf8))
            do { try DemoYear(data: dir, year: lastYear, events: 8000, seed: 1).write() } catch {
                throw fail("\(error)", code: 1)
            }
        }
        var blocked = readOnly ? nil : WriteAccess.blocked(dir)
        let desk: Desk
        do {
            desk = try Self.open(dir, readOnly: readOnly || blocked != nil, blocked: &blocked)
        } catch let e as DeskFailure {
            throw fail(e.message(.en), code: 1)
        } catch {
            throw fail("\(error)", code: 1)
        }
        desk.operators.console = ttyname(0).map { "tty:" + String(cString: $0).replacingOccurrences(of: "/dev/", with: "") }
            ?? "console:\(getpid())"
        let terminal: CursesTerminal
        do { terminal = try CursesTerminal(environment: ProcessInfo.processInfo.environment) } catch {
            throw fail("\(error)", code: 2)
        }
        let console = Console(desk: desk, language: lang.flatMap(Language.init(rawValue:)))
        if demo {
            console.note(DemoYear.operators.map { "\($0.id)/\($0.pin)" }.joined(separator: "  "))
        } else if desk.context.readOnly && !desk.operators.needsFirstLead {   // a first run says its own
            let l = console.state.language
            let why = blocked.map { "\($0.path): \(String(cString: strerror($0.errno)))" }
            console.note(why.map { l.pick("数据目录不可写（\($0)），已只读打开：只能查看，不能登记。",
                                          "The data directory cannot be written (\($0)): opened read-only; you can look, not record.") }
                         ?? l.pick("已只读打开：只能查看，不能登记。", "Opened read-only: you can look, not record."))
        }
        console.run(on: terminal)
        terminal.close()
        do {
            try desk.saveSnapshots()
            try desk.close()
        } catch {
            throw fail("\(error)", code: 1)
        }
        if demo { print("demo data left in \(dir.path)") }
    }

    /// Opens the desk for writing, or read-only: when asked, or when opening for writing
    /// meets a file of the directory it may not write (what ``WriteAccess`` did not foresee:
    /// a file system that refuses at `open(2)`; `blocked` is then set to it).
    static func open(_ dir: DataDirectory, readOnly: Bool, blocked: inout (path: String, errno: Int32)?) throws -> Desk {
        if readOnly {
            guard dir.exists else { throw LedgerError.noDataDirectory(path: dir.path) }
            return try Desk(context: try DeskContext.open(dir, clock: SystemClock(), readOnly: true))
        }
        do {
            return try Desk.open(dir, clock: SystemClock())
        } catch LedgerError.io(let path, _, let code) where [EACCES, EPERM, EROFS].contains(code) && path.hasPrefix(dir.path + "/") {
            blocked = (path, code)
            return try open(dir, readOnly: true, blocked: &blocked)
        }
    }
}
