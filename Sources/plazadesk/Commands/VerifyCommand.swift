import ArgumentParser
import DeskDomain

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash every ledger line and check every link and seq (read-only).",
        discussion: "Exit 0: all sound. 1: a book is damaged. 2: only a torn tail (run 'plazadesk recover'). 3: nothing to verify or unreadable."
    )

    @OptionGroup var data: DataOption
    @Option(help: "Only this year (its first lines are still checked against the year before).")
    var year: Int?
    @Flag(help: "Also replay every book through the desk's rules (refunds, references, numbering, leads, clock, snapshots).")
    var deep = false

    func run() throws {
        let dir = data.resolved()
        let reports: [LedgerVerifier.Report]
        do {
            reports = try LedgerVerifier.verify(data: dir, year: year)
        } catch {
            throw fail("\(error)", code: 3)
        }
        if reports.isEmpty { throw fail("no ledger books under \(dir.path)", code: 3) }
        for r in reports {
            let head = r.scan.events > 0 ? r.scan.lastHash.hex : "-"
            var line = "\(r.book.rawValue.padding(10)) \(r.year)  \(String(r.scan.events).leftPadding(9)) events  head \(head)"
            switch r.scan.problem {
            case nil: line += "  ok"
            case .tornTail(let seq, _, let bytes, let reason)?:
                line += "  TORN TAIL at seq \(seq) (\(bytes) bytes: \(reason)); run 'plazadesk recover'"
            case .damaged(let seq, _, let reason)?:
                line += "  DAMAGED at seq \(seq): \(reason)"
            }
            print(line)
        }
        let verdict = LedgerVerifier.verdict(reports)
        switch verdict {
        case .sound: print(reports.count == 1 ? "the 1 book is sound" : "all \(reports.count) books sound")
        case .tornTailOnly: print("torn tail only: recoverable with 'plazadesk recover'")
        case .damaged:
            let first = reports.first { !$0.isSound && !$0.isTornTail }!
            print("DAMAGED: book \(first.book) \(first.year) at seq \(first.scan.problem!.seq)")
        }
        if verdict != .sound { throw ExitCode(verdict.rawValue) }
        if deep { try DeepReport.run(data: dir, year: year) }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    func leftPadding(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
