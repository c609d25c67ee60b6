@testable import DeskDomain

/// Fixed records of every slip kind (made with the domain's own initialisers, so every
/// figure is known): what the golden slips are printed from. 2026-03-01, plaza time.
enum SlipSamples {
    static let config = DeskConfig()
    static let clerk = try! OperatorID("clerk.wang")
    static let lead = try! OperatorID("lead.li")
    static let sealCode = SealCode("7K2Q-9XHM-4T8B-PZ3D")!

    static func at(_ hour: Int, _ minute: Int) -> Int64 {
        PlazaTime.china.instant(CivilTime(year: 2026, month: 3, day: 1, hour: hour, minute: minute))
    }

    /// Every slip the golden files hold, by file name stem.
    static let names: [String] = Slip.Kind.allCases.map(\.rawValue) + ["service-receipt-void-reprint"]

    /// The slip of a sample, in a language.
    static func slip(_ name: String, _ l: Language) -> Slip {
        switch name {
        case Slip.Kind.umbrellaLoan.rawValue: return Slip.umbrellaLoan(umbrellaLoan, config, l)
        case Slip.Kind.umbrellaReturn.rawValue: return Slip.umbrellaReturn(umbrellaReturned, config, l)!
        case Slip.Kind.strollerLoan.rawValue: return Slip.strollerLoan(strollerLoan, config, l)
        case Slip.Kind.claimHandOver.rawValue: return Slip.claimHandOver(claimedItem, config, l)!
        case Slip.Kind.lostReport.rawValue: return Slip.lostReport(lostReport, config, l)
        case Slip.Kind.serviceReceipt.rawValue: return Slip.serviceReceipt(receipt, config, l)
        case Slip.Kind.pointsEnrolment.rawValue: return Slip.pointsEnrolment(enrolledCard, config, l)
        case Slip.Kind.pointsReissue.rawValue: return Slip.pointsReissue(reissuedCard, config, l)!
        case Slip.Kind.shiftClose.rawValue: return Slip.shiftClose(closingReport, config, l)!
        case "service-receipt-void-reprint": return Slip.serviceReceipt(voidedReceipt, config, l).reprinted()
        default: fatalError("no sample \(name)")
        }
    }

    static var umbrellaLoan: UmbrellaLoan {
        UmbrellaLoan(unit: "U012", depositCard: "D012", deposit: Money(yuan: 50), customer: "王芳", phoneMasked: "138****5678",
                     lentAt: at(10, 15), lentYear: 2026, lentSeq: 12, lentBy: clerk)
    }

    /// Came back damaged: ¥30.00 kept from the ¥50.00 deposit, ¥20.00 handed back.
    static var umbrellaReturned: UmbrellaLoan {
        var l = umbrellaLoan
        l.endedAt = at(16, 40); l.endedBy = clerk; l.ending = .returned
        l.damaged = true; l.charge = Money(yuan: 30); l.refund = Money(yuan: 20)
        return l
    }

    /// Lost, at a price above the deposit: the deposit kept and ¥30.00 paid on top.
    static var umbrellaLost: UmbrellaLoan {
        var l = umbrellaLoan
        l.endedAt = at(17, 5); l.endedBy = clerk; l.ending = .returned
        l.lost = true; l.charge = Money(yuan: 80); l.refund = .zero; l.paidOnTop = Money(yuan: 30)
        return l
    }

    static var strollerLoan: StrollerLoan {
        StrollerLoan(unit: "S003", customer: "Emily Clarke", phoneMasked: "139****0071", lentAt: at(11, 2), lentYear: 2026,
                     lentSeq: 5, lentBy: clerk)
    }

    static var claimedItem: LostItem {
        var item = LostItem(tag: "LF-2026-000007", category: .wallet, valuable: false, quantity: 1, colour: "黑色", brand: "Coach",
                            features: "长款皮夹，内有星巴克会员卡和一张图书馆借书证，拉链处有划痕", amount: nil, foundAt: at(9, 30),
                            foundPlace: "三楼美食广场", handedInBy: "保洁 刘阿姨", storage: "失物柜 A 层", receivedAt: at(9, 45),
                            receivedBy: clerk, receivedYear: 2026, receivedSeq: 7)
        item.status = .claimed
        item.claim = LostItemClaim(claimant: "王芳", idMasked: "1101**********002X", idHash: "hash", phoneMasked: "138****5678",
                                   note: "", reportID: "LR-2026-000003", claimedAt: at(14, 5), releasedBy: clerk)
        return item
    }

    static var lostReport: LostReport {
        LostReport(id: "LR-2026-000003", category: .phone, description: "白色 iPhone 15，透明手机壳，背面贴着小熊贴纸", colour: "白",
                   lostAt: at(0, 0), lostTimeKnown: false, lostPlace: "二楼电影院入口", contact: "李娜", phoneMasked: "139****0000",
                   reportedAt: at(13, 20), reportedBy: clerk)
    }

    static var receipt: ServiceReceipt {
        ServiceReceipt(number: ServiceReceiptNumber(year: 2026, serial: 41), seq: 41, kind: .photocopy, quantity: 12,
                       unitPrice: Money(fen: 50), quotedFee: Money(yuan: 6), fee: Money(yuan: 6), overrideReason: nil,
                       tendered: Money(yuan: 10), change: Money(yuan: 4), customer: "李娜", note: "身份证复印 正反面",
                       issuedAt: at(11, 20), plazaDay: CivilTime.days(year: 2026, month: 3, day: 1), issuedBy: clerk)
    }

    static var voidedReceipt: ServiceReceipt {
        var r = receipt
        r.voidedAt = at(11, 35); r.voidedBy = lead; r.voidReason = "顾客不要了，全额退款"
        return r
    }

    static var enrolledCard: PointsCard {
        PointsCard(number: "PC00010001", holderName: "王芳", phoneMasked: "138****5678", idMasked: "1101**********002X",
                   idHash: "hash", formNumber: "F-0001", balance: 128, issuedAt: at(10, 40), issuedYear: 2026, issuedSeq: 3,
                   issuedBy: clerk, memberSince: at(10, 40))
    }

    static var reissuedCard: PointsCard {
        PointsCard(number: "PC00020001", holderName: "王芳", phoneMasked: "138****5678", idMasked: "1101**********002X",
                   idHash: "hash", formNumber: "F-0001", balance: 428, issuedAt: at(15, 10), issuedYear: 2026, issuedSeq: 19,
                   issuedBy: clerk, memberSince: at(10, 40), replaces: "PC00010001")
    }

    /// A day's close: float ¥500.00, five umbrellas lent and three back (one damaged),
    /// five paid-service receipts, ¥15.00 paid out; expected ¥629.00, counted ¥624.00.
    static var closingReport: ClosingReport {
        var t = ClosingTally()
        t.umbrellas.lent = 5; t.umbrellas.returned = 3; t.umbrellas.damaged = 1
        t.umbrellas.depositsTaken = Money(yuan: 250); t.umbrellas.depositsRefunded = Money(yuan: 150)
        t.umbrellas.handedBack = Money(yuan: 120); t.umbrellas.keptForDamage = Money(yuan: 30); t.umbrellas.damageCharges = Money(yuan: 30)
        t.strollers.lent = 4; t.strollers.returned = 3
        t.lostFound.received = 3; t.lostFound.valuables = 1; t.lostFound.reportsTaken = 1; t.lostFound.claimsDescribed = 1
        t.lostFound.claimed = 1
        t.points.enrolled = ["PC00010001"]
        t.points.reissued = [ClosingTally.CardReissue(old: "PC00010001", new: "PC00020001")]
        t.invoices.issued = [ClosingTally.InvoiceLine(kind: "paper", code: "044026010001", number: "10010001", amount: Money(yuan: 1200)),
                             ClosingTally.InvoiceLine(kind: "paper", code: "044026010001", number: "10010002", amount: Money(fen: 35050))]
        t.services.byKind[.photocopy] = ServiceKindTotals(issued: 4, voided: 0, fee: Money(yuan: 12))
        t.services.byKind[.fax] = ServiceKindTotals(issued: 1, voided: 0, fee: Money(yuan: 2))
        t.services.firstNumber = "SR-2026-000038"; t.services.lastNumber = "SR-2026-000042"
        t.services.change = Money(yuan: 8)
        let paid = CashMovement(shift: "S-20260301-1", direction: .paidOut, amount: Money(yuan: 15), reason: "买胶带和打印纸", at: at(12, 30),
                                by: lead, seq: 2)
        t.movements = [paid]
        let expected = Money(yuan: 629)
        let closing = Shift.Closing(closedAt: at(20, 5), closedBy: lead, closedYear: 2026, closedSeq: 4, seals: [:], expected: expected,
                                    counted: Money(yuan: 624), difference: Money(yuan: -5), note: "少找零 5 元，已报主管",
                                    notes: [10000: 6, 2000: 1, 100: 4])
        let shift = Shift(id: "S-20260301-1", float: Money(yuan: 500), openedAt: at(8, 0), openedBy: lead, openedYear: 2026,
                          openedSeq: 1, heads: [:], movements: [paid], closing: closing)
        var umbrellas = UmbrellaState()
        var u14 = umbrellaLoan; u14.unit = "U014"; u14.depositCard = "D014"; u14.customer = "张伟"; u14.lentAt = at(15, 0)
        var u20 = umbrellaLoan; u20.unit = "U020"; u20.depositCard = "D020"; u20.customer = "Tom Baker"; u20.lentAt = at(18, 45)
        umbrellas.out = ["U014": u14, "U020": u20]
        var strollers = StrollerState()
        strollers.out = ["S003": strollerLoan]
        var lostFound = LostFoundState()
        lostFound.reports = [lostReport.id: lostReport]
        let stillOut = StillOut(umbrellas: umbrellas, strollers: strollers, lostFound: lostFound, at: at(20, 5), config: config)
        var report = ClosingReport.compose(scope: .shift("S-20260301-1"), from: at(8, 0), to: at(20, 5), provisional: false, time: .china,
                                           tally: t, shifts: [shift], stillOut: stillOut, warnings: [])
        report.sealCode = sealCode
        return report
    }
}
