import Foundation
import Testing
@testable import DeskDomain

/// On a demo year every shift is closed and sealed, and the day and year reports are what
/// the event bodies add up to — summed here by the test's own reading of the books, not by
/// the report code.
@Suite struct ClosingDemoYearTests {
    /// Cash figures summed straight from the bodies, per plaza date (`at`'s first ten characters).
    struct Sums: Equatable {
        var taken: Int64 = 0, refunded: Int64 = 0, charges: Int64 = 0, forfeited: Int64 = 0, fees: Int64 = 0
        var paidIn: Int64 = 0, paidOut: Int64 = 0, floats: Int64 = 0, counted: Int64 = 0
        var lent = 0, enrolled = 0, invoicesIssued = 0, receipts = 0
        var expected: Int64 { floats + taken - refunded + charges + fees + paidIn - paidOut }

        mutating func add(_ r: LedgerRecord) {
            let b = r.body
            func v(_ k: String) -> Int64 { b[k]?.intValue ?? 0 }
            switch r.ev {
            case "umbrella.lent": taken += v("depositFen"); lent += 1
            case "umbrella.returned", "umbrella.deposit-released": refunded += v("depositFen"); charges += v("chargeFen")
            case "umbrella.deposit-forfeited": forfeited += v("keptFen")
            case "services.receipt-issued": fees += v("feeFen"); receipts += 1
            case "services.receipt-voided": fees -= v("feeFen")
            case "shift.paid": if b["direction"]?.stringValue == "in" { paidIn += v("amountFen") } else { paidOut += v("amountFen") }
            case "shift.opened": floats += v("floatFen")
            case "shift.closed": counted += v("countedFen")
            case "points.card-enrolled": enrolled += 1
            case "invoice.issued": invoicesIssued += 1
            default: break
            }
        }
    }

    func records(_ dir: TemporaryDirectory, _ book: BookName) throws -> [LedgerRecord] {
        var out: [LedgerRecord] = []
        let scan = try BookScanner.scan(path: "\(dir.path)/2026/\(book.fileName)", startPrev: .zero, decode: true) { out += $0 }
        #expect(scan.problem == nil)
        return out
    }

    @Test func everyDemoShiftIsClosedAndTheReportsAddUp() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 4000, seed: 5).write()
        var byDay: [String: Sums] = [:]
        var year = Sums()
        var all: [BookName: [LedgerRecord]] = [:]
        for book in BookName.desk {
            all[book] = try records(dir, book)
            for r in all[book]! {
                byDay[String(r.at.prefix(10)), default: Sums()].add(r)
                year.add(r)
            }
        }

        // Every shift opened is closed, in order, and its seals name the books' lines.
        let shiftBook = all[.shift]!
        var open: String?
        var days = Set<String>()
        for r in shiftBook {
            let id = try #require(r.body["shift"]?.stringValue)
            switch r.ev {
            case "shift.opened":
                #expect(open == nil, "\(id) opened while \(open ?? "") was open")
                open = id
                days.insert(String(r.at.prefix(10)))
            case "shift.closed":
                #expect(open == id)
                open = nil
                let seals = try #require(r.body["seals"]?.objectValue)
                #expect(!seals.keys.contains("shift") && seals.keys.contains("umbrella"))
                for m in seals.members {
                    let book = try #require(BookName(m.key))
                    let seq = try #require(m.value.objectValue?["seq"]?.intValue)
                    let line = try #require(all[book]?.first { $0.seq == seq })
                    #expect(line.hash.hex == m.value.objectValue?["hash"]?.stringValue)
                    #expect(line.instant <= r.instant)
                }
            default: break
            }
        }
        #expect(open == nil, "the last shift is closed")
        #expect(days.count > 200 && days.count == shiftBook.filter { $0.ev == "shift.opened" }.count, "one shift a day")

        let config = DeskConfig()
        var checked = 0
        for day in days.sorted() where checked < 12 && day.hasSuffix("5") {
            let date = try #require(CivilTime.parseDate(day))
            let report = try ClosingReader.report(.day(date), data: dir.data, config: config, now: Int64.max / 4)
            let want = byDay[day]!
            let t = report.tally
            #expect(t.umbrellas.depositsTaken.fen == want.taken && t.umbrellas.depositsRefunded.fen == want.refunded, "\(day)")
            #expect(t.umbrellas.damageCharges.fen == want.charges && t.umbrellas.depositsForfeited.fen == want.forfeited, "\(day)")
            #expect(t.services.fees.fen == want.fees && t.paidIn.fen == want.paidIn && t.paidOut.fen == want.paidOut, "\(day)")
            #expect(report.openingFloat.fen == want.floats && report.counted?.fen == want.counted, "\(day)")
            #expect(report.expectedCash.fen == want.expected && report.difference?.fen == want.counted - want.expected, "\(day)")
            #expect(t.umbrellas.lent == want.lent && t.points.enrolled.count == want.enrolled, "\(day)")
            #expect(t.invoices.issued.count == want.invoicesIssued && t.services.issued == want.receipts, "\(day)")
            // The day's one shift saw the same cash as the day.
            #expect(report.shifts.count == 1)
            let shift = try ClosingReader.report(.shift(report.shifts[0].id), data: dir.data, config: config, now: 0)
            #expect(shift.expectedCash == report.expectedCash && shift.warnings.isEmpty, "\(day)")
            #expect(shift.shifts[0].closing?.expected == report.expectedCash)
            checked += 1
        }
        #expect(checked == 12)

        let whole = try ClosingReader.report(.year(2026), data: dir.data, config: config, now: Int64.max / 4)
        #expect(whole.expectedCash.fen == year.expected && whole.counted?.fen == year.counted && whole.shiftsComplete)
        #expect(whole.tally.umbrellas.depositsTaken.fen == year.taken && whole.tally.services.fees.fen == year.fees)
        let totals = try #require(whole.json.objectValue?["totals"]?.objectValue)
        #expect(totals["depositsTakenFen"]?.intValue == year.taken && totals["depositsRefundedFen"]?.intValue == year.refunded)
        #expect(totals["damageChargesFen"]?.intValue == year.charges && totals["depositsForfeitedFen"]?.intValue == year.forfeited)
        #expect(totals["serviceFeesFen"]?.intValue == year.fees && totals["paidInFen"]?.intValue == year.paidIn)
        #expect(totals["paidOutFen"]?.intValue == year.paidOut && totals["expectedCashFen"]?.intValue == year.expected)
        #expect(LedgerVerifier.verdict(try LedgerVerifier.verify(data: dir.data)) == .sound)
    }
}
