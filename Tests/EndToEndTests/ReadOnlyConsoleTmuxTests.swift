import Foundation
import Glibc
import Testing

/// The real console on a data directory it may not write (GUARANTEES 21), run as nobody
/// when the tests run as root (root may write anything): it opens read-only by itself, an
/// auditor logs in and looks, a write key is refused, and not a byte, name, mode or time
/// under the data directory or the state folder changes. With `--read-only` on a directory
/// another console writes, it shows that console's loan without a key.
@Suite(.serialized) struct ReadOnlyConsoleTmuxTests {
    /// Prefixed to the console's command: nobody, when root.
    static var asNobody: String { getuid() == 0 ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "" }

    /// `find PATH -type d -exec chmod MODE`, and the same for files.
    static func chmodTree(_ path: String, folders: mode_t, files: mode_t) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if st.st_mode & S_IFMT == S_IFDIR {
            chmod(path, folders | 0o200)   // writable while its entries are changed (root needs none of this)
            for n in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                chmodTree(path + "/" + n, folders: folders, files: files)
            }
            chmod(path, folders)
        } else if st.st_mode & S_IFMT == S_IFREG {
            chmod(path, files)
        }
    }

    /// The status line and the row above it (where a long message wraps), joined.
    static func status(_ screen: String, zh: Bool) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let filled = lines.filter { !$0.isEmpty }
        return filled.dropLast(2).suffix(2).joined(separator: zh ? "" : " ")
    }

    static func title(_ screen: String) -> String { String(screen.split(separator: "\n", omittingEmptySubsequences: false)[0]) }

    @Test(arguments: [("en", 100, 30), ("zh", 80, 24)])
    func anAuditorLooksAtADirectoryNobodyMayWriteAndNothingChanges(lang: String, columns: Int, rows: Int) throws {
        let s = Scratch()
        chmod(s.path, 0o755)
        let data = s.path + "/d", state = s.path + "/state"
        #expect(try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "200"], environment: ["XDG_STATE_HOME": state]).status == 0)
        Self.chmodTree(data, folders: 0o555, files: 0o444)
        Self.chmodTree(state, folders: 0o555, files: 0o444)
        defer { Self.chmodTree(s.path, folders: 0o755, files: 0o644) }
        let before = [TreeDigest(data), TreeDigest(state)]
        let zh = lang == "zh"

        let t = try TmuxSession(["--data", data, "--lang", zh ? "zh-Hans" : "en"], columns: columns, rows: rows,
                                environment: ["XDG_STATE_HOME": state, "HOME": s.path], shell: Self.asNobody,
                                binary: try PlazaDeskProcess.binaryAnyoneMayRun())
        var screen = try t.waitFor(zh ? "登录" : "Log in")
        #expect(Self.title(screen).contains(zh ? " 只读 · " : " read-only · "), "\(screen)")
        #expect(Self.status(screen, zh: zh).contains(zh ? "数据目录不可写（\(data):" : "The data directory cannot be written (\(data):"),
                "\(screen)")
        #expect(Self.status(screen, zh: zh).contains(zh ? "已只读打开：只能查看，不能登记。" : "opened read-only; you can look, not record."),
                "\(screen)")
        try t.type("audit.zhao"); try t.press("Tab"); try t.type("8642"); try t.press("Enter")
        try t.waitFor(zh ? "赵敏(审计员)" : "赵敏(auditor)")
        try t.press("F3")
        screen = try t.waitFor(zh ? "押金 ¥50.00" : "deposit ¥50.00")
        #expect(Self.title(screen).contains(zh ? " 只读 · " : " read-only · ") && Self.title(screen).contains(zh ? "雨伞" : "Umbrellas"),
                "\(screen)")
        try t.type("n")
        screen = try t.waitFor(zh ? "这个数据目录只读：只能查看，不能登记。" : "This data directory is read-only: you can look, not record.")
        #expect(!screen.contains(zh ? "借出雨伞" : "Lend an umbrella"), "no form opened:\n\(screen)")
        try t.press("F2")
        screen = try t.waitFor("LF-2026-")   // the demo year's items, read from the books
        try t.press("F10")
        #expect(t.exitCode() == 0)
        let after = [TreeDigest(data), TreeDigest(state)]
        #expect(after[0] == before[0], "the data directory changed:\n\(after[0].difference(from: before[0]))")
        #expect(after[1] == before[1], "the state folder changed:\n\(after[1].difference(from: before[1]))")
    }

    @Test func aFirstRunOnADirectoryNobodyMayWriteSaysNoLeadCanBeMadeThere() throws {
        let s = Scratch()
        chmod(s.path, 0o755)
        let data = s.path + "/d"
        mkdir(data, 0o555)
        defer { chmod(data, 0o755) }
        let t = try TmuxSession(["--data", data, "--lang", "en"], environment: ["XDG_STATE_HOME": s.path + "/state"],
                                shell: Self.asNobody, binary: try PlazaDeskProcess.binaryAnyoneMayRun())
        let screen = try t.waitFor("First run")
        #expect(Self.title(screen).contains(" read-only · "), "\(screen)")
        #expect(Self.status(screen, zh: false).contains("This data directory is read-only: the first shift lead cannot be created here."),
                "\(screen)")
        try t.press("F10")
        #expect(t.exitCode() == 0)
        #expect(s.files("d").isEmpty && s.files(".") == ["d"], "\(s.files("d")) \(s.files("."))")
    }

    @Test func withReadOnlyTheConsoleShowsAnotherConsolesLoanWithoutAKey() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜",
                                          "--role", "lead", "--pin", "2468"]).status == 0)
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "clerk.wang", "--name", "王芳",
                                          "--role", "clerk", "--pin", "1357", "--as", "lead.li", "--as-pin", "2468"]).status == 0)
        let reader = try TmuxSession(["--data", data, "--lang", "en", "--read-only"])
        let writer = try TmuxSession(["--data", data, "--lang", "en"])
        var screen = try reader.waitFor("Log in")
        #expect(Self.status(screen, zh: false).contains("Opened read-only: you can look, not record."), "\(screen)")
        try reader.type("clerk.wang"); try reader.press("Tab"); try reader.type("1357"); try reader.press("Enter")
        try reader.waitFor("王芳(clerk)")
        try reader.press("F4")
        try reader.waitFor("0 out")
        try writer.waitFor("Log in")
        try writer.type("lead.li"); try writer.press("Tab"); try writer.type("2468"); try writer.press("Enter")
        try writer.waitFor("李娜(shift lead)")
        try writer.press("F4"); try writer.type("n")
        try writer.type("Mary Smith"); try writer.press("Tab"); try writer.type("13700001111"); try writer.press("Tab")
        try writer.type("y"); try writer.press("Enter")
        try writer.waitFor("Lent S001")
        screen = try reader.waitUntil("the loan on the read-only console", seconds: 2) { screen in
            screen.split(separator: "\n").contains { $0.contains("S001") && $0.contains("137****1111") }
        }
        #expect(Self.title(screen).contains(" read-only · "), "\(screen)")
        try reader.type("r")
        try reader.waitFor("This data directory is read-only: you can look, not record.")
        try reader.press("F10"); try writer.press("F10")
        #expect(reader.exitCode() == 0 && writer.exitCode() == 0)
        #expect(try PlazaDeskProcess.run(["verify", "--data", data]).status == 0)
    }

    @Test func readOnlyOnAMissingDirectorySaysThereIsNone() throws {
        let s = Scratch()
        let r = try PlazaDeskProcess.run(["--data", s.path + "/nothing-here", "--read-only"])
        #expect(r.status == 1 && !r.signalled)
        #expect(r.stderr.contains("there is no data directory at \(s.path)/nothing-here"), "\(r.stderr)")
        #expect(s.files(".").isEmpty)
    }
}
