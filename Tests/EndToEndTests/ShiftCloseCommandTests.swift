import DeskDomain
import Foundation
import Testing

/// The shift close of the real binary (issue #5's "Done when"): on a demo year every shift
/// is closed and sealed, and `plazadesk report --day` prints what the ledger holds — the
/// expected figures are summed here from the event bodies, not by the report code.
@Suite(.serialized) struct ShiftCloseCommandTests {
    /// Cash figures summed from event bodies.
    struct Sums {
        var taken: Int64 = 0, refunded: Int64 = 0, charges: Int64 = 0, forfeited: Int64 = 0, fees: Int64 = 0
        var paidIn: Int64 = 0, paidOut: Int64 = 0, floats: Int64 = 0, counted: Int64 = 0, events = 0
        var expected: Int64 { floats + taken - refunded + charges + fees + paidIn - paidOut }

        mutating func add(_ r: LedgerRecord) {
            func v(_ k: String) -> Int64 { r.body[k]?.intValue ?? 0 }
            events += 1
            switch r.ev {
            case "umbrella.lent": taken += v("depositFen")
            case "umbrella.returned", "umbrella.deposit-released": refunded += v("depositFen"); charges += v("chargeFen")
            case "umbrella.deposit-forfeited": forfeited += v("keptFen")
            case "services.receipt-issued": fees += v("feeFen")
            case "services.receipt-voided": fees -= v("feeFen")
            case "shift.paid": if r.body["direction"]?.stringValue == "in" { paidIn += v("amountFen") } else { paidOut += v("amountFen") }
            case "shift.opened": floats += v("floatFen")
            case "shift.closed": counted += v("countedFen")
            default: break
            }
        }
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func fen(_ o: [String: Any]?, _ key: String) -> Int64? { (o?[key] as? NSNumber)?.int64Value }

    /// The report's totals against the sums, figure by figure.
    func check(_ totals: [String: Any]?, _ want: Sums, _ what: String) {
        #expect(fen(totals, "depositsTakenFen") == want.taken, "\(what) deposits taken")
        #expect(fen(totals, "depositsRefundedFen") == want.refunded, "\(what) deposits refunded")
        #expect(fen(totals, "damageChargesFen") == want.charges, "\(what) damage charges")
        #expect(fen(totals, "depositsForfeitedFen") == want.forfeited, "\(what) forfeited")
        #expect(fen(totals, "serviceFeesFen") == want.fees, "\(what) service fees")
        #expect(fen(totals, "paidInFen") == want.paidIn && fen(totals, "paidOutFen") == want.paidOut, "\(what) paid in/out")
        #expect(fen(totals, "openingFloatFen") == want.floats, "\(what) float")
        #expect(fen(totals, "expectedCashFen") == want.expected, "\(what) expected cash")
        #expect(fen(totals, "countedFen") == want.counted, "\(what) counted")
        #expect(fen(totals, "differenceFen") == want.counted - want.expected, "\(what) difference")
    }

    @Test func everyDemoShiftIsClosedAndReportDayMatchesTheLedger() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0 && v.stdout.contains("all 8 books sound"), "\(v.stdout)")

        // The books, read here.
        var records: [String: [LedgerRecord]] = [:]
        var byDay: [String: Sums] = [:]
        var year = Sums()
        for file in s.files("d/2026") where file.hasSuffix(".jsonl") {
            let book = String(file.dropLast(6))
            let scan = try BookScanner.scan(path: "\(data)/2026/\(file)", startPrev: .zero, decode: true) { records[book, default: []] += $0 }
            #expect(scan.problem == nil)
            for r in records[book] ?? [] {
                byDay[String(r.at.prefix(10)), default: Sums()].add(r)
                year.add(r)
            }
        }

        // Every shift opened was closed, and each seal names the head line of every other book.
        var open: [String: LedgerRecord] = [:]
        var shiftOfDay: [String: String] = [:]
        for r in records["shift"] ?? [] {
            let id = try #require(r.body["shift"]?.stringValue)
            if r.ev == "shift.opened" {
                #expect(open.isEmpty, "\(id) opened while another was open")
                open[id] = r
                shiftOfDay[String(r.at.prefix(10))] = id
            } else if r.ev == "shift.closed" {
                #expect(open.removeValue(forKey: id) != nil, "\(id) closed without being open")
                let seals = try #require(r.body["seals"]?.objectValue)
                let written = Set(records.filter { $0.key != "shift" && $0.value.contains { $0.instant <= r.instant } }.keys)
                #expect(Set(seals.keys) == written, "\(id): every other book of the year with an event is sealed")
                for m in seals.members {
                    let seq = try #require(m.value.objectValue?["seq"]?.intValue)
                    let sealed = try #require(records[m.key]?.first { $0.seq == seq }, "\(id) seals \(m.key) seq \(seq)")
                    #expect(sealed.hash.hex == m.value.objectValue?["hash"]?.stringValue)
                    #expect(records[m.key]!.filter { $0.seq > seq }.allSatisfy { $0.instant >= r.instant }, "\(id): \(m.key) head at closing")
                }
            }
        }
        #expect(open.isEmpty, "every demo shift is closed")
        #expect(shiftOfDay.count > 300)

        // report --day, in JSON, against the sums of the day.
        var checked = 0
        for day in shiftOfDay.keys.sorted() where day.hasSuffix("-10") || day.hasSuffix("-25") {
            let r = try PlazaDeskProcess.run(["report", "--data", data, "--day", day, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let report = try json(r.stdout)
            #expect(report["scope"] as? String == "day" && report["day"] as? String == day)
            check(report["totals"] as? [String: Any], byDay[day]!, day)
            let shifts = report["shifts"] as? [[String: Any]]
            #expect(shifts?.count == 1 && shifts?.first?["shift"] as? String == shiftOfDay[day] && shifts?.first?["open"] as? Bool == false)
            let events = (report["events"] as? [String: [String: NSNumber]])?.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.intValue } }
            #expect(events == byDay[day]!.events, "\(day): every event of the day is counted")
            checked += 1
        }
        #expect(checked >= 20)

        // The same closing report for a past shift, in text and CSV too.
        let day = "2026-03-10", id = try #require(shiftOfDay[day])
        let shift = try json(try PlazaDeskProcess.run(["report", "--data", data, "--shift", id, "--format", "json"]).stdout)
        #expect(fen(shift["totals"] as? [String: Any], "expectedCashFen") == byDay[day]!.expected)
        let text = try PlazaDeskProcess.run(["report", "--data", data, "--shift", id, "--lang", "en"])
        #expect(text.status == 0 && text.stdout.contains("Closing report  shift \(id)") && text.stdout.contains("Expected cash"))
        #expect(text.stdout.contains("= " + Money(fen: byDay[day]!.expected).description))
        let zh = try PlazaDeskProcess.run(["report", "--data", data, "--day", day])
        #expect(zh.stdout.contains("日报表  \(day)") && zh.stdout.contains("应有现金") && zh.stdout.contains("未归还"))
        let csv = try PlazaDeskProcess.run(["report", "--data", data, "--day", day, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("section,item,count,amount_fen,amount\n"))
        #expect(csv.stdout.contains("cash,expected cash,,\(byDay[day]!.expected),"))

        // The whole year (what a benchmark reads).
        let whole = try json(try PlazaDeskProcess.run(["report", "--data", data, "--year", "2026", "--format", "json"]).stdout)
        check(whole["totals"] as? [String: Any], year, "2026")

        // Refusals: an unknown shift, no data, two scopes at once.
        let unknown = try PlazaDeskProcess.run(["report", "--data", data, "--shift", "S-20990101-1"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no shift S-20990101-1"), "\(unknown.stderr)")
        let none = try PlazaDeskProcess.run(["report", "--data", s.path + "/empty", "--day", day])
        #expect(none.status == 3)
        let both = try PlazaDeskProcess.run(["report", "--data", data, "--day", day, "--year", "2026"])
        #expect(both.status != 0 && both.stderr.contains("one of --day, --shift and --year"))
    }
}
