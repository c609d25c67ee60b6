import Foundation
import Testing
@testable import DeskDomain

/// `export --format ledger`: the journal's totals, read back from the file, against amounts
/// worked out by hand and against sums taken straight from the event bodies.
@Suite struct LedgerJournalTests {
    let clerk = try! OperatorID("clerk.li")

    /// Sums every account's postings and checks that each transaction balances.
    static func readJournal(_ text: String) -> (totals: [String: Int64], transactions: Int, unbalanced: Int) {
        var totals: [String: Int64] = [:]
        var transactions = 0, unbalanced = 0, current: Int64 = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first.isNumber {
                if transactions > 0 && current != 0 { unbalanced += 1 }
                transactions += 1
                current = 0
            } else if line.hasPrefix("    "), !line.hasPrefix("    ;"), let r = line.range(of: "CNY ") {
                let account = line[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                let amount = line[r.upperBound...]
                let negative = amount.hasPrefix("-")
                let parts = amount.drop { $0 == "-" }.split(separator: ".")
                let fen = (Int64(parts[0])! * 100 + Int64(parts[1])!) * (negative ? -1 : 1)
                totals[account, default: 0] += fen
                current += fen
            }
        }
        if transactions > 0 && current != 0 { unbalanced += 1 }
        return (totals, transactions, unbalanced)
    }

    @Test func totalsMatchAmountsWorkedOutByHand() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        let umbrella = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        for unit in ["U1", "U2", "U3", "U4"] {
            try umbrella.append(UmbrellaEvents.lent, ["unit": .string(unit), "depositFen": 5000, "phone": "138****0000"], op: clerk)
        }
        // U1 back fine; U2 damaged for ¥20 (refund ¥30); U3 released with an ¥80 charge (¥30 on top); U4 forfeited.
        try umbrella.append(UmbrellaEvents.returned, ["unit": "U1", "depositFen": 5000, "chargeFen": 0, "refundFen": 5000, "paidOnTopFen": 0, "damage": "none"], op: clerk)
        try umbrella.append(UmbrellaEvents.returned, ["unit": "U2", "depositFen": 5000, "chargeFen": 2000, "refundFen": 3000, "paidOnTopFen": 0, "damage": "damaged"], op: clerk)
        try umbrella.append(UmbrellaEvents.depositReleased, ["unit": "U3", "depositFen": 5000, "chargeFen": 8000, "refundFen": 0, "paidOnTopFen": 3000, "damage": "damaged"], op: clerk)
        try umbrella.append(UmbrellaEvents.depositForfeited, ["unit": "U4", "depositFen": 5000, "keptFen": 5000, "refundFen": 0, "paidOnTopFen": 0], op: clerk)
        try umbrella.append(UmbrellaEvents.lent, ["unit": "U5", "depositFen": 5000], op: clerk)   // still out at year end
        try umbrella.close()
        let services = try BookWriter(data: dir.data, book: .services, clock: clock)
        try services.append(PaidServicesEvents.receiptIssued, ["number": "SR-2026-000001", "kind": "fax", "feeFen": 1500, "tenderedFen": 2000, "changeFen": 500], op: clerk)
        try services.append(PaidServicesEvents.receiptIssued, ["number": "SR-2026-000002", "kind": "photocopy", "feeFen": 350, "tenderedFen": 350, "changeFen": 0], op: clerk)
        try services.append(PaidServicesEvents.receiptVoided, ["number": "SR-2026-000002", "receiptSeq": 2, "feeFen": 350], op: clerk)
        try services.close()
        let shift = try BookWriter(data: dir.data, book: .shift, clock: clock)
        try shift.append(ShiftEvents.paid, ["shift": "S-20260301-1", "direction": "in", "amountFen": 20000, "reason": "补零钱"], op: clerk)
        try shift.append(ShiftEvents.paid, ["shift": "S-20260301-1", "direction": "out", "amountFen": 1200, "reason": "买胶带"], op: clerk)
        try shift.close()

        let out = dir.path + "/2026.journal"
        let written = try LedgerJournal(data: dir.data, year: 2026).write(to: out)
        let read = Self.readJournal(try String(contentsOfFile: out, encoding: .utf8))
        #expect(read.unbalanced == 0)
        #expect(read.transactions == 14 && written.transactions == 14)
        // Cash: 5 deposits 250, refunds 50 + 30, 30 paid on top, fees 15 + 3.50 − 3.50, 200 paid in, 12 paid out.
        let cash: Int64 = 25000 - 5000 - 3000 + 3000 + 1500 + 20000 - 1200
        #expect(read.totals[LedgerJournal.paidIn] == -20000 && read.totals[LedgerJournal.paidOut] == 1200)
        #expect(read.totals[LedgerJournal.cash] == cash, "\(read.totals)")
        #expect(read.totals[LedgerJournal.deposits] == -5000)                // U5 still out
        let damage: Int64 = -(2000 + 8000)
        #expect(read.totals[LedgerJournal.damage] == damage)
        #expect(read.totals[LedgerJournal.forfeited] == -5000)
        #expect(read.totals[LedgerJournal.services] == -1500)
        #expect(read.totals == written.fen)
    }

    @Test func aDemoYearsTotalsAreTheSumsOfItsEventBodies() throws {
        let dir = TemporaryDirectory()
        try ExportFixture.demoYear(dir, events: 3000, seed: 1)
        var expected: [String: Int64] = [:]
        var moneyEvents = 0
        for book in [BookName.umbrella, .services, .shift] {
            _ = try BookScanner.scan(path: "\(dir.path)/2026/\(book.fileName)", startPrev: .zero, decode: true) { records in
                for r in records {
                    let f = { (k: String) in r.body[k]?.intValue ?? 0 }
                    switch r.ev {
                    case UmbrellaEvents.lent:
                        expected["cash", default: 0] += f("depositFen"); expected["held", default: 0] += f("depositFen")
                    case UmbrellaEvents.returned, UmbrellaEvents.depositReleased:
                        expected["cash", default: 0] += f("paidOnTopFen") - f("refundFen")
                        expected["held", default: 0] -= f("depositFen"); expected["damage", default: 0] += f("chargeFen")
                    case UmbrellaEvents.depositForfeited:
                        expected["held", default: 0] -= f("keptFen"); expected["forfeited", default: 0] += f("keptFen")
                    case PaidServicesEvents.receiptIssued:
                        expected["cash", default: 0] += f("feeFen"); expected["fees", default: 0] += f("feeFen")
                    case PaidServicesEvents.receiptVoided:
                        expected["cash", default: 0] -= f("feeFen"); expected["fees", default: 0] -= f("feeFen")
                    case ShiftEvents.paid:
                        let inward = r.body["direction"]?.stringValue == "in"
                        expected["cash", default: 0] += inward ? f("amountFen") : -f("amountFen")
                    default: continue
                    }
                    moneyEvents += 1
                }
            }
        }
        #expect((expected["damage"] ?? 0) > 0 && (expected["forfeited"] ?? 0) > 0 && (expected["fees"] ?? 0) > 0)
        let out = dir.path + "/2026.journal"
        _ = try LedgerJournal(data: dir.data, year: 2026).write(to: out)
        let read = Self.readJournal(try String(contentsOfFile: out, encoding: .utf8))
        #expect(read.unbalanced == 0)
        #expect(read.transactions <= moneyEvents && read.transactions > moneyEvents / 2)
        #expect(read.totals[LedgerJournal.cash, default: 0] == expected["cash"])
        #expect(read.totals[LedgerJournal.deposits, default: 0] == -(expected["held"] ?? 0))
        #expect(read.totals[LedgerJournal.damage, default: 0] == -(expected["damage"] ?? 0))
        #expect(read.totals[LedgerJournal.forfeited, default: 0] == -(expected["forfeited"] ?? 0))
        #expect(read.totals[LedgerJournal.services, default: 0] == -(expected["fees"] ?? 0))
    }

    @Test func depositsStillHeldOpenTheNextYear() throws {
        let dir = TemporaryDirectory()
        let clock = ManualClock(march1st)
        let w = try BookWriter(data: dir.data, book: .umbrella, clock: clock)
        try w.append(UmbrellaEvents.lent, ["unit": "U1", "depositFen": 5000], op: clerk)
        try w.append(UmbrellaEvents.lent, ["unit": "U2", "depositFen": 4000], op: clerk)
        clock.set(PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 3, hour: 10)))
        try w.append(UmbrellaEvents.returned, ["unit": "U1", "depositFen": 5000, "refundFen": 5000], op: clerk)
        try w.close()
        let out = dir.path + "/2027.journal"
        let t = try LedgerJournal(data: dir.data, year: 2027).write(to: out)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("2027-01-01 * Umbrella deposits still held from earlier years"))
        #expect(t.fen[LedgerJournal.opening] == 9000 && t.fen[LedgerJournal.deposits] == -4000 && t.fen[LedgerJournal.cash] == -5000)
        #expect(Self.readJournal(text).unbalanced == 0)
    }
}
