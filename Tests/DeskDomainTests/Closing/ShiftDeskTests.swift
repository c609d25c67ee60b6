import Foundation
import Testing
@testable import DeskDomain

/// The shift close: the figures of a shift are what the test itself did at the desk, a
/// difference is recorded and never refused, only a lead writes, and the seal names every
/// book's head.
@Suite struct ShiftDeskTests {
    let f = DeskFixture()

    func desk() throws -> Desk { try Desk(context: f.context, pinRounds: 10) }

    func lend(_ desk: Desk, _ unit: String) throws {
        try desk.umbrellas.lend(.init(unit: unit, depositCard: unit, customer: "王芳", phone: "13812345678"), by: f.clerk)
    }

    /// The last record of the shift book, read from the file.
    func lastShiftRecord() throws -> LedgerRecord {
        var last: LedgerRecord?
        _ = try BookScanner.scan(path: "\(f.dir.path)/2026/shift.jsonl", startPrev: .zero, decode: true) { last = $0.last ?? last }
        return try #require(last)
    }

    /// A lost umbrella's charge is cash like a damage charge: ¥80 on a ¥50 deposit keeps the
    /// deposit and takes ¥30 on top, so the drawer holds float + 50 − 50 + 80.
    @Test func aLostUmbrellaChargeIsInTheDrawer() throws {
        f.config.umbrellaLostPrice = Money(yuan: 80)
        let d = try desk()
        try d.shift.open(.init(float: "500"), by: f.lead)
        try lend(d, "1")
        try d.umbrellas.giveBack(.init(unit: "1", depositCard: "1", damage: .lost), by: f.clerk)
        let report = try d.shift.currentReport()
        let u = report.tally.umbrellas
        #expect(u.back == 1 && u.depositsRefunded == Money(yuan: 50) && u.damageCharges == Money(yuan: 80))
        #expect(u.handedBack == .zero && u.keptForDamage == Money(yuan: 50) && u.paidOnTop == Money(yuan: 30))
        #expect(report.expectedCash == Money(yuan: 580))
        // Counted as lost, not damaged, and the charges line counts it.
        #expect(u.lost == 1 && u.damaged == 0 && u.charged == 1)
        #expect(report.text(.en).contains("Damage charges (1)") && report.text(.en).contains("damaged 0, lost 1"))
        #expect(report.text(.zhHans).contains("损坏赔偿（1 笔）") && report.csv.contains("umbrella,lost,1,,"))
    }

    @Test func aShiftAddsUpWhatHappenedAtTheDesk() throws {
        let d = try desk()
        let shift = try d.shift.open(.init(float: "500"), by: f.lead)
        #expect(shift.id == "S-20260301-1" && shift.float == Money(yuan: 500) && shift.openedBy == f.lead.id)
        // What the test does, and what it expects the drawer to hold (its own bookkeeping).
        var taken = Money.zero, refunded = Money.zero, charges = Money.zero, fees = Money.zero
        f.later(minutes: 10)
        for u in ["1", "2", "3", "4"] { try lend(d, u); taken += Money(yuan: 50) }
        try d.umbrellas.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk)
        refunded += Money(yuan: 50)
        try d.umbrellas.giveBack(.init(unit: "2", depositCard: "2", damage: .damaged, note: "伞骨断了"), by: f.clerk)
        refunded += Money(yuan: 50); charges += Money(yuan: 30)
        try d.umbrellas.releaseWithoutCard(.init(unit: "3", damage: .damaged, note: "伞面破了", reason: "押金卡丢失，核对了电话"), by: f.lead)
        refunded += Money(yuan: 50); charges += Money(yuan: 30)
        try d.umbrellas.forfeit(.init(unit: "4", reason: "顾客联系不上"), by: f.lead)
        let copy = try d.services.issue(.init(kind: .photocopy, quantity: "12", statedFee: "6", tendered: "10"), by: f.clerk)
        fees += Money(yuan: 6)
        try d.services.issue(.init(kind: .giftWrap, quantity: "1", statedFee: "10", tendered: "10"), by: f.clerk)
        fees += Money(yuan: 10)
        try d.services.void(.init(number: copy.number.description, reason: "收错"), by: f.lead)
        fees -= Money(yuan: 6)
        try d.strollers.lend(.init(unit: "1", customer: "李娜", phone: "13900000001", noticeAcknowledged: true), by: f.clerk)
        try d.shift.recordPaid(.init(direction: .paidOut, amount: "35", reason: "打印纸"), by: f.lead)
        try d.shift.recordPaid(.init(direction: .paidIn, amount: "100", reason: "财务补充零钱"), by: f.lead)
        let expected = Money(yuan: 500) + taken - refunded + charges + fees + Money(yuan: 100) - Money(yuan: 35)
        #expect(expected == Money(yuan: 685), "the drawer: 500 + 200 deposits − 90 refunds + 10 fees + 100 − 35")

        f.later(minutes: 60)
        let before = try d.shift.currentReport()
        #expect(before.provisional && before.expectedCash == expected && before.counted == nil)
        let u = before.tally.umbrellas
        #expect(u.lent == 4 && u.back == 3 && u.releasedWithoutCard == 1 && u.damaged == 2 && u.forfeited == 1)
        #expect(u.depositsTaken == taken && u.depositsRefunded == refunded && u.damageCharges == charges)
        #expect(u.handedBack == Money(yuan: 90) && u.keptForDamage == Money(yuan: 60) && u.depositsForfeited == Money(yuan: 50))
        #expect(before.tally.services.fees == fees && before.tally.services.issued == 2 && before.tally.services.voided == 1)
        #expect(before.tally.services.change == Money(yuan: 4))
        #expect(before.tally.paidIn == Money(yuan: 100) && before.tally.paidOut == Money(yuan: 35))
        #expect(before.stillOut.strollers.map(\.unit) == ["S001"] && before.stillOut.strollers.first.map { before.stillOut.minutesOut(since: $0.lentAt) } == 60)

        // Counted ¥5 short: recorded, not refused.
        let report = try d.shift.close(.init(counted: "680", note: "少了五元，已报告"), by: f.lead)
        #expect(!report.provisional && report.counted == Money(yuan: 680) && report.difference == Money(yuan: -5))
        #expect(d.shift.current == nil && d.shift.state.lastClosed?.closing?.difference == Money(yuan: -5))
        let closed = try lastShiftRecord()
        #expect(closed.ev == "shift.closed" && closed.op == f.lead.id)
        let b = closed.body
        #expect(b["shift"]?.stringValue == "S-20260301-1" && b["expectedFen"]?.intValue == 68500 && b["countedFen"]?.intValue == 68000)
        #expect(b["differenceFen"]?.intValue == -500 && b["note"]?.stringValue == "少了五元，已报告")
        #expect(b["depositsTakenFen"]?.intValue == 20000 && b["depositsRefundedFen"]?.intValue == 15000)
        #expect(b["damageChargesFen"]?.intValue == 6000 && b["serviceFeesFen"]?.intValue == 1000)
        #expect(b["paidInFen"]?.intValue == 10000 && b["paidOutFen"]?.intValue == 3500 && b["floatFen"]?.intValue == 50000)
        #expect(b["stillOut"]?.objectValue?["strollers"]?.intValue == 1)

        // Read back from the ledgers alone, the shift's report is the same.
        let read = try ClosingReader.report(.shift(shift.id), data: f.dir.data, config: f.config, now: f.clock.now())
        #expect(read.tally == report.tally && read.expectedCash == expected && read.difference == Money(yuan: -5))
        #expect(read.warnings.isEmpty && read.note == "少了五元，已报告")
        // And the day's cash figures are the shift's (everything happened inside it).
        let day = try ClosingReader.report(.day(CivilTime(year: 2026, month: 3, day: 1)), data: f.dir.data, config: f.config, now: f.clock.now())
        #expect(day.tally.umbrellas == report.tally.umbrellas && day.tally.services == report.tally.services)
        #expect(day.expectedCash == expected && day.counted == Money(yuan: 680) && day.difference == Money(yuan: -5))
        #expect(day.shifts.map(\.id) == [shift.id])
        try d.close()
    }

    @Test func anyDifferenceIsRecordedNeverRefused() throws {
        let d = try desk()
        try d.shift.open(.init(float: "200"), by: f.lead)
        try lend(d, "7")
        let nothing = try d.shift.close(.init(counted: "0", note: "抽屉被盗，已报警"), by: f.lead)
        #expect(nothing.difference == Money(yuan: -250) && nothing.counted == .zero)
        try d.shift.open(.init(float: "0"), by: f.lead)
        let over = try d.shift.close(.init(counted: "99999.99", note: "长款，已报告财务"), by: f.lead)
        #expect(over.difference == Money(fen: 9_999_999) && d.shift.state.closedCount == 2)
    }

    @Test func countingByNotesAndCoins() throws {
        let d = try desk()
        try d.shift.open(.init(float: "500"), by: f.lead)
        var form = ShiftDesk.CloseForm(notes: [10000: "5", 5000: "1", 50: "3"])
        // Notes and a sum that disagree: refused, pointing at the counted cash.
        form.counted = "551"
        let mismatch = failure { try d.shift.close(form, by: f.lead) }
        #expect(mismatch as? ShiftError == .countedDiffersFromNotes(typed: Money(yuan: 551), notes: Money(fen: 55150)))
        #expect(mismatch?.field == "counted" && mismatch?.message(.zhHans).contains("¥551.50") == true)
        #expect(failure { try d.shift.close(.init(notes: [2000: "two"]), by: f.lead) }?.field == "n2000")
        #expect(failure { try d.shift.close(.init(), by: f.lead) } as? ShiftError == .nothingCounted)
        #expect(d.shift.current != nil, "nothing was closed")
        form.counted = ""
        form.note = "长款，已报告财务"
        let report = try d.shift.close(form, by: f.lead)
        #expect(report.counted == Money(fen: 55150) && report.difference == Money(fen: 5150))
        #expect(report.notes == [10000: 5, 5000: 1, 50: 3])
        let notes = try lastShiftRecord().body["notes"]?.objectValue
        #expect(notes?.keys == ["10000", "50", "5000"] && notes?["10000"]?.intValue == 5 && notes?["50"]?.intValue == 3)
        #expect(report.text(.zhHans).contains("¥100.00×5") && report.text(.en).contains("over"))
    }

    @Test func onlyALeadOpensRecordsAndCloses() throws {
        let d = try desk()
        for who in [f.clerk, f.auditor] {
            #expect(failure { try d.shift.open(.init(float: "500"), by: who) } as? CommonError == .notAllowed(action: .openShift, role: who.role))
        }
        try d.shift.open(.init(float: "500"), by: f.lead)
        for who in [f.clerk, f.auditor] {
            #expect(failure { try d.shift.recordPaid(.init(direction: .paidOut, amount: "5", reason: "x"), by: who) }
                    as? CommonError == .notAllowed(action: .recordCashMovement, role: who.role))
            let refused = failure { try d.shift.close(.init(counted: "500"), by: who) }
            #expect(refused as? CommonError == .notAllowed(action: .closeShift, role: who.role))
            #expect(refused?.message(.zhHans).contains("无权交班结算") == true && refused?.message(.en).contains("close a shift") == true)
        }
        #expect(d.shift.book.head.seq == 1 && d.shift.current != nil, "only the opening was written")
    }

    @Test func refusalsSayWhatToDo() throws {
        let d = try desk()
        #expect(failure { try d.shift.close(.init(counted: "1"), by: f.lead) } as? ShiftError == .noOpenShift)
        #expect(failure { try d.shift.recordPaid(.init(direction: .paidIn, amount: "1", reason: "x"), by: f.lead) } as? ShiftError == .noShiftForCash)
        #expect(failure { try d.shift.open(.init(float: "-5"), by: f.lead) }?.field == "float")
        #expect(failure { try d.shift.open(.init(float: ""), by: f.lead) }?.field == "float")
        let open = try d.shift.open(.init(float: "500"), by: f.lead)
        let again = failure { try d.shift.open(.init(float: "500"), by: f.lead) }
        #expect(again as? ShiftError == .alreadyOpen(shift: open.id, openedAt: "2026-03-01 10:00"))
        #expect(again?.message(.zhHans).contains("还没有交班") == true && again?.message(.en).contains("still open") == true)
        #expect(failure { try d.shift.recordPaid(.init(direction: .paidIn, amount: "0", reason: "x"), by: f.lead) } as? ShiftError == .amountNotPositive)
        #expect(failure { try d.shift.recordPaid(.init(amount: "5", reason: "x"), by: f.lead) }?.field == "direction")
        #expect(failure { try d.shift.recordPaid(.init(direction: .paidOut, amount: "5", reason: " "), by: f.lead) }?.field == "reason")
        #expect(failure { _ = try ClosingReader.report(.shift("S-20990101-1"), data: f.dir.data, config: f.config, now: 0) }
                as? ShiftError == .unknownShift("S-20990101-1"))
        #expect(d.shift.book.head.seq == 1)
    }

    @Test func shiftIDsCountThePlazaDay() throws {
        let d = try desk()
        #expect(try d.shift.open(.init(float: "1"), by: f.lead).id == "S-20260301-1")
        try d.shift.close(.init(counted: "1"), by: f.lead)
        #expect(try d.shift.open(.init(float: "1"), by: f.lead).id == "S-20260301-2")
        try d.shift.close(.init(counted: "1"), by: f.lead)
        f.later(days: 1)
        #expect(try d.shift.open(.init(float: "1"), by: f.lead).id == "S-20260302-1")
        #expect(ShiftID.normalize("s-20260302-1") == "S-20260302-1" && ShiftID.normalize("S-20260230-1") == nil)
    }

    @Test func theSealHoldsEveryBooksHead() throws {
        let d = try desk()
        let lead = try d.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try d.shift.open(.init(float: "500"), by: lead)
        try lend(d, "1")
        try d.strollers.lend(.init(unit: "2", customer: "李娜", phone: "13900000001", noticeAcknowledged: true), by: f.clerk)
        try d.services.issue(.init(kind: .fax, quantity: "1", statedFee: "2", tendered: "2"), by: f.clerk)
        try d.lostFound.report(.init(category: "keys", description: "两把钥匙", contact: "张伟", phone: "13900000002"), by: f.clerk)
        try d.shift.close(.init(counted: "552"), by: lead)
        // After the close, more happens (no cash: no shift is open): the seal still names the heads at closing.
        try d.strollers.giveBack(.init(unit: "2"), by: f.clerk)

        let closed = try lastShiftRecord()
        let seals = try #require(closed.body["seals"]?.objectValue)
        #expect(Set(seals.keys) == ["lostfound", "operators", "services", "stroller", "umbrella"], "books of 2026 with an event, not shift")
        for m in seals.members {
            let o = try #require(m.value.objectValue)
            #expect(o.keys == ["hash", "seq"])
            let hex = try #require(o["hash"]?.stringValue)
            #expect(hex.count == 64 && hex.allSatisfy { "0123456789abcdef".contains($0) })
            var lines: [Int64: ChainHash] = [:]
            _ = try BookScanner.scan(path: "\(f.dir.path)/2026/\(m.key).jsonl", startPrev: .zero, decode: true) { rs in
                for r in rs { lines[r.seq] = r.hash }
            }
            let seq = try #require(o["seq"]?.intValue)
            #expect(lines[seq]?.hex == hex, "\(m.key) seq \(seq)")
            #expect(seq == (m.key == "stroller" ? Int64(lines.count - 1) : Int64(lines.count)), "\(m.key): the head at closing")
        }
        // The raw line spells the seal as the schema says.
        let raw = String(decoding: f.dir.bytes("2026/shift.jsonl"), as: UTF8.self)
        #expect(raw.contains(#""seals":{"lostfound":{"hash":""#))
        // The opening recorded the heads too: the shift's events are exactly those between.
        let opened = try #require(d.shift.state.lastClosed)
        // The first lead's line and the key's fingerprint registered with it.
        #expect(opened.heads[.operators]?.seq == 2 && opened.heads[.umbrella] == nil)
        #expect(opened.closing?.seals[.umbrella]?.seq == 1)
    }

    @Test func replayAndSnapshotsRebuildTheShiftState() throws {
        var d = try desk()
        try d.shift.open(.init(float: "500"), by: f.lead)
        try d.shift.recordPaid(.init(direction: .paidOut, amount: "12.5", reason: "胶带"), by: f.lead)
        try d.shift.close(.init(counted: "487.50"), by: f.lead)
        try d.shift.open(.init(float: "300"), by: f.lead)
        try d.shift.recordPaid(.init(direction: .paidIn, amount: "50", reason: "零钱"), by: f.lead)
        let live = d.shift.state
        try d.saveSnapshots()
        try d.close()
        d = try Desk(context: f.context, useSnapshots: false)
        #expect(d.shift.state == live && !d.shift.book.openedFromSnapshot)
        try d.close()
        d = try Desk(context: f.context)
        #expect(d.shift.state == live && d.shift.book.openedFromSnapshot)
        #expect(d.shift.current?.paidIn == Money(yuan: 50) && d.shift.state.lastClosed?.paidOut == Money(fen: 1250))
        try d.close()
    }

    @Test func aConsoleRestartedMidShiftReportsTheSame() throws {
        var d = try desk()
        try d.shift.open(.init(float: "500"), by: f.lead)
        try lend(d, "9")   // in the shift before: not this shift's
        try d.shift.close(.init(counted: "550"), by: f.lead)
        try d.shift.open(.init(float: "500"), by: f.lead)
        try lend(d, "1")
        try d.umbrellas.giveBack(.init(unit: "9", depositCard: "9"), by: f.clerk)
        try d.services.issue(.init(kind: .typing, quantity: "2", statedFee: "10", tendered: "20"), by: f.clerk)
        let live = try d.shift.currentReport()
        #expect(live.tally.umbrellas.lent == 1 && live.tally.umbrellas.back == 1 && live.expectedCash == Money(yuan: 510))
        try d.close()
        d = try desk()   // no offsets remembered: the lines are counted
        let again = try d.shift.currentReport()
        #expect(again.tally == live.tally && again.expectedCash == live.expectedCash)
        let read = try ClosingReader.report(.shift(live.scopeName), data: f.dir.data, config: f.config, now: f.clock.now())
        #expect(read.provisional && read.tally == live.tally && read.expectedCash == live.expectedCash)
        try d.close()
    }

    @Test func aShiftOverNewYearSpansTwoYearsOfBooks() throws {
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2026, month: 12, day: 31, hour: 20)))
        let d = try desk()
        try d.shift.open(.init(float: "500"), by: f.lead)
        try lend(d, "1")   // in the shift before: not this shift's
        try d.shift.close(.init(counted: "550"), by: f.lead)
        try d.shift.open(.init(float: "500"), by: f.lead)
        try lend(d, "2")
        f.clock.set(PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 1, hour: 0, minute: 30)))
        try d.umbrellas.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk)
        try lend(d, "3")
        let report = try d.shift.close(.init(counted: "550"), by: f.lead)
        #expect(report.tally.umbrellas.lent == 2 && report.tally.umbrellas.back == 1 && report.expectedCash == Money(yuan: 550))
        #expect(report.difference == .zero)
        let closing = try #require(d.shift.state.lastClosed?.closing)
        #expect(closing.closedYear == 2027 && closing.seals[.umbrella]?.seq == 2)
        let read = try ClosingReader.report(.shift(report.scopeName), data: f.dir.data, config: f.config, now: f.clock.now())
        #expect(read.tally == report.tally && read.difference == .zero)
        let newYear = try ClosingReader.report(.day(CivilTime(year: 2027, month: 1, day: 1)), data: f.dir.data, config: f.config, now: f.clock.now())
        #expect(newYear.tally.umbrellas.lent == 1 && newYear.tally.umbrellas.back == 1 && newYear.stillOut.umbrellas.map(\.unit) == ["U002", "U003"])
        try d.close()
    }
}
