/// A plausible, deterministic year of desk activity, written through the real service
/// functions (the same checks and events as the console).
///
/// Days run 10:00–22:00 in the plaza's time; rainy days bring umbrella queues, weekends
/// strollers; lost property comes in, is reported, claimed or disposed of by a lead after
/// retention; points cards are enrolled, back-filled, redeemed, lost and reissued; invoices
/// are issued from allocated ranges, now and then voided or reversed; paid services give
/// receipts; every other registered book has its own part of the day
/// (``DeskBook/demoDay(_:_:)``). Every day the lead opens a shift with the float before the
/// desk opens and closes it after the last chores, counting the drawer and sealing the books. Books are
/// written with ``Durability/deferred`` and fsynced once at the end,
/// and a snapshot is saved so the next opening is quick.
public struct DemoYear {
    public var data: DataDirectory
    public var year: Int
    public var events: Int
    public var seed: UInt64
    /// The books written: every registered book's own day (``DeskBook/demoDay(_:_:)``) runs
    /// after the desk's chores of the day (a test adds its own book).
    var registry = BookRegistry.standard

    /// The demo operators and their PINs (the README and the login screen of `--demo` show them).
    public static let operators: [(id: String, name: String, role: Role, pin: String)] = [
        ("lead.li", "李娜", .lead, "2468"), ("clerk.wang", "王芳", .clerk, "1357"),
        ("clerk.zhang", "张伟", .clerk, "1111"), ("audit.zhao", "赵敏", .auditor, "8642"),
    ]

    public init(data: DataDirectory, year: Int, events: Int, seed: UInt64) {
        self.data = data; self.year = year; self.events = events; self.seed = seed
    }

    /// Writes the year; returns how many events were appended. `beforeClosing` sees the
    /// live desk once the year is written (tests compare it with a replayed one).
    @discardableResult
    public func write(beforeClosing: ((Desk) throws -> Void)? = nil) throws -> Int64 {
        let base = try DeskContext.open(data, clock: ManualClock(0), durability: .deferred)
        let time = base.time
        let clock = ManualClock(time.instant(CivilTime(year: year, month: 1, day: 1, hour: 9)))
        var context = base
        context.clock = clock
        let desk = try Desk(context: context, pinRounds: 1000, registry: registry)
        var run = Run(desk: desk, clock: clock, time: time, year: year, rng: SeededRandom(seed: seed),
                      cashRng: SeededRandom(seed: seed ^ 0x5348_4946_5400),
                      bookRngs: desk.books.map { SeededRandom(seed: seed ^ Self.seedOfName($0.name)) })
        let start = desk.headSeqSum
        try run.ensureOperators()
        let days = CivilTime.isLeap(year) ? 366 : 365
        let target = start + Int64(events)
        for day in 0..<days where desk.headSeqSum < target {
            let budget = Int((target - desk.headSeqSum) / Int64(days - day))
            try run.day(day, budget: max(budget, 1), stopAt: target)
        }
        let written = desk.headSeqSum - start
        try beforeClosing?(desk)
        try desk.saveSnapshots()
        try desk.close()
        return written
    }

    /// A book's own seed: FNV-1a of its name, the same on every machine and run.
    static func seedOfName(_ book: BookName) -> UInt64 {
        book.rawValue.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    /// The simulation's running state.
    struct Run {
        let desk: Desk
        let clock: ManualClock
        let time: PlazaTime
        let year: Int
        var rng: SeededRandom
        /// The shift's own draws (paid in/out, a miscount), apart from `rng` so that the
        /// other books are what the same seed wrote before shifts were closed.
        var cashRng: SeededRandom
        /// Each book's own draws for its ``DeskBook/demoDay(_:_:)``, in the desk's order.
        var bookRngs: [SeededRandom]
        var lead = Actor(id: .system, role: .lead)
        var clerks: [Actor] = []
        var nextCard = 0, nextReceipt = 0, nextRange = 0
        var enrolled: [(card: String, id: String)] = []
        var claimsDescribed: [String] = []
        var rainy = false
        var recentInvoices: [InvoiceNumber] = []
        /// Tags of items in storage, oldest first (kept here so the demo need not sort).
        var storedTags: [String] = []
        /// Umbrellas whose borrowers never come back (forfeited after a week).
        var neverReturned = Set<String>()

        static let shops = ["优衣库", "星巴克", "海底捞", "屈臣氏", "小米之家", "周大福", "ZARA", "万达影城"]
        static let places = ["一楼中庭", "二楼女装区", "三楼美食广场", "地下停车场B2", "四楼影院入口", "儿童乐园", "东门"]
        static let colours = ["黑色", "红色", "蓝色", "白色", "灰色", "粉色", "棕色"]
        static let features = ["有划痕", "挂着小熊挂件", "里面有会员卡", "贴了卡通贴纸", "拉链坏了", "刻有名字缩写", "旧的"]
        static let categories = ["wallet", "phone", "keys", "bag", "umbrella", "clothing", "idDocument", "bankCard", "electronics", "jewellery", "cash", "documents", "other"]

        mutating func ensureOperators() throws {
            if desk.operators.needsFirstLead {
                let first = DemoYear.operators[0]
                try desk.operators.addFirstLead(.init(id: first.id, name: first.name, role: first.role, pin: first.pin))
            }
            lead = try desk.operators.authenticate(id: DemoYear.operators[0].id, pin: DemoYear.operators[0].pin).actor
            for o in DemoYear.operators.dropFirst() where desk.operators.state.operators[try OperatorID(o.id)] == nil {
                try desk.operators.add(.init(id: o.id, name: o.name, role: o.role, pin: o.pin), by: lead)
            }
            clerks = DemoYear.operators.filter { $0.role == .clerk }.map { Actor(id: try! OperatorID($0.id), role: .clerk) }
            nextCard = desk.points.state.cards.count
        }

        var clerk: Actor { mutating get { rng.pick(clerks) } }

        func dateString(_ instant: Int64) -> String { time.civil(instant).dateString }

        /// One day: `budget` events spread over the opening hours (10:00–21:50), then
        /// closing chores. The clock never leaves the day, so the year stays one year.
        mutating func day(_ day: Int, budget: Int, stopAt: Int64) throws {
            let open = time.instant(CivilTime(year: year, month: 1, day: 1, hour: 10)) + Int64(day) * 86_400
            let lastCall = open + 11 * 3600 + 45 * 60
            clock.set(open - 30 * 60)
            try openShift()
            clock.set(open)
            rainy = rng.chance(0.3)
            let weekend = (day + 4) % 7 >= 5   // 1 Jan 2026 is a Thursday
            let step = max(1, (lastCall - open) / Int64(budget + 1))
            let before = desk.headSeqSum
            try morningChores(day, budget: budget)
            try weeklyAndDailyChores(day)
            while desk.headSeqSum - before < Int64(budget) && desk.headSeqSum < stopAt {
                clock.set(min(lastCall, clock.now() + Int64(rng.int(0...Int(step)))))
                try oneAction(weekend: weekend)
            }
            try closing(day)
            try booksOwnDay(day)
            try closeShift()
        }

        /// Every registered book's own part of the day (none for the books written above),
        /// each with its own draws.
        mutating func booksOwnDay(_ day: Int) throws {
            for (i, book) in desk.books.enumerated() {
                var today = DemoDay(desk: desk, clock: clock, time: time, year: year, day: day, lead: lead, clerks: clerks, rng: bookRngs[i])
                try book.demoDay(&today)
                bookRngs[i] = today.rng
            }
        }

        /// The lead counts the float into the drawer before the desk opens; now and then
        /// buys supplies out of it or gets change from finance.
        mutating func openShift() throws {
            if desk.shift.current != nil { try closeShift() }
            try desk.shift.open(.init(float: desk.context.config.openingFloat.plain), by: lead)
            if cashRng.chance(0.04) {
                try desk.shift.recordPaid(.init(direction: .paidOut, amount: String(cashRng.int(15...80)), reason: cashRng.pick(["购买打印纸", "购买包装纸和胶带", "复印机墨粉"])), by: lead)
            }
            if cashRng.chance(0.02) {
                try desk.shift.recordPaid(.init(direction: .paidIn, amount: "100", reason: "财务补充零钱"), by: lead)
            }
        }

        /// After the last chores the lead counts the drawer (now and then a few jiao or
        /// yuan out, or by notes and coins) and closes the shift, sealing the day's books.
        mutating func closeShift() throws {
            clock.set(max(clock.now() + 60, time.instant(time.civil(clock.now()).withTime(hour: 22, minute: 0))))
            let expected = try desk.shift.currentReport().expectedCash
            var counted = expected
            var note = ""
            if cashRng.chance(0.05) {
                counted += Money(fen: Int64(cashRng.pick([-1000, -200, -50, 50, 100])))
                note = counted < expected ? "点钞短款，已报告财务" : "点钞长款，已报告财务"
            }
            counted = max(counted, .zero)
            var notes: [Int64: String] = [:]
            if cashRng.chance(0.2) {
                var left = counted.fen
                for d in ShiftDesk.denominations where left >= d {
                    notes[d] = String(left / d)
                    left %= d
                }
                if left != 0 { notes = [:] }
            }
            try desk.shift.close(.init(counted: notes.isEmpty ? counted.plain : "", notes: notes, note: note), by: lead)
        }

        mutating func morningChores(_ day: Int, budget: Int) throws {
            // Ranges of invoice numbers before they run out (a day takes at most `budget`).
            for kind in InvoiceKind.allCases {
                while desk.invoices.remaining(kind) < max(200, budget) { try allocate(kind) }
            }
        }

        /// A lead registers the next range of 10,000 numbers of a kind.
        mutating func allocate(_ kind: InvoiceKind) throws {
            nextRange += 1
            let code = kind == .paper ? "0440\(year % 100)\(fourDigits(nextRange % 10000))" : ""
            let first = kind == .paper ? String(10_000_000 + nextRange * 10_000) : "2\(year)000\(fourDigits(nextRange % 10000))00000000"
            let last = kind == .paper ? String(10_000_000 + nextRange * 10_000 + 9_999) : String(first.dropLast(4)) + "9999"
            try desk.invoices.allocate(.init(kind: kind, code: code, first: first, last: last), by: lead)
        }

        mutating func weeklyAndDailyChores(_ day: Int) throws {
            // Once a week the lead disposes of what is past retention.
            if day % 7 == 3 {
                for item in desk.lostFound.expiredItems {
                    let method: DisposalMethod = item.category == .idDocument ? .police : item.category == .bankCard ? .returnedToIssuer
                        : item.category == .cash || item.category == .jewellery ? .police : rng.chance(0.5) ? .donation : .destroyed
                    try desk.lostFound.dispose(.init(tag: item.tag, method: method, note: "超过保管期限，按规定处置"), by: lead)
                    storedTags.removeAll { $0 == item.tag }
                }
                for report in desk.lostFound.openReports where clock.now() - report.reportedAt > 30 * 86_400 {
                    try desk.lostFound.closeReport(.init(report: report.id, outcome: .withdrawn, note: "30天未找到，电话告知"), by: clerk)
                }
            }
            // Umbrellas out for a week are forfeited; damaged units repaired.
            for (loan, minutes) in desk.umbrellas.unitsOut where minutes > 7 * 24 * 60 {
                try desk.umbrellas.forfeit(.init(unit: loan.unit, reason: "超过7天未归还，押金没收"), by: lead)
                neverReturned.remove(loan.unit)
            }
            for (unit, status) in desk.umbrellas.units where status == .damaged && rng.chance(0.3) {
                if rng.chance(0.2) {
                    try desk.umbrellas.retire(unit: unit, reason: "伞骨断裂无法修复，报废", by: lead)
                    continue
                }
                try desk.umbrellas.repair(unit: unit, reason: "已修好", by: lead)
            }
            for (unit, status) in desk.strollers.units where status == .damaged && rng.chance(0.5) {
                if rng.chance(0.3) {
                    try desk.strollers.retire(unit: unit, reason: "车架变形，报废", by: lead)
                    continue
                }
                try desk.strollers.repair(unit: unit, reason: "已修好", by: lead)
            }
        }

        /// Strollers come back before the plaza closes; most umbrellas too (some never do).
        mutating func closing(_ day: Int) throws {
            clock.set(max(clock.now(), time.instant(time.civil(clock.now()).withTime(hour: 21, minute: 50))))
            for loan in desk.strollers.unitsOut {
                try desk.strollers.giveBack(.init(unit: loan.unit), by: clerk)
            }
            for (loan, _) in desk.umbrellas.unitsOut where !neverReturned.contains(loan.unit) && rng.chance(0.85) {
                try returnUmbrella(loan)
            }
            // Now and then the lead manages the team.
            if day % 61 == 30 {
                clock.advance(by: 60)
                let temp = "temp\(year % 100).\(day)"   // a second demo year hires its own
                try desk.operators.add(.init(id: temp, name: "临时工" + DemoPeople.name(&rng), role: .clerk, pin: "2580"), by: lead)
                try desk.operators.setPIN(of: temp, to: "3690", by: lead)
                try desk.operators.disable(temp, reason: "临时岗位结束", by: lead)
                if day % 122 == 30 { try desk.operators.enable(temp, reason: "节假日返岗", by: lead) }
            }
        }

        mutating func oneAction(weekend: Bool) throws {
            let roll = rng.int(0...999)
            switch roll {
            case 0..<200: try umbrellaStep()
            case 200..<(weekend ? 400 : 320): try strollerStep()
            case 320..<420: try lostFoundStep()
            case 420..<640: try pointsStep()
            case 640..<800: try invoiceStep()
            default: try servicesStep()
            }
        }

        // MARK: umbrellas

        mutating func umbrellaStep() throws {
            let out = desk.umbrellas.unitsOut
            let returnable = out.filter { !neverReturned.contains($0.loan.unit) }
            if !returnable.isEmpty && (rng.chance(0.5) || !rainy) {
                try returnUmbrella(returnable[rng.int(0...(returnable.count - 1))].loan)
                return
            }
            guard let unit = desk.umbrellas.units.first(where: { $0.status == .available && desk.umbrellas.state.out[$0.unit] == nil })?.unit
            else { return }
            let card = "D" + unit.dropFirst()
            if desk.umbrellas.loan(forCard: card) != nil { return }
            try desk.umbrellas.lend(.init(unit: unit, depositCard: card, customer: DemoPeople.name(&rng), phone: DemoPeople.phone(&rng)), by: clerk)
            if rng.chance(0.005) { neverReturned.insert(unit) }
        }

        mutating func returnUmbrella(_ loan: UmbrellaLoan) throws {
            let damaged = rng.chance(0.03)
            if rng.chance(0.02) {
                try desk.umbrellas.releaseWithoutCard(.init(unit: loan.unit, damage: damaged ? .damaged : .none, note: damaged ? "伞骨折断" : "",
                                                            reason: "押金卡丢失，核对姓名电话后退还"), by: lead)
            } else if damaged && lostInsteadOfDamaged(loan) {
                try desk.umbrellas.giveBack(.init(unit: loan.unit, depositCard: loan.depositCard, damage: .lost,
                                                  note: "顾客把伞丢了，交回押金卡"), by: clerk)
            } else {
                try desk.umbrellas.giveBack(.init(unit: loan.unit, depositCard: loan.depositCard, damage: damaged ? .damaged : .none,
                                                  note: damaged ? "伞骨折断" : ""), by: clerk)
            }
        }

        /// One damaged return in eight is a lost umbrella instead (the customer brings only
        /// the deposit card), while three quarters of the fleet is still in service. Decided
        /// from the loan, not drawn, so the rest of the year's draws are unchanged and a
        /// heavy year does not retire the whole fleet.
        func lostInsteadOfDamaged(_ loan: UmbrellaLoan) -> Bool {
            guard loan.lentSeq % 8 == 0 else { return false }
            let retired = desk.umbrellas.units.filter { $0.status == .retired }.count
            return retired * 4 < desk.context.config.umbrellaUnits
        }

        // MARK: strollers

        mutating func strollerStep() throws {
            let out = desk.strollers.unitsOut
            if !out.isEmpty && rng.chance(0.5) {
                let loan = out[rng.int(0...(out.count - 1))]
                let damaged = rng.chance(0.02)
                try desk.strollers.giveBack(.init(unit: loan.unit, condition: damaged ? .damaged : .ok, note: damaged ? "车轮松动" : ""), by: clerk)
                return
            }
            guard let unit = desk.strollers.units.first(where: { $0.status == .available })?.unit else { return }
            try desk.strollers.lend(.init(unit: unit, customer: DemoPeople.name(&rng), phone: DemoPeople.phone(&rng), noticeAcknowledged: true), by: clerk)
        }

        // MARK: lost and found

        mutating func lostFoundStep() throws {
            let roll = rng.int(0...99)
            let lf = desk.lostFound
            if roll < 45 {
                let category = rng.pick(Self.categories)
                let valuable = LostItemCategory(text: category)?.isValuable ?? false
                let found = clock.now() - Int64(rng.int(5...90) * 60)
                let c = time.civil(found)
                let received = try lf.intake(.init(foundDate: c.dateString, foundTime: c.timeString, foundPlace: rng.pick(Self.places),
                                    handedInBy: rng.chance(0.6) ? "保洁员" + DemoPeople.name(&rng) : "顾客" + DemoPeople.name(&rng),
                                    category: category, quantity: "1", colour: rng.pick(Self.colours),
                                    brand: rng.chance(0.4) ? rng.pick(["华为", "苹果", "Coach", "无印良品", "小米"]) : "",
                                    features: rng.pick(Self.features), amount: category == "cash" ? String(rng.int(5...500)) : "",
                                    storage: valuable ? "保险柜" : rng.pick(["A架", "B架", "C柜"])), by: clerk)
                storedTags.append(received.item.tag)
            } else if roll < 50 {
                let found = time.civil(clock.now() - 3600)
                try lf.report(.init(category: rng.pick(Self.categories), description: rng.pick(Self.features),
                                    colour: rng.pick(Self.colours), lostDate: found.dateString, lostTime: "",
                                    lostPlace: rng.pick(Self.places), contact: DemoPeople.name(&rng), phone: DemoPeople.phone(&rng)), by: clerk)
            } else if roll < 85, let tag = storedTags.first(where: { lf.state.items[$0]?.pendingDescription == nil && rng.chance(0.3) }),
                      let item = lf.state.items[tag] {
                try lf.describeClaim(.init(tag: item.tag, claimant: DemoPeople.name(&rng), quantity: String(item.quantity),
                                           colour: rng.chance(0.9) ? item.colour : rng.pick(Self.colours), features: item.features), by: clerk)
            } else if let tag = storedTags.first(where: { lf.state.items[$0]?.pendingDescription != nil }), let item = lf.state.items[tag] {
                storedTags.removeAll { $0 == tag }
                let matched = item.pendingDescription!.colour == item.colour
                let report = lf.openReports.first { $0.category == item.category }
                try lf.completeClaim(.init(tag: item.tag, matched: matched, note: matched ? "" : "颜色对不上",
                                           claimant: item.pendingDescription!.claimant.isEmpty ? DemoPeople.name(&rng) : item.pendingDescription!.claimant,
                                           claimantID: DemoPeople.residentID(&rng), phone: DemoPeople.phone(&rng),
                                           signatureConfirmed: true, reportID: matched && rng.chance(0.3) ? (report?.id ?? "") : ""), by: clerk)
            } else if let report = lf.openReports.last {
                try lf.closeReport(.init(report: report.id, outcome: .withdrawn, note: "顾客已自行找到"), by: clerk)
            }
        }

        // MARK: points

        mutating func receiptNumber() -> String { nextReceipt += 1; return "R\(year)\(String(nextReceipt))" }

        mutating func pointsStep() throws {
            let roll = rng.int(0...99)
            let today = dateString(clock.now())
            if roll < 15 || enrolled.count < 20 {
                nextCard += 1
                let id = DemoPeople.residentID(&rng)
                if (try? desk.points.card(idNumber: id)) ?? nil != nil { return }
                let card = "PC" + String(10_000_000 + nextCard)
                try desk.points.enrol(.init(cardNumber: card, name: DemoPeople.name(&rng), phone: DemoPeople.phone(&rng), idNumber: id,
                                            formNumber: "F\(year)-\(nextCard)", formKept: true, shop: rng.pick(Self.shops),
                                            receiptNumber: receiptNumber(), receiptDate: today, amount: String(rng.int(20...2000))), by: clerk)
                enrolled.append((card, id))
                return
            }
            let pick = enrolled[rng.int(0...(enrolled.count - 1))]
            guard let card = try? desk.points.card(number: pick.card), card.status == .active else {
                if let old = try? desk.points.card(number: pick.card), old.status == .lost {
                    nextCard += 1
                    let new = "PC" + String(10_000_000 + nextCard)
                    try desk.points.reissue(.init(cardNumber: pick.card, idNumber: pick.id, newCardNumber: new, note: "补办新卡"), by: clerk)
                    if let i = enrolled.firstIndex(where: { $0.card == pick.card }) { enrolled[i].card = new }
                }
                return
            }
            switch roll {
            case 15..<80:
                let back = Int64(rng.int(0...20))
                try desk.points.backfill(.init(cardNumber: card.number, shop: rng.pick(Self.shops), receiptNumber: receiptNumber(),
                                               receiptDate: dateString(clock.now() - back * 86_400), amount: String(rng.int(10...3000))), by: clerk)
            case 80..<95:
                guard card.balance >= 100 else { return }
                try desk.points.redeem(.init(cardNumber: card.number, points: String(Int64(rng.int(1...Int(card.balance / 100))) * 100),
                                             purpose: rng.pick(["停车券", "礼品兑换", "代金券"])), by: clerk)
            case 95..<98:
                try desk.points.reportLost(.init(cardNumber: card.number, idNumber: pick.id, note: "顾客电话挂失"), by: clerk)
            default:
                try desk.points.adjust(.init(cardNumber: card.number, points: String(rng.int(10...200)), reason: "系统故障补录积分"), by: lead)
            }
        }

        // MARK: invoices

        mutating func invoiceStep() throws {
            let roll = rng.int(0...99)
            if roll < 96 {
                let lines = rng.int(1...3)
                let enterprise = rng.chance(0.4)
                let kind: InvoiceKind = rng.chance(0.6) ? .electronic : .paper
                let issued = try desk.invoices.issue(.init(kind: kind, shop: rng.pick(Self.shops),
                                              receipts: (0..<lines).map { _ in .init(number: receiptNumber(), amount: String(rng.int(10...5000))) },
                                              buyerType: enterprise ? .enterprise : .person,
                                              buyerTitle: enterprise ? rng.pick(["北京星辰科技有限公司", "上海明月贸易有限公司", "广州海风餐饮管理有限公司"]) : DemoPeople.name(&rng),
                                              taxpayerID: enterprise ? "91110000600037341L" : ""), by: clerk)
                recentInvoices.append(issued.id)
                if recentInvoices.count > 20 { recentInvoices.removeFirst() }
                return
            }
            guard let id = recentInvoices.last, let last = desk.invoices.state.invoices[id], last.isLive, last.status == .issued else { return }
            recentInvoices.removeLast()
            let issued = time.civil(last.issuedAt), now = time.civil(clock.now())
            if last.kind == .paper && roll < 98 && issued.month == now.month && issued.year == now.year {
                try desk.invoices.void(.init(number: last.id.number, code: last.id.code, reason: "抬头开错，当月作废重开"), by: lead)
            } else {
                try desk.invoices.reverse(.init(number: last.id.number, code: last.id.code, reasonCode: rng.pick(["01", "02", "03"]),
                                                note: "顾客退货"), by: lead)
            }
        }

        // MARK: paid services

        mutating func servicesStep() throws {
            if rng.chance(0.01), let r = desk.services.receipts(on: time.civil(clock.now())).last(where: { !$0.isVoid }) {
                try desk.services.void(.init(number: r.number.description, reason: "收错项目，作废重开"), by: lead)
                return
            }
            let kind = rng.pick(PaidServiceKind.allCases)
            let quantity = kind == .photocopy ? rng.int(1...40) : kind == .giftWrap ? rng.int(1...3) : rng.int(1...5)
            let quote = try desk.services.quote(.init(kind: kind, quantity: String(quantity)))
            let tendered = Money(fen: ((quote.fee.fen + 999) / 1000) * 1000)
            try desk.services.issue(.init(kind: kind, quantity: String(quantity), statedFee: quote.fee.plain, tendered: tendered.plain,
                                          customer: rng.chance(0.3) ? DemoPeople.name(&rng) : ""), by: clerk)
        }
    }
}

extension CivilTime {
    /// The same day at another time.
    func withTime(hour: Int, minute: Int) -> CivilTime { CivilTime(year: year, month: month, day: day, hour: hour, minute: minute) }
}

/// Four digits with leading zeros.
func fourDigits(_ v: Int) -> String {
    let digits = String(v)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
