import Foundation
import Testing
@testable import DeskDomain

/// The set of books and their heads cannot shrink unnoticed: every head this machine
/// acknowledged is kept in `<data>/.heads` and in the state folder, and opening and `verify`
/// refuse a book that is now shorter, different or gone.
@Suite struct AcknowledgedHeadsTests {
    let clerk = try! OperatorID("clerk.li")

    func umbrellas(_ kit: TamperKit, count: Int, clock: ManualClock = ManualClock(march1st)) throws {
        let w = try BookWriter(data: kit.data, book: .umbrella, clock: clock)
        for i in 1...count {
            clock.advance(by: 60)
            try w.append("umbrella.lent", ["unit": .string("U\(i)"), "depositFen": 5000], op: clerk)
        }
        try w.close()
    }

    func openingError(_ kit: TamperKit, _ book: BookName = .umbrella) -> (any Error)? {
        do { _ = try BookWriter(data: kit.data, book: book, clock: ManualClock(march1st)); return nil } catch { return error }
    }

    func firstDamage(_ kit: TamperKit) throws -> LedgerVerifier.Report? {
        try LedgerVerifier.verify(data: kit.data).first { !$0.isSound }
    }

    @Test func aBookCutShortIsRefusedByOpeningAndVerifyWithTheAcknowledgedSeq() throws {
        let kit = TamperKit()
        try umbrellas(kit, count: 30)
        kit.cut(.umbrella, to: 25)
        let cut = kit.bytes(.umbrella)
        let e = try #require(openingError(kit) as? AcknowledgedHeadMismatch)
        #expect(e.kind == .shorter(endsAt: 25) && e.book == .umbrella && e.year == 2026 && e.seq == 30)
        #expect(e.message(.en).hasPrefix("book umbrella 2026 ends at seq 25 but this machine acknowledged seq 30 on 2026-03-01: the book was cut or rolled back."))
        #expect(e.message(.zhHans).hasPrefix("账本 umbrella 2026 只到第 25 条，但本机 2026-03-01 已确认到第 30 条"))
        #expect(kit.bytes(.umbrella) == cut, "nothing written")
        let bad = try #require(try firstDamage(kit))
        #expect(bad.book == .umbrella && bad.scan.problem == .damaged(seq: 30, offset: 0,
                reason: "book umbrella 2026 ends at seq 25 but this machine acknowledged seq 30 on 2026-03-01"))
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: kit.data)) == .damaged)
    }

    @Test func aBookRewrittenAtTheAcknowledgedSeqIsRefused() throws {
        let kit = TamperKit()
        try umbrellas(kit, count: 30)
        kit.rehash(.umbrella, from: 12)
        let e = try #require(openingError(kit) as? AcknowledgedHeadMismatch)
        #expect(e.kind == .differs && e.seq == 30)
        let bad = try #require(try firstDamage(kit))
        #expect(bad.book == .umbrella && bad.scan.problem?.seq == 30)
        #expect(bad.scan.problem?.reason == "book umbrella 2026 differs at seq 30 from the line this machine acknowledged on 2026-03-01")
    }

    @Test func aTornAcknowledgedLineIsDamageNotATornTail() throws {
        let kit = TamperKit()
        try umbrellas(kit, count: 10)
        let b = kit.bytes(.umbrella)
        kit.write(.umbrella, Array(b.prefix(b.count - 40)))
        let bad = try #require(try firstDamage(kit))
        #expect(!bad.isTornTail && bad.scan.problem?.seq == 10)
        #expect(bad.scan.problem?.reason.hasSuffix("book umbrella 2026 ends at seq 9 but this machine acknowledged seq 10 on 2026-03-01") == true)
    }

    @Test func theDeletedShiftBookIsDamagedAndNamed() throws {
        let kit = TamperKit()
        let f = DeskFixture()
        let desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
        try desk.shift.open(.init(float: "500"), by: f.lead)
        try desk.strollers.lend(.init(unit: "3", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        try desk.shift.close(.init(counted: "500"), by: f.lead)
        try desk.close()
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: kit.data)) == .sound)
        kit.delete(.shift)
        let reports = try LedgerVerifier.verify(data: kit.data)
        #expect(LedgerVerifier.verdict(reports) == .damaged)
        let bad = try #require(reports.first { !$0.isSound })
        #expect(bad.book == .shift && bad.year == 2026 && bad.scan.problem?.seq == 2)
        #expect(bad.scan.problem?.reason == "book shift 2026 has no file but this machine acknowledged seq 2 on 2026-03-01")
        // With the shift book gone, the stroller book can no longer be cut unnoticed either.
        kit.cut(.stroller, to: 0)
        #expect(try LedgerVerifier.verify(data: kit.data).contains { $0.book == .stroller && $0.scan.problem?.seq == 1 })
        // Opening refuses the shift book (the desk opens with it damaged; see DamagedBookTests).
        let e = try #require(openingError(kit, .shift) as? AcknowledgedHeadMismatch)
        #expect(e.kind == .missing && e.message(.en).hasPrefix("book shift 2026 has no file but this machine acknowledged seq 2 on 2026-03-01"))
        #expect(!kit.exists("2026/shift.jsonl"), "nothing written")
    }

    @Test func eachBookDeletedInTurnIsDamagedAndNamed() throws {
        let kit = TamperKit()
        try DemoYear(data: kit.data, year: 2026, events: 400, seed: 3).write()
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: kit.data)) == .sound)
        let saved = kit.saveBooks()
        #expect(Set(saved.keys) == Set(BookName.desk))
        for b in BookName.desk {
            kit.delete(b)
            let reports = try LedgerVerifier.verify(data: kit.data)
            let bad = reports.filter { !$0.isSound }
            #expect(LedgerVerifier.verdict(reports) == .damaged, "\(b)")
            #expect(bad.map(\.book) == [b], "\(b): \(bad.map(\.book))")
            #expect(bad.first?.scan.problem?.reason.hasPrefix("book \(b) 2026 has no file but this machine acknowledged seq ") == true)
            #expect(openingError(kit, b) is AcknowledgedHeadMismatch, "\(b)")
            kit.restore(saved)
        }
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: kit.data)) == .sound)
    }

    @Test func aConsistentRollBackToEveryEarlierCloseIsRefusedAndNewerSnapshotsAreKept() throws {
        let kit = TamperKit()
        try DemoYear(data: kit.data, year: 2026, events: 300, seed: 4).write()
        let saved = kit.saveBooks()
        let snapshots = kit.snapshots()
        #expect(!snapshots.isEmpty)
        let closes = try kit.closes()
        #expect(closes.count >= 20, "\(closes.count) closes")
        let finalShiftSeq = Int64(kit.lines(.shift).count)
        let acknowledged = try #require(AcknowledgedHeads.readAll(data: kit.data).merged.first { $0.book == .shift })
        #expect(acknowledged.seq == finalShiftSeq)
        for close in closes where close.seq < finalShiftSeq {
            kit.rollBack(to: close)
            // Every link and every seal of the rolled-back books holds: only the heads catch it.
            let reports = try LedgerVerifier.verify(data: kit.data)
            let bad = reports.filter { !$0.isSound }
            #expect(bad.contains { $0.book == .shift }, "close at shift seq \(close.seq)")
            #expect(bad.allSatisfy { $0.scan.problem?.reason.contains("but this machine acknowledged seq") == true })
            let shift = try #require(bad.first { $0.book == .shift })
            #expect(shift.scan.problem?.reason == "book shift 2026 ends at seq \(close.seq) but this machine acknowledged seq \(finalShiftSeq) on \(acknowledged.date)")
            // The desk opens, with the rolled-back books damaged, and overwrites no snapshot.
            let desk = try Desk(context: DeskContext.open(kit.data, clock: ManualClock(ExportFixture.endOf2026)), pinRounds: 1000)
            let e = try #require(desk.damage(of: .shift) as? AcknowledgedHeadMismatch)
            #expect(e.kind == .shorter(endsAt: close.seq) && e.seq == finalShiftSeq)
            try desk.saveSnapshots()
            try desk.close()
            #expect(kit.snapshots() == snapshots, "close at shift seq \(close.seq): a snapshot was overwritten")
            kit.restore(saved)
        }
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: kit.data)) == .sound)
    }

    @Test func aLostHeadsFileIsReportedAndTheStateCopyStillCatchesTheRollBack() throws {
        let kit = TamperKit()
        try umbrellas(kit, count: 30)
        #expect(LedgerVerifier.registerProblems(data: kit.data).isEmpty)
        try FileManager.default.removeItem(atPath: kit.dir.path + "/.heads")
        let problems = LedgerVerifier.registerProblems(data: kit.data)
        #expect(problems.count == 1 && problems[0].hasPrefix("the data directory's register \(kit.dir.path)/.heads is missing, but this machine's copy "), "\(problems)")
        kit.cut(.umbrella, to: 20)
        let e = try #require(openingError(kit) as? AcknowledgedHeadMismatch)
        #expect(e.kind == .shorter(endsAt: 20) && e.seq == 30)
        #expect(try firstDamage(kit)?.scan.problem?.seq == 30)
        #expect(!kit.exists(".heads"), "nothing restored silently")
        // Without the state folder (the copy in the data directory gone too) nothing is left
        // on the machine to catch it: that is what the seal codes are for.
        #expect(try LedgerVerifier.verify(data: DataDirectory(path: kit.dir.path)).allSatisfy(\.isSound))
    }

    @Test func aDeletedIdIsReportedAndTheStateCopyIsStillFoundByPath() throws {
        let kit = TamperKit()
        try umbrellas(kit, count: 5)
        let id = try #require(AcknowledgedHeads.readAll(data: kit.data).id)
        #expect(id.count == 32)
        try FileManager.default.removeItem(atPath: kit.dir.path + "/.id")
        #expect(LedgerVerifier.registerProblems(data: kit.data) == ["the data directory's id file .id is missing, but its registers name id \(id)"])
        try FileManager.default.removeItem(atPath: kit.dir.path + "/.heads")
        kit.cut(.umbrella, to: 3)
        #expect((openingError(kit) as? AcknowledgedHeadMismatch)?.kind == .shorter(endsAt: 3))
    }

    @Test func aMovedDataDirectoryFindsItsStateCopyByItsId() throws {
        let kit = TamperKit()
        try umbrellas(kit, count: 5)
        let moved = TemporaryDirectory()
        try FileManager.default.removeItem(atPath: moved.path)
        try FileManager.default.copyItem(atPath: kit.dir.path, toPath: moved.path)
        try FileManager.default.removeItem(atPath: moved.path + "/.heads")
        let data = DataDirectory(path: moved.path, stateFolder: kit.state.path + "/plazadesk")
        moved.write("2026/umbrella.jsonl", Array(kit.lines(.umbrella).prefix(2).flatMap { $0 + [10] }))
        do { _ = try BookWriter(data: data, book: .umbrella, clock: ManualClock(march1st)); Issue.record("opened") } catch let e as AcknowledgedHeadMismatch {
            #expect(e.kind == .shorter(endsAt: 2))
        }
    }

    @Test func aBrandNewDataDirectoryIsFineAndARecordThatLagsIsNoAlarm() throws {
        let kit = TamperKit()
        #expect(try LedgerVerifier.verify(data: kit.data).isEmpty)
        #expect(LedgerVerifier.registerProblems(data: kit.data).isEmpty)
        try umbrellas(kit, count: 10)
        let early = kit.dir.bytes(".heads")
        let clock = ManualClock(march1st + 3600)
        try umbrellas(kit, count: 10, clock: clock)
        // A crash before the batch fsync: the record lags the ledger. Never an alarm.
        kit.dir.write(".heads", early)
        #expect(openingError(kit) == nil)
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: kit.data)) == .sound)
        // A slot torn by the crash is ignored, not read as a higher head.
        var torn = kit.dir.bytes(".heads")
        torn[AcknowledgedHeads.slotSize + 20] = UInt8(ascii: "9")
        kit.dir.write(".heads", torn)
        #expect(AcknowledgedHeads.readAll(data: kit.data).dataCopy?.badSlots == 1)
        #expect(openingError(kit) == nil)
    }

    @Test func aDeskOpeningItsBooksInParallelOnANewDirectoryMakesOneId() throws {
        for _ in 0..<10 {
            let kit = TamperKit()
            let f = DeskFixture()
            let desk = try Desk(context: kit.context(f.clock), pinRounds: 1000)
            try desk.strollers.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
            try desk.close()
            let disk = AcknowledgedHeads.readAll(data: kit.data)
            #expect(disk.id != nil && disk.dataCopy?.id == disk.id && disk.stateCopy?.id == disk.id)
            #expect(LedgerVerifier.registerProblems(data: kit.data).isEmpty)
            #expect(kit.dir.files(in: "").filter { $0.hasPrefix(".id") } == [".id"])
        }
    }

    @Test func writersTakingTurnsLeaveOneSlotPerBookAndYear() throws {
        let kit = TamperKit()
        let clock = ManualClock(march1st)
        let a = try BookWriter(data: kit.data, book: .umbrella, clock: clock)
        let b = try BookWriter(data: kit.data, book: .umbrella, clock: clock)
        let c = try BookWriter(data: kit.data, book: .stroller, clock: clock)
        for i in 0..<50 {
            try [a, b, c][i % 3].append("x.y", ["i": .int(Int64(i))], op: clerk)
        }
        try a.close(); try b.close(); try c.close()
        let disk = AcknowledgedHeads.readAll(data: kit.data)
        for copy in [disk.dataCopy, disk.stateCopy] {
            let records = try #require(copy?.records)
            #expect(records.count == 2 && copy?.badSlots == 0)
            #expect(records.first { $0.book == .umbrella }?.seq == 34 && records.first { $0.book == .stroller }?.seq == 16)
        }
        #expect(kit.dir.bytes(".heads").count == 3 * AcknowledgedHeads.slotSize)
    }
}
