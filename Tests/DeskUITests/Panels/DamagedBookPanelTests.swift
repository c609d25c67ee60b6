import Crypto
import DeskDomain
import Foundation
import Testing
@testable import DeskUI

/// A damaged book's panel says so at the top; the other panels work as before.
@Suite struct DamagedBookPanelTests {
    @Test func theDamagedUmbrellaPanelSaysSoAndTheStrollerPanelWorks() throws {
        let path = NSTemporaryDirectory() + "plazadesk-ui-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: 2026, month: 3, day: 1, hour: 10)))
        var config = DeskConfig()
        config.language = .en
        let context = DeskContext(data: DataDirectory(path: path), clock: clock, config: config,
                                  personalDataKey: PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 9, count: 32))))
        var desk = try Desk(context: context, pinRounds: 10)
        let lead = try desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try desk.shift.open(.init(float: "500"), by: lead)   // cash moves only inside a shift
        for u in ["1", "2"] {
            try desk.umbrellas.lend(.init(unit: u, depositCard: u, deposit: "", customer: "王芳", phone: "13812345678"), by: lead)
        }
        try desk.close()
        // The umbrella book cut back by one line behind the desk's back.
        let file = path + "/2026/umbrella.jsonl"
        let lines = try #require(FileManager.default.contents(atPath: file)).split(separator: 10)
        FileManager.default.createFile(atPath: file, contents: Data(lines[0] + [10]))

        desk = try Desk(context: context, pinRounds: 10)
        let console = Console(desk: desk, language: .en, panels: [UmbrellaPanel(), StrollerPanel()])
        for c in "lead.li" { console.handle(.character(c)) }
        console.handle(.tab)
        for c in "2468" { console.handle(.character(c)) }
        console.handle(.enter)
        console.handle(.function(3))
        var text = console.render(rows: 24, columns: 80).0.text
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[1].contains("book umbrella 2026 ends at seq 1 but this machine"), "\(text)")
        #expect(rows[1].contains("acknowledged seq 2 on") && rows[3].contains("call the shift lead"), "\(text)")
        #expect(text.contains("U001") && !text.contains("U002"))
        // Lending is refused with the message, nothing written.
        console.handle(.character("n"))
        for c in "5" { console.handle(.character(c)) }
        console.handle(.tab)
        for c in "张三" { console.handle(.character(c)) }
        console.handle(.tab)
        for c in "13812345678" { console.handle(.character(c)) }
        console.handle(.enter)
        text = console.render(rows: 24, columns: 80).0.text
        #expect(text.contains("book umbrella 2026 ends at seq 1"), "\(text)")
        #expect(FileManager.default.contents(atPath: file)?.count == lines[0].count + 1)
        // The stroller panel has no such line and lends.
        console.handle(.escape)
        console.handle(.function(4))
        text = console.render(rows: 24, columns: 80).0.text
        #expect(!text.contains("acknowledged"), "\(text)")
        try desk.strollers.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: lead)
        #expect(desk.strollers.state.out.count == 1)
    }
}
