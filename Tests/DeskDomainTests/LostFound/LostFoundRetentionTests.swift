import Testing
@testable import DeskDomain

@Suite struct LostFoundRetentionTests {
    let f = DeskFixture()

    func idCard(_ desk: LostFoundDesk) throws -> LostItem {
        try desk.intake(.init(foundDate: "now", foundPlace: "二楼女装区试衣间", handedInBy: "店员 小周", category: "身份证",
                              colour: "蓝白", features: "姓名：陈静", storage: "保险柜 3 号格"), by: f.clerk).item
    }

    func bag(_ desk: LostFoundDesk) throws -> LostItem {
        try desk.intake(.init(foundDate: "now", foundPlace: "四楼影院入口", handedInBy: "保安 陈师傅", category: "bag",
                              colour: "红色", features: "双肩包，里面有课本"), by: f.clerk).item
    }

    @Test func retentionIsPerCategoryFromTheConfig() throws {
        let desk = try LostFoundDesk(context: f.context)
        let id = try idCard(desk)
        let b = try bag(desk)
        let bankCard = try desk.intake(.init(foundDate: "now", foundPlace: "ATM 旁", handedInBy: "顾客", category: "bankCard",
                                             colour: "金色", features: "招商银行", storage: "保险柜"), by: f.clerk).item
        #expect(desk.retainUntil(id) == march1st + 7 * 86_400 && desk.retainUntil(b) == march1st + 90 * 86_400)
        #expect(desk.expiredItems(now: march1st + 7 * 86_400 - 60).isEmpty)
        #expect(desk.expiredItems(now: march1st + 7 * 86_400).map(\.tag) == [id.tag, bankCard.tag])
        #expect(desk.expiredItems(now: march1st + 8 * 86_400).map(\.tag) == [id.tag, bankCard.tag], "the bag is not expired")
        #expect(desk.expiredItems(now: march1st + 90 * 86_400).map(\.tag) == [id.tag, bankCard.tag, b.tag])
        f.later(days: 8)
        #expect(desk.expiredItems.map(\.tag) == [id.tag, bankCard.tag])
        // Another plaza keeps ID cards only three days.
        f.config.idDocumentDays = 3
        f.config.retentionDays = 5
        let shorter = try LostFoundDesk(context: f.context)
        #expect(shorter.expiredItems(now: march1st + 3 * 86_400).map(\.tag) == [id.tag])
        #expect(shorter.expiredItems(now: march1st + 5 * 86_400).map(\.tag) == [id.tag, b.tag])
    }

    @Test func bankCardRetentionComesFromTheConfig() throws {
        f.config.bankCardDays = 2
        let desk = try LostFoundDesk(context: f.context)
        let id = try idCard(desk)
        let bankCard = try desk.intake(.init(foundDate: "now", foundPlace: "ATM 旁", handedInBy: "顾客", category: "bankCard",
                                             colour: "金色", features: "招商银行", storage: "保险柜"), by: f.clerk).item
        #expect(desk.retainUntil(bankCard) == march1st + 2 * 86_400 && desk.retainUntil(id) == march1st + 7 * 86_400)
        #expect(desk.expiredItems(now: march1st + 2 * 86_400 - 60).isEmpty)
        #expect(desk.expiredItems(now: march1st + 2 * 86_400).map(\.tag) == [bankCard.tag], "the ID card keeps its own 7 days")
    }

    @Test func onlyALeadDisposesAndTheDisposalIsRecorded() throws {
        let desk = try LostFoundDesk(context: f.context)
        let id = try idCard(desk)
        let b = try bag(desk)
        let form = LostFoundDesk.DisposeForm(tag: id.tag, method: .police, note: "交南京路派出所 李警官")
        #expect(failure { try desk.dispose(form, by: f.clerk) } as? CommonError == .notAllowed(action: .disposeLostProperty, role: .clerk))
        #expect(failure { try desk.dispose(form, by: f.auditor) } as? CommonError == .notAllowed(action: .disposeLostProperty, role: .auditor))
        #expect(failure { try desk.dispose(.init(tag: id.tag, method: .police, note: " "), by: f.lead) } as? CommonError == .required(field: "note"))
        #expect(desk.book.head.seq == 2, "nothing was written")
        f.later(days: 7)
        let disposed = try desk.dispose(form, by: f.lead)
        #expect(disposed.status == .disposed)
        #expect(disposed.disposal == LostItemDisposal(method: .police, note: "交南京路派出所 李警官", expired: true,
                                                      disposedAt: march1st + 7 * 86_400, authorisedBy: f.lead.id))
        #expect(desk.expiredItems.isEmpty && desk.itemsInStorage.map(\.tag) == [b.tag])
        #expect(failure { try desk.dispose(form, by: f.lead) } as? LostFoundError == .notInStorage(field: "tag", tag: id.tag, status: .disposed))
        // Before its retention ran out: allowed, and recorded as such.
        let early = try desk.dispose(.init(tag: b.tag, method: .returnedToIssuer, note: "学校老师代领后转交"), by: f.lead)
        #expect(early.disposal?.expired == false && early.disposal?.method == .returnedToIssuer)
        let ledger = String(decoding: f.dir.bytes("2026/lostfound.jsonl"), as: UTF8.self)
        #expect(ledger.contains("\"ev\":\"lostfound.disposed\"") && ledger.contains("\"op\":\"lead.li\""))
    }
}
