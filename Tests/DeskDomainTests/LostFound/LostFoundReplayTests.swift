import Testing
@testable import DeskDomain

@Suite struct LostFoundReplayTests {
    let f = DeskFixture()

    @Test func replayAndSnapshotRebuildTheLiveState() throws {
        let desk = try LostFoundDesk(context: f.context)
        let report = try desk.report(.init(category: "钱包", description: "黑色长款钱包", colour: "黑", contact: "王芳",
                                           phone: "13812345678"), by: f.clerk).report
        try desk.report(.init(category: "keys", description: "一串钥匙，挂小熊", contact: "李娜", phone: "13900000000"), by: f.clerk)
        var tags: [String] = []
        for i in 1...6 {
            var form = lostWalletForm(features: "第\(i)个：长款，内有会员卡")
            if i % 2 == 0 { form.category = "手机"; form.storage = "保险柜 \(i) 号格" }
            if i == 5 { form.category = "现金"; form.amount = "128.50"; form.storage = "保险柜" }
            tags.append(try desk.intake(form, by: f.clerk).item.tag)
            f.later(minutes: 7)
        }
        try desk.describeClaim(.init(tag: tags[0], claimant: "王芳", quantity: "1", colour: "黑", features: "会员卡"), by: f.clerk)
        try desk.completeClaim(.init(tag: tags[0], matched: true, claimant: "王芳", claimantID: "11010519491231002X",
                                     phone: "13812345678", signatureConfirmed: true, reportID: report.id), by: f.clerk)
        try desk.describeClaim(.init(tag: tags[1], quantity: "2", colour: "红", features: "旧款"), by: f.clerk)
        try desk.completeClaim(.init(tag: tags[1], matched: false, note: "不符"), by: f.clerk)
        try desk.describeClaim(.init(tag: tags[2], claimant: "张伟", quantity: "1", colour: "黑", features: "长款"), by: f.clerk)
        let live = desk.state
        try desk.book.saveSnapshot()
        f.later(days: 100)
        try desk.dispose(.init(tag: tags[3], method: .donation, note: "捐给市慈善总会"), by: f.lead)
        try desk.intake(lostWalletForm(), by: f.clerk)
        let liveAfter = desk.state
        #expect(live != liveAfter)
        try desk.book.close()
        let replayed = try LostFoundDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == liveAfter)
        let fromSnapshot = try LostFoundDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == liveAfter)
        #expect(try roundTrip(live) == live)
        #expect(try roundTrip(liveAfter) == liveAfter)
        #expect(fromSnapshot.search(query: "第3个").map(\.tag) == [tags[2]])
        #expect(fromSnapshot.state.items[tags[2]]?.pendingDescription?.claimant == "张伟")
    }

    @Test func twoConsolesShareTheTagSequence() throws {
        let a = try LostFoundDesk(context: f.context)
        let b = try LostFoundDesk(context: f.context)
        #expect(try a.intake(lostWalletForm(), by: f.clerk).item.tag == "LF-2026-000001")
        #expect(try b.intake(lostWalletForm(), by: f.clerk).item.tag == "LF-2026-000002")
        try a.book.refresh()
        #expect(a.state == b.state)
        let tag = "LF-2026-000001"
        try a.describeClaim(.init(tag: tag, quantity: "1", colour: "黑", features: "会员卡"), by: f.clerk)
        try a.completeClaim(.init(tag: tag, matched: true, claimant: "王芳", claimantID: "11010519491231002X",
                                  phone: "13812345678", signatureConfirmed: true), by: f.clerk)
        #expect(failure { try b.completeClaim(.init(tag: tag, matched: true, claimant: "李娜", claimantID: "360426199101010071",
                                                    phone: "13912345678", signatureConfirmed: true), by: f.clerk) }
            as? LostFoundError == .notInStorage(field: "tag", tag: tag, status: .claimed))
    }
}
