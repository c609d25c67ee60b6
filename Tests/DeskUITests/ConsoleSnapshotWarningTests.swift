import Crypto
import DeskDomain
import Foundation
import Testing
@testable import DeskUI

/// A snapshot that opening had to ignore (it fails its key check) is said on the status
/// line at login, in the console's language.
@Suite struct ConsoleSnapshotWarningTests {
    @Test func aForgedSnapshotIsOnTheStatusLineAtLogin() throws {
        let path = NSTemporaryDirectory() + "plazadesk-ui-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: 2026, month: 3, day: 1, hour: 10)))
        let context = DeskContext(data: DataDirectory(path: path), clock: clock, config: DeskConfig(),
                                  personalDataKey: PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 9, count: 32))))
        let first = try Desk(context: context, pinRounds: 10)
        let lead = try first.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try first.shift.open(.init(float: "500"), by: lead)   // cash moves only inside a shift
        try first.umbrellas.lend(.init(unit: "1", depositCard: "1", customer: "王芳", phone: "13812345678"), by: lead)
        try first.saveSnapshots()
        try first.close()
        // One byte of the umbrella snapshot changed (its MAC no longer holds).
        let snap = path + "/.snapshots/umbrella.snap"
        var bytes = [UInt8](FileManager.default.contents(atPath: snap)!)
        bytes[bytes.count - 1] ^= 1
        FileManager.default.createFile(atPath: snap, contents: Data(bytes))

        for language in [Language.zhHans, .en] {
            let desk = try Desk(context: context, pinRounds: 10)
            defer { try? desk.close() }
            let console = Console(desk: desk, language: language)
            for c in "lead.li" { console.handle(.character(c)) }
            console.handle(.tab)
            for c in "2468" { console.handle(.character(c)) }
            console.handle(.enter)
            let warning = SnapshotWarning(book: .umbrella, problem: .failsKeyCheck)
            #expect(console.state.mode == .working)
            #expect(console.state.status == warning.message(language) && console.state.tone == .error)
        }
    }
}
