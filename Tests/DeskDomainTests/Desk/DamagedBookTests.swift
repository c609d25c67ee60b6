import Foundation
import Testing
@testable import DeskDomain

/// One damaged book does not stop the desk: it opens in damaged mode (its state what its
/// sound lines give, every write refused with the damage), and the other books work.
@Suite struct DamagedBookTests {
    let f = DeskFixture()

    func lend(_ desk: Desk, _ unit: String) throws {
        try desk.umbrellas.lend(.init(unit: unit, depositCard: unit, deposit: "", customer: "王芳", phone: "13812345678"), by: f.clerk)
    }

    func lendStroller(_ desk: Desk, _ unit: String) throws {
        try desk.strollers.lend(.init(unit: unit, customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
    }

    @Test func aDamagedUmbrellaBookLeavesTheRestOfTheDeskWorking() throws {
        let kit = TamperKit()
        var desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
        try desk.shift.open(.init(float: "100"), by: f.lead)   // cash moves only inside a shift
        try lend(desk, "1"); try lend(desk, "2"); try lend(desk, "3")
        try desk.shift.close(.init(counted: "250"), by: f.lead)
        try desk.close()
        // One byte of the second line changed: damage before the tail.
        var bytes = kit.bytes(.umbrella)
        let second = bytes.firstIndex(of: 10)! + 1
        bytes[second + 40] ^= 0x01
        kit.write(.umbrella, bytes)

        desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
        guard case let LedgerError.damaged(book, year, seq, _)? = desk.damage(of: .umbrella) as? LedgerError else {
            Issue.record("not damaged: \(String(describing: desk.damage(of: .umbrella)))"); return
        }
        #expect(book == .umbrella && year == 2026 && seq == 2)
        #expect(BookName.desk.filter { desk.damage(of: $0) != nil } == [.umbrella])
        #expect(desk.umbrellas.unitsOut.map(\.loan.unit) == ["U001"], "the sound lines' state")
        try lendStroller(desk, "3")
        #expect(desk.strollers.state.out.count == 1)
        // A shift can be opened, but not closed (sealed) while a book is damaged.
        try desk.shift.open(.init(float: "100"), by: f.lead)
        do { try lend(desk, "4"); Issue.record("lent from a damaged book") } catch let LedgerError.damaged(b, y, s, _) {
            #expect(b == .umbrella && y == 2026 && s == 2)
        }
        #expect(kit.bytes(.umbrella) == bytes, "nothing written to the damaged book")
        #expect(throws: LedgerError.self) { try desk.shift.close(.init(counted: "100"), by: f.lead) }
        try desk.refresh()
        try desk.saveSnapshots()
        try desk.close()
    }

    @Test func aRolledBackUmbrellaBookShowsItsLinesAndRefusesWritesWithTheMessage() throws {
        let kit = TamperKit()
        var desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
        try desk.shift.open(.init(float: "100"), by: f.lead)   // cash moves only inside a shift
        try lend(desk, "1"); try lend(desk, "2")
        try desk.close()
        kit.cut(.umbrella, to: 1)
        desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
        let e = try #require(desk.damage(of: .umbrella) as? AcknowledgedHeadMismatch)
        #expect(e.kind == .shorter(endsAt: 1) && e.seq == 2)
        #expect(desk.umbrellas.unitsOut.map(\.loan.unit) == ["U001"])
        #expect(desk.umbrellas.book.head.seq == 1)
        let refused = failure { try lend(desk, "5") }
        #expect(refused?.message(.en).hasPrefix("book umbrella 2026 ends at seq 1 but this machine acknowledged seq 2 on 2026-03-01") == true)
        #expect(refused?.message(.zhHans).hasPrefix("账本 umbrella 2026 只到第 1 条，但本机 2026-03-01 已确认到第 2 条") == true)
        try lendStroller(desk, "1")
        #expect(kit.lines(.umbrella).count == 1)
        try desk.close()
    }
}
