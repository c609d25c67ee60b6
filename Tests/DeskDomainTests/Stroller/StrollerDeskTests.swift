import Testing
@testable import DeskDomain

@Suite struct StrollerDeskTests {
    let f = DeskFixture()

    @Test func lendAndReturn() throws {
        let desk = try StrollerDesk(context: f.context)
        let loan = try desk.lend(.init(unit: "3", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        #expect(loan.unit == "S003" && loan.phoneMasked == "138****5678" && loan.lentBy == f.clerk.id)
        #expect(desk.unitsOut.map(\.unit) == ["S003"])
        #expect(desk.state.fleet.status(of: "S003") == .onLoan)
        f.later(minutes: 45)
        let back = try desk.giveBack(.init(unit: "s3"), by: f.clerk)
        #expect(back.returnedAt == march1st + 45 * 60)
        #expect(desk.unitsOut.isEmpty && desk.state.fleet.status(of: "S003") == .available)
        #expect(desk.state.history["S003"]?.count == 1)
    }

    @Test func unitsOutAreListedLongestFirstWithTheirTimeOut() throws {
        let desk = try StrollerDesk(context: f.context)
        for (unit, customer) in [("8", "王芳"), ("3", "李娜"), ("5", "张伟")] {
            try desk.lend(.init(unit: unit, customer: customer, phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
            f.later(minutes: unit == "8" ? 10 : 5)
        }
        #expect(desk.unitsOut.map(\.unit) == ["S008", "S003", "S005"])
        #expect(desk.unitsOut.map(desk.minutesOut) == [20, 10, 5])
    }

    @Test func historyKeepsTheLatestLoansOfAUnitNewestFirst() throws {
        let desk = try StrollerDesk(context: f.context)
        for i in 1...(StrollerState.historyLength + 2) {
            try desk.lend(.init(unit: "2", customer: "顾客\(i)", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
            f.later(minutes: 30)
            try desk.giveBack(.init(unit: "2"), by: f.clerk)
        }
        let history = desk.history(of: "s2")
        #expect(history.count == StrollerState.historyLength)
        #expect(history.first?.customer == "顾客22" && history.last?.customer == "顾客3")
        #expect(desk.history(of: "3").isEmpty && desk.history(of: "童车").isEmpty)
    }

    @Test func aStrollerOutCannotBeLentTwiceEvenFromAnotherConsole() throws {
        let a = try StrollerDesk(context: f.context)
        let b = try StrollerDesk(context: f.context)
        try a.lend(.init(unit: "S001", customer: "李娜", phone: "13900000000", noticeAcknowledged: true), by: f.clerk)
        let err = failure { try b.lend(.init(unit: "1", customer: "张伟", phone: "13900000001", noticeAcknowledged: true), by: f.clerk) }
        #expect(err as? FleetError == .notAvailable(field: "unit", unit: "S001", status: .onLoan))
        #expect(b.state == a.state)
    }

    @Test func theInsideOnlyNoticeMustBeAcknowledged() throws {
        let desk = try StrollerDesk(context: f.context)
        let err = failure { try desk.lend(.init(unit: "2", customer: "王芳", phone: "13812345678"), by: f.clerk) }
        #expect(err?.field == "noticeAcknowledged")
        #expect(err?.message(.zhHans).contains("仅限商场内使用") == true)
        #expect(desk.unitsOut.isEmpty)
    }

    @Test func badInputNamesTheField() throws {
        let desk = try StrollerDesk(context: f.context)
        #expect(failure { try desk.lend(.init(unit: "99", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk) }?.field == "unit")
        #expect(failure { try desk.lend(.init(unit: "1", customer: "", phone: "13812345678", noticeAcknowledged: true), by: f.clerk) }?.field == "customer")
        #expect(failure { try desk.lend(.init(unit: "1", customer: "王芳", phone: "12345", noticeAcknowledged: true), by: f.clerk) }?.field == "phone")
        #expect(failure { try desk.giveBack(.init(unit: "1"), by: f.clerk) } as? FleetError == .notOnLoan(field: "unit", unit: "S001"))
        #expect(desk.book.head.seq == 0, "nothing was written")
    }

    @Test func theFleetSizeComesFromTheConfig() throws {
        f.config.strollerUnits = 4
        let desk = try StrollerDesk(context: f.context)
        #expect(desk.units.map(\.unit) == ["S001", "S002", "S003", "S004"])
        let err = failure { try desk.lend(.init(unit: "5", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk) }
        #expect(err as? FleetError == .unknownUnit(field: "unit", text: "5") && err?.field == "unit")
        #expect(desk.book.head.seq == 0, "nothing was written")
        try desk.lend(.init(unit: "4", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
    }

    @Test func anAuditorMayNotTakeAStrollerBack() throws {
        let desk = try StrollerDesk(context: f.context)
        try desk.lend(.init(unit: "2", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        let head = desk.book.head.seq
        #expect(failure { try desk.giveBack(.init(unit: "2"), by: f.auditor) } as? CommonError == .notAllowed(action: .write, role: .auditor))
        #expect(desk.book.head.seq == head, "nothing was written")
        #expect(desk.unitsOut.map(\.unit) == ["S002"])
        try desk.giveBack(.init(unit: "2"), by: f.clerk)
        #expect(desk.unitsOut.isEmpty)
    }

    @Test func anAuditorMayNotLendAndOnlyALeadRepairs() throws {
        let desk = try StrollerDesk(context: f.context)
        #expect(failure { try desk.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.auditor) }
            as? CommonError == .notAllowed(action: .write, role: .auditor))
        try desk.lend(.init(unit: "1", customer: "王芳", phone: "13812345678", noticeAcknowledged: true), by: f.clerk)
        try desk.giveBack(.init(unit: "1", condition: .damaged, note: "轮子坏了"), by: f.clerk)
        #expect(desk.state.fleet.status(of: "S001") == .damaged)
        #expect(failure { try desk.lend(.init(unit: "1", customer: "李娜", phone: "13812345678", noticeAcknowledged: true), by: f.clerk) }?.field == "unit")
        #expect(failure { try desk.repair(unit: "1", reason: "换了轮子", by: f.clerk) } as? CommonError == .notAllowed(action: .manageFleet, role: .clerk))
        try desk.repair(unit: "1", reason: "换了轮子", by: f.lead)
        #expect(desk.state.fleet.status(of: "S001") == .available)
    }

    @Test func replayAndSnapshotRebuildTheLiveState() throws {
        let desk = try StrollerDesk(context: f.context)
        for i in 1...8 {
            try desk.lend(.init(unit: String(i), customer: "顾客\(i)", phone: "1380000000\(i)", noticeAcknowledged: true), by: f.clerk)
            f.later(minutes: 3)
        }
        for i in [2, 5, 7] { try desk.giveBack(.init(unit: String(i)), by: f.clerk) }
        let live = desk.state
        try desk.book.saveSnapshot()
        try desk.giveBack(.init(unit: "1"), by: f.clerk)
        let liveAfter = desk.state
        try desk.book.close()
        let replayed = try StrollerDesk(context: f.context, useSnapshot: false)
        #expect(!replayed.book.openedFromSnapshot)
        #expect(replayed.state == liveAfter)
        let fromSnapshot = try StrollerDesk(context: f.context)
        #expect(fromSnapshot.book.openedFromSnapshot)
        #expect(fromSnapshot.state == liveAfter)
        #expect(live != liveAfter)
        #expect(try roundTrip(live) == live)
    }
}
