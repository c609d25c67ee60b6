import Foundation
import Testing
@testable import DeskDomain

/// A desk opened read-only (GUARANTEES 21): it sees what a writing one sees and keeps up
/// with writers, changes no file under the data directory or the state folder, leaves a
/// torn tail for a writer, and refuses every write in both languages.
@Suite struct ReadOnlyDeskTests {
    /// 2027-01-04 10:00 in the plaza: after every line of the demo year 2026.
    static let january = PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 4, hour: 10))
    static let refusedZh = "这个数据目录只读：只能查看，不能登记。"
    static let refusedEn = "This data directory is read-only: you can look, not record."
    let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)
    let lead = Actor(id: try! OperatorID("lead.li"), role: .lead)

    /// A demo year (with its demo operators, key, snapshots and acknowledged heads) in a data
    /// directory with a state folder of its own.
    func demo(seed: UInt64 = 9) throws -> TamperKit {
        let kit = TamperKit()
        try DemoYear(data: kit.data, year: 2026, events: 600, seed: seed).write()
        return kit
    }

    func readOnly(_ kit: TamperKit, _ clock: any Clock, useSnapshots: Bool = true) throws -> Desk {
        try Desk(context: try DeskContext.open(kit.data, clock: clock, readOnly: true), useSnapshots: useSnapshots)
    }

    func writing(_ kit: TamperKit, _ clock: any Clock) throws -> Desk {
        try Desk(context: try DeskContext.open(kit.data, clock: clock))
    }

    /// The data directory and the state folder, every file's bytes, names, modes and times.
    func digest(_ kit: TamperKit) -> [TreeDigest] { [TreeDigest(kit.dir.path), TreeDigest(kit.state.path)] }

    func expectSame(_ after: [TreeDigest], _ before: [TreeDigest], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (a, b) in zip(after, before) {
            #expect(a == b, "\(what):\n\(a.difference(from: b))", sourceLocation: sourceLocation)
        }
    }

    func freeStroller(_ desk: Desk) throws -> String {
        try #require(desk.strollers.units.first { $0.status == .available }?.unit)
    }

    @Test func aReadOnlyOpeningSeesWhatAWritingOneSeesAndChangesNoFile() throws {
        let kit = try demo()
        // As if never opened for writing on this machine: no lock folder, and none is made.
        try FileManager.default.removeItem(atPath: kit.dir.path + "/.locks")
        let before = digest(kit)
        let clock = ManualClock(Self.january)
        let ro = try readOnly(kit, clock)
        #expect(ro.context.readOnly && ro.openingWarnings.isEmpty)
        #expect(ro.umbrellas.book.openedFromSnapshot, "the snapshots are read (and checked) as usual")
        #expect(try ro.refreshChanged() == [])
        try ro.refresh()
        #expect(try ro.operators.login(id: "audit.zhao", pin: "8642").operator.role == .auditor)
        let seen = ro.states
        let replayed = try readOnly(kit, clock, useSnapshots: false)
        #expect(replayed.states == seen, "every line replayed, read-only")
        try ro.saveSnapshots(); try ro.close()
        try replayed.saveSnapshots(); try replayed.close()
        expectSame(digest(kit), before, "an open, refresh, login, snapshot save and close changed the tree")
        #expect(!FileManager.default.fileExists(atPath: kit.dir.path + "/.locks"))

        let rw = try writing(kit, clock)
        #expect(rw.states == seen, "a desk opened for writing sees the same")
        try rw.close()
        #expect(FileManager.default.fileExists(atPath: kit.dir.path + "/.locks"), "the check above can fail: a writer makes it")
    }

    @Test func aDirectoryWithoutRecordsStaysEmptyAndGetsNoFirstLead() throws {
        let dir = TemporaryDirectory(), state = TemporaryDirectory()
        let data = DataDirectory(path: dir.path, stateFolder: state.path + "/plazadesk")
        let desk = try Desk(context: try DeskContext.open(data, clock: ManualClock(Self.january), readOnly: true))
        #expect(desk.operators.needsFirstLead)
        let refused = failure { try desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")) }
        #expect(refused as? ReadOnlyRefusal == ReadOnlyRefusal(data: dir.path, what: .firstLead))
        #expect(refused?.message(.zhHans) == "这个数据目录只读：不能在这里创建第一位值班主管。请打开一个可写的数据目录。")
        #expect(refused?.message(.en)
            == "This data directory is read-only: the first shift lead cannot be created here. Open a data directory you can write.")
        #expect(try desk.refreshChanged() == [])
        try desk.saveSnapshots(); try desk.close()
        #expect(dir.files(in: ".") == [], "no config, key, .id, .heads or lock folder")
        #expect(state.files(in: ".") == [])
    }

    @Test func everyWriteIsRefusedWithTheMessageAndWrongPINsAreNotCounted() throws {
        let kit = try demo()
        let clock = ManualClock(Self.january)
        let ro = try readOnly(kit, clock)
        let before = digest(kit)
        let states = ro.states
        func raw<S>(_ book: ServiceBook<S>) -> (any DeskFailure)? {
            failure {
                try book.transaction { _, tx in
                    Issue.record("the transaction's body ran on a read-only desk (book \(book.book))")
                    try tx.append("test.numbered", ["n": .int(1)], op: .system)
                }
            }
        }
        var refusals: [(String, (any DeskFailure)?)] = [
            // Every book, by the transaction every service writes through.
            ("operators", raw(ro.operators.book)), ("lostfound", raw(ro.lostFound.book)), ("umbrella", raw(ro.umbrellas.book)),
            ("stroller", raw(ro.strollers.book)), ("points", raw(ro.points.book)), ("invoice", raw(ro.invoices.book)),
            ("services", raw(ro.services.book)), ("shift", raw(ro.shift.book)),
        ]
        let unit = try freeStroller(ro)
        refusals += [
            // The services, with what a clerk or lead types.
            ("lend a stroller", failure {
                try ro.strollers.lend(.init(unit: unit, customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: clerk)
            }),
            ("lend an umbrella", failure {
                try ro.umbrellas.lend(.init(unit: "U060", depositCard: "D60", deposit: "", customer: "王芳", phone: "13812345678"), by: clerk)
            }),
            ("report a lost item", failure {
                _ = try ro.lostFound.report(.init(category: "钱包", description: "黑色长款钱包", colour: "黑", contact: "王芳",
                                                  phone: "13812345678"), by: clerk)
            }),
            ("a photocopy receipt", failure {
                _ = try ro.services.issue(.init(kind: .photocopy, quantity: "4", statedFee: "2", tendered: "2"), by: clerk)
            }),
            ("open a shift", failure { try ro.shift.open(.init(float: "500"), by: lead) }),
            ("add an operator", failure { try ro.operators.add(.init(id: "clerk.li", name: "李四", role: .clerk, pin: "2222"), by: lead) }),
            ("change one's PIN", failure { try ro.operators.setPIN(of: "clerk.wang", to: "9999", by: clerk) }),
            ("a bare writer's append", failure {
                let w = try BookWriter(data: kit.data, book: .umbrella, clock: clock, readOnly: true)
                try w.append("test.numbered", ["n": .int(1)], op: .system)
            }),
        ]
        for (what, refused) in refusals {
            #expect(refused as? ReadOnlyRefusal == ReadOnlyRefusal(data: kit.dir.path), "\(what): \(String(describing: refused))")
            #expect(refused?.message(.zhHans) == Self.refusedZh, "\(what)")
            #expect(refused?.message(.en) == Self.refusedEn, "\(what)")
        }
        // Logins: the PIN is checked; a wrong one is refused and not counted (no lock, however many).
        for _ in 0..<7 {
            #expect(failure { _ = try ro.operators.login(id: "clerk.wang", pin: "0000") } as? OperatorError == .badLogin)
        }
        #expect(try ro.operators.login(id: "clerk.wang", pin: "1357").failuresBefore == 0)
        #expect(ro.states == states)
        expectSame(digest(kit), before, "a refused write or a wrong PIN changed the tree")

        // A lock recorded by a writer holds here, the right PIN included.
        let rw = try writing(kit, clock)
        for _ in 0..<5 { _ = failure { _ = try rw.operators.login(id: "clerk.zhang", pin: "0000") } }
        guard case .locked(let id, _, let failures)? = failure({ _ = try ro.operators.login(id: "clerk.zhang", pin: "1111") }) as? OperatorError else {
            Issue.record("the lock a writer recorded did not hold on the read-only desk"); return
        }
        #expect(id == "clerk.zhang" && failures == 5)
        try rw.close(); try ro.close()
    }

    @Test func aTornLastLineIsNeitherSetAsideNorReadUntilItsWriterFinishesIt() throws {
        let a = try demo()
        let clock = ManualClock(Self.january)
        let original = try readOnly(a, clock).states
        // The line a writer appends (the first of 2027), made on a copy of the directory.
        let b = TamperKit()
        for name in a.dir.files(in: ".") {
            try FileManager.default.copyItem(atPath: a.dir.path + "/" + name, toPath: b.dir.path + "/" + name)
        }
        let writer = try writing(b, clock)
        try writer.strollers.lend(.init(unit: try freeStroller(writer), customer: "王芳", phone: "13812345678",
                                        noticeAcknowledged: true), by: clerk)
        let lent = writer.strollers.state
        let head = writer.strollers.book.head
        try writer.close()
        let line = b.bytes(.stroller, year: 2027)
        #expect(line.last == 10 && line.filter { $0 == 10 }.count == 1, "one whole line")

        // In the original, the writer has written half of it.
        try FileManager.default.createDirectory(atPath: a.dir.path + "/2027", withIntermediateDirectories: false)
        a.write(.stroller, Array(line.prefix(line.count / 2)), year: 2027)
        let before = digest(a)
        let ro = try readOnly(a, clock)
        #expect(ro.states == original, "the half line is not read")
        #expect(try ro.refreshChanged() == [])
        #expect(ro.states == original)
        expectSame(digest(a), before, "the torn tail was set aside, cut or recorded")

        // The write completes: the next look reads the whole line.
        let rest = FileHandle(forWritingAtPath: a.path(.stroller, year: 2027))!
        rest.seekToEndOfFile()
        rest.write(Data(line.dropFirst(line.count / 2)))
        try rest.close()
        #expect(try ro.refreshChanged() == [.stroller])
        #expect(ro.strollers.state == lent)
        #expect(ro.strollers.book.head.seq == head.seq && ro.strollers.book.head.hash == head.hash)
        try ro.close()
        #expect(a.bytes(.stroller, year: 2027) == line)
    }

    @Test func aCrashsTornTailIsLeftToAWriterAndItsRecoveryIsReadThen() throws {
        let kit = try demo()
        let clock = ManualClock(Self.january)
        let book = kit.bytes(.umbrella)
        kit.write(.umbrella, book + Array(#"{"seq":999,"at":"2026-12-"#.utf8))   // a crash mid-append
        let before = digest(kit)
        let ro = try readOnly(kit, clock)
        let seq = ro.umbrellas.book.head.seq
        #expect(try ro.refreshChanged() == [])
        expectSame(digest(kit), before, "the read-only desk touched the torn tail")
        // A writer opens the book: sets the bytes aside and records it; the look reads that.
        let rw = try writing(kit, clock)
        #expect(rw.umbrellas.book.head.seq == seq + 1)
        #expect(try ro.refreshChanged() == [.umbrella])
        #expect(ro.umbrellas.book.head.seq == seq + 1 && ro.umbrellas.book.head.hash == rw.umbrellas.book.head.hash)
        #expect(ro.states == rw.states)
        try rw.close(); try ro.close()
    }

    @Test func aReadOnlyDeskKeepsUpWithAWriterOnTheSameDirectory() throws {
        let kit = try demo()
        let clock = ManualClock(Self.january)
        let ro = try readOnly(kit, clock)
        let rw = try writing(kit, clock)
        #expect(try ro.refreshChanged() == [])
        // The first lines of a new year: new files in a new year folder.
        let unit = try freeStroller(rw)
        try rw.strollers.lend(.init(unit: unit, customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: clerk)
        #expect(try ro.refreshChanged() == [.stroller])
        #expect(ro.strollers.state == rw.strollers.state)
        try rw.shift.open(.init(float: "500"), by: lead)
        let umbrella = try #require(rw.umbrellas.units.first { $0.status == .available }?.unit)
        try rw.umbrellas.lend(.init(unit: umbrella, depositCard: "D60", deposit: "", customer: "王芳", phone: "13812345678"), by: clerk)
        clock.advance(by: 600)
        try rw.strollers.giveBack(.init(unit: unit), by: clerk)
        #expect(Set(try ro.refreshChanged()) == [.shift, .umbrella, .stroller])
        #expect(ro.states == rw.states)
        #expect(ro.umbrellas.state.out[umbrella]?.customer == "王芳")
        #expect(try ro.refreshChanged() == [], "nothing new: nothing read")
        try rw.close(); try ro.close()
    }
}
