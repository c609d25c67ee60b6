import ArgumentParser
import DeskDomain

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Move whole years past the one-year retention into <data>/archive/ (still verifiable).",
        discussion: """
            Moves every live year before --before into <data>/archive/<year>/ unchanged; 'plazadesk verify --year YYYY'
            still checks them, and the next year still links to them. Refused for a year inside the retention
            (--before may be at most the current year minus one) and while a console is writing.
            A shift lead runs it (--as ID; PIN from --as-pin, $PLAZADESK_PIN or a prompt); the operators book records
            the years moved (ledger.archived) and who moved them (a directory without operators: no one to name, not recorded).
            Exit 0 moved; 1 refused; 2 no --as.
            """
    )

    @OptionGroup var data: DataOption
    @Option(help: "Archive the years before this one.") var before: Int
    @OptionGroup var acting: OperatorCommand.Acting

    func run() throws {
        let dir = data.resolved()
        guard dir.exists else { throw fail(LedgerError.noDataDirectory(path: dir.path).description, code: 1) }
        let lead = try acting.leadOrSystem(data, for: "archive years")
        let moved: [Int]
        do {
            moved = try YearArchiver(data: dir, clock: SystemClock()).archive(before: before)
            for y in moved { print("archived \(y) -> \(dir.archivedYearFolder(y))") }
        } catch {
            throw fail("\(error)", code: 1)
        }
        if let lead { try withOperators(data) { ops in try ops.recordArchive(years: moved, before: before, by: lead) } }
    }
}
