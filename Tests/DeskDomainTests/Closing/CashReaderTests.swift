import Testing
@testable import DeskDomain

/// The money of a year reads each umbrella and service line's cash straight from its
/// bytes; it must be what the full report reads from the same line's record, for every
/// line of a demo year and for bodies a demo year never writes.
@Suite struct CashReaderTests {
    /// The line's cash event read from bytes, and the same from its record.
    func both(_ line: [UInt8], book: BookName) throws -> (bytes: CashEvent?, record: CashEvent?) {
        var cash = CashReader(book: book).forPart()
        var records = RecordReader(decode: true).forPart()
        return try line.withUnsafeBufferPointer { p in
            let n = p.count - (p.last == 10 ? 1 : 0)
            let fromBytes = try LedgerLine.parse(p.baseAddress!, count: n, reader: &cash).item
            let fromRecord = try LedgerLine.parse(p.baseAddress!, count: n, reader: &records).item.map { CashEvent($0, book: book) }
            return (fromBytes, fromRecord)
        }
    }

    func line(_ ev: String, _ body: JSONObject) throws -> [UInt8] {
        LedgerLine.encode(seq: 1, at: "2026-03-01T10:15:00+08:00", op: try OperatorID("clerk.li"), ev: ev, body: body,
                          prev: .zero).bytes
    }

    @Test func everyLineOfADemoYearReadsTheSameFromBytesAsFromItsRecord() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 4000, seed: 21).write()
        var kinds: [BookName: Set<String>] = [:]
        for book in [BookName.umbrella, .services] {
            let text = dir.bytes("2026/\(book.fileName)")
            let lines = text.split(separator: 10).map { Array($0) }
            #expect(lines.count > 100)
            for l in lines {
                let (a, b) = try both(l, book: book)
                #expect(a != nil && a == b)
                kinds[book, default: []].insert("\(a?.kind ?? .other)")
            }
        }
        // The demo year has the events that move cash, so the comparison covered them.
        #expect(kinds[.umbrella]!.isSuperset(of: ["lent", "returned"]))
        #expect(kinds[.services]!.isSuperset(of: ["receiptIssued"]))
    }

    @Test func oddBodiesCountAsTheirRecordsDo() throws {
        let odd: [(BookName, String, JSONObject)] = [
            // An amount that is not an integer counts as nothing.
            (.umbrella, "umbrella.lent", ["depositFen": "5000", "unit": "U1"]),
            (.umbrella, "umbrella.returned", ["chargeFen": 300, "damage": "lost", "depositFen": 5000, "paidOnTopFen": -7, "refundFen": 0]),
            (.umbrella, "umbrella.returned", ["damage": 3, "depositFen": 5000]),
            (.umbrella, "umbrella.deposit-released", ["damage": "scratched", "depositFen": .array([1, 2])]),
            (.umbrella, "umbrella.deposit-forfeited", ["keptFen": 5000, "nested": ["feeFen": 9]]),
            // Another book's event type in this book is not this book's cash.
            (.umbrella, "services.receipt-issued", ["feeFen": 800, "kind": "fax"]),
            (.services, "services.receipt-issued", ["changeFen": 200, "feeFen": 800, "kind": "fax"]),
            (.services, "services.receipt-issued", ["feeFen": 800, "kind": "origami"]),
            (.services, "services.receipt-issued", ["feeFen": 800, "kind": .null]),
            (.services, "services.receipt-voided", ["feeFen": 800, "kind": "gift-wrap"]),
            (.services, "umbrella.lent", ["depositFen": 5000]),
            (.services, "services.receipt-issued", [:]),
        ]
        for (book, ev, body) in odd {
            let (a, b) = try both(try line(ev, body), book: book)
            #expect(a != nil && a == b, "\(ev) \(body)")
        }
        // Spot checks of what those mean.
        #expect(try both(try line("umbrella.lent", ["depositFen": "5000"]), book: .umbrella).bytes?[.depositFen] == .zero)
        let lost = try both(try line("umbrella.returned", ["chargeFen": 300, "damage": "lost"]), book: .umbrella).bytes
        #expect(lost?.kind == .returned && lost?.damage == .lost && lost?[.chargeFen] == Money(fen: 300))
        #expect(try both(try line("services.receipt-issued", ["kind": "origami"]), book: .services).bytes?.service == nil)
        #expect(try both(try line("services.receipt-issued", ["kind": "fax"]), book: .umbrella).bytes?.kind == .other)
    }

    @Test func aLineThatFailsItsChecksGivesNoCash() throws {
        var bad = try line("umbrella.lent", ["depositFen": 5000])
        // A fee changed after the line was written: its hash no longer matches.
        let at = try #require(bad.firstRange(of: Array("5000".utf8))).lowerBound
        bad[at] = UInt8(ascii: "9")
        #expect(throws: LineFault("hash does not match the line's content")) { try both(bad, book: .umbrella) }
        // A needless escape in a member the reader skips is refused all the same.
        let text = String(decoding: try line("umbrella.lent", ["depositFen": 5000, "unit": "U7"]), as: UTF8.self)
        let escaped = Array(text.replacingOccurrences(of: #""U7""#, with: #""U\u0037""#).utf8)
        #expect(throws: LineFault.self) {
            var cash = CashReader(book: .umbrella).forPart()
            _ = try escaped.withUnsafeBufferPointer { try LedgerLine.parse($0.baseAddress!, count: $0.count - 1, reader: &cash) }
        }
    }
}
