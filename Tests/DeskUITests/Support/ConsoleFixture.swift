import Crypto
import DeskDomain
import Foundation
@testable import DeskUI

/// A desk on a temporary data directory with a manual clock, a console over it, and
/// helpers to type keys and read the screen.
final class ConsoleFixture {
    let path = NSTemporaryDirectory() + "plazadesk-ui-" + UUID().uuidString
    let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: 2026, month: 3, day: 1, hour: 10)))
    let desk: Desk
    let console: Console
    var rows = 24, columns = 80

    /// A desk with a lead (lead.li / 2468) and a clerk (clerk.wang / 1357), logged in as `who`.
    /// With `shiftOpen` (and operators), the lead has opened a shift: cash moves only inside one.
    init(language: Language = .zhHans, panels: [Panel]? = nil, loggedInAs who: String? = "clerk.wang", shiftOpen: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var config = DeskConfig()
        config.language = language
        let context = DeskContext(data: DataDirectory(path: path), clock: clock, config: config,
                                  personalDataKey: PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 9, count: 32))))
        desk = try Desk(context: context, pinRounds: 10)
        if who != nil {
            let lead = try desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
            try desk.operators.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead)
            if shiftOpen { try desk.shift.open(.init(float: "500"), by: lead) }
        }
        console = Console(desk: desk, language: language, panels: panels)
        if let who {
            type(who); press(.tab); type(who == "lead.li" ? "2468" : "1357"); press(.enter)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func press(_ keys: Key...) { for k in keys { console.handle(k) } }
    func type(_ text: String) { for c in text { console.handle(.character(c)) } }

    var screen: Screen { console.render(rows: rows, columns: columns).0 }
    var text: String { screen.text }

    /// The style of the first character of `needle` in `row` (nil when the row lacks it):
    /// whether a key is dimmed, say.
    func style(of needle: String, row: Int) -> Screen.Style? {
        let s = screen
        var text = "", columns: [Int] = []
        for c in 0..<s.columns where !s[row, c].isContinuation { text.append(s[row, c].character); columns.append(c) }
        guard let r = text.range(of: needle) else { return nil }
        return s[row, columns[text.distance(from: text.startIndex, to: r.lowerBound)]].style
    }
}
