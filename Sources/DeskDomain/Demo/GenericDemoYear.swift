/// Writes a plausible, deterministic year of desk activity straight into the books.
///
/// Events are spread over the plaza's opening hours (10:00–22:00) of every day of the
/// year, across every book, with the mix of a busy desk. Writers use
/// ``Durability/deferred`` and fsync once per book at the end.
public struct GenericDemoYear {
    public var data: DataDirectory
    public var year: Int
    public var events: Int
    public var seed: UInt64
    public var time: PlazaTime

    public init(data: DataDirectory, year: Int, events: Int, seed: UInt64, time: PlazaTime = .china) {
        self.data = data; self.year = year; self.events = events; self.seed = seed; self.time = time
    }

    /// Writes the year; returns how many events went into each book.
    @discardableResult
    public func write() throws -> [BookName: Int] {
        let clock = ManualClock(time.instant(CivilTime(year: year, month: 1, day: 1, hour: 10)))
        var writers: [BookName: BookWriter] = [:]
        for b in BookName.desk {
            writers[b] = try BookWriter(data: data, book: b, clock: clock, time: time, durability: .deferred)
        }
        var rng = SeededRandom(seed: seed)
        var counts: [BookName: Int] = [:]
        let days = CivilTime.isLeap(year) ? 366 : 365
        let clerks = ["clerk.wang", "clerk.li", "clerk.zhang"]
        let names = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "Mary Smith", "黄晓明", "周杰"]
        let colours = ["黑色", "红色", "蓝色", "白色", "灰色", "粉色"]
        let things = ["钱包", "手机", "雨伞", "身份证", "钥匙", "儿童水杯", "耳机", "围巾"]
        let places = ["一楼中庭", "二楼女装区", "三楼美食广场", "地下停车场B2", "四楼影院入口"]
        let shops = ["优衣库", "星巴克", "海底捞", "屈臣氏", "小米之家"]
        var tag = 0, loan = 0, card = 0, invoice = 0, receipt = 0
        for i in 0..<events {
            let day = Int64(i) * Int64(days) / Int64(max(events, 1))
            let perDay = max(1, events / days)
            let slot = Int64(i % perDay) * 43_200 / Int64(perDay)
            let open = time.instant(CivilTime(year: year, month: 1, day: 1, hour: 10)) + day * 86_400
            clock.set(max(clock.now(), open + slot))
            let op = try OperatorID(rng.pick(clerks))
            let roll = rng.int(0...99)
            let book: BookName
            let ev: String
            var body = JSONObject()
            switch roll {
            case 0..<22:
                book = .umbrella
                loan += 1
                ev = rng.chance(0.5) ? "umbrella.lent" : "umbrella.returned"
                body["unit"] = .string("U\(rng.int(1...120))")
                body["depositCard"] = .string("D\(rng.int(1...200))")
                body["depositFen"] = .int(5000)
                body["customer"] = .string(rng.pick(names))
                body["phoneMasked"] = .string("138****\(rng.int(1000...9999))")
                body["loan"] = .int(Int64(loan))
            case 22..<40:
                book = .stroller
                loan += 1
                ev = rng.chance(0.5) ? "stroller.lent" : "stroller.returned"
                body["unit"] = .string("S\(rng.int(1...30))")
                body["customer"] = .string(rng.pick(names))
                body["phoneMasked"] = .string("139****\(rng.int(1000...9999))")
                body["insideOnlyAcknowledged"] = .bool(true)
            case 40..<55:
                book = .lostfound
                tag += 1
                ev = rng.chance(0.7) ? "lostfound.registered" : "lostfound.claimed"
                body["tag"] = .string("LF-\(year)-\(String(repeating: "0", count: max(0, 6 - String(tag).count)))\(tag)")
                body["category"] = .string(rng.pick(things))
                body["colour"] = .string(rng.pick(colours))
                body["foundAt"] = .string(rng.pick(places))
                body["features"] = .string("\(rng.pick(colours))\(rng.pick(things))，有划痕")
                body["quantity"] = .int(Int64(rng.int(1...3)))
            case 55..<75:
                book = .points
                card += 1
                ev = rng.chance(0.2) ? "points.enrolled" : "points.backfilled"
                body["card"] = .string("PC\(100000 + rng.int(0...50000))")
                body["receipt"] = .string("R\(year)\(String(i))")
                body["shop"] = .string(rng.pick(shops))
                body["amountFen"] = .int(Int64(rng.int(1000...200000)))
                body["points"] = .int(Int64(rng.int(10...2000)))
            case 75..<88:
                book = .invoice
                invoice += 1
                ev = "invoice.issued"
                body["number"] = .string("\(24440000 + invoice)")
                body["shop"] = .string(rng.pick(shops))
                body["buyerTitle"] = .string(rng.chance(0.5) ? "个人" : "北京某某科技有限公司")
                body["receipts"] = .array([.string("R\(year)\(i)")])
                body["amountFen"] = .int(Int64(rng.int(1000...500000)))
            case 88..<99:
                book = .services
                receipt += 1
                ev = "services.receipt"
                body["number"] = .string("SR\(year)-\(receipt)")
                body["service"] = .string(rng.pick(["gift-wrap", "fax", "photocopy", "typing"]))
                body["feeFen"] = .int(Int64(rng.pick([500, 1000, 200, 1500])))
            default:
                book = .shift
                ev = "shift.closed"
                body["countedFen"] = .int(Int64(rng.int(10000...300000)))
                body["note"] = .string("交班")
            }
            try writers[book]!.append(ev, body, op: op)
            counts[book, default: 0] += 1
        }
        for w in writers.values { try w.close() }
        return counts
    }
}
