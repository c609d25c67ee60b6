import Testing
@testable import DeskDomain

/// The lost-and-found state in the binary snapshot form (``SnapshotCoding``): read back as
/// it was written, the same bytes every time, and a damaged file never trusted over the book.
@Suite struct LostFoundSnapshotTests {
    let f = DeskFixture()
    let idNumber = "11010519491231002X"

    struct Busy {
        var desk: LostFoundDesk
        /// wallet, cash, phone, umbrellas, ID card, keys, scarf (next year).
        var tags: [String]
        /// wallet (claimed), umbrella (withdrawn), keys (open), phone (open).
        var reports: [String]
    }

    /// A desk after a realistic stretch: lost reports, intake of valuables and ordinary
    /// items (Chinese and English text), a claim described and handed over against a masked
    /// ID (closing the claimant's report), a claim refused, one still pending, a disposal on
    /// a lead's authority, a report withdrawn, and an item taken in the next plaza year.
    func busyDesk() throws -> Busy {
        let desk = try LostFoundDesk(context: f.context)
        var reports: [String] = []
        reports.append(try desk.report(.init(category: "钱包", description: "黑色长款钱包，内有身份证", colour: "黑",
                                             lostDate: "today", lostTime: "09:30", lostPlace: "三楼美食广场",
                                             contact: "王芳", phone: "13812345678"), by: f.clerk).report.id)
        reports.append(try desk.report(.init(category: "umbrella", description: "Blue folding umbrella, 蓝色折叠伞",
                                             contact: "Tom Smith", phone: "13900000000"), by: f.clerk).report.id)
        reports.append(try desk.report(.init(category: "keys", description: "一串钥匙，挂小熊", contact: "李娜",
                                             phone: "13712345678"), by: f.clerk).report.id)
        reports.append(try desk.report(.init(category: "phone", description: "白色 iPhone，透明壳", colour: "白",
                                             lostDate: "yesterday", contact: "陈先生", phone: "13612345678"), by: f.clerk).report.id)
        f.later(minutes: 5)
        var tags: [String] = []
        tags.append(try desk.intake(lostWalletForm(), by: f.clerk).item.tag)
        f.later(minutes: 3)
        tags.append(try desk.intake(.init(foundPlace: "一楼服务台", handedInBy: "顾客 陈先生", category: "现金", colour: "红色",
                                          features: "人民币现金，百元三张", amount: "300.00", storage: "保险柜"),
                                    by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundPlace: "B2 停车场", handedInBy: "保安 赵师傅", category: "手机", colour: "白色",
                                          brand: "Apple", features: "iPhone 15，透明手机壳", storage: "保险柜 2 号格"),
                                    by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundDate: "today", foundTime: "08:15", foundPlace: "二楼女洗手间",
                                          handedInBy: "保洁 刘阿姨", category: "雨伞", quantity: "2", colour: "蓝色",
                                          features: "折叠伞 folding"), by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundPlace: "电影院 5 号厅", handedInBy: "影院员工 小周", category: "身份证",
                                          colour: "蓝", features: "居民身份证，姓名 张伟", storage: "保险柜"),
                                    by: f.clerk).item.tag)
        tags.append(try desk.intake(.init(foundPlace: "Food court, 3F", handedInBy: "customer", category: "keys",
                                          colour: "silver", features: "three keys on a bear keyring"), by: f.clerk).item.tag)
        f.later(minutes: 20)
        try desk.describeClaim(.init(tag: tags[0], claimant: "王芳", quantity: "1", colour: "黑", features: "星巴克会员卡"),
                               by: f.clerk)
        try desk.completeClaim(.init(tag: tags[0], matched: true, claimant: "王芳", claimantID: idNumber,
                                     phone: "13812345678", signatureConfirmed: true, reportID: reports[0]), by: f.clerk)
        try desk.describeClaim(.init(tag: tags[2], claimant: "李先生", quantity: "1", colour: "黑", features: "华为"), by: f.clerk)
        try desk.completeClaim(.init(tag: tags[2], matched: false, note: "颜色、品牌不符"), by: f.clerk)
        try desk.describeClaim(.init(tag: tags[3], claimant: "Tom Smith", quantity: "2", colour: "blue", features: "folding"),
                               by: f.clerk)
        try desk.closeReport(.init(report: reports[1], outcome: .withdrawn, note: "客人说已在别处找到"), by: f.clerk)
        f.later(days: 3)
        try desk.dispose(.init(tag: tags[4], method: .police, note: "交 人民广场派出所 民警 王警官"), by: f.lead)
        f.later(days: 320)
        tags.append(try desk.intake(.init(foundPlace: "四楼儿童乐园", handedInBy: "保洁 刘阿姨", category: "clothing",
                                          colour: "红", features: "儿童围巾"), by: f.clerk).item.tag)
        return Busy(desk: desk, tags: tags, reports: reports)
    }

    @Test func aBusyStateReadsBackEqualAndWritesTheSameBytes() throws {
        let busy = try busyDesk()
        let live = busy.desk.state
        #expect(live.items.count == 7 && live.reports.count == 4 && live.lastTagNumber.count == 2)
        #expect(live.items[busy.tags[0]]?.claim?.idMasked == "1101**********002X")
        #expect(live.items[busy.tags[2]]?.refusedClaims == 1)
        #expect(live.items[busy.tags[3]]?.pendingDescription?.claimant == "Tom Smith")
        #expect(live.items[busy.tags[4]]?.disposal?.method == .police)
        #expect(live.reports[busy.reports[0]]?.status == .found && live.reports[busy.reports[1]]?.status == .withdrawn)

        try expectSnapshotCodec(live)
        let bytes = snapshotBytes(live)
        #expect(try roundTrip(live).search == live.search, "the search is rebuilt in ledger order")

        // A state replayed in another order of dictionary inserts still writes the same bytes.
        try busy.desk.book.close()
        let replayed = try LostFoundDesk(context: f.context, useSnapshot: false)
        #expect(replayed.state == live)
        #expect(snapshotBytes(replayed.state) == bytes)
        #expect(!bytes.isEmpty && !String(decoding: bytes, as: UTF8.self).contains(idNumber))
    }

    @Test func anEmptyStateReadsBack() throws {
        // No items, an empty search (no text, no lengths), no reports, no numbers.
        #expect(snapshotBytes(LostFoundState()) == [0, 0, 0, 0, 0, 0])
        #expect(try roundTrip(LostFoundState()) == LostFoundState())
    }

    @Test func theDeskOpensFromTheBinarySnapshotAndReplaysWhatCameAfter() throws {
        let busy = try busyDesk()
        let desk = busy.desk
        try desk.book.saveSnapshot()
        #expect(f.dir.files(in: ".snapshots") == ["lostfound.snap"])
        f.later(minutes: 30)
        try desk.closeReport(.init(report: busy.reports[2], outcome: .withdrawn, note: "不找了"), by: f.clerk)
        try desk.describeClaim(.init(tag: busy.tags[6], claimant: "赵女士", quantity: "1", colour: "红", features: "围巾"), by: f.clerk)
        let live = desk.state
        try desk.book.close()

        let fromSnapshot = try LostFoundDesk(context: f.context, useSnapshot: true)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == live)
        let replayed = try LostFoundDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == fromSnapshot.state)
        #expect(fromSnapshot.search(query: "透明手机壳").map(\.tag) == [busy.tags[2]])
        #expect(fromSnapshot.search(query: "bear keyring").map(\.tag) == [busy.tags[5]])
        #expect(fromSnapshot.state.items[busy.tags[6]]?.pendingDescription?.claimant == "赵女士")
        try fromSnapshot.book.close()
        try replayed.book.close()
    }

    /// What the desk does with a cut or damaged `.snap`: it opens, and when it does not trust
    /// the file it replays the book to the live state.
    @Test func theDeskReplaysACutOrDamagedSnapshot() throws {
        let busy = try busyDesk()
        try busy.desk.book.saveSnapshot()
        let live = busy.desk.state
        try busy.desk.book.close()
        let path = ".snapshots/lostfound.snap"
        let saved = f.dir.bytes(path)
        #expect(saved.count > 100)
        // Cut, or any byte changed (the checksum, the header, the state): not trusted, and
        // the book is replayed to the live state.
        for damaged in damagedCopies(of: saved, every: 5) {
            f.dir.write(path, damaged)
            let desk = try LostFoundDesk(context: f.context)
            #expect(!desk.book.openedFromSnapshot)
            #expect(desk.state == live)
            try desk.book.close()
        }
    }
}
