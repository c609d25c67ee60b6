import DeskDomain
import Testing
@testable import DeskUI

/// The close screen shows the seal code the lead writes in the shift log, and the report of
/// the shift just closed carries it too.
@Suite struct ShiftPanelSealCodeTests {
    @Test func theCloseScreenAndTheReportShowTheSealCode() throws {
        let f = try ConsoleFixture(language: .en, panels: [ShiftPanel()], loggedInAs: "lead.li", shiftOpen: false)
        f.press(.function(8))
        f.type("o"); f.press(.enter)
        f.clock.advance(by: 3600)
        f.type("c"); f.type("500"); f.press(.enter)
        let code = try #require(f.desk.shift.lastClosingReport?.sealCode)
        #expect(f.desk.shift.state.lastClosed != nil)
        f.columns = 200
        #expect(f.text.contains("the books are sealed, seal code \(code) (write it in the shift log and sign)"), "\(f.text)")
        f.columns = 80
        f.press(.function(8))
        f.type("v")
        #expect(f.text.contains("Seal code \(code)"), "\(f.text)")
    }
}
