import Testing
@testable import DeskDomain

@Suite struct LostFoundSearchTests {
    let f = DeskFixture()

    /// A wallet, a phone, an umbrella and an English-described bag over three days.
    func stocked() throws -> (LostFoundDesk, [String]) {
        let desk = try LostFoundDesk(context: f.context)
        var tags: [String] = []
        var wallet = lostWalletForm()
        wallet.foundDate = "2026-02-27"; wallet.foundTime = "14:00"
        tags.append(try desk.intake(wallet, by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundDate: "2026-02-28", foundTime: "11:20", foundPlace: "一楼中庭", handedInBy: "保安 陈师傅",
                                          category: "phone", colour: "白色", brand: "Apple iPhone", features: "粉色手机壳，有裂纹",
                                          storage: "保险柜 2 号格"), by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundDate: "now", foundPlace: "地下停车场B2", handedInBy: "顾客 赵先生", category: "umbrella",
                                          colour: "黑色", features: "长柄伞，木头把手"), by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundDate: "now", foundPlace: "Food court", handedInBy: "Mary Smith", category: "bag",
                                          colour: "Dark Blue", brand: "Nike", features: "Gym bag with a water bottle"), by: f.clerk).item.tag)
        return (desk, tags)
    }

    @Test func searchByChineseAndEnglishWords() throws {
        let (desk, t) = try stocked()
        #expect(desk.search(query: "星巴克").map(\.tag) == [t[0]])
        #expect(desk.search(query: "黑色钱包").map(\.tag) == [t[0]], "a longer Chinese run matches character by character")
        #expect(desk.search(query: "钱包 会员卡").map(\.tag) == [t[0]])
        #expect(desk.search(query: "手机壳").map(\.tag) == [t[1]])
        #expect(desk.search(query: "iphone").map(\.tag) == [t[1]])
        #expect(desk.search(query: "WATER bottle").map(\.tag) == [t[3]])
        #expect(desk.search(query: "bott").map(\.tag) == [t[3]], "a word being typed already finds")
        #expect(desk.search(query: "wallet").map(\.tag) == [t[0]], "the category's English name")
        #expect(desk.search(query: "伞").map(\.tag) == [t[2]])
        #expect(desk.search(query: "停车场").map(\.tag) == [t[2]], "places count")
        #expect(desk.search(query: t[1]).map(\.tag) == [t[1]], "and tags")
        #expect(desk.search(query: "星巴克 iphone").isEmpty, "every word must occur")
        #expect(desk.search().map(\.tag) == t.reversed(), "newest first")
        #expect(desk.search(limit: 2).map(\.tag) == [t[3], t[2]])
    }

    @Test func searchByCategoryColourAndDates() throws {
        let (desk, t) = try stocked()
        #expect(desk.search(category: .phone).map(\.tag) == [t[1]])
        #expect(desk.search(colour: "黑").map(\.tag) == [t[2], t[0]])
        #expect(desk.search(colour: "black").map(\.tag) == [t[2], t[0]])
        #expect(desk.search(colour: "蓝").map(\.tag) == [t[3]])
        #expect(desk.search(query: "伞", colour: "白").isEmpty)
        let feb27 = CivilTime(year: 2026, month: 2, day: 27), feb28 = CivilTime(year: 2026, month: 2, day: 28)
        #expect(desk.search(from: feb27, to: feb27).map(\.tag) == [t[0]])
        #expect(desk.search(from: feb27, to: feb28).map(\.tag) == [t[1], t[0]])
        #expect(desk.search(from: CivilTime(year: 2026, month: 3, day: 1)).map(\.tag) == [t[3], t[2]])
        #expect(desk.search(to: feb28).map(\.tag) == [t[1], t[0]])
        // Items no longer in storage are still found.
        try desk.describeClaim(.init(tag: t[2], quantity: "1", colour: "黑", features: "木头把手"), by: f.clerk)
        try desk.completeClaim(.init(tag: t[2], matched: true, claimant: "赵先生", claimantID: "360426199101010071",
                                     phone: "13812345678", signatureConfirmed: true), by: f.clerk)
        #expect(desk.search(query: "木头").first?.status == .claimed)
    }

    /// 50,000 items, as a heavy year holds. The items are put straight into the state (the
    /// ledger path is covered by the other tests) so the test stays quick in a debug build.
    @Test func searchOverFiftyThousandItems() throws {
        var state = LostFoundState()
        let colours = ["黑色", "红色", "蓝色", "白色", "灰色", "粉色"]
        let things: [(LostItemCategory, String)] = [(.wallet, "钱包"), (.phone, "手机"), (.umbrella, "雨伞"), (.keys, "钥匙"), (.bag, "书包")]
        let places = ["一楼中庭", "二楼女装区", "三楼美食广场", "地下停车场B2", "四楼影院入口"]
        let op = try OperatorID("clerk.wang")
        for i in 1...50_000 {
            let (category, name) = things[i % things.count]
            let instant = march1st - 300 * 86_400 + Int64(i) * 500
            var features = "\(name)，编号\(i % 997)"
            if i % 10_000 == 0 { features += " 刻有“平安”字样 engraved lucky" }
            let item = LostItem(tag: LostFoundNumber.format(prefix: "LF", year: 2025, number: i), category: category,
                                valuable: false, quantity: 1, colour: colours[i % colours.count], brand: "", features: features,
                                amount: nil, foundAt: instant, foundPlace: places[i % places.count], handedInBy: "保洁",
                                storage: "失物柜", receivedAt: instant, receivedBy: op, receivedYear: 2025, receivedSeq: Int64(i))
            state.items[item.tag] = item
            state.search.add(item)
        }
        let clock = ContinuousClock()
        var hits: [String] = []
        var misses: [String] = ["not searched"]
        let elapsed = clock.measure {
            hits = state.search.tags(query: "平安 lucky", category: nil, colour: "", foundFrom: nil, foundBefore: nil, limit: 500)
            misses = state.search.tags(query: "钱包 zebra", category: nil, colour: "", foundFrom: nil, foundBefore: nil, limit: 500)
        }
        #expect(hits == [50_000, 40_000, 30_000, 20_000, 10_000].map { LostFoundNumber.format(prefix: "LF", year: 2025, number: $0) })
        #expect(misses.isEmpty)
        let redBags = state.search.tags(query: "书包", category: .bag, colour: "red", foundFrom: nil, foundBefore: nil, limit: 100_000)
        #expect(redBags.count == 1_667, "bags (i ≡ 4 mod 5) that are red (i ≡ 1 mod 6): i ≡ 19 mod 30")
        // Two full scans: about 0.15 s in a debug build here, a few milliseconds in release.
        // Rebuilding each item's text per query instead takes about 1 s here, which fails.
        #expect(elapsed < .milliseconds(500), "searching 50,000 items twice took \(elapsed)")
    }
}
