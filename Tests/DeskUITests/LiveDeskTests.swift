import Crypto
import DeskDomain
import Foundation
import Testing
@testable import DeskUI

/// A live desk: consoles see each other's writes without a key, the console locks and
/// hands over in place, an auditor's keys refuse before a form opens, and the common jobs
/// take the action key, one Tab between typed fields and Enter.
@Suite struct LiveDeskTests {
    static let clerk = Actor(id: try! OperatorID("clerk.wang"), role: .clerk)

    /// A second desk on the fixture's data directory: another console at the same counter.
    func otherDesk(_ f: ConsoleFixture) throws -> Desk {
        let context = DeskContext(data: DataDirectory(path: f.path), clock: f.clock, config: f.desk.context.config,
                                  personalDataKey: PersonalDataKey(key: SymmetricKey(data: [UInt8](repeating: 9, count: 32))))
        return try Desk(context: context, pinRounds: 10)
    }

    @Test func anotherConsolesLoanShowsWithoutAKeyAndTheOfferedUnitIsRefilled() throws {
        let f = try ConsoleFixture(panels: [UmbrellaPanel()])
        f.press(.function(3))
        f.type("n")
        #expect(f.console.state.form?["unit"] == "U001")
        f.type("D7")   // the clerk has begun typing: nothing typed is lost
        // Nothing changed: a stat a book, nothing read.
        #expect(f.console.refreshFromOtherConsoles() == false)
        let other = try otherDesk(f)
        try other.umbrellas.lend(.init(unit: "U001", depositCard: "D1", customer: "张三", phone: "13800000001"), by: Self.clerk)
        #expect(f.console.refreshFromOtherConsoles() == true)
        #expect(f.console.state.form?["unit"] == "U002" && f.console.state.form?["depositCard"] == "D7")
        #expect(f.console.state.status.contains("伞号“U001”刚被另一台登记，已改填“U002”"))
        f.press(.escape)
        #expect(f.text.contains("张三") && f.text.contains("借出 1 把"))
        // A unit the clerk typed is theirs: not replaced, the domain refuses it on Enter.
        f.type("n"); f.press(.tab, .tab, .tab); f.type("3")
        #expect(f.console.state.form?["unit"] == "3")
        try other.umbrellas.lend(.init(unit: "U003", depositCard: "D2", customer: "李四", phone: "13800000002"), by: Self.clerk)
        f.console.refreshFromOtherConsoles()
        #expect(f.console.state.form?["unit"] == "3")
        try other.close()
    }

    @Test func f9LocksAtOnceTheSameOperatorGoesOnWithTheFormKept() throws {
        let f = try ConsoleFixture(panels: [UmbrellaPanel()])
        f.press(.function(3)); f.type("n"); f.type("D9")
        f.press(.function(9))
        #expect(f.console.state.mode == .locked && f.text.contains("服务台已锁定（F9）"))
        #expect(!f.text.contains("押金卡号"))   // the form is not on the lock screen
        f.type("1357"); f.press(.enter)
        #expect(f.console.state.mode == .working && f.console.state.form?["depositCard"] == "D9")
    }

    @Test func theLockScreenHandsOverToAnotherOperator() throws {
        let f = try ConsoleFixture(panels: [UmbrellaPanel()])
        f.press(.function(3)); f.type("n"); f.type("D9")
        f.press(.function(9))
        f.press(.backTab); f.type("lead.li"); f.press(.tab); f.type("2468"); f.press(.enter)
        #expect(f.console.state.mode == .working && f.console.state.actor?.id.rawValue == "lead.li")
        #expect(f.console.state.form == nil)   // the clerk's half-typed form is not the lead's
        #expect(f.text.contains("李娜(值班主管)"))
    }

    @Test func quittingALockedConsoleNeedsAnIdAndPIN() throws {
        let f = try ConsoleFixture(panels: [UmbrellaPanel()])
        f.press(.function(9))
        f.press(.function(10))
        #expect(!f.console.state.quit && f.console.state.status.contains("要退出，请输入工号和密码后再按 F10"))
        f.type("0000"); f.press(.function(10))
        #expect(!f.console.state.quit && f.console.state.status.contains("没有退出"))
        f.type("1357"); f.press(.function(10))
        #expect(f.console.state.quit)
    }

    @Test func anAuditorsKeysRefuseBeforeAnyFormAndTheReportsStayOpen() throws {
        let f = try ConsoleFixture()
        let lead = Actor(id: try OperatorID("lead.li"), role: .lead)
        try f.desk.operators.add(.init(id: "audit.zhao", name: "赵敏", role: .auditor, pin: "8642"), by: lead)
        let console = Console(desk: f.desk, language: .en)
        for c in "audit.zhao" { console.handle(.character(c)) }
        console.handle(.tab); for c in "8642" { console.handle(.character(c)) }; console.handle(.enter)
        console.handle(.function(3)); console.handle(.character("n"))
        #expect(console.state.form == nil)
        #expect(console.state.status == "An auditor's console is read-only: it cannot lend.")
        console.handle(.function(5)); console.handle(.character("q"))
        #expect(console.state.form != nil)   // the FAQ is a look-up
        console.handle(.escape)
        console.handle(.function(8))
        #expect(console.state.panel == 8)
        console.handle(.character("o"))
        #expect(console.state.form == nil && console.state.status.contains("read-only"))
        console.handle(.character("v"))
        #expect(console.state.form?.title(.en).contains("Closing report") == true)
    }

    @Test func aChoiceTakesItsNumberItsNameOrItsPinyin() throws {
        for typed in ["包", "bao", "7", "bag"] {
            let f = try ConsoleFixture(panels: [LostFoundPanel()])
            f.type("l")
            #expect(f.console.state.form?.fields[f.console.state.form!.focus].id == "category")
            f.type(typed)
            #expect(f.console.state.form?["category"] == "bag", "\(typed)")
        }
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        f.type("l"); f.type("yhk")
        #expect(f.console.state.form?["category"] == "bankCard")
        f.type("§")
        #expect(f.console.state.form?["category"] == "bankCard" && f.console.state.tone == .error)
        #expect(f.console.state.status.contains("没有这一项") && f.console.state.status.contains("7 包"))
    }

    @Test func theFirstKeyTypedIntoAFilledInValueReplacesIt() throws {
        let f = try ConsoleFixture(panels: [LostFoundPanel()])
        f.type("i")
        let quantity = f.console.state.form!.fields.firstIndex { $0.id == "quantity" }!
        while f.console.state.form!.focus != quantity { f.press(.tab) }
        f.type("3")
        #expect(f.console.state.form?["quantity"] == "3")
        f.type("0")
        #expect(f.console.state.form?["quantity"] == "30")
        // Moving within it first keeps it: the clerk means to edit.
        f.press(.escape); f.type("i")
        while f.console.state.form!.focus != quantity { f.press(.tab) }
        f.press(.end); f.type("2")
        #expect(f.console.state.form?["quantity"] == "12")
    }

    @Test func enterOnARowOpensThatRowsAction() throws {
        let f = try ConsoleFixture(panels: [UmbrellaPanel()])
        try f.desk.umbrellas.lend(.init(unit: "U004", depositCard: "D4", customer: "王五", phone: "13800000004"), by: Self.clerk)
        f.press(.function(3)); f.press(.enter)
        #expect(f.console.state.action == "r" && f.console.state.form?["unit"] == "U004")
        #expect(f.console.state.form?.fields[f.console.state.form!.focus].id == "depositCard")
        f.type("D4"); f.press(.enter)
        #expect(f.text.contains("U004 已归还"))
        // An empty list: Enter opens the panel's first action (lend).
        f.press(.enter)
        #expect(f.console.state.action == "n")
    }
}
