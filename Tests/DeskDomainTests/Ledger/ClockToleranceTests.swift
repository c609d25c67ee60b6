import Foundation
import Testing
@testable import DeskDomain

/// A clock set back is refused before anything is written (GUARANTEES: "Times do not run
/// backwards"); within the tolerance is fine, and the tolerance is the config's.
@Suite struct ClockToleranceTests {
    let clerk = try! OperatorID("clerk.li")
    let at10 = "2026-03-01T10:00:00+08:00"

    @Test func aClockSetBackTenMinutesIsRefusedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        try w.append("umbrella.lent", ["unit": "U1"], op: clerk)
        let before = dir.bytes("2026/umbrella.jsonl")
        clock.set(march1st - 600)
        #expect(throws: LedgerError.clockBackwards(book: .umbrella, clock: "2026-03-01T09:50:00+08:00", lastEntry: at10)) {
            try w.append("umbrella.lent", ["unit": "U2"], op: clerk)
        }
        #expect(dir.bytes("2026/umbrella.jsonl") == before)
        #expect(w.head.seq == 1)
        // Within the five minutes' tolerance (clocks drift, two consoles differ by seconds).
        clock.set(march1st - 300)
        #expect(try w.append("umbrella.lent", ["unit": "U2"], op: clerk).seq == 2)
        let said = LedgerError.clockBackwards(book: .umbrella, clock: "2026-03-01T09:50:00+08:00", lastEntry: at10).description
        #expect(said == "the machine's clock says 2026-03-01T09:50:00+08:00 but the last entry of book umbrella is \(at10): check the date and time. Nothing was written.")
    }

    @Test func theLastEntryIsReadFromTheFileWhenNoRecordWasDecoded() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        let first = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        let rec = try first.append("umbrella.lent", ["unit": "U1", "note": .string(String(repeating: "长", count: 30_000))], op: clerk)
        try first.close()
        // Opening after a snapshot decodes nothing it covers: the time comes from the line.
        clock.set(march1st - 3600)
        let reopened = try BookWriter(data: dir.data, book: .umbrella, clock: clock,
                                      start: .after(year: 2026, seq: rec.seq, hash: rec.hash))
        #expect(throws: LedgerError.clockBackwards(book: .umbrella, clock: "2026-03-01T09:00:00+08:00", lastEntry: at10)) {
            try reopened.append("umbrella.lent", ["unit": "U2"], op: clerk)
        }
    }

    @Test func anotherConsolesLaterEntryCounts() throws {
        let dir = TemporaryDirectory()
        let clockA = ManualClock(march1st), clockB = ManualClock(march1st + 3600)
        let a = try BookWriter(data: dir.data, book: .stroller, clock: clockA)
        try a.append("stroller.lent", ["unit": "S1"], op: clerk)
        let b = try BookWriter(data: dir.data, book: .stroller, clock: clockB)
        try b.append("stroller.lent", ["unit": "S2"], op: clerk)
        // Console A's clock is an hour behind B's: its next entry would run the book backwards.
        clockA.advance(by: 60)
        #expect(throws: LedgerError.clockBackwards(book: .stroller, clock: "2026-03-01T10:01:00+08:00",
                                                   lastEntry: "2026-03-01T11:00:00+08:00")) {
            try a.append("stroller.lent", ["unit": "S3"], op: clerk)
        }
        #expect(b.head.seq == 2 || b.head.seq == 1)
        #expect(try BookScanner.scan(path: dir.path + "/2026/stroller.jsonl", startPrev: .zero, decode: false).lastSeq == 2)
    }

    @Test func theToleranceIsTheConfigs() throws {
        #expect(DeskConfig().clockToleranceMinutes == 5)
        let f = DeskFixture()
        f.config = try DeskConfig.parse("[plaza]\nclock_tolerance_minutes = 30\n")
        let desk = try Desk(context: f.context, pinRounds: 1)
        try desk.strollers.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        f.clock.advance(by: -20 * 60)
        try desk.strollers.lend(.init(unit: "2", customer: "李四", phone: "13912345678", noticeAcknowledged: true), by: f.clerk)
        // Steps back that are each within the tolerance do not add up: 10:00 is the latest.
        f.clock.advance(by: -11 * 60)
        let before = desk.headSeqSum
        #expect(throws: LedgerError.clockBackwards(book: .stroller, clock: "2026-03-01T09:29:00+08:00",
                                                   lastEntry: "2026-03-01T10:00:00+08:00")) {
            try desk.strollers.lend(.init(unit: "3", customer: "张三", phone: "13712345678", noticeAcknowledged: true), by: f.clerk)
        }
        #expect(desk.headSeqSum == before)
        #expect(desk.strollers.unitsOut.count == 2)
        #expect(throws: ConfigError.self) { try DeskConfig.parse("[plaza]\nclock_tolerance_minutes = -1\n") }
    }

    /// A clock a year ahead cannot be told from a desk reopened after a long closure, so
    /// its entry is recorded (in the next year's book); once the clock is put right, every
    /// entry is refused with the words that say why, until a lead has looked (GUARANTEES).
    @Test func aClockAYearAheadWritesThereAndTheCorrectedClockIsRefused() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        try w.append("umbrella.lent", ["unit": "U1"], op: clerk)
        clock.advance(by: 365 * 86400)
        let ahead = try w.append("umbrella.lent", ["unit": "U2"], op: clerk)
        #expect(ahead.seq == 1 && FileManager.default.fileExists(atPath: dir.path + "/2027/umbrella.jsonl"))
        clock.set(march1st + 3600)
        #expect(throws: LedgerError.clockBehind(book: .umbrella, clockYear: 2026, bookYear: 2027)) {
            try w.append("umbrella.lent", ["unit": "U3"], op: clerk)
        }
        // Within the same year the refusal names the future entry.
        clock.set(march1st + 365 * 86400 - 3600)
        #expect(throws: LedgerError.clockBackwards(book: .umbrella, clock: "2027-03-01T09:00:00+08:00",
                                                   lastEntry: "2027-03-01T10:00:00+08:00")) {
            try w.append("umbrella.lent", ["unit": "U3"], op: clerk)
        }
    }
}
