import ArgumentParser
import DeskDomain

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a year for the auditor (zip with ledgers, CSVs, manifest and verify.py) or as a ledger-cli journal.",
        discussion: """
            --format zip (default): the year's ledger files unchanged, one CSV per book (personal data masked),
            manifest.json with every file's SHA-256 and every book's count, seqs, head hash and seals, a README
            and verify.py (run 'python3 verify.py' in the unzipped folder).
            --format ledger: the money of the year (deposits, damage, forfeits, service fees) as a ledger-cli journal.
            Exit 0 written; 1 refused (damaged book, no such year) or failed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case zip, ledger }

    @OptionGroup var data: DataOption
    @Option(help: "The year to export.") var year: Int
    @Option(help: "The file to write (FILE.zip, or a journal file with --format ledger).") var out: String
    @Option(help: "zip (for the auditor) or ledger (ledger-cli journal for finance).") var format: Format = .zip

    func run() throws {
        let dir = data.resolved()
        let t0 = LedgerBench.now()
        do {
            switch format {
            case .zip:
                let s = try YearExport(data: dir, year: year, clock: SystemClock()).write(to: out)
                for b in s.manifest.books {
                    print("\(b.book.padding(10)) \(year)  \(String(b.events).leftPadding(9)) events  head \(b.events > 0 ? b.headHash : "-")  seals \(b.seals.count)")
                }
                print("wrote \(out): \(s.manifest.files.count + 1) files, \(s.events) events, \(s.archiveBytes) bytes in \(format2(LedgerBench.now() - t0)) s")
                print("manifest.json sha256 \(s.manifestSHA256)")
            case .ledger:
                let t = try LedgerJournal(data: dir, year: year).write(to: out)
                print("wrote \(out): \(t.transactions) transactions in \(format2(LedgerBench.now() - t0)) s")
                for (account, fen) in t.fen.sorted(by: { $0.key < $1.key }) {
                    print("  \(account.padding(24)) \(Money(fen: fen))")
                }
            }
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
