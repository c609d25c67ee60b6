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
        let desk: Desk
        do {
            desk = try Desk.open(dir, clock: SystemClock())
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
}
