import Foundation
import Testing
@testable import DeskDomain

/// Opening a service book: replay across years, and the derived snapshot that is used only
/// while it matches the ledger.
@Suite struct ServiceBookTests {
    let f = DeskFixture()

    func lendSome(_ desk: StrollerDesk, _ units: ClosedRange<Int>) throws {
        for i in units {
            try desk.lend(.init(unit: String(i), customer: "顾客\(i)", phone: "13800000000", noticeAcknowledged: true), by: f.clerk)
            f.later(minutes: 1)
        }
    }

    @Test func stateOutlivesTheYear() throws {
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 21)))
        let desk = try StrollerDesk(context: f.context)
        try lendSome(desk, 1...3)
        f.later(days: 1)
        try desk.giveBack(.init(unit: "2"), by: f.clerk)
        try desk.book.close()
        let reopened = try StrollerDesk(context: f.context, useSnapshot: false)
        #expect(reopened.unitsOut.map(\.unit) == ["S001", "S003"])
        #expect(reopened.book.head.year == 2027 && reopened.book.head.seq == 1)
    }

    @Test func aSnapshotIsUsedOnlyWhileTheLedgerStillHasItsHash() throws {
        let desk = try StrollerDesk(context: f.context)
        try lendSome(desk, 1...4)
        try desk.book.saveSnapshot()
        try lendSome(desk, 5...6)
        let live = desk.state
        try desk.book.close()
        // The snapshot is older than the ledger: used, and the rest replayed.
        let a = try StrollerDesk(context: f.context)
        #expect(a.book.openedFromSnapshot && a.state == live)
        try a.book.close()
        // A snapshot whose hash the ledger does not have is ignored.
        let path = f.dir.path + "/.snapshots/stroller.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let hash = text.range(of: #""hash":""#)!.upperBound
        text.replaceSubrange(hash..<text.index(hash, offsetBy: 1), with: text[hash] == "0" ? "1" : "0")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let b = try StrollerDesk(context: f.context)
        #expect(!b.book.openedFromSnapshot && b.state == live)
        try b.book.close()
        // Garbage in the snapshot file is ignored.
        try "{not json".write(toFile: path, atomically: true, encoding: .utf8)
        let c = try StrollerDesk(context: f.context)
        #expect(!c.book.openedFromSnapshot && c.state == live)
        try c.book.close()
        // No snapshot at all: replayed.
        SnapshotStore.removeAll(data: f.dir.data)
        #expect(try StrollerDesk(context: f.context).state == live)
    }

    @Test func aSnapshotDoesNotHideDamage() throws {
        let desk = try StrollerDesk(context: f.context)
        try lendSome(desk, 1...4)
        try desk.book.saveSnapshot()
        try desk.book.close()
        var bytes = f.dir.bytes("2026/stroller.jsonl")
        let second = bytes.firstIndex(of: 10)! + 1
        bytes[second + 30] ^= 1
        f.dir.write("2026/stroller.jsonl", bytes)
        #expect(throws: LedgerError.self) { _ = try StrollerDesk(context: f.context) }
    }
}
