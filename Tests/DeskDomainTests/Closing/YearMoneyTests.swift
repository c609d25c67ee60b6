import Foundation
import Testing
@testable import DeskDomain

/// `report --year --money` reads only the money books, and gives the same cash figures as
/// the full year report; damage in a money book is named, damage elsewhere is not its business.
@Suite struct YearMoneyTests {
    static let keys = ["depositsTakenFen", "depositsRefundedFen", "damageChargesFen", "depositsForfeitedFen", "serviceFeesFen",
                       "paidInFen", "paidOutFen", "cashMovementFen", "depositsHandedBackFen", "depositsKeptForDamageFen",
                       "damagePaidOnTopFen", "changeHandedBackFen"]

    func totals(_ v: JSONValue) -> [String: Int64] {
        let t = v.objectValue?["totals"]?.objectValue
        return Dictionary(uniqueKeysWithValues: Self.keys.map { ($0, t?[$0]?.intValue ?? -1) })
    }

    @Test func theMoneyOfTheYearEqualsTheFullReportsFigures() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 3000, seed: 11).write()
        let config = DeskConfig()
        let money = try YearMoney.read(year: 2026, data: dir.data, config: config)
        let full = try ClosingReader.report(.year(2026), data: dir.data, config: config, now: config.time.instant(CivilTime(year: 2027, month: 1, day: 1)))
        #expect(totals(money.json) == totals(full.json))
        #expect(totals(money.json)["serviceFeesFen"]! > 0 && totals(money.json)["depositsTakenFen"]! > 0)
        #expect(money.tally.umbrellas == full.tally.umbrellas)
        #expect(money.tally.movements == full.tally.movements)
        #expect(money.tally.services.fees == full.tally.services.fees)
        #expect(money.text(.en).contains("cash movement") && money.text(.zhHans).contains("现金变动"))
        #expect(money.csv.hasPrefix("section,item,count,amount_fen,amount\n"))
        // Another year has no money.
        #expect(totals(try YearMoney.read(year: 2025, data: dir.data, config: config).json).values.allSatisfy { $0 == 0 })
    }

    @Test func damageInAMoneyBookIsNamedAndOtherBooksAreNotRead() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 2000, seed: 12).write()
        // A byte changed in the invoice book: not a money book, the figures are still given.
        var invoice = dir.bytes("2026/invoice.jsonl")
        let i = try #require(invoice.firstIndex(of: UInt8(ascii: "\n"))) + 30
        invoice[i] = invoice[i] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        dir.write("2026/invoice.jsonl", invoice)
        _ = try YearMoney.read(year: 2026, data: dir.data, config: DeskConfig())
        // The same in the services book (line 3's fee): refused, naming the book and the seq.
        var services = dir.bytes("2026/services.jsonl")
        let text = String(decoding: services, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines[0].utf8.count + lines[1].utf8.count + 2
        let fee = try #require(lines[2].range(of: #""feeFen":"#))
        let at = start + lines[2].utf8.distance(from: lines[2].startIndex, to: fee.upperBound)
        services[at] = services[at] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
        dir.write("2026/services.jsonl", services)
        #expect(throws: LedgerError.damaged(book: .services, year: 2026, seq: 3, reason: "hash does not match the line's content")) {
            try YearMoney.read(year: 2026, data: dir.data, config: DeskConfig())
        }
    }
}
