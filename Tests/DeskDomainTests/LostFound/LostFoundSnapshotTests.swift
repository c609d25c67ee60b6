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

    static func encode(_ state: LostFoundState) -> [UInt8] {
        var e = SnapshotEncoder()
        state.encode(to: &e)
        return e.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> LostFoundState {
        try SnapshotDecoder.decode(bytes) { try LostFoundState(from: &$0) }
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

        let bytes = Self.encode(live)
        let decoded = try Self.decode(bytes)
        #expect(decoded == live)
        #expect(decoded.search == live.search, "the search is rebuilt in ledger order")
        #expect(Self.encode(live) == bytes)
        #expect(Self.encode(decoded) == bytes)

        // A state replayed in another order of dictionary inserts still writes the same bytes.
        try busy.desk.book.close()
        let replayed = try LostFoundDesk(context: f.context, useSnapshot: false)
        #expect(replayed.state == live)
        #expect(Self.encode(replayed.state) == bytes)
        #expect(!bytes.isEmpty && !String(decoding: bytes, as: UTF8.self).contains(idNumber))
    }

    @Test func anEmptyStateReadsBack() throws {
        let bytes = Self.encode(LostFoundState())
        #expect(bytes == [0, 0, 0, 0])
        #expect(try Self.decode(bytes) == LostFoundState())
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

    @Test func aCutSnapshotNeverDecodes() throws {
        let bytes = Self.encode(try busyDesk().desk.state)
        for cut in 0..<bytes.count {
            #expect(throws: (any Error).self, "cut at \(cut) of \(bytes.count)") { try Self.decode(Array(bytes[..<cut])) }
        }
        #expect(throws: (any Error).self) { try Self.decode(bytes + [0]) }
    }

    @Test func aDamagedByteNeverCrashesTheDecoder() throws {
        let live = try busyDesk().desk.state
        let bytes = Self.encode(live)
        for at in bytes.indices {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[at] ^= mask
                // Either it throws, or it reads as some state that writes itself again.
                if let state = try? Self.decode(damaged) { _ = Self.encode(state) }
            }
        }
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
        let magic = SnapshotStore.magic.count

        for cut in [0, 5, magic, magic + 3, magic + 15, magic + 40, saved.count / 2, saved.count - 2, saved.count - 1] {
            f.dir.write(path, Array(saved[..<cut]))
            let desk = try LostFoundDesk(context: f.context)
            #expect(!desk.book.openedFromSnapshot, "cut at \(cut)")
            #expect(desk.state == live, "cut at \(cut)")
            try desk.book.close()
        }

        // Any byte changed — the magic, the checksum, the header (book, year, seq, hash) or
        // the state, say the first item's category — and the snapshot is not trusted: the
        // book is replayed to the live state.
        let wallet = Array("wallet".utf8)
        let category = try #require(saved.indices.first { saved[$0...].starts(with: wallet) })
        for at in Array(stride(from: 0, to: saved.count, by: 5)) + [magic - 1, magic + 40, magic + 45, category, category + 5] {
            var damaged = saved
            damaged[at] ^= 0x01
            f.dir.write(path, damaged)
            let desk = try LostFoundDesk(context: f.context)
            #expect(!desk.book.openedFromSnapshot, "damaged at \(at)")
            #expect(desk.state == live, "damaged at \(at)")
            try desk.book.close()
        }
    }
}
