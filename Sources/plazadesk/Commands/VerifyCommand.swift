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
    @Option(help: "Prove the books still hold the shift close whose seal code this is (as written in the shift log).")
    var seal: String?
    @Flag(help: "Also replay every book through the desk's rules (refunds, references, numbering, leads, clock, snapshots).")
    var deep = false

    func run() throws {
        let dir = data.resolved()
        if let seal { return try verifySeal(seal, dir) }
        let reports: [LedgerVerifier.Report]
        // With every year, the deep replay reads each line once and gives the plain reports too.
        var deepResult: DeepVerifier.Result?
        do {
            if deep && year == nil {
                let result = try DeepReport.check(data: dir, year: nil)
                deepResult = result
                reports = result.reports ?? []
            } else {
                reports = try LedgerVerifier.verify(data: dir, year: year)
            }
        } catch {
            throw fail("\(error)", code: 3)
        }
        let registerProblems = LedgerVerifier.registerProblems(data: dir)
        if reports.isEmpty && registerProblems.isEmpty { throw fail("no ledger books under \(dir.path)", code: 3) }
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
        for p in registerProblems { print("register    DAMAGED: \(p)") }
        let verdict: LedgerVerifier.Verdict = registerProblems.isEmpty ? LedgerVerifier.verdict(reports) : .damaged
        if !registerProblems.isEmpty && LedgerVerifier.verdict(reports) != .damaged {
            print("DAMAGED: the register of acknowledged heads")
            throw ExitCode(verdict.rawValue)
        }
        switch verdict {
        case .sound: print(reports.count == 1 ? "the 1 book is sound" : "all \(reports.count) books sound")
        case .tornTailOnly: print("torn tail only: recoverable with 'plazadesk recover'")
        case .damaged:
            let first = reports.first { !$0.isSound && !$0.isTornTail }!
            print("DAMAGED: book \(first.book) \(first.year) at seq \(first.scan.problem!.seq)")
        }
        // Snapshots must carry the key's MAC and name a line the book has (read-only: no key is made).
        let key = SnapshotAudit.readKey(dir)
        if key == nil, !SnapshotAudit.snapshotBooks(data: dir).isEmpty { print("snapshots not checked: no readable key in .keys/personal.key") }
        let forged = key.map { (try? SnapshotAudit.audit(data: dir, key: $0)) ?? [] } ?? []
        for f in forged { print(f) }
        if !forged.isEmpty { throw ExitCode(LedgerVerifier.Verdict.damaged.rawValue) }
        if verdict != .sound { throw ExitCode(verdict.rawValue) }
        if deep { try DeepReport.run(data: dir, year: year, result: deepResult) }
    }
}

extension VerifyCommand {
    /// `verify --seal CODE`: exit 0 when the close with that code still holds, 1 when not.
    func verifySeal(_ text: String, _ dir: DataDirectory) throws {
        guard let code = SealCode(text) else {
            throw fail("'\(text)' is not a seal code (16 letters and digits, as 7K2Q-9XHM-4T8B-PZ3D)", code: 3)
        }
        let outcome: SealCheck.Outcome
        do { outcome = try SealCheck.check(code, data: dir) } catch { throw fail("\(error)", code: 3) }
        switch outcome {
        case let .holds(shift, _, books, closedAt):
            print("seal \(code) of shift \(shift) holds: \(books) books as closed at \(closedAt)")
        case .noClose:
            print("DAMAGED: no shift close in \(dir.path) has seal \(code): the books no longer hold that day (or the code is mistyped)")
            throw ExitCode(1)
        case let .broken(shift, book, year, seq, reason):
            print("DAMAGED: seal \(code) of shift \(shift) is broken: book \(book) \(year) at seq \(seq): \(reason)")
            throw ExitCode(1)
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    func leftPadding(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
