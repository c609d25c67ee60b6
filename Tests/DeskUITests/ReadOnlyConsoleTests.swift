import Crypto
import DeskDomain
import Foundation
import Testing
@testable import DeskUI

/// The console over a read-only desk (GUARANTEES 21): its title line says so on every
/// panel at 80 columns, a write key is refused before any form, and a first run says no
/// lead can be made there.
@Suite struct ReadOnlyConsoleTests {
    static let key = PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 9, count: 32)))

    /// A console on a read-only desk over `path`.
    func readOnlyConsole(path: String, clock: ManualClock, language: Language) throws -> Console {
        var config = DeskConfig()
        config.language = language
        let context = DeskContext(data: DataDirectory(path: path), clock: clock, config: config, personalDataKey: Self.key,
                                  readOnly: true)
        return Console(desk: try Desk(context: context, pinRounds: 10), language: language)
    }

    func type(_ console: Console, _ text: String) { for c in text { console.handle(.character(c)) } }

    func titleLine(_ console: Console) -> String {
        String(console.render(rows: 24, columns: 80).0.text.split(separator: "\n", omittingEmptySubsequences: false)[0])
    }

    @Test(arguments: [Language.zhHans, .en])
    func theTitleSaysReadOnlyAndAWriteKeyIsRefusedBeforeAnyForm(language: Language) throws {
        let f = try ConsoleFixture(language: language)   // the lead and the clerk, on a folder that a desk writes
        let console = try readOnlyConsole(path: f.path, clock: f.clock, language: language)
        let mark = language.pick("只读", "read-only")
        #expect(titleLine(console).contains(mark), "\(titleLine(console))")
        type(console, "lead.li"); console.handle(.tab); type(console, "2468"); console.handle(.enter)
        #expect(console.state.mode == .working, "\(console.state.status)")
        for panel in console.panels {
            console.handle(.function(panel.functionKey))
            let title = titleLine(console)
            #expect(title.contains(" " + mark + " · ") && title.contains(panel.title(language)) && title.contains("李娜"),
                    "F\(panel.functionKey): \(title)")
        }
        console.handle(.function(3))
        type(console, "n")
        #expect(console.state.form == nil)
        #expect(console.state.status == language.pick("这个数据目录只读：只能查看，不能登记。",
                                                      "This data directory is read-only: you can look, not record."))
        #expect(console.render(rows: 24, columns: 80).0.text.contains(console.state.status))
        // A desk that may write shows no mark.
        #expect(!String(f.text.split(separator: "\n")[0]).contains(mark))
    }

    @Test(arguments: [Language.zhHans, .en])
    func theFirstRunScreenSaysNoLeadCanBeMadeHere(language: Language) throws {
        let path = NSTemporaryDirectory() + "plazadesk-ui-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let console = try readOnlyConsole(path: path, clock: ManualClock(0), language: language)
        let says = language.pick("这个数据目录只读：不能在这里创建第一位值班主管。",
                                 "This data directory is read-only: the first shift lead cannot be created here.")
        #expect(console.state.mode == .firstRun && console.state.status.hasPrefix(says))
        #expect(console.render(rows: 24, columns: 80).0.text.contains(language.pick("首次使用", "First run")))
        type(console, "lead.li"); console.handle(.tab); type(console, "李娜"); console.handle(.tab)
        type(console, "2468"); console.handle(.tab); type(console, "2468"); console.handle(.enter)
        #expect(console.state.mode == .firstRun && console.state.status.hasPrefix(says))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty)
    }
}
