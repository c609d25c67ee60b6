import Foundation
import Glibc
import Testing

/// The real console in tmux: a clerk's cash with no shift open is refused and names the
/// way out (F8 o); the lead opens the shift through a hand-over (F9) without anyone
/// quitting; then a lead approves a forfeit inside the clerk's form, and `verify --deep`
/// accepts the approved line as a lead's.
@Suite(.serialized) struct LeadApprovalTmuxTests {
    @Test(arguments: [("zh", 80, 24), ("en", 120, 40)])
    func aClerksCashWaitsForAShiftAndALeadApprovesInPlace(lang: String, columns: Int, rows: Int) throws {
        let s = Scratch()
        let data = s.path + "/d"
        try PlazaDeskProcess.addLeadAndClerk(data)
        let zh = lang == "zh"
        let t = try TmuxSession(["--data", data, "--lang", zh ? "zh-Hans" : "en"], columns: columns, rows: rows)
        try t.waitFor(zh ? "登录" : "Log in")
        try t.type("clerk.wang"); try t.press("Tab"); try t.type("1357"); try t.press("Enter")
        try t.waitFor(zh ? "王芳(柜员)" : "王芳(clerk)")

        // No shift: the deposit is not taken, the form keeps what was typed.
        try t.press("F3"); try t.type("n"); try t.type("D1"); try t.press("Tab"); try t.type(zh ? "王小丽" : "Mary Smith")
        try t.press("Tab"); try t.type("13700001111"); try t.press("Enter")
        try t.waitFor(zh ? "没有开班：请值班主管先开班（F8 o）" : "No shift is open: ask the shift lead to open one (F8 o)")
        #expect(try t.screen().contains(zh ? "王小丽" : "Mary Smith"))
        try t.press("Escape")

        // The lead steps in (F9, own id and PIN), opens the shift, and hands back.
        try t.press("F9"); try t.waitFor(zh ? "服务台已锁定（F9）" : "The desk is locked (F9)")
        try t.press("BTab"); try t.type("lead.li"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor(zh ? "李娜(值班主管)" : "李娜(shift lead)")
        try t.press("F8"); try t.type("o"); try t.press("Enter")
        try t.waitFor(zh ? "已开班" : "is open, float")
        try t.press("F9"); try t.waitFor(zh ? "服务台已锁定（F9）" : "The desk is locked (F9)")
        try t.press("BTab"); try t.type("clerk.wang"); try t.press("Tab"); try t.type("1357"); try t.press("Enter")
        try t.waitFor(zh ? "王芳(柜员)" : "王芳(clerk)")

        // Now the loan is taken.
        try t.press("F3"); try t.type("n"); try t.type("D1"); try t.press("Tab"); try t.type(zh ? "王小丽" : "Mary Smith")
        try t.press("Tab"); try t.type("13700001111"); try t.press("Enter")
        try t.waitFor(zh ? "已借出 U001" : "Lent U001")

        // A forfeit (lead only) on the clerk's console: the lead types id and PIN in the form.
        try t.type("x")
        try t.waitFor(zh ? "需要值班主管批准" : "A shift lead must approve")
        try t.type(zh ? "超过七天未归还" : "not back after a week"); try t.press("Tab")
        try t.type("lead.li"); try t.press("Tab"); try t.type("9999"); try t.press("Enter")
        try t.waitFor(zh ? "工号或密码不对" : "Wrong operator id or PIN")
        try t.type("2468"); try t.press("Enter")
        try t.waitFor(zh ? "（lead.li 批准）" : "(approved by lead.li)")
        #expect(try t.screen().contains(zh ? "王芳(柜员)" : "王芳(clerk)"))

        let deep = try PlazaDeskProcess.run(["verify", "--data", data, "--deep"])
        #expect(deep.status == 0 && deep.stdout.contains("deep check sound"), "\(deep.stdout)\(deep.stderr)")
        let umbrella = try String(contentsOfFile: data + "/" + Self.year(data) + "/umbrella.jsonl", encoding: .utf8)
        let forfeit = try #require(umbrella.split(separator: "\n").last)
        #expect(forfeit.contains("\"op\":\"clerk.wang\"") && forfeit.contains("\"approvedBy\":\"lead.li\""), "\(forfeit)")
    }

    /// The one year folder the console wrote into (the wall clock's year).
    static func year(_ data: String) throws -> String {
        try #require(try FileManager.default.contentsOfDirectory(atPath: data).first { $0.count == 4 && Int($0) != nil })
    }
}
