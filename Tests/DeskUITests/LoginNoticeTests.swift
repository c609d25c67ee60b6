import DeskDomain
import Testing
@testable import DeskUI

/// What the login and first-run screens say about wrong PINs, locks and the key.
@Suite struct LoginNoticeTests {
    func logIn(_ c: Console, _ id: String, _ pin: String) {
        for ch in id { c.handle(.character(ch)) }
        c.handle(.tab)
        for ch in pin { c.handle(.character(ch)) }
        c.handle(.enter)
    }

    @Test func aLockedIdIsRefusedOnTheScreenAndTheLeadSeesItOnLogin() throws {
        let f = try ConsoleFixture(language: .en, loggedInAs: nil)
        let lead = try f.desk.operators.addFirstLead(.init(id: "lead.li", name: "李娜", role: .lead, pin: "2468")).actor
        try f.desk.operators.add(.init(id: "clerk.wang", name: "王芳", role: .clerk, pin: "1357"), by: lead)
        let c = Console(desk: f.desk, language: .en)
        logIn(c, "clerk.wang", "0000")
        // After a wrong PIN the id stays and the cursor is in the emptied PIN field.
        for _ in 2...5 { for ch in "0000" { c.handle(.character(ch)) }; c.handle(.enter) }
        var text = c.render(rows: 24, columns: 100).0.text
        #expect(text.contains("id clerk.wang is locked until 10:00:30 after 5 wrong PINs; try later or ask the shift lead."), "\(text)")
        for ch in "1357" { c.handle(.character(ch)) }
        c.handle(.enter)   // the right PIN, still locked
        #expect(c.state.mode == .login && c.state.status.hasPrefix("id clerk.wang is locked until 10:00:30"))

        let g = Console(desk: f.desk, language: .en)
        logIn(g, "lead.li", "2468")
        #expect(g.state.mode == .working)
        text = g.render(rows: 24, columns: 120).0.text
        #expect(text.contains("Wrong PINs not yet followed by a login: clerk.wang 5 (locked until 10:00:30). Hello, 李娜."), "\(text)")

        f.clock.advance(by: 30)
        let h = Console(desk: f.desk, language: .zhHans)
        logIn(h, "clerk.wang", "1357")
        #expect(h.state.mode == .working)
        #expect(h.render(rows: 24, columns: 100).0.text.contains("自上次登录以来，clerk.wang 的密码输错 5 次。 王芳，您好。"))
    }

    @Test func theFirstRunScreenTellsTheLeadToBackUpTheKey() throws {
        let f = try ConsoleFixture(language: .en, loggedInAs: nil)
        f.columns = 120
        #expect(f.text.contains("key backup --as ID' and keep the recovery text safe: without the key no one can log in."), "\(f.text)")
        f.type("lead.li"); f.press(.tab); f.type("李娜"); f.press(.tab); f.type("2468"); f.press(.tab); f.type("2468"); f.press(.enter)
        #expect(f.console.state.mode == .working)
        #expect(f.text.contains("Now run 'plazadesk key backup --as lead.li' in a shell and keep the recovery text safe."), "\(f.text)")
    }
}
