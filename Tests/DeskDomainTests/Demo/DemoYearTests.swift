import Foundation
import Testing
@testable import DeskDomain

/// The demo year goes through the real services, and replaying it rebuilds exactly the
/// state that was live when it was written.
@Suite struct DemoYearTests {
    @Test func replayingTheYearRebuildsTheLiveState() throws {
        let dir = TemporaryDirectory()
        var live: Desk.States?
        let written = try DemoYear(data: dir.data, year: 2026, events: 6000, seed: 7).write { live = $0.states }
        #expect(written >= 6000 && written < 6100)
        let endOfYear = ManualClock(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 23)))
        let replayed = try Desk(context: try DeskContext.open(dir.data, clock: endOfYear), useSnapshots: false)
        #expect(replayed.states == live)
        try replayed.close()
        let fromSnapshots = try Desk(context: try DeskContext.open(dir.data, clock: endOfYear))
        #expect(fromSnapshots.lostFound.book.openedFromSnapshot && fromSnapshots.points.book.openedFromSnapshot)
        #expect(fromSnapshots.states == live)
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .sound)
    }

    @Test func theYearHoldsEveryEventTypeOfEveryService() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 12000, seed: 3).write()
        var seen = Set<String>()
        var damageChecks = Set<String>()
        for book in BookName.desk {
            _ = try BookScanner.scan(path: "\(dir.path)/2026/\(book.fileName)", startPrev: .zero, decode: true) { records in
                for r in records {
                    seen.insert(r.ev)
                    if r.ev == UmbrellaEvents.returned, let d = r.body["damage"]?.stringValue { damageChecks.insert(d) }
                }
            }
        }
        #expect(damageChecks == ["none", "damaged", "lost"], "every umbrella damage check is in the demo year")
        let expected: [String] = [
            StrollerEvents.lent, StrollerEvents.returned, StrollerEvents.unitRepaired, StrollerEvents.unitRetired,
            UmbrellaEvents.lent, UmbrellaEvents.returned, UmbrellaEvents.depositReleased, UmbrellaEvents.depositForfeited,
            UmbrellaEvents.unitRepaired, UmbrellaEvents.unitRetired,
            LostFoundEvents.itemReceived, LostFoundEvents.reportTaken, LostFoundEvents.reportClosed, LostFoundEvents.claimDescribed,
            LostFoundEvents.claimRefused, LostFoundEvents.claimed, LostFoundEvents.disposed,
            PointsEvents.cardEnrolled, PointsEvents.earned, PointsEvents.redeemed, PointsEvents.adjusted, PointsEvents.cardReportedLost,
            PointsEvents.cardReissued,
            InvoiceEvents.numbersAllocated, InvoiceEvents.issued, InvoiceEvents.voided, InvoiceEvents.redLetterIssued,
            PaidServicesEvents.receiptIssued, PaidServicesEvents.receiptVoided,
            OperatorEvents.added, OperatorEvents.pinSet, OperatorEvents.disabled, OperatorEvents.enabled,
        ]
        for ev in expected { #expect(seen.contains(ev), "\(ev) missing from the demo year") }
    }

    @Test func theSameSeedWritesTheSameYear() throws {
        let a = TemporaryDirectory(), b = TemporaryDirectory()
        try DemoYear(data: a.data, year: 2026, events: 1500, seed: 11).write()
        try DemoYear(data: b.data, year: 2026, events: 1500, seed: 11).write()
        // (Books holding keyed hashes of ID numbers differ: each data directory has its own key.)
        for book in [BookName.umbrella, .stroller, .invoice, .services] {
            #expect(a.bytes("2026/\(book.fileName)") == b.bytes("2026/\(book.fileName)"), "\(book)")
            #expect(!a.bytes("2026/\(book.fileName)").isEmpty)
        }
    }
}
