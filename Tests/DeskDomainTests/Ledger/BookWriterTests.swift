import Foundation
import Testing
@testable import DeskDomain

/// One test per promise in Sources/DeskDomain/Ledger/GUARANTEES.md.
@Suite struct BookWriterTests {
    let clerk = try! OperatorID("clerk.li")

    func writeBook(_ dir: TemporaryDirectory, events: Int, clock: ManualClock = ManualClock(march1st)) throws -> [LedgerRecord] {
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        var out: [LedgerRecord] = []
        for i in 0..<events {
            clock.advance(by: 60)
            out.append(try w.append("umbrella.lent", JSONObject([("unit", .string("U\(i)")), ("customer", "王芳"), ("n", .int(Int64(i)))]), op: clerk))
        }
        try w.close()
        return out
    }

    func scan(_ dir: TemporaryDirectory, year: Int = 2026) throws -> BookScan {
        try BookScanner.scan(path: "\(dir.path)/\(year)/umbrella.jsonl", startPrev: .zero, decode: false)
    }

    @Test func oneLineOneEventOneHash_andAGaplessChain() throws {
        let dir = TemporaryDirectory()
        let written = try writeBook(dir, events: 20)
        var replayed: [LedgerRecord] = []
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: ManualClock(march1st + 86400)) { replayed.append($0) }
        #expect(replayed == written)
        #expect(replayed.map(\.seq) == Array(1...20))
        #expect(replayed.first?.prev == .zero)
        for (a, b) in zip(replayed, replayed.dropFirst()) { #expect(b.prev == a.hash) }
        #expect(w.head.seq == 20)
        let lines = dir.bytes("2026/umbrella.jsonl").split(separator: 10)
        #expect(lines.count == 20)
    }

    @Test func anewYearLinksToTheLastHashOfThePreviousYear() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 23, minute: 58)))
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        let last2026 = try w.append("umbrella.lent", ["unit": "U1"], op: clerk)
        clock.advance(by: 180)
        let first2027 = try w.append("umbrella.returned", ["unit": "U1"], op: clerk)
        try w.close()
        #expect(first2027.seq == 1)
        #expect(first2027.prev == last2026.hash)
        let reports = try LedgerVerifier.verify(data: dir.data)
        #expect(reports.map(\.year) == [2026, 2027])
        #expect(LedgerVerifier.verdict(reports) == .sound)
        // Verifying 2027 alone still checks its link to 2026.
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data, year: 2027)) == .sound)
        // A clock that goes back to 2026 may not write there any more.
        clock.set(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 23)))
        let again = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        #expect(throws: LedgerError.clockBehind(book: .umbrella, clockYear: 2026, bookYear: 2027)) {
            try again.append("umbrella.lent", [:], op: clerk)
        }
    }

    @Test func aFlippedByteAnywhereIsFoundWithTheRightSeq() throws {
        let dir = TemporaryDirectory()
        _ = try writeBook(dir, events: 4)
        let original = dir.bytes("2026/umbrella.jsonl")
        let lineEnds = original.indices.filter { original[$0] == 10 }
        for offset in original.indices {
            var damaged = original
            damaged[offset] ^= 0x04
            dir.write("2026/umbrella.jsonl", damaged)
            let result = try scan(dir)
            let line = lineEnds.firstIndex { $0 >= offset }!
            let problem = try #require(result.problem, "flip at \(offset) not found")
            #expect(problem.seq == Int64(line + 1), "flip at \(offset): \(problem)")
            // The last line (or a line merged into it) may be a torn tail; any other is damage.
            let reachesEnd = line >= lineEnds.count - 2 && (line == lineEnds.count - 1 || offset == lineEnds[line])
            if case .tornTail = problem { #expect(reachesEnd, "flip at \(offset) called torn") }
            else { #expect(!reachesEnd || line < lineEnds.count - 1, "flip at \(offset)") }
            #expect(result.events == Int64(line))
        }
    }

    @Test func aTornTailIsSetAsideAtEveryCutOfTheLastLine() throws {
        let dir = TemporaryDirectory()
        let written = try writeBook(dir, events: 3)
        let original = dir.bytes("2026/umbrella.jsonl")
        let lastStart = original.dropLast().lastIndex(of: 10)! + 1
        for cut in lastStart..<(original.count - 1) {
            let cutDir = TemporaryDirectory()
            try FileManager.default.createDirectory(atPath: cutDir.path + "/2026", withIntermediateDirectories: true)
            cutDir.write("2026/umbrella.jsonl", Array(original[..<cut]))
            let verdict = LedgerVerifier.verdict(try LedgerVerifier.verify(data: cutDir.data))
            var replayed: [LedgerRecord] = []
            let clock = ManualClock(march1st + 86400)
            let w = try BookWriter(data: cutDir.data, book: .umbrella, clock: clock, recoveryOperator: clerk) { replayed.append($0) }
            try w.close()
            #expect(Array(replayed.prefix(2)) == Array(written.prefix(2)))
            if cut == lastStart {
                #expect(verdict == .sound)
                #expect(w.recoveries.isEmpty)
                #expect(replayed.count == 2)
                continue
            }
            #expect(verdict == .tornTailOnly)
            // Recorded, never silent: a quarantine file with exactly the torn bytes, and an event.
            let rec = try #require(w.recoveries.first)
            #expect(rec.bytes == Int64(cut - lastStart))
            #expect(cutDir.bytes("2026/" + (rec.quarantinePath as NSString).lastPathComponent) == Array(original[lastStart..<cut]))
            let event = try #require(replayed.last)
            #expect(replayed.count == 3)
            #expect(event.ev == LedgerEvents.recovered && event.seq == 3 && event.op == clerk)
            #expect(event.body["bytes"] == .int(Int64(cut - lastStart)))
            #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: cutDir.data)) == .sound)
        }
    }

    @Test func aCompleteLastLineThatFailsItsHashIsATornTailToo() throws {
        let dir = TemporaryDirectory()
        _ = try writeBook(dir, events: 3)
        var bytes = dir.bytes("2026/umbrella.jsonl")
        let i = bytes.count - 100
        bytes[i] ^= 1
        dir.write("2026/umbrella.jsonl", bytes)
        // Acknowledged (AcknowledgedHeads): no crash tears it, so it is damage, and nothing is set aside.
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .damaged)
        #expect(throws: AcknowledgedHeadMismatch.self) { _ = try BookWriter(data: dir.data, book: .umbrella, clock: ManualClock(march1st + 86400)) }
        #expect(dir.bytes("2026/umbrella.jsonl") == bytes)
        // Never acknowledged (the writer died between its write and the record): a torn tail.
        try FileManager.default.removeItem(atPath: dir.path + "/.heads")
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .tornTailOnly)
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: ManualClock(march1st + 86400))
        #expect(w.recoveries.map(\.seq) == [3])
    }

    @Test func damageBeforeTheTailStopsWriting() throws {
        let dir = TemporaryDirectory()
        _ = try writeBook(dir, events: 5)
        var bytes = dir.bytes("2026/umbrella.jsonl")
        let secondLine = bytes.firstIndex(of: 10)! + 1
        bytes[secondLine + 40] ^= 0x01
        dir.write("2026/umbrella.jsonl", bytes)
        do {
            _ = try BookWriter(data: dir.data, book: .umbrella, clock: ManualClock(march1st))
            Issue.record("a damaged book opened for writing")
        } catch let LedgerError.damaged(book, year, seq, _) {
            #expect(book == .umbrella && year == 2026 && seq == 2)
        }
        #expect(dir.bytes("2026/umbrella.jsonl") == bytes, "the damaged file was changed")
        let reports = try LedgerVerifier.verify(data: dir.data)
        #expect(LedgerVerifier.verdict(reports) == .damaged)
        #expect(reports.first?.scan.problem?.seq == 2)
    }

    @Test func removedOrReorderedLinesAreFound() throws {
        let dir = TemporaryDirectory()
        _ = try writeBook(dir, events: 5)
        let lines = dir.bytes("2026/umbrella.jsonl").split(separator: 10, omittingEmptySubsequences: false).dropLast().map(Array.init)
        func joined(_ ls: [[UInt8]]) -> [UInt8] { ls.flatMap { $0 + [10] } }
        dir.write("2026/umbrella.jsonl", joined([lines[0], lines[2], lines[3], lines[4]]))
        #expect(try scan(dir).problem == .damaged(seq: 2, offset: Int64(lines[0].count + 1), reason: "seq is 3, expected 2"))
        dir.write("2026/umbrella.jsonl", joined([lines[0], lines[1], lines[3], lines[2], lines[4]]))
        #expect(try scan(dir).problem?.seq == 3)
        dir.write("2026/umbrella.jsonl", joined([lines[0], lines[1], lines[1], lines[2]]))
        #expect(try scan(dir).problem?.seq == 3)
    }

    @Test func otherWritersLinesAreCaughtUpAndReplayed() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        var seenByA: [Int64] = []
        let a = try BookWriter(data: dir.data, book: .umbrella, clock: clock) { seenByA.append($0.seq) }
        let b = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        try a.append("x.a", [:], op: clerk)
        try b.append("x.b", [:], op: clerk)
        try b.append("x.b", [:], op: clerk)
        let r = try a.append("x.a", [:], op: clerk)
        #expect(r.seq == 4)
        #expect(seenByA == [1, 2, 3, 4])
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .sound)
    }

    /// A writer whose clock passed New Year first starts the new year. The other writer
    /// notices before its next append, whether the new year's folder was made just then or
    /// was already there (another book's): with its clock still in the old year it refuses
    /// (writing on in the old year would fork the chain), and once its clock has passed too
    /// it goes on in the new year after the first writer's line.
    @Test func aYearAnotherWriterStartedIsFollowed() throws {
        for folderAlreadyThere in [false, true] {
            let dir = TemporaryDirectory()
            let newYear = PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 1))
            let early = ManualClock(newYear - 3_600), late = ManualClock(newYear + 60)
            var seenByA: [Int64] = []
            let a = try BookWriter(data: dir.data, book: .umbrella, clock: early) { seenByA.append($0.seq) }
            try a.append("x.a", [:], op: clerk)
            try a.append("x.a", [:], op: clerk)   // the year folders are listed by now
            if folderAlreadyThere {
                let other = try BookWriter(data: dir.data, book: .stroller, clock: late)
                try other.append("x.s", [:], op: clerk)
                try a.append("x.a", [:], op: clerk)   // 2027 is there, but no umbrella book in it yet
            }
            let b = try BookWriter(data: dir.data, book: .umbrella, clock: late)
            try b.append("x.b", [:], op: clerk)
            let before = dir.bytes("2026/umbrella.jsonl").count
            #expect(throws: LedgerError.self) { try a.append("x.a", [:], op: clerk) }
            #expect(dir.bytes("2026/umbrella.jsonl").count == before, "nothing written into the old year")
            early.set(newYear + 120)
            let r = try a.append("x.a", [:], op: clerk)
            #expect(r.seq == 2 && seenByA.suffix(2) == [1, 2], "a went on in 2027, after b's line")
            #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .sound)
            let lines = { (path: String) in dir.bytes(path).filter { $0 == 10 }.count }
            #expect(lines("2027/umbrella.jsonl") == 2 && lines("2026/umbrella.jsonl") == (folderAlreadyThere ? 3 : 2))
        }
    }

    @Test func deferredWritesTheSameBytesAsImmediate() throws {
        let one = TemporaryDirectory(), two = TemporaryDirectory()
        for (dir, mode) in [(one, Durability.immediate), (two, Durability.deferred)] {
            let clock = ManualClock(march1st)
            let w = try BookWriter(data: dir.data, book: .points, clock: clock, durability: mode)
            for i in 0..<50 { clock.advance(by: 7); try w.append("points.earned", ["n": .int(Int64(i))], op: clerk) }
            try w.close()
        }
        #expect(one.bytes("2026/points.jsonl") == two.bytes("2026/points.jsonl"))
        #expect(!one.bytes("2026/points.jsonl").isEmpty)
    }

    @Test func anOversizedEventIsRefusedAndNothingIsWritten() throws {
        let dir = TemporaryDirectory()
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: ManualClock(march1st))
        try w.append("ok", [:], op: clerk)
        let before = dir.bytes("2026/umbrella.jsonl")
        #expect(throws: LedgerError.self) {
            try w.append("big", ["x": .string(String(repeating: "a", count: LedgerLimits.maxLineBytes))], op: clerk)
        }
        #expect(dir.bytes("2026/umbrella.jsonl") == before)
        #expect(try w.append("ok", [:], op: clerk).seq == 2)
    }

    @Test func aLongWindowSpanningBookScansInWindows() throws {
        // More than one scan window with lines that straddle window borders.
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        let w = try BookWriter(data: dir.data, book: .lostfound, clock: clock, durability: .deferred)
        let filler = String(repeating: "失物", count: 3000)
        for i in 0..<2000 { try w.append("lostfound.registered", ["n": .int(Int64(i)), "note": .string(filler)], op: clerk) }
        try w.close()
        var count = 0
        let result = try BookScanner.scan(path: dir.path + "/2026/lostfound.jsonl", startPrev: .zero, decode: true) { count += $0.count }
        #expect(result.problem == nil)
        #expect(result.events == 2000 && count == 2000)
        #expect(result.soundLength == result.fileSize)
    }

    @Test func verifyOfAMissingDataDirectoryIsAClearError() {
        #expect(throws: LedgerError.noDataDirectory(path: "/nonexistent/plazadesk")) {
            try LedgerVerifier.verify(data: DataDirectory(path: "/nonexistent/plazadesk"))
        }
    }
}
