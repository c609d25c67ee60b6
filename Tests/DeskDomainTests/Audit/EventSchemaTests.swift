import Testing
@testable import DeskDomain

/// The schemas are what the desks really write: every event a demo year writes conforms to
/// its book's schema, and every event a schema declares occurs in the demo year.
@Suite struct EventSchemaTests {
    @Test func everyDemoEventConformsAndEverySchemaEventOccurs() throws {
        let dir = TemporaryDirectory()
        try DemoYear(data: dir.data, year: 2026, events: 12000, seed: 3).write()
        var problems: [String] = []
        var seen: [BookName: Set<String>] = [:]
        for book in BookName.desk {
            let schema = try #require(BookSchemas.of(book))
            _ = try BookScanner.scan(path: "\(dir.path)/2026/\(book.fileName)", startPrev: .zero, decode: true) { records in
                for r in records {
                    seen[book, default: []].insert(r.ev)
                    guard let e = schema.schema(r.ev) else { problems.append("\(book) seq \(r.seq): no schema for \(r.ev)"); continue }
                    if let v = e.violation(in: r.body) { problems.append("\(book) seq \(r.seq): \(v)") }
                }
            }
        }
        #expect(problems.prefix(5) == [])
        // The events the demo does not write: a torn tail's recovery, the login lockout's, and
        // what only the key and archive commands record (LoginKeyCommandTests writes those).
        let notInDemo: Set<String> = [LedgerEvents.recovered, OperatorEvents.loginFailed, OperatorEvents.lockedOut,
                                      OperatorEvents.loggedIn, OperatorEvents.keyBackedUp, OperatorEvents.keyRestored,
                                      OperatorEvents.archived]
        for schema in BookSchemas.all {
            let declared = Set(schema.events.map(\.event)).subtracting(notInDemo)
            #expect(declared.subtracting(seen[schema.book] ?? []) == [], "\(schema.book): declared but never written")
        }
    }

    @Test func everyDeskBookIsRegisteredOnceInDeskOrder() {
        #expect(BookSchemas.all.map(\.book) == BookName.desk)
        for schema in BookSchemas.all {
            #expect(Set(schema.events.map(\.event)).count == schema.events.count, "\(schema.book): an event declared twice")
            let prefixes = schema.book == .operators ? ["operator.", "operators."] : [schema.book.rawValue + "."]
            #expect(schema.events.allSatisfy { e in prefixes.contains { e.event.hasPrefix($0) }
                || e.event == LedgerEvents.recovered || e.event == OperatorEvents.archived })
        }
    }

    @Test func violationsAreNamedInPlainWords() throws {
        let lent = try #require(BookSchemas.of(.umbrella)?.schema(UmbrellaEvents.lent))
        let good: JSONObject = ["unit": "U001", "depositCard": "D001", "depositFen": 5000, "customer": "王芳", "phone": "138****5678"]
        #expect(lent.violation(in: good) == nil)
        var missing = good; missing["depositFen"] = nil
        #expect(lent.violation(in: missing) == "'depositFen' is missing")
        var wrongType = good; wrongType["depositFen"] = "50"
        #expect(lent.violation(in: wrongType) == "'depositFen' should be an amount in fen, not text")
        var extra = good; extra["bonus"] = 1
        #expect(lent.violation(in: extra) == "'bonus' is not a field of umbrella.lent")
        let returned = try #require(BookSchemas.of(.umbrella)?.schema(UmbrellaEvents.returned))
        let back: JSONObject = ["unit": "U001", "lentSeq": 1, "depositCard": "D001", "damage": "broken", "note": "",
                                "depositFen": 5000, "chargeFen": 0, "refundFen": 5000, "paidOnTopFen": 0]
        #expect(returned.violation(in: back) == "'damage' is 'broken', not one of none, damaged, lost")
    }
}
