import DeskDomain
import Foundation
import Testing

/// The ledger commands of the real binary: the "Done when" of the foundation issue.
@Suite(.serialized) struct LedgerCommandTests {
    @Test func demoYearVerifiesAndDamageIsNamed() throws {
        let s = Scratch()
        let data = s.path + "/d"
        let demo = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "200000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        var v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("all 8 books sound"))

        // Flip one byte inside line 1000 of the umbrella book: exit 1, book and seq named.
        let original = s.bytes("d/2026/umbrella.jsonl")
        var lineStart = 0
        for _ in 0..<999 { lineStart = original[lineStart...].firstIndex(of: 10)! + 1 }
        var damaged = original
        damaged[lineStart + 120] ^= 0x01
        s.write("d/2026/umbrella.jsonl", damaged)
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 1)
        #expect(v.stdout.contains("DAMAGED: book umbrella 2026 at seq 1000"), "\(v.stdout)")
        // recover refuses to touch a damaged book and says why.
        let r = try PlazaDeskProcess.run(["recover", "--data", data] + Self.demoLead)
        #expect(r.status == 1 && r.stderr.contains("umbrella 2026 is damaged at seq 1000"), "\(r.stderr)")
        #expect(s.bytes("d/2026/umbrella.jsonl") == damaged)
        s.write("d/2026/umbrella.jsonl", original)

        // Half a line appended: exit 2; recover: exit 0 with a quarantine file, nothing lost.
        let lastLine = original.dropLast().split(separator: 10).last!
        let half = Array(lastLine.prefix(lastLine.count / 2))
        s.append("d/2026/stroller.jsonl", half)
        let strollerBefore = s.bytes("d/2026/stroller.jsonl")
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 2, "\(v.stdout)")
        #expect(v.stdout.contains("TORN TAIL"))
        let rec = try PlazaDeskProcess.run(["recover", "--data", data] + Self.demoLead)
        #expect(rec.status == 0, "\(rec.stderr)")
        #expect(rec.stdout.contains("stroller") && rec.stdout.contains("set aside \(half.count) bytes"), "\(rec.stdout)")
        v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")
        let quarantine = s.files("d/2026").filter { $0.hasPrefix("stroller.jsonl.quarantine-") }
        #expect(quarantine.count == 1)
        #expect(s.bytes("d/2026/" + quarantine[0]) == half)
        let strollerAfter = s.bytes("d/2026/stroller.jsonl")
        let kept = strollerBefore.count - half.count
        #expect(Array(strollerAfter.prefix(kept)) == Array(strollerBefore.prefix(kept)), "earlier events changed")
        #expect(String(decoding: strollerAfter[kept...], as: UTF8.self).contains("\"ev\":\"ledger.recovered\""))
    }

    /// A shift lead of `demo-data`, who runs `recover` and `archive`.
    static let demoLead = ["--as", "lead.li", "--as-pin", "2468"]

    // Several processes appending to one book: TortureTests (4 × 10,000).

    @Test func aWriterKilledAtRandomNeverLosesAnAcknowledgedEvent() throws {
        var rng = SeededRandom(seed: 2026)
        let trials = Int(ProcessInfo.processInfo.environment["PLAZADESK_KILL_TRIALS"] ?? "") ?? 50
        for trial in 0..<trials {
            let s = Scratch()
            let data = s.path + "/d"
            let out = s.path + "/acks"
            let p = try PlazaDeskProcess.start(["stress-append", "--data", data, "--count", "1000000", "--pad", String(rng.int(0...3000))], stdoutFile: out)
            // Wait for the first acknowledgement, then kill at a random moment after it.
            var waited = 0
            while s.bytes("acks").isEmpty && waited < 10_000 { usleep(1_000); waited += 1 }
            usleep(UInt32(rng.int(0...60_000)))
            p.kill(SIGKILL)
            p.wait()
            let acks = String(decoding: s.bytes("acks"), as: UTF8.self).split(separator: "\n").compactMap { line -> (Int64, Int64)? in
                let f = line.split(separator: " ")
                guard f.count == 3, f[0] == "ok", let seq = Int64(f[1]), let n = Int64(f[2]) else { return nil }
                return (seq, n)
            }
            // Opening for writing recovers; then the book must verify and hold every ack.
            let rec = try PlazaDeskProcess.run(["recover", "--data", data])
            #expect(rec.status == 0, "trial \(trial): \(rec.stderr)")
            let v = try PlazaDeskProcess.run(["verify", "--data", data])
            #expect(v.status == 0, "trial \(trial): \(v.stdout)")
            var stored: [Int64: Int64] = [:]
            for year in s.files("d") where year.count == 4 {
                _ = try BookScanner.scan(path: "\(data)/\(year)/umbrella.jsonl", startPrev: .zero, decode: true) { records in
                    for r in records where r.ev == "test.numbered" { stored[r.seq] = r.body["n"]!.intValue! }
                }
            }
            for (seq, n) in acks { #expect(stored[seq] == n, "trial \(trial): acknowledged seq \(seq) lost") }
        }
    }

    @Test func missingAndReadOnlyDataDirectoriesGiveAClearMessage() throws {
        let s = Scratch()
        // Missing: verify and recover say so plainly.
        var r = try PlazaDeskProcess.run(["verify", "--data", s.path + "/nothing-here"])
        #expect(r.status == 3 && !r.signalled)
        #expect(r.stderr.contains("there is no data directory at \(s.path)/nothing-here"), "\(r.stderr)")
        r = try PlazaDeskProcess.run(["recover", "--data", s.path + "/nothing-here"])
        #expect(r.status == 1 && !r.signalled && r.stderr.contains("no data directory"))
        // A path through a file: cannot be created.
        s.write("afile", [1])
        r = try PlazaDeskProcess.run(["demo-data", "--data", s.path + "/afile/d", "--events", "10"])
        #expect(r.status == 1 && !r.signalled)
        #expect(r.stderr.contains("not a folder") || r.stderr.contains("Not a directory"), "\(r.stderr)")

        // Read-only: a data directory the user may not write (root ignores permissions, so
        // the command runs as nobody when the tests run as root).
        let data = s.path + "/ro"
        #expect(try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "50"]).status == 0)
        chmod(s.path, 0o755)
        for sub in ["", "/2026", "/.locks"] { chmod(data + sub, 0o555) }
        for f in s.files("ro/2026") { chmod("\(data)/2026/\(f)", 0o444) }
        for f in s.files("ro/.locks") { chmod("\(data)/.locks/\(f)", 0o444) }
        let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let anyone = try PlazaDeskProcess.binaryAnyoneMayRun()
        r = try PlazaDeskProcess.run(["demo-data", "--data", data, "--events", "10"], prefix: prefix, binary: anyone)
        #expect(r.status == 1 && !r.signalled)
        #expect(r.stderr.contains("Permission denied") && r.stderr.contains("read-only"), "\(r.stderr)")
        // Reading a read-only directory still works.
        r = try PlazaDeskProcess.run(["verify", "--data", data], prefix: prefix, binary: anyone)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        for sub in ["", "/2026", "/.locks"] { chmod(data + sub, 0o755) }
    }

    @Test func aFileSizeLimitMidAppendLeavesNoHalfLine() throws {
        let s = Scratch()
        let data = s.path + "/d"
        #expect(try PlazaDeskProcess.run(["stress-append", "--data", data, "--count", "10"]).status == 0)
        // ulimit -f counts 512-byte blocks here: 40 blocks = 20 KiB, reached mid-line.
        let r = try PlazaDeskProcess.run([data], prefix: [
            "/bin/bash", "-c", "ulimit -f 40; exec \"$0\" stress-append --data \"$1\" --count 1000 --pad 700",
        ])
        #expect(r.status == 1 && !r.signalled, "\(r.stderr)")
        #expect(r.stderr.contains("file size limit"), "\(r.stderr)")
        let v = try PlazaDeskProcess.run(["verify", "--data", data])
        #expect(v.status == 0, "\(v.stdout)")
        let acked = String(decoding: Data(r.stdout.utf8), as: UTF8.self).split(separator: "\n").count
        #expect(v.stdout.contains(" \(10 + acked) events"), "\(v.stdout)")
    }
}
