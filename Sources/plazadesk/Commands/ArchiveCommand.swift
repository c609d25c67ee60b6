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
            Exit 0 moved; 1 refused.
            """
    )

    @OptionGroup var data: DataOption
    @Option(help: "Archive the years before this one.") var before: Int

    func run() throws {
        let dir = data.resolved()
        do {
            let moved = try YearArchiver(data: dir, clock: SystemClock()).archive(before: before)
            for y in moved { print("archived \(y) -> \(dir.archivedYearFolder(y))") }
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
