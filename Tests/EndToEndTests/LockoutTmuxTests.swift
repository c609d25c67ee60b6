import Foundation
import Glibc
import Testing

/// Two real consoles on one data directory, at 80×24, one in Chinese and one in English:
/// wrong PINs typed at one lock the id at the other too (the count is in the operators
/// book, not in a console's memory), and neither console writes anything else.
@Suite(.serialized) struct LockoutTmuxTests {
    @Test func fiveWrongPINsAtOneConsoleLockTheIdAtTheOther() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜",
                                          "--role", "lead", "--pin", "2468"]).status == 0)
        let zh = try TmuxSession(["--data", data], columns: 80, rows: 24)
        let en = try TmuxSession(["--data", data, "--lang", "en"], columns: 80, rows: 24)
        try zh.waitFor("登录")
        try en.waitFor("Log in")
        try zh.type("lead.li"); try zh.press("Tab")
        for attempt in 1...5 {
            try zh.type("000\(attempt)"); try zh.press("Enter")
            // Each refusal is said (and the PIN field cleared) before the next try.
            _ = try zh.waitUntil("refusal \(attempt)") { screen in
                screen.contains(attempt < 5 ? "工号或密码不对" : "已锁定") || screen.contains("已锁定")
            }
            Thread.sleep(forTimeInterval: 0.3)
        }
        // The other console, in English, with the right PIN: refused while the lock lasts.
        try en.type("lead.li"); try en.press("Tab"); try en.type("2468"); try en.press("Enter")
        let screen = try en.waitFor("is locked until")
        #expect(screen.contains("id lead.li is locked until"), "\(screen)")
        #expect(!screen.contains("Hello"))
        // And the first console says the same in Chinese.
        try zh.type("2468"); try zh.press("Enter")
        #expect(try zh.waitFor("已锁定").contains("工号 lead.li 因连续"))
        // The year folder is the machine clock's: whichever it is, it holds the book.
        let year = try #require(try FileManager.default.contentsOfDirectory(atPath: data).first { $0.count == 4 && Int($0) != nil })
        let log = try String(contentsOfFile: data + "/\(year)/operators.jsonl", encoding: .utf8)
        let failed = log.split(separator: "\n").filter { $0.contains("\"ev\":\"operator.login-failed\"") }.count
        let locked = log.split(separator: "\n").filter { $0.contains("\"ev\":\"operator.locked-out\"") }.count
        #expect(failed == 5 && locked == 1, "\(failed) failures, \(locked) locks")
        #expect(try PlazaDeskProcess.run(["verify", "--data", data]).status == 0)
    }
}
