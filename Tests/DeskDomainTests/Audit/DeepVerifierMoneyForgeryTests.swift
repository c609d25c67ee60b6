import Foundation
import Testing
@testable import DeskDomain

/// Forgeries of what moves money or units: refunds, forfeits, units and cards out twice,
/// leads, invoices, points, receipts, a shift close, snapshots.
@Suite struct DeepVerifierMoneyForgeryTests {
    typealias T = DeepVerifierForgeryTests

    static func lentU001() throws -> Forgery { try Forgery { d, x in try Forgery.lendU001(d, x.f) } }

    @Test func aRefundThatIsNotTheDepositLessTheCharge() throws {
        let x = try Self.lentU001()
        let seq = try x.forge(.umbrella, UmbrellaEvents.returned, T.returned(charge: 3000, refund: 5000, damage: "damaged"))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [refund]: chargeFen 3000 is not depositFen 5000 − refundFen 5000 + paidOnTopFen 0"])
    }

    @Test func aRefundOfADepositTheLoanNeverTook() throws {
        // The ¥50 loan refunded ¥5,000: the figures add up, but not to the lent line's deposit.
        let x = try Self.lentU001()
        let seq = try x.forge(.umbrella, UmbrellaEvents.returned, T.returned(deposit: 500_000, refund: 500_000))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [refund]: depositFen 500000, but the lent line (seq 1) took 5000"])
    }

    @Test func aRefundThatAddsUpButDoesNotSettle() throws {
        let x = try Self.lentU001()
        let seq = try x.forge(.umbrella, UmbrellaEvents.returned, T.returned(charge: 3000, refund: 3000, onTop: 1000, damage: "damaged"))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [refund]: refundFen 3000 and paidOnTopFen 1000 do not settle chargeFen 3000 against depositFen 5000"])
    }

    @Test func aForfeitThatDoesNotKeepTheWholeDeposit() throws {
        let x = try Self.lentU001()
        let seq = try x.forge(.umbrella, UmbrellaEvents.depositForfeited,
                              ["unit": "U001", "lentSeq": 1, "depositCard": "D001", "reason": "未归还", "depositFen": 5000,
                               "keptFen": 1000, "lostPriceFen": 5000, "refundFen": 4000, "paidOnTopFen": 0, "uncollectedFen": 0],
                              op: "lead.li")
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [forfeit]: a forfeit keeps the whole deposit 5000: keptFen 1000, refundFen 4000, paidOnTopFen 0"])
    }

    @Test func aUnitLentTwiceWhileOut() throws {
        let x = try Self.lentU001()
        var body = T.lent
        body["unit"] = "U001"
        let seq = try x.forge(.umbrella, UmbrellaEvents.lent, body)
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [unit-out]: U001 is lent again while out (lent at seq 1)"])
    }

    @Test func aDepositCardOutTwice() throws {
        let x = try Self.lentU001()
        var body = T.lent
        body["depositCard"] = "D001"
        let seq = try x.forge(.umbrella, UmbrellaEvents.lent, body)
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [card-out]: deposit card D001 is already out with U001 (lent at seq 1)"])
    }

    @Test func aStrollerReturnedThatIsNotOut() throws {
        let x = try Forgery { d, x in
            try d.strollers.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: x.f.clerk)
        }
        let seq = try x.forge(.stroller, StrollerEvents.returned, ["unit": "S002", "lentSeq": 1, "condition": "ok", "note": ""])
        #expect(try x.findings() == ["stroller 2026 seq \(seq) [unit-state]: S002 is not out"])
    }

    @Test func aLeadOnlyEventByAClerk() throws {
        let x = try Forgery()
        let seq = try x.forge(.umbrella, UmbrellaEvents.unitRetired, ["unit": "U005", "reason": "报废"])
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [lead-only]: umbrella.unit-retired needs a shift lead, but clerk.wang was not an active lead at 2026-03-01T10:02:00+08:00"])
    }

    @Test func aLeadOnlyEventByALeadAlreadyDisabled() throws {
        // lead.zhou disposes of an item rightly while a lead, then again after being disabled.
        let x = try Forgery { d, x in
            for _ in 0..<2 {
                try d.lostFound.intake(.init(foundPlace: "东门", handedInBy: "保洁员", category: "wallet", colour: "黑色",
                                             features: "有划痕", storage: "A架"), by: x.f.clerk)
            }
            try d.lostFound.dispose(.init(tag: "1", method: .police, note: "交派出所"), by: x.secondLead)
            x.f.later(minutes: 1)
            try d.operators.disable("lead.zhou", reason: "调岗", by: x.f.lead)
        }
        let seq = try x.forge(.lostfound, LostFoundEvents.disposed, ["tag": "LF-2026-000002", "method": "police", "note": "", "expired": false],
                              op: "lead.zhou")
        #expect(try x.findings() == ["lostfound 2026 seq \(seq) [lead-only]: lostfound.disposed needs a shift lead, but lead.zhou was not an active lead at 2026-03-01T10:03:00+08:00"])
    }

    /// A paper range 144001900110 00000001–00000250 and invoice 00000001 for ¥88 on receipt A1001 (seqs 1, 2).
    static func invoiced() throws -> Forgery {
        try Forgery { d, x in
            try d.invoices.allocate(.init(kind: .paper, code: "144001900110", first: "00000001", last: "00000250"), by: x.f.lead)
            try d.invoices.issue(.init(kind: .paper, shop: "星巴克", receipts: [.init(number: "A1001", amount: "88.00")],
                                       buyerType: .person, buyerTitle: "王芳"), by: x.f.clerk)
        }
    }

    static func issued(_ number: String, receipt: String = "A1002", amount: Int64 = 8800, sum: Int64? = nil) -> JSONObject {
        ["kind": "paper", "code": "144001900110", "number": .string(number), "shop": "星巴克",
         "receipts": [["number": .string(receipt), "amountFen": .int(amount)]], "amountFen": .int(sum ?? amount),
         "buyerType": "person", "buyerTitle": "王芳"]
    }

    @Test func anInvoiceNumberThatSkipsOne() throws {
        let x = try Self.invoiced()
        let seq = try x.forge(.invoice, InvoiceEvents.issued, Self.issued("00000003"))
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [invoice-number]: number 144001900110/00000003 is not the next paper number 144001900110/00000002"])
    }

    @Test func anInvoiceNumberOutsideEveryRange() throws {
        let x = try Self.invoiced()
        let seq = try x.forge(.invoice, InvoiceEvents.issued, Self.issued("00000300"))
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [invoice-number]: number 144001900110/00000300 is outside every registered paper range"])
    }

    @Test func aReceiptOnASecondLiveInvoice() throws {
        let x = try Self.invoiced()
        let seq = try x.forge(.invoice, InvoiceEvents.issued, Self.issued("00000002", receipt: "A1001"))
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [receipt-invoiced]: receipt A1001 of 星巴克 is already on live invoice 144001900110/00000001 (seq 2)"])
    }

    @Test func anInvoiceAmountThatIsNotItsReceipts() throws {
        let x = try Self.invoiced()
        let seq = try x.forge(.invoice, InvoiceEvents.issued, Self.issued("00000002", sum: 100))
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [invoice-amount]: amountFen 100, but the receipts add up to 8800"])
    }

    @Test func aRedLetterInvoiceForMoreThanTheOriginal() throws {
        let x = try Self.invoiced()
        let seq = try x.forge(.invoice, InvoiceEvents.redLetterIssued,
                              ["kind": "paper", "code": "144001900110", "number": "00000002", "originalCode": "144001900110",
                               "originalNumber": "00000001", "originalYear": 2026, "originalSeq": 2, "reasonCode": "02",
                               "amountFen": -999_999, "note": ""], op: "lead.li")
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [invoice-amount]: reverses 999999, but invoice 144001900110/00000001 has only 8800 left to reverse"])
    }

    @Test func aVoidThatNamesTheAllocationInsteadOfTheIssue() throws {
        let x = try Self.invoiced()
        let seq = try x.forge(.invoice, InvoiceEvents.voided,
                              ["code": "144001900110", "number": "00000001", "issuedYear": 2026, "issuedSeq": 1, "amountFen": 8800,
                               "reason": "开错"], op: "lead.li")
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [reference]: issuedSeq 1 is invoice.numbers-allocated, not invoice.issued"])
    }

    @Test func aFailedCreditCheckAcceptedByAClerk() throws {
        let x = try Self.invoiced()
        var body = Self.issued("00000002")
        body["buyerType"] = "enterprise"
        body["taxpayerID"] = "91110000600037341A"
        body["creditCheckOverriddenBy"] = "clerk.wang"
        let seq = try x.forge(.invoice, InvoiceEvents.issued, body)
        #expect(try x.findings() == ["invoice 2026 seq \(seq) [lead-only]: a taxpayer ID that fails its check needs a shift lead, but clerk.wang accepted it and clerk.wang issued it at 2026-03-01T10:02:00+08:00"])
    }

    /// Card PC00012345 enrolled on receipt A-0091 for ¥128 (128 points; seqs 1, 2).
    static func enrolled() throws -> Forgery {
        try Forgery { d, x in
            try d.points.enrol(.init(cardNumber: "PC00012345", name: "王芳", phone: "13812345678", idNumber: "11010519491231002X",
                                     formNumber: "F2026-0001", formKept: true, shop: "星巴克", receiptNumber: "A-0091",
                                     receiptDate: "2026-03-01", amount: "128.00"), by: x.f.clerk)
        }
    }

    @Test func aReceiptThatEarnsPointsTwice() throws {
        let x = try Self.enrolled()
        var body = try x.lastBody(.points, PointsEvents.earned)
        body["source"] = "backfill"
        let seq = try x.forge(.points, PointsEvents.earned, body)
        let key = body["receiptKey"]!.stringValue!
        #expect(try x.findings() == ["points 2026 seq \(seq) [points-twice]: receipt \(key) already earned points on PC00012345"])
    }

    @Test func aRedemptionBelowZero() throws {
        let x = try Self.enrolled()
        let seq = try x.forge(.points, PointsEvents.redeemed, ["cardNumber": "PC00012345", "points": 200, "purpose": "礼品兑换"])
        #expect(try x.findings() == ["points 2026 seq \(seq) [negative-balance]: redeems 200 points from a balance of 128"])
    }

    @Test func aReissueThatStatesAnotherBalance() throws {
        let x = try Self.enrolled()
        let seq = try x.forge(.points, PointsEvents.cardReissued,
                              ["oldCardNumber": "PC00012345", "newCardNumber": "PC00012346", "points": 99_999, "wasLost": false,
                               "idMasked": "1101**********002X", "note": ""])
        #expect(try x.findings() == ["points 2026 seq \(seq) [stated-figure]: carries over 99999 points, but PC00012345's balance is 128"])
    }

    @Test func aServiceReceiptNumberThatSkipsOne() throws {
        let x = try Forgery { d, x in
            try Forgery.openShift(d, x.f)
            try d.services.issue(.init(kind: .photocopy, quantity: "2", statedFee: "1", tendered: "1"), by: x.f.clerk)
        }
        var body = try x.lastBody(.services, PaidServicesEvents.receiptIssued)
        body["number"] = "SR-2026-000003"
        let seq = try x.forge(.services, PaidServicesEvents.receiptIssued, body)
        #expect(try x.findings() == ["services 2026 seq \(seq) [receipt]: receipt SR-2026-000003 is not the next number SR-2026-000002"])
    }

    @Test func aShiftCloseWhoseExpectedCashIsNotItsParts() throws {
        let x = try Forgery { d, x in
            try d.shift.open(.init(float: "500"), by: x.f.lead)
            try d.shift.close(.init(counted: "500"), by: x.f.lead)
            x.f.later(minutes: 1)
            try d.shift.open(.init(float: "500"), by: x.f.lead)
        }
        var body = try x.lastBody(.shift, ShiftEvents.closed)
        body["shift"] = try x.lastBody(.shift, ShiftEvents.opened)["shift"]
        body["openedSeq"] = 3
        body["expectedFen"] = 40_000
        body["differenceFen"] = 10_000
        let seq = try x.forge(.shift, ShiftEvents.closed, body, op: "lead.li")
        #expect(try x.findings() == ["shift 2026 seq \(seq) [stated-figure]: expectedFen 40000, but its parts add up to 50000"])
    }

    @Test func aSnapshotWhoseStateWasForged() throws {
        // The snapshot says the ¥50 loan took ¥5,000: its checksum is right, its state is not the ledger's.
        let x = try Self.lentU001()
        let data = x.f.dir.data
        let key = SnapshotKey(x.f.context.personalDataKey)
        var snap = try #require(SnapshotStore.load(book: .umbrella, data: data, key: key, as: UmbrellaState.self).loaded)
        snap.state.out["U001"]!.deposit = Money(fen: 500_000)
        try SnapshotStore.save(book: .umbrella, data: data, key: key, year: snap.year, seq: snap.seq, hash: snap.hash, state: snap.state)
        #expect(try x.findings() == ["umbrella 2026 seq 1 [snapshot]: the snapshot's state differs from the book replayed up to seq 1"])
    }

    @Test func aSnapshotBehindTheHeadIsComparedAtItsOwnSeq() throws {
        // Another console lent U002 after the snapshot: sound as it is, caught once forged.
        let x = try Self.lentU001()
        try x.forge(.umbrella, UmbrellaEvents.lent, T.lent)
        #expect(try x.findings() == [])
        let data = x.f.dir.data
        let key = SnapshotKey(x.f.context.personalDataKey)
        var snap = try #require(SnapshotStore.load(book: .umbrella, data: data, key: key, as: UmbrellaState.self).loaded)
        snap.state.out["U001"]!.deposit = Money(fen: 500_000)
        try SnapshotStore.save(book: .umbrella, data: data, key: key, year: snap.year, seq: snap.seq, hash: snap.hash, state: snap.state)
        #expect(try x.findings() == ["umbrella 2026 seq 1 [snapshot]: the snapshot's state differs from the book replayed up to seq 1"])
    }

    @Test func aSnapshotThatCannotBeRead() throws {
        let x = try Self.lentU001()
        x.f.dir.write(".snapshots/umbrella.snap", Array("plazadesk snapshot 3\n".utf8) + [UInt8](repeating: 7, count: 64))
        #expect(try x.findings() == ["umbrella 2026 seq 0 [snapshot]: snapshot fails its key check (forged or damaged)"])
    }
}
