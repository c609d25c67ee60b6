import Foundation
import Glibc
import Testing
@testable import DeskDomain

/// `archive --before`: old years leave the live folder unchanged and stay verifiable.
@Suite struct YearArchiverTests {
    let clerk = try! OperatorID("clerk.li")

    func instant(_ year: Int) -> Int64 { PlazaTime.china.instant(CivilTime(year: year, month: 6, day: 1, hour: 10)) }

    /// Umbrella and stroller books in 2023, 2024, 2025 and 2026, each year linked to the last.
    func fourYears(_ dir: TemporaryDirectory) throws {
        for book in [BookName.umbrella, .stroller] {
            let clock = ManualClock(instant(2023))
            let w = try BookWriter(data: dir.data, book: book, clock: clock)
            for y in 2023...2026 {
                clock.set(instant(y))
                for i in 0..<5 { try w.append("\(book).lent", ["unit": .string("U\(i)"), "year": .int(Int64(y))], op: clerk) }
            }
            try w.close()
        }
    }

    @Test func yearsPastRetentionMoveUnchangedAndStillVerify() throws {
        let dir = TemporaryDirectory()
        try fourYears(dir)
        let before = dir.bytes("2024/umbrella.jsonl")
        let moved = try YearArchiver(data: dir.data, clock: ManualClock(instant(2026))).archive(before: 2025)
        #expect(moved == [2023, 2024])
        #expect(dir.files(in: ".").filter { $0.count == 4 } == ["2025", "2026"])
        #expect(dir.files(in: "archive") == ["2023", "2024"])
        #expect(dir.bytes("archive/2024/umbrella.jsonl") == before)
        // verify --year finds the archived year; 2025 still links to archived 2024.
        let y2024 = try LedgerVerifier.verify(data: dir.data, year: 2024)
        #expect(y2024.count == 2 && y2024.allSatisfy(\.isSound))
        let all = try LedgerVerifier.verify(data: dir.data)
        #expect(all.count == 8 && LedgerVerifier.verdict(all) == .sound)
        // A forged archived year breaks the link into the live one.
        var forged = before
        forged[forged.count - 10] = forged[forged.count - 10] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        dir.write("archive/2024/umbrella.jsonl", forged)
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data, year: 2025)) != .sound)
        // The desk keeps writing 2026 after the move.
        let w = try BookWriter(data: DataDirectory(path: dir.path), book: .stroller, clock: ManualClock(instant(2026) + 60))
        #expect(try w.append("stroller.lent", ["unit": "U9"], op: clerk).seq == 6)
        try w.close()
    }

    @Test func aYearInsideTheRetentionIsRefused() throws {
        let dir = TemporaryDirectory()
        try fourYears(dir)
        let archiver = YearArchiver(data: dir.data, clock: ManualClock(instant(2026)))
        #expect(throws: ExportError.withinRetention(year: 2025, currentYear: 2026)) { try archiver.archive(before: 2026) }
        #expect(throws: ExportError.nothingToArchive(before: 2020)) { try archiver.archive(before: 2020) }
        #expect(dir.files(in: ".").filter { $0.count == 4 } == ["2023", "2024", "2025", "2026"])
        try archiver.archive(before: 2024)
        #expect(dir.files(in: "archive") == ["2023"])
        #expect(try archiver.archive(before: 2025) == [2024])
    }

    @Test func aBookInUseIsNotMovedFromUnderItsWriter() throws {
        let dir = TemporaryDirectory()
        try fourYears(dir)
        let fd = open(dir.path + "/.locks/stroller.lock", O_RDWR)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let archiver = YearArchiver(data: dir.data, clock: ManualClock(instant(2026)))
        #expect(throws: ExportError.bookInUse(book: "stroller")) { try archiver.archive(before: 2025) }
        #expect(dir.files(in: ".").filter { $0.count == 4 } == ["2023", "2024", "2025", "2026"])
        flock(fd, LOCK_UN)
        close(fd)
        #expect(try archiver.archive(before: 2025) == [2023, 2024])
    }
}
