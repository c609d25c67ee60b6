import Foundation
import Testing
@testable import DeskDomain

/// Wrong PINs at the login, counted in the operators book: two consoles (two desks on one
/// data directory) share the count, the 5th wrong PIN locks the id for 30 s, each further
/// one for twice as long up to 15 minutes, and a locked id is refused before any PIN is
/// checked, the right PIN included.
@Suite struct LoginLockoutTests {
    let f = DeskFixture()

    /// A console on the fixture's data directory, named as `operator.login-failed` records it.
    func console(_ name: String) throws -> OperatorDesk {
        let ops = try OperatorDesk(context: f.context, pinRounds: 10)
        ops.console = name
        return ops
    }

    /// A lead (lead.li/2468) and a clerk (clerk.wang/1357), added on a first console.
    func setUp() throws -> OperatorDesk {
        let ops = try console("tty:pts/1")
        let lead = try ops.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try ops.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead)
        return ops
    }

    /// The records of the operators book of 2026 with event `ev`.
    func events(_ ev: String) throws -> [LedgerRecord] {
        var out: [LedgerRecord] = []
        _ = try BookScanner.scan(path: f.dir.path + "/2026/operators.jsonl", startPrev: .zero, decode: true) { rs in
            out += rs.filter { $0.ev == ev }
        }
        return out
    }

    func clock(_ seconds: Int64) -> String { Login.clock(march1st + seconds, .china) }

    @Test func fiveWrongPINsFromTwoConsolesLockTheIdAndTheSixthIsRefusedEvenWithTheRightPIN() throws {
        let a = try setUp()
        let b = try console("tty:pts/2")
        for i in 1...4 {
            let desk = i % 2 == 1 ? a : b
            #expect(failure { _ = try desk.login(id: "clerk.wang", pin: "0000") } as? OperatorError == .badLogin, "wrong PIN \(i)")
        }
        let fifth = failure { _ = try b.login(id: "Clerk.Wang", pin: "0000") }
        #expect(fifth as? OperatorError == .locked(id: "clerk.wang", until: "10:00:30", failures: 5))
        #expect(fifth?.message(.en) == "id clerk.wang is locked until 10:00:30 after 5 wrong PINs; try later or ask the shift lead.")
        #expect(fifth?.message(.zhHans) == "工号 clerk.wang 因连续 5 次密码错误已锁定到 10:00:30，请稍后再试或联系值班主管。")
        #expect(fifth?.field == "pin")

        // The 6th, with the right PIN, on the other console: refused, no PBKDF2, nothing written.
        try a.book.refresh()
        let head = a.book.head.seq
        let checks = a.pinChecks
        f.clock.advance(by: 29)
        #expect(failure { _ = try a.login(id: "clerk.wang", pin: "1357") } as? OperatorError
            == .locked(id: "clerk.wang", until: "10:00:30", failures: 5))
        #expect(a.pinChecks == checks, "a locked id costs no PIN check")
        #expect(a.book.head.seq == head, "a refusal while locked is not recorded")

        let failed = try events(OperatorEvents.loginFailed)
        #expect(failed.map { $0.body["failures"]?.intValue } == [1, 2, 3, 4, 5])
        #expect(failed.map { $0.body["console"]?.stringValue } == ["tty:pts/1", "tty:pts/2", "tty:pts/1", "tty:pts/2", "tty:pts/2"])
        #expect(failed.allSatisfy { $0.body["id"]?.stringValue == "clerk.wang" && $0.op == .system })
        let locks = try events(OperatorEvents.lockedOut)
        #expect(locks.count == 1)
        #expect(locks.first?.body == ["id": .string("clerk.wang"), "failures": .int(5), "untilAt": .string("2026-03-01T10:00:30+08:00")])

        // When the lock has run out the right PIN works, and says what came before.
        f.clock.advance(by: 1)
        let login = try b.login(id: "clerk.wang", pin: "1357")
        #expect(login.operator.id.rawValue == "clerk.wang" && login.failuresBefore == 5)
        #expect(login.message(.en, now: f.clock.now()) == "5 wrong PINs for clerk.wang since your last login.")
        #expect(login.message(.zhHans, now: f.clock.now()) == "自上次登录以来，clerk.wang 的密码输错 5 次。")
        let loggedIn = try events(OperatorEvents.loggedIn)
        #expect(loggedIn.map(\.body) == [["id": .string("clerk.wang"), "console": .string("tty:pts/2"), "failuresBefore": .int(5)]])
        // The count starts again on both consoles: a wrong PIN is the first of five again.
        #expect(failure { _ = try a.login(id: "clerk.wang", pin: "0000") } as? OperatorError == .badLogin)
        #expect(a.state.failures[try OperatorID("clerk.wang")]?.count == 1)
        // A login with no wrong PINs before writes nothing.
        _ = try a.login(id: "lead.li", pin: "2468")
        let quiet = a.book.head.seq
        _ = try a.login(id: "lead.li", pin: "2468")
        #expect(a.book.head.seq == quiet)
    }

    @Test func locksLast30sThen60sAndDoubleToThe15MinuteCapOver20WrongPINs() throws {
        let a = try setUp()
        let b = try console("cli:4242")
        var expected: [Int64] = []
        var seen: [Int64] = []
        for n in 1...20 {
            let desk = n % 2 == 0 ? b : a
            let start = f.clock.now()
            let err = failure { _ = try desk.login(id: "clerk.wang", pin: "9999") } as? OperatorError
            guard n >= 5 else {
                #expect(err == .badLogin, "wrong PIN \(n)")
                continue
            }
            let seconds = LoginLock.seconds(afterFailures: n)!
            expected.append(seconds)
            #expect(err == .locked(id: "clerk.wang", until: Login.clock(start + seconds, .china), failures: n), "wrong PIN \(n)")
            // Locked to the last second, the right PIN included; then one more try is allowed.
            f.clock.advance(by: seconds - 1)
            #expect(failure { _ = try desk.login(id: "clerk.wang", pin: "1357") } as? OperatorError
                == .locked(id: "clerk.wang", until: Login.clock(start + seconds, .china), failures: n))
            f.clock.advance(by: 1)
            seen.append(seconds)
        }
        #expect(expected == [30, 60, 120, 240, 480, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900, 900])
        #expect(seen == expected)
        let locks = try events(OperatorEvents.lockedOut)
        #expect(locks.count == 16)
        #expect(locks.map { $0.body["failures"]?.intValue } == (5...20).map { Int64($0) })
        for (lock, seconds) in zip(locks, expected) {
            #expect(lock.body["untilAt"]?.stringValue == PlazaTime.china.rfc3339(lock.instant + seconds))
        }
        let login = try a.login(id: "clerk.wang", pin: "1357")
        #expect(login.failuresBefore == 20)
        #expect(login.message(.en, now: f.clock.now()) == "20 wrong PINs for clerk.wang since your last login.")
    }

    @Test func anUnknownIdIsCountedAndLockedTheSameWayAndCostsAPINCheck() throws {
        let a = try setUp()
        for n in 1...4 {
            let checks = a.pinChecks
            #expect(failure { _ = try a.login(id: "ghost", pin: "1357") } as? OperatorError == .badLogin)
            #expect(a.pinChecks == checks + 1, "the same PBKDF2 as a real id, try \(n)")
        }
        #expect(failure { _ = try a.login(id: "ghost", pin: "1357") } as? OperatorError
            == .locked(id: "ghost", until: "10:00:30", failures: 5))
        #expect(try events(OperatorEvents.loginFailed).allSatisfy { $0.body["id"]?.stringValue == "ghost" })
        // Something that cannot be an id at all: refused as a wrong login, not counted.
        let head = a.book.head.seq
        #expect(failure { _ = try a.login(id: "李娜", pin: "1357") } as? OperatorError == .badLogin)
        #expect(a.book.head.seq == head)
    }

    @Test func aLeadSeesOpenWrongPINsAndLocksOnLogin() throws {
        let a = try setUp()
        let b = try console("tty:pts/2")
        for _ in 1...5 { _ = failure { _ = try b.login(id: "clerk.wang", pin: "0000") } }
        for _ in 1...2 { _ = failure { _ = try b.login(id: "ghost", pin: "0000") } }
        f.clock.advance(by: 10)
        let lead = try a.login(id: "lead.li", pin: "2468")
        #expect(lead.failuresBefore == 0)
        #expect(lead.message(.en, now: f.clock.now())
            == "Wrong PINs not yet followed by a login: clerk.wang 5 (locked until 10:00:30), ghost 2.")
        #expect(lead.message(.zhHans, now: f.clock.now()) == "尚未成功登录的错误密码：clerk.wang 5 次（锁定到 10:00:30），ghost 2 次。")
        // A clerk is told only of their own id; a day later the lead is told nothing.
        f.clock.advance(by: 30)
        let clerk = try b.login(id: "clerk.wang", pin: "1357")
        #expect(clerk.message(.en, now: f.clock.now()) == "5 wrong PINs for clerk.wang since your last login.")
        f.later(days: 1)
        #expect(try a.login(id: "lead.li", pin: "2468").message(.en, now: f.clock.now()) == nil)
    }

    @Test func aNewPINSetByALeadUnlocksTheId() throws {
        let a = try setUp()
        for _ in 1...5 { _ = failure { _ = try a.login(id: "clerk.wang", pin: "0000") } }
        let lead = try a.login(id: "lead.li", pin: "2468").operator.actor
        try a.setPIN(of: "clerk.wang", to: "8642", by: lead)
        let login = try a.login(id: "clerk.wang", pin: "8642")
        #expect(login.failuresBefore == 0 && login.operator.id.rawValue == "clerk.wang")
    }

    @Test func theCountReplaysFromTheLedgerAndTheSnapshot() throws {
        let a = try setUp()
        for _ in 1...6 { _ = failure { _ = try a.login(id: "clerk.wang", pin: "0000") }; f.clock.advance(by: 31) }
        _ = failure { _ = try a.login(id: "ghost", pin: "0000") }
        let live = a.state
        #expect(live.failures[try OperatorID("clerk.wang")] == LoginFailures(count: 6, lastAt: march1st + 5 * 31,
                                                                               lockedUntil: march1st + 5 * 31 + 60))
        #expect(try OperatorDesk(context: f.context, useSnapshot: false).state == live)
        try a.book.saveSnapshot()
        let snap = try OperatorDesk(context: f.context)
        #expect(snap.book.openedFromSnapshot && snap.state == live)
        #expect(failure { _ = try snap.login(id: "clerk.wang", pin: "1357") } is OperatorError)
    }

    @Test func newPINsGet600000RoundsAndOldHashesKeepTheirs() throws {
        #expect(PINHash.defaultRounds == 600_000)
        #expect(try OperatorDesk(context: f.context).pinRounds == 600_000)
        // Hashes made with fewer rounds (here the tests' 10) still match after reopening.
        _ = try setUp()
        let reopened = try OperatorDesk(context: f.context, pinRounds: 10)
        #expect(reopened.state.operators[try OperatorID("lead.li")]?.pin.rounds == 10)
        #expect(try reopened.authenticate(id: "lead.li", pin: "2468").role == .lead)
        // A hash recorded without its rounds was made with the old default.
        let record = LedgerRecord(seq: 1, instant: march1st, offsetSeconds: 28800, op: .system, ev: OperatorEvents.pinSet,
                                  body: ["id": .string("x"), "salt": .string("s"), "pinHash": .string("h")], prev: .zero, hash: .zero)
        #expect(OperatorState().pin(record).rounds == 210_000)
    }

    @Test func lockDurations() {
        #expect((1...4).map { LoginLock.seconds(afterFailures: $0) } == [nil, nil, nil, nil])
        #expect((5...12).map { LoginLock.seconds(afterFailures: $0)! } == [30, 60, 120, 240, 480, 900, 900, 900])
        #expect(LoginLock.seconds(afterFailures: 10_000) == 900)
    }
}
