import Foundation
import Testing

/// Wrong PINs on the command line, the data directory's key, and who runs `recover` and
/// `archive`, through the real binary.
@Suite(.serialized) struct LoginKeyCommandTests {
    /// A data directory with a lead (lead.li/2468) and a clerk (clerk.wang/1357), set up by
    /// `operator add` (600,000 PBKDF2 rounds, as a real desk).
    func setUp(_ s: Scratch) throws -> String {
        let data = s.path + "/desk"
        var r = try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜", "--role", "lead",
                                          "--pin", "2468"])
        #expect(r.status == 0 && r.stdout.contains("plazadesk key backup --as lead.li"), "\(r.stdout)\(r.stderr)")
        r = try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "clerk.wang", "--name", "王芳", "--pin", "1357",
                                      "--as", "lead.li"], environment: ["PLAZADESK_PIN": "2468"])
        #expect(r.status == 0, "the PIN from $PLAZADESK_PIN: \(r.stderr)")
        return data
    }

    /// Every file of the data directory and its bytes.
    func files(_ s: Scratch) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let e = FileManager.default.enumerator(atPath: s.path + "/desk")!
        while let p = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: s.path + "/desk/" + p, isDirectory: &isDir), !isDir.boolValue {
                out[p] = s.bytes("desk/" + p)
            }
        }
        return out
    }

    func operatorsBook(_ s: Scratch) -> String {
        s.files("desk").filter { $0.count == 4 }.map { String(decoding: s.bytes("desk/\($0)/operators.jsonl"), as: UTF8.self) }.joined()
    }

    @Test func fiveWrongPINsWithAsPinLockTheIdForTheRightPINToo() throws {
        let s = Scratch()
        let data = try setUp(s)
        let setPIN = ["operator", "set-pin", "clerk.wang", "--pin", "8642", "--data", data, "--as", "clerk.wang", "--as-pin"]
        for i in 1...4 {
            let r = try PlazaDeskProcess.run(setPIN + ["0000"])
            #expect(r.status == 1 && r.stderr.contains("Wrong operator id or PIN."), "wrong PIN \(i): \(r.stderr)")
        }
        var r = try PlazaDeskProcess.run(setPIN + ["0000"])
        #expect(r.status == 1 && r.stderr.contains("id clerk.wang is locked until ")
            && r.stderr.contains(" after 5 wrong PINs; try later or ask the shift lead."), "\(r.stderr)")
        let before = files(s)
        r = try PlazaDeskProcess.run(setPIN + ["1357"])
        #expect(r.status == 1 && r.stderr.contains("id clerk.wang is locked until "), "the right PIN, locked: \(r.stderr)")
        #expect(files(s) == before, "nothing written, the PIN not changed")
        let book = operatorsBook(s)
        #expect(book.components(separatedBy: #""ev":"operator.login-failed""#).count == 6)
        #expect(book.components(separatedBy: #""ev":"operator.locked-out""#).count == 2)
        #expect(book.contains(#""console":"cli:"#))
        // A lead sees it on logging in (here, on standard error).
        r = try PlazaDeskProcess.run(["operator", "set-pin", "lead.li", "--pin", "2468", "--data", data, "--as", "lead.li",
                                      "--as-pin", "2468"])
        #expect(r.status == 0 && r.stderr.contains("Wrong PINs not yet followed by a login: clerk.wang 5 (locked until "), "\(r.stderr)")
        // A lead's new PIN for the clerk unlocks the id.
        r = try PlazaDeskProcess.run(["operator", "set-pin", "clerk.wang", "--pin", "8642", "--data", data, "--as", "lead.li",
                                      "--as-pin", "2468"])
        #expect(r.status == 0, "\(r.stderr)")
        r = try PlazaDeskProcess.run(["operator", "set-pin", "clerk.wang", "--pin", "9753", "--data", data, "--as", "clerk.wang",
                                      "--as-pin", "8642"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try PlazaDeskProcess.run(["verify", "--data", data]).status == 0)
    }

    /// The commands that read the key, and the console (which opens the desk before the
    /// terminal), each with what it needs to get past its arguments.
    static let keyed: [[String]] = [
        ["operator", "list"],
        ["operator", "add", "--id", "x.y", "--name", "X", "--pin", "1234", "--as", "lead.li", "--as-pin", "2468"],
        ["key", "backup", "--as", "lead.li", "--as-pin", "2468"],
        ["recover", "--as", "lead.li", "--as-pin", "2468"],
        ["archive", "--before", "2000", "--as", "lead.li", "--as-pin", "2468"],
        ["console"],
        [],
    ]

    @Test func aDeletedOrSwappedKeyStopsEveryCommandAndTheConsole() throws {
        let s = Scratch()
        let data = try setUp(s)
        let key = s.bytes("desk/.keys/personal.key")
        try FileManager.default.removeItem(atPath: data + "/.keys/personal.key")
        var before = files(s)
        for args in Self.keyed {
            let r = try PlazaDeskProcess.run(args + ["--data", data])
            #expect(r.status == 1 && r.stderr.contains("The data directory's key \(data)/.keys/personal.key is missing")
                && r.stderr.contains("plazadesk key restore --as LEAD"), "\(args): \(r.stderr)")
        }
        #expect(files(s) == before, "nothing written, no new key made")

        s.write("desk/.keys/personal.key", [UInt8](repeating: 0x5a, count: 32))
        before = files(s)
        for args in Self.keyed {
            let r = try PlazaDeskProcess.run(args + ["--data", data])
            #expect(r.status == 1 && r.stderr.contains("The key \(data)/.keys/personal.key is not this data directory's key")
                && r.stderr.contains("plazadesk key restore --as LEAD"), "\(args): \(r.stderr)")
        }
        #expect(files(s) == before, "nothing written, the swapped key not replaced")
        s.write("desk/.keys/personal.key", key)
        #expect(try PlazaDeskProcess.run(["operator", "list", "--data", data]).status == 0)
    }

    @Test func keyBackupThenDeleteThenRestoreAndLoginsWorkAgain() throws {
        let s = Scratch()
        let data = try setUp(s)
        var r = try PlazaDeskProcess.run(["key", "backup", "--data", data, "--as", "clerk.wang", "--as-pin", "1357"])
        #expect(r.status == 1 && r.stderr.contains("only a shift lead may back up the key"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["key", "backup", "--data", data, "--as", "lead.li", "--as-pin", "2468"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.split(separator: "-").count == 14, "\(text)")
        let key = s.bytes("desk/.keys/personal.key")
        try FileManager.default.removeItem(atPath: data + "/.keys/personal.key")

        // A mistyped text: refused, nothing written.
        var typo = Array(text)
        typo[0] = typo[0] == "A" ? "B" : "A"
        let before = files(s)
        r = try PlazaDeskProcess.run(["key", "restore", "--data", data, "--text", String(typo), "--as", "lead.li", "--as-pin", "2468"])
        #expect(r.status == 1 && r.stderr.contains("The recovery text is mistyped"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["key", "restore", "--data", data, "--text", text])
        #expect(r.status == 2 && r.stderr.contains("--as"), "\(r.stderr)")
        #expect(files(s) == before)

        // The text typed at the prompt, the PIN from the environment.
        let restore = try ChildProcess.run(["sh", "-c", #"printf '%s\n' "$TEXT" | "$BIN" key restore --data "$DATA" --as lead.li"#],
                                           environment: ProcessInfo.processInfo.environment.merging(
                                               ["PLAZADESK_PIN": "2468", "TEXT": text, "BIN": PlazaDeskProcess.binary, "DATA": data]) { $1 })
        #expect(restore.ended.status == 0 && restore.stdout.contains("key restored by lead.li"), "\(restore.stdout)\(restore.stderr)")
        #expect(s.bytes("desk/.keys/personal.key") == key)
        r = try PlazaDeskProcess.run(["operator", "set-pin", "clerk.wang", "--pin", "8642", "--data", data, "--as", "clerk.wang",
                                      "--as-pin", "1357"])
        #expect(r.status == 0, "logins work again: \(r.stderr)")
        let book = operatorsBook(s)
        #expect(book.contains(#""ev":"operators.key-backed-up""#) && book.contains(#""ev":"operators.key-restored""#))
        #expect(try PlazaDeskProcess.run(["verify", "--data", data]).status == 0)
    }

    @Test func recoverAndArchiveNeedALeadAndNameThem() throws {
        let s = Scratch()
        let data = try setUp(s)
        // A torn last line of the operators book's neighbour: recover sets it aside, as the lead.
        let year = s.files("desk").first { $0.count == 4 }!
        s.write("desk/\(year)/stroller.jsonl", Array(#"{"seq":1,"at":"2026-"#.utf8))
        let before = files(s)
        var r = try PlazaDeskProcess.run(["recover", "--data", data])
        #expect(r.status == 2 && r.stderr.contains("say who you are with --as ID (a shift lead)"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["recover", "--data", data, "--as", "clerk.wang", "--as-pin", "1357"])
        #expect(r.status == 1 && r.stderr.contains("only a shift lead may recover the ledgers; clerk.wang is a clerk"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["archive", "--data", data, "--before", "2000"])
        #expect(r.status == 2 && r.stderr.contains("--as"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["archive", "--data", data, "--before", "2000", "--as", "clerk.wang", "--as-pin", "1357"])
        #expect(r.status == 1 && r.stderr.contains("only a shift lead may archive years"), "\(r.stderr)")
        #expect(files(s) == before, "nothing written")
        r = try PlazaDeskProcess.run(["recover", "--data", data, "--as", "lead.li", "--as-pin", "2468"])
        #expect(r.status == 0 && r.stdout.contains("set aside"), "\(r.stdout)\(r.stderr)")
        let stroller = String(decoding: s.bytes("desk/\(year)/stroller.jsonl"), as: UTF8.self)
        #expect(stroller.contains(#""op":"lead.li","ev":"ledger.recovered""#), "\(stroller)")
    }
}
