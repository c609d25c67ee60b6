import Testing
@testable import DeskDomain

@Suite struct UmbrellaDeskTests {
    let f = DeskFixture()

    /// Deposits move cash: a shift is open for every test here.
    init() throws { try f.openShift() }

    func lendForm(_ unit: String, card: String, deposit: String = "", customer: String = "王芳",
                  phone: String = "13812345678", depositReason: String = "") -> UmbrellaDesk.LendForm {
        .init(unit: unit, depositCard: card, deposit: deposit, customer: customer, phone: phone, depositReason: depositReason)
    }

    /// The clerk with lead.li's approval typed into the form.
    var approvedClerk: Actor { Actor(id: f.clerk.id, role: .clerk, approver: f.lead.id) }

    @Test func lendThenReturnRefundsTheWholeDeposit() throws {
        let desk = try UmbrellaDesk(context: f.context)
        let loan = try desk.lend(lendForm("3", card: "d12"), by: f.clerk)
        #expect(loan.unit == "U003" && loan.depositCard == "D012" && loan.deposit == Money(yuan: 50))
        #expect(loan.phoneMasked == "138****5678" && loan.lentBy == f.clerk.id)
        #expect(desk.state.fleet.status(of: "U003") == .onLoan)
        #expect(desk.loan(forCard: "12")?.unit == "U003")
        f.later(minutes: 90)
        #expect(desk.unitsOut.map(\.loan.unit) == ["U003"] && desk.unitsOut.first?.minutesOut == 90)
        let back = try desk.giveBack(.init(unit: "u3", depositCard: "012"), by: f.clerk)
        #expect(back.ending == .returned && back.endedAt == march1st + 90 * 60)
        #expect(back.refund == Money(yuan: 50) && back.charge == .zero && back.paidOnTop == .zero)
        #expect(desk.unitsOut.isEmpty && desk.state.fleet.status(of: "U003") == .available)
        #expect(desk.loan(forCard: "D012") == nil)
        #expect(desk.history(of: "3").count == 1)
        let line = try lastRecord(desk)
        #expect(line.ev == "umbrella.returned")
        #expect(money(line) == [5000, 0, 5000, 0])
        #expect(line.body["depositCard"]?.stringValue == "D012" && line.body["damage"]?.stringValue == "none")
    }

    @Test func aTypedDepositIsTakenInsteadOfTheConfiguredOne() throws {
        let desk = try UmbrellaDesk(context: f.context)
        var form = lendForm("1", card: "1", deposit: "¥80.5")
        form.depositReason = "顾客自愿多付"
        let loan = try desk.lend(form, by: Actor(id: f.clerk.id, role: .clerk, approver: f.lead.id))
        #expect(loan.deposit == Money(fen: 8050))
        #expect(try lastRecord(desk).body["depositFen"]?.intValue == 8050)
        let back = try desk.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk)
        #expect(back.refund == Money(fen: 8050))
    }

    @Test func aDamagedReturnRefundsLessTheDamagePriceAndTakesTheUnitOutOfService() throws {
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("5", card: "7"), by: f.clerk)
        #expect(failure { try desk.giveBack(.init(unit: "5", depositCard: "7", damage: .damaged), by: f.clerk) }?.field == "note",
                "what is broken must be noted")
        let back = try desk.giveBack(.init(unit: "5", depositCard: "7", damage: .damaged, note: "伞骨断了两根"), by: f.clerk)
        #expect(back.damaged && back.charge == Money(yuan: 30) && back.refund == Money(yuan: 20) && back.paidOnTop == .zero)
        let line = try lastRecord(desk)
        #expect(money(line) == [5000, 3000, 2000, 0])
        #expect(line.body["damage"]?.stringValue == "damaged" && line.body["note"]?.stringValue == "伞骨断了两根")
        #expect(desk.state.fleet.status(of: "U005") == .damaged)
        #expect(failure { try desk.lend(lendForm("5", card: "8", customer: "李娜"), by: f.clerk) }
            as? FleetError == .notAvailable(field: "unit", unit: "U005", status: .damaged))
        #expect(failure { try desk.repair(unit: "5", reason: "换了伞骨", by: f.clerk) } as? CommonError == .notAllowed(action: .manageFleet, role: .clerk))
        try desk.repair(unit: "5", reason: "换了伞骨", by: f.lead)
        #expect(desk.state.fleet.status(of: "U005") == .available)
        try desk.lend(lendForm("5", card: "8", customer: "李娜"), by: f.clerk)
    }

    @Test func aChargeAboveTheDepositIsPaidOnTop() throws {
        f.config.umbrellaDeposit = Money(yuan: 10)
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("2", card: "2"), by: f.clerk)
        let back = try desk.giveBack(.init(unit: "2", depositCard: "2", damage: .damaged, note: "伞面撕破"), by: f.clerk)
        #expect(back.deposit == Money(yuan: 10) && back.charge == Money(yuan: 30))
        #expect(back.refund == .zero && back.paidOnTop == Money(yuan: 20))
        let line = try lastRecord(desk)
        #expect(money(line) == [1000, 3000, 0, 2000])
    }

    /// Lost at the configured lost price, above the deposit: the whole deposit is kept and
    /// the rest paid on top; the unit is retired and its card free again.
    @Test func aLostUmbrellaIsChargedTheLostPriceAndRetired() throws {
        f.config.umbrellaLostPrice = Money(yuan: 80)
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("3", card: "33"), by: f.clerk)
        let lost = try desk.giveBack(.init(unit: "3", depositCard: "33", damage: .lost), by: f.clerk)
        #expect(lost.lost && !lost.damaged && lost.ending == .returned)
        #expect(lost.charge == Money(yuan: 80) && lost.refund == .zero && lost.paidOnTop == Money(yuan: 30))
        let line = try lastRecord(desk)
        #expect(line.ev == "umbrella.returned" && line.body["damage"]?.stringValue == "lost")
        #expect(money(line) == [5000, 8000, 0, 3000])
        #expect(desk.state.fleet.status(of: "U003") == .retired)
        #expect(desk.loan(forCard: "33") == nil && desk.unitsOut.isEmpty)
        try desk.lend(lendForm("4", card: "33", customer: "李娜"), by: f.clerk)
        #expect(desk.loan(forCard: "D033")?.unit == "U004", "the card is free again")
    }

    @Test func aLostPriceBelowTheDepositIsTakenFromIt() throws {
        f.config.umbrellaLostPrice = Money(yuan: 30)
        f.config.umbrellaDamagePrice = Money(yuan: 12)  // so that charging the damage price instead would show
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("8", card: "8"), by: f.clerk)
        let lost = try desk.giveBack(.init(unit: "8", depositCard: "8", damage: .lost), by: f.clerk)
        #expect(lost.charge == Money(yuan: 30) && lost.refund == Money(yuan: 20) && lost.paidOnTop == .zero)
        #expect(money(try lastRecord(desk)) == [5000, 3000, 2000, 0])
    }

    @Test func aLostUmbrellaIsNeverLentAgain() throws {
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("6", card: "6"), by: f.clerk)
        try desk.giveBack(.init(unit: "6", depositCard: "6", damage: .lost), by: f.clerk)
        let head = desk.book.head.seq
        #expect(failure { try desk.lend(lendForm("6", card: "7", customer: "张伟"), by: f.clerk) }
            as? FleetError == .notAvailable(field: "unit", unit: "U006", status: .retired))
        #expect(failure { try desk.repair(unit: "6", reason: "找回来了", by: f.lead) } as? FleetError == .notDamaged(field: "unit", unit: "U006"))
        #expect(desk.book.head.seq == head, "nothing was written")
    }

    /// A lead can settle as lost a customer who lost both the card and the umbrella.
    @Test func aLeadSettlesALostUmbrellaWithoutItsCard() throws {
        f.config.umbrellaLostPrice = Money(yuan: 80)
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("7", card: "70"), by: f.clerk)
        let lost = try desk.releaseWithoutCard(.init(unit: "7", damage: .lost, reason: "伞和押金卡都丢了，核对姓名电话"), by: f.lead)
        #expect(lost.lost && lost.ending == .releasedWithoutCard && lost.paidOnTop == Money(yuan: 30))
        let line = try lastRecord(desk)
        #expect(line.ev == "umbrella.deposit-released" && line.body["damage"]?.stringValue == "lost")
        #expect(money(line) == [5000, 8000, 0, 3000])
        #expect(desk.state.fleet.status(of: "U007") == .retired && desk.loan(forCard: "70") == nil)
    }

    @Test func theFleetSizeComesFromTheConfig() throws {
        f.config.umbrellaUnits = 5
        let desk = try UmbrellaDesk(context: f.context)
        #expect(desk.units.map(\.unit) == ["U001", "U002", "U003", "U004", "U005"])
        let err = failure { try desk.lend(lendForm("6", card: "1"), by: f.clerk) }
        #expect(err as? FleetError == .unknownUnit(field: "unit", text: "6") && err?.field == "unit")
        #expect(desk.book.head.seq == 0, "nothing was written")
        try desk.lend(lendForm("5", card: "1"), by: f.clerk)
    }

    @Test func theDamagePriceComesFromTheConfig() throws {
        f.config.umbrellaDamagePrice = Money(yuan: 12)
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("1", card: "1"), by: f.clerk)
        let back = try desk.giveBack(.init(unit: "1", depositCard: "1", damage: .damaged, note: "伞面划破"), by: f.clerk)
        #expect(back.charge == Money(yuan: 12) && back.refund == Money(yuan: 38) && back.paidOnTop == .zero)
        #expect(money(try lastRecord(desk)) == [5000, 1200, 3800, 0])
    }

    @Test func theWrongCardIsRefusedWithoutNamingTheRightOne() throws {
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("4", card: "D040"), by: f.clerk)
        let head = desk.book.head.seq
        let err = failure { try desk.giveBack(.init(unit: "4", depositCard: "41"), by: f.clerk) }
        #expect(err as? UmbrellaError == .wrongCard(unit: "U004", typed: "D041"))
        #expect(err?.field == "depositCard")
        #expect(err?.message(.zhHans) == "押金卡 D041 与 U004 的借用记录不符。请核对雨伞和押金卡。")
        #expect(err?.message(.en) == "Deposit card D041 does not match the loan of U004. Check the umbrella and the card.")
        #expect(err?.message(.zhHans).contains("D040") == false && err?.message(.en).contains("D040") == false,
                "whoever holds a wrong card is not told the right one")
        let missing = failure { try desk.giveBack(.init(unit: "4"), by: f.clerk) }
        #expect(missing as? UmbrellaError == .cardMissing && missing?.field == "depositCard")
        #expect(missing?.message(.zhHans).contains("值班主管") == true)
        #expect(desk.book.head.seq == head, "nothing was written")
        #expect(desk.state.out["U004"] != nil)
    }

    @Test func aCardAlreadyOutIsRefusedEvenFromAnotherConsole() throws {
        let a = try UmbrellaDesk(context: f.context)
        let b = try UmbrellaDesk(context: f.context)
        try a.lend(lendForm("1", card: "12"), by: f.clerk)
        let head = a.book.head.seq
        let err = failure { try a.lend(lendForm("2", card: "D012", customer: "张伟"), by: f.clerk) }
        #expect(err as? UmbrellaError == .cardOut(card: "D012", unit: "U001") && err?.field == "depositCard")
        #expect(failure { try b.lend(lendForm("3", card: "012", customer: "张伟"), by: f.clerk) }
            as? UmbrellaError == .cardOut(card: "D012", unit: "U001"))
        #expect(a.book.head.seq == head && b.book.head.seq == head)
        try a.giveBack(.init(unit: "1", depositCard: "12"), by: f.clerk)
        try b.lend(lendForm("2", card: "12", customer: "张伟"), by: f.clerk)
        #expect(b.loan(forCard: "12")?.unit == "U002")
    }

    @Test func aUnitOutCannotBeLentTwiceEvenFromAnotherConsole() throws {
        let a = try UmbrellaDesk(context: f.context)
        let b = try UmbrellaDesk(context: f.context)
        try a.lend(lendForm("U001", card: "1", customer: "李娜"), by: f.clerk)
        #expect(failure { try a.lend(lendForm("1", card: "2", customer: "张伟"), by: f.clerk) }
            as? FleetError == .notAvailable(field: "unit", unit: "U001", status: .onLoan))
        let err = failure { try b.lend(lendForm("1", card: "3", customer: "张伟"), by: f.clerk) }
        #expect(err as? FleetError == .notAvailable(field: "unit", unit: "U001", status: .onLoan))
        #expect(b.state == a.state && a.book.head.seq == 1)
    }

    @Test func onlyALeadReleasesADepositWithoutItsCard() throws {
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("6", card: "60"), by: f.clerk)
        try desk.lend(lendForm("7", card: "70", deposit: "20", customer: "陈静", depositReason: "老顾客，押金减半"), by: approvedClerk)
        let head = desk.book.head.seq
        let form = UmbrellaDesk.ReleaseForm(unit: "6", reason: "押金卡丢失，核对姓名和手机号无误")
        #expect(failure { try desk.releaseWithoutCard(form, by: f.clerk) } as? CommonError == .notAllowed(action: .releaseDeposit, role: .clerk))
        #expect(failure { try desk.releaseWithoutCard(form, by: f.auditor) } as? CommonError == .notAllowed(action: .releaseDeposit, role: .auditor))
        #expect(failure { try desk.releaseWithoutCard(.init(unit: "6"), by: f.lead) }?.field == "reason")
        #expect(failure { try desk.releaseWithoutCard(.init(unit: "8", reason: "卡丢了"), by: f.lead) }
            as? FleetError == .notOnLoan(field: "unit", unit: "U008"))
        #expect(desk.book.head.seq == head, "nothing was written")

        let released = try desk.releaseWithoutCard(form, by: f.lead)
        #expect(released.ending == .releasedWithoutCard && released.refund == Money(yuan: 50) && released.endedBy == f.lead.id)
        var line = try lastRecord(desk)
        #expect(line.ev == "umbrella.deposit-released" && line.op == f.lead.id)
        #expect(money(line) == [5000, 0, 5000, 0])
        #expect(line.body["reason"]?.stringValue == "押金卡丢失，核对姓名和手机号无误")
        #expect(desk.state.fleet.status(of: "U006") == .available && desk.loan(forCard: "60") == nil)

        let damaged = try desk.releaseWithoutCard(.init(unit: "7", damage: .damaged, note: "伞柄断了", reason: "卡丢失"), by: f.lead)
        #expect(damaged.refund == .zero && damaged.paidOnTop == Money(yuan: 10) && damaged.charge == Money(yuan: 30))
        line = try lastRecord(desk)
        #expect(money(line) == [2000, 3000, 0, 1000])
        #expect(line.body["damage"]?.stringValue == "damaged")
        #expect(desk.state.fleet.status(of: "U007") == .damaged)
    }

    @Test func onlyALeadForfeitsTheDepositOfAnUmbrellaNeverReturned() throws {
        f.config.umbrellaLostPrice = Money(yuan: 80)
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("9", card: "99"), by: f.clerk)
        let head = desk.book.head.seq
        let form = UmbrellaDesk.ForfeitForm(unit: "9", reason: "借出三十天未归还，电话联系不上")
        #expect(failure { try desk.forfeit(form, by: f.clerk) } as? CommonError == .notAllowed(action: .forfeitDeposit, role: .clerk))
        #expect(failure { try desk.forfeit(form, by: f.auditor) } as? CommonError == .notAllowed(action: .forfeitDeposit, role: .auditor))
        #expect(failure { try desk.forfeit(.init(unit: "9", reason: " "), by: f.lead) }?.field == "reason")
        #expect(desk.book.head.seq == head, "nothing was written")

        f.later(days: 30)
        let lost = try desk.forfeit(form, by: f.lead)
        #expect(lost.ending == .forfeited && lost.charge == Money(yuan: 50) && lost.refund == .zero && lost.paidOnTop == .zero)
        let line = try lastRecord(desk)
        #expect(line.ev == "umbrella.deposit-forfeited" && line.op == f.lead.id)
        #expect(["depositFen", "keptFen", "lostPriceFen", "refundFen", "paidOnTopFen", "uncollectedFen"].map { line.body[$0]?.intValue }
            == [5000, 5000, 8000, 0, 0, 3000])
        #expect(line.body["depositCard"]?.stringValue == "D099")
        #expect(desk.state.fleet.status(of: "U009") == .retired && desk.unitsOut.isEmpty)
        #expect(failure { try desk.lend(lendForm("9", card: "98"), by: f.clerk) }?.field == "unit")
        try desk.lend(lendForm("10", card: "99", customer: "赵磊"), by: f.clerk)
        #expect(desk.loan(forCard: "D099")?.unit == "U010", "the card is free again")
    }

    @Test func anAuditorMayNotLendAndOnlyALeadRetires() throws {
        let desk = try UmbrellaDesk(context: f.context)
        #expect(failure { try desk.lend(lendForm("1", card: "1"), by: f.auditor) }
            as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(failure { try desk.retire(unit: "1", reason: "伞面褪色", by: f.clerk) } as? CommonError == .notAllowed(action: .manageFleet, role: .clerk))
        #expect(desk.book.head.seq == 0)
        try desk.lend(lendForm("2", card: "2"), by: f.clerk)
        #expect(failure { try desk.giveBack(.init(unit: "2", depositCard: "2"), by: f.auditor) }
            as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(failure { try desk.retire(unit: "2", reason: "旧了", by: f.lead) }
            as? FleetError == .notAvailable(field: "unit", unit: "U002", status: .onLoan))
        try desk.retire(unit: "1", reason: "伞面褪色", by: f.lead)
        #expect(desk.state.fleet.status(of: "U001") == .retired)
        #expect(desk.units.count == 60 && desk.units.first?.status == .retired && desk.units[1].status == .onLoan)
    }

    @Test func badInputNamesTheFieldAndWritesNothing() throws {
        let desk = try UmbrellaDesk(context: f.context)
        #expect(failure { try desk.lend(lendForm("61", card: "1"), by: f.clerk) }?.field == "unit")
        #expect(failure { try desk.lend(lendForm("", card: "1"), by: f.clerk) }?.field == "unit")
        #expect(failure { try desk.lend(lendForm("1", card: ""), by: f.clerk) }?.field == "depositCard")
        #expect(failure { try desk.lend(lendForm("1", card: "D1000"), by: f.clerk) } as? UmbrellaError == .unknownCard(text: "D1000"))
        #expect(failure { try desk.lend(lendForm("1", card: "0"), by: f.clerk) }?.field == "depositCard")
        #expect(failure { try desk.lend(lendForm("1", card: "甲12"), by: f.clerk) }?.field == "depositCard")
        #expect(failure { try desk.lend(lendForm("1", card: "1", deposit: "五十"), by: f.clerk) }
            as? CommonError == .badAmount(field: "deposit", reason: .notANumber("五十")))
        #expect(failure { try desk.lend(lendForm("1", card: "1", deposit: "12.345"), by: f.clerk) }?.field == "deposit")
        #expect(failure { try desk.lend(lendForm("1", card: "1", deposit: "-5"), by: f.clerk) }?.field == "deposit")
        let zero = failure { try desk.lend(lendForm("1", card: "1", deposit: "0.00"), by: f.clerk) }
        #expect(zero as? UmbrellaError == .depositNotPositive && zero?.field == "deposit")
        #expect(failure { try desk.lend(lendForm("1", card: "1", customer: ""), by: f.clerk) }?.field == "customer")
        #expect(failure { try desk.lend(lendForm("1", card: "1", phone: "12345"), by: f.clerk) }?.field == "phone")
        #expect(failure { try desk.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk) } as? FleetError == .notOnLoan(field: "unit", unit: "U001"))
        #expect(failure { try desk.forfeit(.init(unit: "1", reason: "未归还"), by: f.lead) } as? FleetError == .notOnLoan(field: "unit", unit: "U001"))
        #expect(failure { try desk.repair(unit: "1", reason: "修好了", by: f.lead) } as? FleetError == .notDamaged(field: "unit", unit: "U001"))
        #expect(desk.book.head.seq == 0, "nothing was written")
    }

    @Test func historyKeepsTheLatestLoansOfAUnit() throws {
        let desk = try UmbrellaDesk(context: f.context)
        for i in 1...(UmbrellaState.historyLength + 3) {
            try desk.lend(lendForm("1", card: String(i), customer: "顾客\(i)"), by: f.clerk)
            f.later(minutes: 5)
            try desk.giveBack(.init(unit: "1", depositCard: String(i)), by: f.clerk)
        }
        let history = desk.history(of: "U001")
        #expect(history.count == UmbrellaState.historyLength)
        #expect(history.first?.customer == "顾客23" && history.last?.customer == "顾客4")
        #expect(desk.history(of: "2").isEmpty && desk.history(of: "伞").isEmpty)
    }

    @Test func unitsOutAreListedLongestFirst() throws {
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("8", card: "1"), by: f.clerk)
        f.later(minutes: 10)
        try desk.lend(lendForm("3", card: "2", customer: "李娜"), by: f.clerk)
        f.later(minutes: 5)
        try desk.lend(lendForm("5", card: "3", customer: "张伟"), by: f.clerk)
        #expect(desk.unitsOut.map(\.loan.unit) == ["U008", "U003", "U005"])
        #expect(desk.unitsOut.map(\.minutesOut) == [15, 5, 0])
    }

    @Test func replayAndSnapshotRebuildTheLiveState() throws {
        let desk = try UmbrellaDesk(context: f.context)
        for i in 1...10 {
            try desk.lend(lendForm(String(i), card: String(100 + i), deposit: i == 4 ? "20" : "", customer: "顾客\(i)",
                                   phone: "1380000000\(i % 10)", depositReason: i == 4 ? "老顾客，押金减半" : ""),
                          by: i == 4 ? approvedClerk : f.clerk)
            f.later(minutes: 3)
        }
        try desk.giveBack(.init(unit: "1", depositCard: "101"), by: f.clerk)
        try desk.giveBack(.init(unit: "2", depositCard: "102", damage: .damaged, note: "伞骨弯了"), by: f.clerk)
        try desk.releaseWithoutCard(.init(unit: "3", reason: "押金卡丢失"), by: f.lead)
        try desk.releaseWithoutCard(.init(unit: "4", damage: .damaged, note: "伞面破洞", reason: "押金卡丢失"), by: f.lead)
        try desk.forfeit(.init(unit: "5", reason: "长期未还"), by: f.lead)
        try desk.giveBack(.init(unit: "8", depositCard: "108", damage: .lost), by: f.clerk)
        try desk.releaseWithoutCard(.init(unit: "9", damage: .lost, reason: "伞和卡都丢了"), by: f.lead)
        try desk.repair(unit: "2", reason: "已修好", by: f.lead)
        try desk.retire(unit: "20", reason: "伞柄松动无法修理", by: f.lead)
        try desk.lend(lendForm("1", card: "105", customer: "再借的顾客"), by: f.clerk)
        let live = desk.state
        try desk.book.saveSnapshot()
        try desk.giveBack(.init(unit: "6", depositCard: "106"), by: f.clerk)
        try desk.forfeit(.init(unit: "7", reason: "顾客失联"), by: f.lead)
        let liveAfter = desk.state
        #expect(liveAfter.lentCount == 11 && liveAfter.returnedCount == 7 && liveAfter.forfeitedCount == 2)
        #expect(liveAfter.history["U008"]?.last?.lost == true && liveAfter.fleet.status(of: "U009") == .retired)
        try desk.book.close()
        let replayed = try UmbrellaDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == liveAfter)
        let fromSnapshot = try UmbrellaDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == liveAfter)
        #expect(live != liveAfter)
        #expect(try roundTrip(live) == live)
        #expect(try roundTrip(liveAfter) == liveAfter)
    }

    /// The newest record of the umbrella book, read back from the ledger.
    func lastRecord(_ desk: UmbrellaDesk) throws -> LedgerRecord {
        let reader = try ServiceBook<LastRecord>(.umbrella, context: f.context, useSnapshot: false)
        defer { try? reader.close() }
        return try #require(reader.state.record)
    }

    /// The money fields of a return or release: deposit, charge, refund, paid on top (fen).
    func money(_ r: LedgerRecord) -> [Int64?] {
        ["depositFen", "chargeFen", "refundFen", "paidOnTopFen"].map { r.body[$0]?.intValue }
    }
}

/// Keeps only the newest record of a book: lets a test read what was written.
struct LastRecord: BookState {
    var record: LedgerRecord?
    init() {}
    mutating func apply(_ r: LedgerRecord) { record = r }
    func encode(to e: inout SnapshotEncoder) {}
    init(from d: inout SnapshotDecoder) throws { throw SnapshotDecodingError("not kept") }
}

extension UmbrellaDeskTests {
    @Test func aUnitOutStaysReturnableWhenTheFleetIsMadeSmaller() throws {
        var desk = try UmbrellaDesk(context: f.context)
        try desk.lend(lendForm("12", card: "1"), by: f.clerk)
        try desk.lend(lendForm("13", card: "2"), by: f.clerk)
        try desk.giveBack(.init(unit: "13", depositCard: "2", damage: .damaged, note: "伞骨断了"), by: f.clerk)
        try desk.book.close()
        f.config.umbrellaUnits = 10
        desk = try UmbrellaDesk(context: f.context)
        // U012 is beyond the fleet now: it cannot be lent, but its loan still ends and its deposit comes back.
        let lend = failure { try desk.lend(lendForm("12", card: "3"), by: f.clerk) }
        #expect(lend as? FleetError == .unknownUnit(field: "unit", text: "12"))
        let back = try desk.giveBack(.init(unit: "12", depositCard: "1"), by: f.clerk)
        #expect(back.unit == "U012" && back.refund == Money(yuan: 50))
        // A damaged one beyond the fleet can be retired; one never used is no unit at all.
        try desk.retire(unit: "U013", reason: "减少雨伞数量", by: f.lead)
        #expect(desk.state.fleet.status(of: "U013") == .retired)
        #expect(failure { try desk.retire(unit: "14", reason: "x", by: f.lead) } as? FleetError == .unknownUnit(field: "unit", text: "14"))
    }
}
