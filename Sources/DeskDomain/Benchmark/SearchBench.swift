import Glibc

/// The lost-and-found search timed per keystroke over many stored items, for
/// `plazadesk bench-search` and `bench/compare.sh`.
///
/// A clerk types a query one character at a time and the list follows each key, so what
/// matters is the time of every prefix of a query, not of the whole query once. The items
/// are written through the real intake (deferred durability: the lines are the console's),
/// so the search runs on exactly the state a desk would have.
public enum SearchBench {
    /// Queries a clerk types, Chinese and English, one and several words.
    public static let queries = ["黑色钱包", "iphone", "蓝色 雨伞", "身份证", "小熊挂件", "red bag", "钥匙", "华为 手机"]

    /// Adds found items to the lost-and-found book until it holds `items`; returns how many
    /// it holds. Adds the demo operators first when the directory has none (the console
    /// part of the bench logs in as the demo auditor).
    @discardableResult
    public static func fill(data: DataDirectory, items: Int, year: Int = 2026, seed: UInt64 = 7) throws -> Int {
        let clock = ManualClock(PlazaTime.china.instant(CivilTime(year: year, month: 1, day: 2, hour: 9)))
        let desk = try Desk.open(data, clock: clock, durability: .deferred)
        defer { try? desk.close() }
        var writer: Actor
        if desk.operators.needsFirstLead {
            let lead = DemoYear.operators.first { $0.role == .lead }!
            writer = try desk.operators.addFirstLead(.init(id: lead.id, name: lead.name, role: .lead, pin: lead.pin)).actor
            for o in DemoYear.operators where o.id != lead.id {
                try desk.operators.add(.init(id: o.id, name: o.name, role: o.role, pin: o.pin), by: writer)
            }
        } else {
            writer = Actor(id: try OperatorID(DemoYear.operators.first { $0.role == .lead }!.id), role: .lead)
        }
        var have = desk.lostFound.state.items.count
        guard have < items else { return have }
        // Items spread over the year: the newest found item decides the plaza day.
        let step = max(1, Int64(340 * 86_400 / max(1, items - have)))
        var rng = SeededRandom(seed: seed)
        let brands = ["华为", "苹果 iPhone", "Coach", "无印良品", "小米", ""]
        while have < items {
            clock.advance(by: step)
            let category = rng.pick(DemoYear.Run.categories)
            let valuable = LostItemCategory(text: category)?.isValuable ?? false
            let c = PlazaTime.china.civil(clock.now() - 600)
            try desk.lostFound.intake(.init(foundDate: c.dateString, foundTime: c.timeString, foundPlace: rng.pick(DemoYear.Run.places),
                                            handedInBy: "保洁员" + DemoPeople.name(&rng), category: category, quantity: "1",
                                            colour: rng.pick(DemoYear.Run.colours), brand: rng.pick(brands),
                                            features: rng.pick(DemoYear.Run.features) + "，" + rng.pick(DemoYear.Run.features),
                                            amount: category == "cash" ? String(rng.int(5...500)) : "",
                                            storage: valuable ? "保险柜" : rng.pick(["A架", "B架", "C柜"])), by: writer)
            have += 1
        }
        return have
    }

    /// Seconds of each keystroke: every prefix of every query searched, `rounds` times.
    public static func keystrokes(desk: Desk, queries: [String] = queries, rounds: Int = 20) -> [Double] {
        var samples: [Double] = []
        for _ in 0..<rounds {
            for q in queries {
                var typed = ""
                for ch in q {
                    typed.append(ch)
                    let t0 = LedgerBench.now()
                    let found = desk.lostFound.search(query: typed, limit: .max)
                    samples.append(LedgerBench.now() - t0)
                    if found.count < 0 { print("") }   // keeps the result alive
                }
            }
        }
        return samples
    }

    /// The searchable text of every item, one `tag<TAB>foundAt<TAB>text` line each, the
    /// same lower-cased text the desk searches: what a peer (sqlite3 `LIKE`) searches.
    public static func searchableLines(desk: Desk) -> [String] {
        let search = desk.lostFound.state.search
        return search.entries.map { e in
            let text = search.text(of: e).map { $0 == "\u{1}" || $0 == "\t" || $0 == "\n" ? " " : $0 }
            return "\(e.tag)\t\(e.foundAt)\t\(String(text))"
        }
    }
}
