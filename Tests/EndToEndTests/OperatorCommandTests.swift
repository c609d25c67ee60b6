import Foundation
import Testing

/// `plazadesk operator add|list|disable|set-pin` of the real binary, as a shift lead sets up
/// a new data directory from the shell: the first lead adds itself, everyone after needs a
/// lead's id and PIN, and a clerk is refused with a message and a non-zero exit.
@Suite(.serialized) struct OperatorCommandTests {
    func run(_ data: String, _ arguments: [String]) throws -> PlazaDeskProcess.Result {
        try PlazaDeskProcess.run(["operator"] + arguments + ["--data", data])
    }

    /// The list's line for one operator, split into words.
    func row(_ list: String, _ id: String) -> [Substring]? {
        list.split(separator: "\n").first { $0.hasPrefix(id + " ") }.map { $0.split(separator: " ") }
    }

    @Test func aLeadSetsUpOperatorsAndAClerkIsRefused() throws {
        let s = Scratch()
        let data = s.path + "/desk"

        var r = try run(data, ["list"])
        #expect(r.status == 0 && r.stdout.contains("no operators yet"), "\(r.stdout)\(r.stderr)")

        // The first operator must be a lead, and needs no one's credentials.
        r = try run(data, ["add", "--id", "wang", "--name", "王芳", "--role", "clerk", "--pin", "1357"])
        #expect(r.status == 1 && r.stderr.contains("The first operator must be a shift lead."), "\(r.stderr)")
        r = try run(data, ["add", "--id", "lead.li", "--name", "李娜", "--role", "lead", "--pin", "2468"])
        #expect(r.status == 0 && r.stdout.contains("added lead.li (李娜, lead)"), "\(r.stderr)")

        // After that, adding needs a lead's id and the right PIN.
        r = try run(data, ["add", "--id", "clerk.wang", "--name", "王芳", "--pin", "1357"])
        #expect(r.status == 2 && r.stderr.contains("--as"), "no acting lead: \(r.stderr)")
        r = try run(data, ["add", "--id", "clerk.wang", "--name", "王芳", "--pin", "1357", "--as", "lead.li", "--as-pin", "9999"])
        #expect(r.status == 1 && r.stderr.contains("Wrong operator id or PIN."), "\(r.stderr)")
        r = try run(data, ["add", "--id", "clerk.wang", "--name", "王芳", "--pin", "1357", "--as", "lead.li", "--as-pin", "2468"])
        #expect(r.status == 0 && r.stdout.contains("added clerk.wang (王芳, clerk)"), "\(r.stderr)")

        r = try run(data, ["list"])
        #expect(r.status == 0 && !r.stdout.contains("no operators yet"))
        #expect(row(r.stdout, "lead.li") == ["lead.li", "lead", "active", "李娜"])
        #expect(row(r.stdout, "clerk.wang") == ["clerk.wang", "clerk", "active", "王芳"])

        // Anyone sets their own PIN; the new one is the one that works.
        r = try run(data, ["set-pin", "clerk.wang", "--pin", "8642", "--as", "clerk.wang", "--as-pin", "1357"])
        #expect(r.status == 0 && r.stdout.contains("PIN set for clerk.wang"), "\(r.stderr)")
        r = try run(data, ["set-pin", "clerk.wang", "--pin", "1111", "--as", "clerk.wang", "--as-pin", "1357"])
        #expect(r.status == 1 && r.stderr.contains("Wrong operator id or PIN."), "the old PIN no longer works: \(r.stderr)")

        // The clerk's next login is told of that wrong PIN (and records it, which starts the count again).
        r = try run(data, ["set-pin", "clerk.wang", "--pin", "8642", "--as", "clerk.wang", "--as-pin", "8642"])
        #expect(r.status == 0 && r.stderr.contains("1 wrong PIN for clerk.wang since your last login."), "\(r.stderr)")

        // A clerk may not disable anyone (nor set another's PIN); nothing is written.
        let before = operatorBooks(s)
        #expect(!before.isEmpty)
        r = try run(data, ["disable", "lead.li", "--reason", "test", "--as", "clerk.wang", "--as-pin", "8642"])
        #expect(r.status == 1 && r.stderr.contains("A clerk may not manage operators; ask the shift lead."), "\(r.stderr)")
        r = try run(data, ["set-pin", "lead.li", "--pin", "0000", "--as", "clerk.wang", "--as-pin", "8642"])
        #expect(r.status == 1 && r.stderr.contains("A clerk may not manage operators"), "\(r.stderr)")
        #expect(operatorBooks(s) == before, "nothing was written")

        // The lead disables the clerk, who can no longer act.
        r = try run(data, ["disable", "clerk.wang", "--reason", "离职", "--as", "lead.li", "--as-pin", "2468"])
        #expect(r.status == 0 && r.stdout.contains("disabled clerk.wang"), "\(r.stderr)")
        r = try run(data, ["list"])
        #expect(row(r.stdout, "clerk.wang") == ["clerk.wang", "clerk", "disabled", "王芳"])
        #expect(row(r.stdout, "lead.li") == ["lead.li", "lead", "active", "李娜"])
        r = try run(data, ["set-pin", "clerk.wang", "--pin", "2222", "--as", "clerk.wang", "--as-pin", "8642"])
        #expect(r.status == 1 && r.stderr.contains("Operator clerk.wang is disabled"), "\(r.stderr)")

        // The ledger the commands wrote is sound.
        #expect(try PlazaDeskProcess.run(["verify", "--data", data]).status == 0)
    }

    /// The bytes of every year's operators book (the binary writes in the year of its own
    /// clock, so the years are listed rather than computed).
    func operatorBooks(_ s: Scratch) -> [UInt8] {
        s.files("desk").filter { $0.allSatisfy(\.isNumber) }.flatMap { s.bytes("desk/\($0)/operators.jsonl") }
    }
}
