import Crypto
import Foundation
import Testing
@testable import DeskDomain

/// Nothing in `.snapshots` moves money: a snapshot edited with its plain SHA-256
/// recomputed, or MAC'd with another key, is replayed over with a warning and reported by
/// the audit; one MAC'd with the right key (someone with the folder and the key) still
/// cannot pay out more than the ledger line says.
@Suite struct SnapshotTrustTests {
    let f = DeskFixture()

    /// Deposits and fees move cash: a shift is open for every test here.
    init() throws { try f.openShift() }
    var key: SnapshotKey { SnapshotKey(f.context.personalDataKey) }

    /// How a forger seals the edited snapshot.
    enum Seal {
        /// The SHA-256 of the rest, where the MAC goes (what the old format checked).
        case plainSHA256
        case mac(SnapshotKey)
    }

    /// Reads a book's snapshot, changes its state, and writes it back sealed as `seal` says.
    func forge<S: BookState>(_ book: BookName, _ type: S.Type, seal: Seal, _ change: (inout S) -> Void) throws {
        let snap = try #require(SnapshotStore.load(book: book, data: f.dir.data, key: key, as: S.self).loaded)
        var state = snap.state
        change(&state)
        switch seal {
        case .mac(let other):
            try SnapshotStore.save(book: book, data: f.dir.data, key: other, year: snap.year, seq: snap.seq, hash: snap.hash, state: state)
        case .plainSHA256:
            try SnapshotStore.save(book: book, data: f.dir.data, key: key, year: snap.year, seq: snap.seq, hash: snap.hash, state: state)
            let path = ".snapshots/\(book.rawValue).snap"
            var bytes = f.dir.bytes(path)
            let m = SnapshotStore.magic.count
            bytes.replaceSubrange(m..<m + 32, with: Array(SHA256.hash(data: Array(bytes[(m + 32)...]))))
            f.dir.write(path, bytes)
        }
    }

    /// U001 lent for the usual ¥50 (seq 1), the snapshot saved, the book closed.
    func lendAndSave() throws {
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(.init(unit: "1", depositCard: "1", customer: "王芳", phone: "13812345678"), by: f.clerk)
        try desk.book.saveSnapshot()
        try desk.book.close()
        f.later(minutes: 30)
    }

    func raiseDeposit(_ s: inout UmbrellaState) { s.out["U001"]!.deposit = Money(fen: 500_000) }

    @Test func aSnapshotEditedWithItsPlainSHA256RecomputedIsReplayedOverWithAWarning() throws {
        try lendAndSave()
        try forge(.umbrella, UmbrellaState.self, seal: .plainSHA256, raiseDeposit)
        let desk = try Desk(context: f.context)
        #expect(!desk.umbrellas.book.openedFromSnapshot)
        #expect(desk.umbrellas.state.out["U001"]?.deposit == Money(yuan: 50))
        let warning = SnapshotWarning(book: .umbrella, problem: .failsKeyCheck)
        #expect(desk.umbrellas.book.snapshotWarning == warning && desk.openingWarnings == [warning])
        #expect(warning.message(.en) == "The snapshot .snapshots/umbrella.snap (book umbrella) fails its key check and may have been edited: it was ignored and the book replayed. Tell the shift lead.")
        #expect(warning.message(.zhHans).contains("未通过密钥校验"))
        let findings = try SnapshotAudit.audit(data: f.dir.data, key: f.context.personalDataKey)
        #expect(findings.map(\.description) == ["SNAPSHOT FORGED: .snapshots/umbrella.snap (book umbrella) fails its key check"])
        let back = try desk.umbrellas.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk)
        #expect(back.refund == Money(yuan: 50))
        try desk.close()
    }

    @Test func aMACMadeWithAnotherKeyIsRejected() throws {
        try lendAndSave()
        let other = SnapshotKey(PersonalDataKey(key: SymmetricKey(size: .bits256)))
        try forge(.umbrella, UmbrellaState.self, seal: .mac(other), raiseDeposit)
        let desk = try UmbrellaDesk(context: f.context)
        #expect(!desk.book.openedFromSnapshot && desk.state.out["U001"]?.deposit == Money(yuan: 50))
        #expect(desk.book.snapshotWarning == SnapshotWarning(book: .umbrella, problem: .failsKeyCheck))
        #expect(try SnapshotAudit.audit(data: f.dir.data, key: f.context.personalDataKey).map(\.problem) == [.failsKeyCheck])
    }

    /// Someone with the folder and the key: the forged state is opened, but the return reads
    /// the lent line, refuses, sets the snapshot aside and replays; the retry refunds ¥50.
    @Test func aSnapshotForgedWithTheKeyStillRefundsOnlyTheLedgersDeposit() throws {
        try lendAndSave()
        try forge(.umbrella, UmbrellaState.self, seal: .mac(key), raiseDeposit)
        #expect(try SnapshotAudit.audit(data: f.dir.data, key: f.context.personalDataKey).isEmpty, "a MAC made with the key holds")
        let desk = try UmbrellaDesk(context: f.context)
        #expect(desk.book.openedFromSnapshot && desk.book.snapshotWarning == nil)
        #expect(desk.state.out["U001"]?.deposit == Money(fen: 500_000))
        let err = failure { try desk.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk) }
        let expected = LedgerDisagreement(book: .umbrella, year: 2026, seq: 1, fact: .deposit, ledger: "¥50.00", saved: "¥5000.00")
        #expect(err as? LedgerDisagreement == expected)
        #expect(err?.message(.en) == "the ledger (book umbrella 2026 seq 1) says the deposit was ¥50.00 but the saved state says ¥5000.00: the snapshot was discarded; try again")
        #expect(err?.message(.zhHans) == "账本（umbrella 2026 第 1 条）记载的押金是 ¥50.00，但保存的状态是 ¥5000.00：快照已作废，请重试。")
        #expect(desk.book.head.seq == 1, "nothing was written")
        #expect(f.dir.files(in: ".snapshots") == ["umbrella.snap.discarded"])
        #expect(!desk.book.stateFromSnapshot && desk.state.out["U001"]?.deposit == Money(yuan: 50))
        let back = try desk.giveBack(.init(unit: "1", depositCard: "1"), by: f.clerk)
        #expect(back.refund == Money(yuan: 50))
        let live = desk.state
        try desk.book.close()
        #expect(try UmbrellaDesk(context: f.context, useSnapshot: false).state == live, "as a replay would have it")
    }

    @Test func aForfeitAndAReleaseReadTheLentLineToo() throws {
        try lendAndSave()
        try forge(.umbrella, UmbrellaState.self, seal: .mac(key)) { $0.out["U001"]!.depositCard = "D009" }
        let desk = try UmbrellaDesk(context: f.context)
        #expect(failure { try desk.forfeit(.init(unit: "1", reason: "顾客失联"), by: f.lead) } as? LedgerDisagreement
            == LedgerDisagreement(book: .umbrella, year: 2026, seq: 1, fact: .depositCard, ledger: "D001", saved: "D009"))
        let released = try desk.releaseWithoutCard(.init(unit: "1", reason: "顾客出示身份证"), by: f.lead)
        #expect(released.refund == Money(yuan: 50) && released.depositCard == "D001")
    }

    @Test func aStaleSnapshotIsSilentAndOneTheLedgerLacksIsAWarning() throws {
        try lendAndSave()
        let desk = try UmbrellaDesk(context: f.context)
        try desk.lend(.init(unit: "2", depositCard: "2", customer: "李娜", phone: "13812345678"), by: f.clerk)
        try desk.book.close()
        let stale = try UmbrellaDesk(context: f.context)
        #expect(stale.book.openedFromSnapshot && stale.book.snapshotWarning == nil)
        try stale.book.saveSnapshot()
        let at = stale.book.head
        try stale.book.close()
        // The book cut back to its first line (a roll-back): the snapshot names seq 2.
        let path = "2026/umbrella.jsonl"
        let bytes = f.dir.bytes(path)
        f.dir.write(path, Array(bytes[...bytes.firstIndex(of: 10)!]))
        let findings = try SnapshotAudit.audit(data: f.dir.data, key: f.context.personalDataKey)
        #expect(findings.map(\.description) == ["SNAPSHOT FORGED: .snapshots/umbrella.snap says umbrella 2026 seq 2 hash \(at.hash.hex) but book umbrella 2026 ends at seq 1"])
        let rolled = try UmbrellaDesk(context: f.context)
        #expect(!rolled.book.openedFromSnapshot && rolled.state.out.keys.sorted() == ["U001"])
        #expect(rolled.book.snapshotWarning == SnapshotWarning(book: .umbrella, problem: .notInLedger(year: 2026, seq: 2, hash: at.hash)))
    }

    @Test func aClaimReadsTheIntakeAndTheDescriptionLines() throws {
        let lf = try LostFoundDesk(context: f.context)
        let tag = try lf.intake(lostWalletForm(), by: f.clerk).item.tag
        try lf.describeClaim(.init(tag: tag, claimant: "王芳", quantity: "1", colour: "黑色", features: "长款皮夹"), by: f.clerk)
        try lf.book.saveSnapshot()
        try lf.book.close()
        try forge(.lostfound, LostFoundState.self, seal: .mac(key)) { $0.items[tag]!.features = "长款皮夹" }
        let desk = try LostFoundDesk(context: f.context)
        let form = LostFoundDesk.CompleteClaimForm(tag: tag, matched: true, claimant: "王芳", claimantID: "11010519491231002X",
                                                   phone: "13812345678", signatureConfirmed: true)
        #expect(failure { try desk.completeClaim(form, by: f.clerk) } as? LedgerDisagreement
            == LedgerDisagreement(book: .lostfound, year: 2026, seq: 1, fact: .features, ledger: "长款皮夹，内有星巴克会员卡", saved: "长款皮夹"))
        #expect(desk.book.head.seq == 2 && desk.state.items[tag]?.status == .inStorage)
        #expect(desk.state.items[tag]?.features == "长款皮夹，内有星巴克会员卡", "replayed from the ledger")
        #expect(try desk.completeClaim(form, by: f.clerk).status == .claimed)
    }

    @Test func aVoidReadsTheIssueLine() throws {
        let inv = try InvoiceDesk(context: f.context)
        try inv.paperRange("00000001", "00000100", by: f.lead)
        let invoice = try inv.issue(.sample([("A1", "88")]), by: f.clerk)
        try inv.book.saveSnapshot()
        try inv.book.close()
        try forge(.invoice, InvoiceState.self, seal: .mac(key)) { $0.invoices[invoice.id]!.amount = Money(yuan: 8800) }
        let desk = try InvoiceDesk(context: f.context)
        #expect(failure { try desk.void(.init(number: "00000001", reason: "打印错位"), by: f.lead) } as? LedgerDisagreement
            == LedgerDisagreement(book: .invoice, year: 2026, seq: invoice.issuedSeq, fact: .amount, ledger: "¥88.00", saved: "¥8800.00"))
        #expect(desk.book.head.seq == invoice.issuedSeq, "nothing was written")
        let void = try desk.void(.init(number: "00000001", reason: "打印错位"), by: f.lead)
        #expect(void.status == .voided && void.amount == Money(yuan: 88))
    }

    @Test func aReissueCarriesOverOnlyTheLedgersBalance() throws {
        let pts = try PointsDesk(context: f.context)
        let idNumber = "11010519491231002X"
        try pts.enrol(.init(cardNumber: "PC00010001", name: "王芳", phone: "13812345678", idNumber: idNumber, formNumber: "F-0001",
                            formKept: true, shop: "星巴克", receiptNumber: "A-0091", receiptDate: "2026-03-01", amount: "128.50"), by: f.clerk)
        try pts.redeem(.init(cardNumber: "PC00010001", points: "20", purpose: "停车券"), by: f.clerk)
        let balance = try pts.balance(of: "PC00010001")
        try pts.book.saveSnapshot()
        try pts.book.close()
        try forge(.points, PointsState.self, seal: .mac(key)) { $0.cards["PC00010001"]!.balance = 100_000 }
        let desk = try PointsDesk(context: f.context)
        #expect(try desk.balance(of: "PC00010001") == 100_000)
        let form = PointsDesk.ReissueForm(idNumber: idNumber, newCardNumber: "PC00020001", note: "卡片折断")
        #expect(failure { try desk.reissue(form, by: f.clerk) } as? LedgerDisagreement
            == LedgerDisagreement(book: .points, year: 2026, seq: 1, fact: .balance, ledger: String(balance), saved: "100000"))
        #expect(desk.book.head.seq == 3, "nothing was written")
        let new = try desk.reissue(form, by: f.clerk)
        #expect(new.balance == balance && balance == 108)
    }

    @Test func aRedeemChecksTheBalanceAgainstTheLedgerWhileTheStateIsTheSnapshots() throws {
        let pts = try PointsDesk(context: f.context)
        try pts.enrol(.init(cardNumber: "PC00010001", name: "王芳", phone: "13812345678", idNumber: "11010519491231002X", formNumber: "F-0001",
                            formKept: true, shop: "星巴克", receiptNumber: "A-0091", receiptDate: "2026-03-01", amount: "128.50"), by: f.clerk)
        try pts.book.saveSnapshot()
        try pts.book.close()
        try forge(.points, PointsState.self, seal: .mac(key)) { $0.cards["PC00010001"]!.balance = 100_000 }
        let desk = try PointsDesk(context: f.context)
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "5000", purpose: "礼品"), by: f.clerk) } as? LedgerDisagreement
            == LedgerDisagreement(book: .points, year: 2026, seq: 1, fact: .balance, ledger: "128", saved: "100000"))
        #expect(failure { try desk.redeem(.init(cardNumber: "PC00010001", points: "5000", purpose: "礼品"), by: f.clerk) } as? PointsError
            == .notEnoughPoints(balance: 128, requested: 5000))
    }
    @Test func aReceiptVoidReadsTheIssueLine() throws {
        let sv = try PaidServicesDesk(context: f.context)
        let receipt = try sv.issue(.init(kind: .photocopy, quantity: "12", statedFee: "6", tendered: "10", customer: "王芳"), by: f.clerk)
        try sv.book.saveSnapshot()
        try sv.book.close()
        try forge(.services, PaidServicesState.self, seal: .mac(key)) { $0.receipts[receipt.number]!.fee = Money(yuan: 600) }
        let desk = try PaidServicesDesk(context: f.context)
        #expect(failure { try desk.void(.init(number: receipt.number.description, reason: "收错项目"), by: f.lead) } as? LedgerDisagreement
            == LedgerDisagreement(book: .services, year: 2026, seq: receipt.seq, fact: .fee, ledger: "¥6.00", saved: "¥600.00"))
        #expect(desk.book.head.seq == receipt.seq, "nothing was written")
        let void = try desk.void(.init(number: receipt.number.description, reason: "收错项目"), by: f.lead)
        #expect(void.isVoid && void.fee == Money(yuan: 6))
    }
}
