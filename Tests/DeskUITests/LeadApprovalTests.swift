import Foundation
import Testing
@testable import DeskDomain
@testable import DeskUI

/// A lead's approval in place: on a clerk's console a lead-only action asks, inside its form,
/// for a shift lead's id and PIN; the event records the clerk as operator and the lead as
/// `approvedBy`; nobody logs out. An auditor's console offers no form that writes.
@Suite struct LeadApprovalTests {
    func focused(_ f: ConsoleFixture) -> String? { f.console.state.form.map { $0.fields[$0.focus].id } }

    func umbrellas(_ language: Language = .zhHans, as who: String = "clerk.wang") throws -> ConsoleFixture {
        let f = try ConsoleFixture(language: language, loggedInAs: who)
        f.press(.function(3))
        return f
    }

    func lend(_ f: ConsoleFixture, card: String) {
        f.type("n"); f.type(card); f.press(.tab); f.type("李四"); f.press(.tab); f.type("13812345678"); f.press(.enter)
    }

    /// The last line of a book, decoded.
    func last(_ f: ConsoleFixture, _ book: BookName) throws -> LedgerRecord {
        var last: LedgerRecord?
        _ = try BookScanner.scan(path: f.path + "/2026/" + book.fileName, startPrev: .zero, decode: true) { last = $0.last ?? last }
        return try #require(last)
    }

    @Test(arguments: [Language.zhHans, .en])
    func aLeadApprovesAForfeitOnTheClerksConsole(_ language: Language) throws {
        let f = try umbrellas(language)
        lend(f, card: "5")
        f.type("x")
        #expect(f.text.contains(language == .en ? "A shift lead must approve" : "需要值班主管批准"))
        #expect(f.text.contains(language == .en ? "Shift lead's id (approves)" : "值班主管工号（批准）"))
        // The job first, then the lead steps up: reason, Tab, id, Tab, PIN, Enter.
        #expect(focused(f) == "reason")
        f.type("超过七天未归还"); f.press(.tab); f.type("lead.li"); f.press(.tab); f.type("2468"); f.press(.enter)
        #expect(f.console.state.form == nil)
        #expect(f.text.contains(language == .en ? "(approved by lead.li)" : "（lead.li 批准）"), "\(f.text)")
        let r = try last(f, .umbrella)
        #expect(r.ev == UmbrellaEvents.depositForfeited && r.op.rawValue == "clerk.wang")
        #expect(r.body["approvedBy"]?.stringValue == "lead.li")
        // The clerk is still the clerk: the next lead-only action asks again.
        #expect(f.console.state.actor == Actor(id: try OperatorID("clerk.wang"), role: .clerk))
        #expect(f.text.contains(language == .en ? "clerk" : "柜员"))
    }

    @Test func aWrongLeadPINIsCountedWipedAndNothingIsRecorded() throws {
        let f = try umbrellas()
        lend(f, card: "5")
        let head = f.desk.umbrellas.book.head.seq
        f.type("x"); f.type("超过七天未归还"); f.press(.tab); f.type("lead.li"); f.press(.tab); f.type("1111"); f.press(.enter)
        #expect(focused(f) == "leadPIN" && f.console.state.form?["leadPIN"] == "")
        #expect(f.console.state.form?["reason"] == "超过七天未归还" && f.console.state.form?["leadID"] == "lead.li")
        #expect(f.desk.umbrellas.book.head.seq == head)
        #expect(try last(f, .operators).ev == OperatorEvents.loginFailed)
        // A clerk's own id is no lead's approval.
        f.press(.backTab); for _ in 0..<7 { f.press(.backspace) }
        f.type("clerk.wang"); f.press(.tab); f.type("1357"); f.press(.enter)
        #expect(focused(f) == "leadID" && f.text.contains("不是在岗的值班主管"))
        #expect(f.desk.umbrellas.book.head.seq == head)
        // Esc drops the form, PIN and all.
        f.press(.escape)
        #expect(f.console.state.form == nil && f.text.contains("已取消，没有登记"))
    }

    @Test func anotherDepositAsksForAReasonThenForTheLead() throws {
        let f = try umbrellas()
        // n, card, Tab, name, Tab, phone, Tab (unit filled in), Tab, deposit.
        f.type("n"); f.type("7"); f.press(.tab); f.type("张奶奶"); f.press(.tab); f.type("13812345678")
        f.press(.tab, .tab); f.type("20"); f.press(.enter)
        #expect(focused(f) == "depositReason" && f.text.contains("押金与规定的 ¥50.00 不同"))
        f.type("老人只带了二十元"); f.press(.enter)
        #expect(focused(f) == "leadID" && f.text.contains("需要值班主管批准"))
        #expect(f.desk.umbrellas.unitsOut.isEmpty)
        f.type("lead.li"); f.press(.tab); f.type("2468"); f.press(.enter)
        #expect(f.text.contains("收押金 ¥20.00") && f.text.contains("（lead.li 批准）"), "\(f.text)")
        let r = try last(f, .umbrella)
        #expect(r.body["depositFen"]?.intValue == 2000 && r.body["depositReason"]?.stringValue == "老人只带了二十元")
        #expect(r.op.rawValue == "clerk.wang" && r.body["approvedBy"]?.stringValue == "lead.li")
    }

    @Test func aReasonForTheUsualDepositIsRefused() throws {
        let f = try umbrellas()
        f.type("n"); f.type("7"); f.press(.tab); f.type("张奶奶"); f.press(.tab); f.type("13812345678")
        f.press(.tab, .tab, .tab); f.type("熟客"); f.press(.enter)
        #expect(focused(f) == "depositReason" && f.text.contains("押金是规定的 ¥50.00，不用写原因"))
        #expect(f.desk.umbrellas.unitsOut.isEmpty)
    }

    @Test func aLeadsOwnConsoleAsksNoApproval() throws {
        let f = try umbrellas(as: "lead.li")
        lend(f, card: "5")
        f.type("x")
        #expect(!(f.console.state.form.map(LeadApproval.isAsked) ?? true))
        f.type("超过七天未归还"); f.press(.enter)
        let r = try last(f, .umbrella)
        #expect(r.op.rawValue == "lead.li" && r.body["approvedBy"] == nil)
    }

    @Test(arguments: [Language.zhHans, .en])
    func anAuditorsConsoleShowsNoWritingKeyAndRefusesAtOnce(_ language: Language) throws {
        let f = try ConsoleFixture(language: language, loggedInAs: nil)
        let lead = try f.desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try f.desk.operators.add(.init(id: "audit.zhao", name: "赵敏", role: .auditor, pin: "8642"), by: lead)
        let console = Console(desk: f.desk, language: language)
        for c in "audit.zhao" { console.handle(.character(c)) }
        console.handle(.tab)
        for c in "8642" { console.handle(.character(c)) }
        console.handle(.enter)
        for key in [3, 6, 8] {
            console.handle(.function(key))
            let screen = console.render(rows: 24, columns: 80).0
            let bar = screen.text(row: 22)
            let panel = try #require(console.panels.first { $0.functionKey == key })
            for a in panel.actions {
                #expect(bar.contains(String(a.key) + " " + a.label(language)) == !a.writes, "F\(key) \(a.key): \(bar)")
            }
            #expect(screen.text(row: 0).contains(language == .en ? "(auditor)" : "(审计员)"))
        }
        console.handle(.function(3))
        console.handle(.character("n"))
        #expect(console.state.form == nil)
        #expect(console.state.status == (language == .en ? "An auditor's console is read-only: it cannot lend."
                                                         : "审计员的控制台只能查看，不能登记（借出）。"))
    }
    @Test(arguments: [("-1", "-"), ("1e3", "e"), ("50,00", ",")])
    func aMoneyFieldRefusesWhatIsNoAmountAloud(_ typed: String, _ refused: Character) throws {
        for language in [Language.zhHans, .en] {
            let f = try umbrellas(language)
            f.type("n"); f.press(.tab, .tab, .tab, .tab)
            #expect(focused(f) == "deposit")
            var said: [String] = []
            for c in typed {
                f.type(String(c))
                if c == refused { said.append(f.console.state.status) }
            }
            #expect(said == [language == .en ? "Deposit (empty = ¥50.00) takes an amount only (digits and a point, e.g. 50.00)."
                                             : "“押金（留空 = ¥50.00）”只能输入金额（数字和小数点，如 50.00）。"])
            #expect(f.console.state.form?["deposit"] == typed.filter { $0 != refused })
        }
    }
}
