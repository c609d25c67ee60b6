import DeskDomain
import Foundation
import Testing

/// Torture runs of the real binary: many writers on one book (this replaced the 2 × 2,000
/// test of LedgerCommandTests), and damaged books fed to `plazadesk verify`. The kill
/// trials and the file-size limit are in LedgerCommandTests; `bench/kill-trials.sh` runs
/// the kill trials 1,000 times.
@Suite(.serialized) struct TortureTests {
    /// 4 × 10,000 by default; `PLAZADESK_TORTURE_APPENDS` changes the count per writer.
    static let appendsPerWriter = Int(ProcessInfo.processInfo.environment["PLAZADESK_TORTURE_APPENDS"] ?? "") ?? 10_000

    @Test func fourProcessesAppendingToOneBookLeaveOneGaplessChainWithNoInterleavedBytes() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let n = Self.appendsPerWriter
        let writers = ["a", "b", "c", "d"]
        let children = try writers.map { w in
            try PlazaDeskProcess.start(["stress-append", "--data", data, "--count", String(n), "--writer", w, "--pad", String(Int(w.utf8.first!) * 40 % 200)],
                                       stdoutFile: "\(s.path)/\(w).out")
        }
        for c in children { #expect(c.wait() == .init(status: 0, signalled: false)) }
        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")

        // Every line parses on its own (no bytes of one write inside another), seq runs
        // 1…4n without a gap, and each writer's numbers arrive in its own order.
        let folder = try FileManager.default.contentsOfDirectory(atPath: data).first { $0.count == 4 }!
        let bytes = s.bytes("d/\(folder)/umbrella.jsonl")
        let lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
        #expect(lines.count == 4 * n + 1 && lines.last!.isEmpty, "\(lines.count) lines")
        var perWriter: [String: [Int64]] = [:]
        var seqs: [Int64] = []
        for line in lines.dropLast() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let seq = object["seq"] as? Int, let body = object["body"] as? [String: Any],
                  let writer = body["writer"] as? String, let number = body["n"] as? Int else {
                Issue.record("a line that does not parse alone: \(String(decoding: line.prefix(120), as: UTF8.self))")
                continue
            }
            seqs.append(Int64(seq))
            perWriter[writer, default: []].append(Int64(number))
        }
        #expect(seqs == Array(1...Int64(4 * n)))
        for w in writers { #expect(perWriter[w] == Array(1...Int64(n)), "writer \(w)") }
        // Each writer acknowledged every one of its events, at the seq the book holds.
        for w in writers {
            let acks = String(decoding: s.bytes("\(w).out"), as: UTF8.self).split(separator: "\n")
            #expect(acks.count == n, "writer \(w): \(acks.count) acknowledgements")
        }
    }

    @Test func damagedBooksAreNamedWithTheirFirstBadSeqByVerify() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["stress-append", "--data", data, "--count", "30", "--pad", "50"]).status == 0)
        let good = s.bytes("d/2026/umbrella.jsonl")
        var lines = good.split(separator: 10).map { Array($0) + [10] }
        #expect(lines.count == 30)
        // One book per kind of damage, each with a known first bad seq.
        var books: [(name: String, bytes: [UInt8], seq: Int)] = []
        var flipped = lines; flipped[6][50] ^= 0x20
        books.append(("flip", flipped.flatMap { $0 }, 7))
        var nul = lines; nul[11][80] = 0
        books.append(("nul", nul.flatMap { $0 }, 12))
        var dup = lines; dup.insert(lines[3], at: 4)
        books.append(("dup", dup.flatMap { $0 }, 5))
        var swapped = lines; swapped.swapAt(19, 20)
        books.append(("swap", swapped.flatMap { $0 }, 20))
        var cut = lines; cut[2] = Array(cut[2].prefix(40)) + [10]
        books.append(("cut", cut.flatMap { $0 }, 3))
        var utf8 = lines; utf8[24].insert(contentsOf: [0xC3, 0x28, 0xFF], at: 30)
        books.append(("utf", utf8.flatMap { $0 }, 25))
        lines.insert([UInt8](repeating: 0, count: 300) + [10], at: 9)
        books.append(("zeros", lines.flatMap { $0 }, 10))
        for b in books { s.write("d/2026/\(b.name).jsonl", b.bytes) }

        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 1 && !v.signalled, "\(v.stdout)\(v.stderr)")
        let out = v.stdout.split(separator: "\n")
        for b in books {
            let line = out.first { $0.hasPrefix(b.name + " ") }
            #expect(line?.contains("DAMAGED at seq \(b.seq):") == true, "\(b.name): \(line ?? "no line")")
        }
        #expect(out.first { $0.hasPrefix("umbrella ") }?.hasSuffix("ok") == true)
        // Opening the damaged books for writing is refused with book, year and seq.
        let r = try PlazaDeskProcess.run(["recover", "--data", data])
        #expect(r.status == 1 && !r.signalled && r.stderr.contains("2026 is damaged at seq"), "\(r.stderr)")
    }

    /// The console under a file-size limit of 512 bytes: lending strollers until a line
    /// no longer fits. The refused lend says "not recorded" and why, the form keeps what was
    /// typed, quitting works, and the book holds exactly the lends the screen confirmed.
    @Test func theConsoleAtAFileSizeLimitSaysNotRecordedAndTheBookVerifies() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["operator", "add", "--data", data, "--id", "lead.li", "--name", "李娜", "--role", "lead",
                                          "--pin", "2468"]).status == 0)
        let t = try TmuxSession(["--data", data], columns: 120, rows: 30, shell: "ulimit -f 1; ")
        try t.waitFor("登录")
        try t.type("lead.li"); try t.press("Tab"); try t.type("2468"); try t.press("Enter")
        try t.waitFor("李娜")
        try t.press("F4")
        var confirmed = 0
        var refusal: String?
        for i in 1...4 where refusal == nil {
            try t.type("n")
            try t.waitFor("借出童车")
            try t.type("顾客\(i)"); try t.press("Tab"); try t.type("1381234567\(i)"); try t.press("Tab"); try t.press("Space")
            try t.press("Enter")
            let screen = try t.waitUntil("lend \(i) confirmed or refused") { $0.contains("给 顾客\(i)") || $0.contains("没有登记") }
            if screen.contains("没有登记") { refusal = screen } else { confirmed += 1 }
        }
        let screen = try #require(refusal, "four lends fitted in 512 bytes")
        #expect(screen.contains("没有登记：文件 stroller.jsonl 已达到系统的文件大小上限"), "\(screen)")
        #expect(screen.contains("顾客\(confirmed + 1)"), "the form lost what was typed: \(screen)")
        try t.press("Escape"); try t.press("F10")
        #expect(t.exitCode() != nil)
        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")
        let line = v.stdout.split(separator: "\n").first { $0.hasPrefix("stroller ") }
        #expect(line?.contains(" \(confirmed) events") == true, "\(confirmed) confirmed: \(line ?? "")")
    }
}
