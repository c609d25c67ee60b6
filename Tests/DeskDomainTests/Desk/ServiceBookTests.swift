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
        let snapshotHash = desk.book.head.hash.hex
        try lendSome(desk, 5...6)
        let live = desk.state
        try desk.book.close()
        // The snapshot is older than the ledger: used, and the rest replayed.
        let a = try StrollerDesk(context: f.context)
        #expect(a.book.openedFromSnapshot && a.state == live)
        try a.book.close()
        // A snapshot whose hash the ledger does not have is ignored.
        let path = ".snapshots/stroller.snap"
        let good = f.dir.bytes(path)
        var bytes = good
        let hex = Array(snapshotHash.utf8)
        let i = try #require((0...(bytes.count - hex.count)).first { Array(bytes[$0..<$0 + hex.count]) == hex })
        bytes[i] = bytes[i] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        f.dir.write(path, bytes)
        let b = try StrollerDesk(context: f.context)
        #expect(!b.book.openedFromSnapshot && b.state == live)
        try b.book.close()
        // Garbage, or the file cut anywhere, is ignored: the book is replayed.
        for broken in [Array("{not json".utf8), Array(good.prefix(10)), Array(good.prefix(good.count / 2)), Array(good.dropLast()),
                       good + [0]] {
            f.dir.write(path, broken)
            let c = try StrollerDesk(context: f.context)
            #expect(!c.book.openedFromSnapshot && c.state == live)
            try c.book.close()
        }
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
        // Opened in damaged mode (DamagedBookTests): the damage named, nothing writable.
        let damaged = try StrollerDesk(context: f.context)
        guard case let LedgerError.damaged(book, year, seq, _)? = damaged.book.damage as? LedgerError else {
            Issue.record("not damaged"); return
        }
        #expect(book == .stroller && year == 2026 && seq == 2)
    }
}
