import ArgumentParser
import DeskDomain
import Foundation

/// `plazadesk report`: the closing report of a past (or the open) shift, a plaza day or a
/// plaza year, read from the ledgers. Read-only: nothing is written, no lock is taken.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the closing report of a shift, a day or a year, from the ledgers (read-only).",
        discussion: """
            With none of --day, --shift, --year: today's report (the plaza's date). Expected cash =
            opening float + deposits taken - deposits refunded + damage charges + service fees
            + paid in - paid out. With --year and --money: only the money of the year (the umbrella,
            services and shift books), the totals finance checks against `export --format ledger`.
            Exit 0 printed; 1 unknown shift or a damaged book; 3 no data.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var data: DataOption
    @Option(help: "A plaza day, YYYY-MM-DD.") var day: String?
    @Option(help: "A shift id, e.g. S-20260301-1.") var shift: String?
    @Option(help: "A whole plaza year, e.g. 2026.") var year: Int?
    @Flag(help: "With --year: only the year's money (deposits, damage, forfeits, fees, paid in and out).") var money = false
    @Option(help: "text, csv or json.") var format: Format = .text
    @Option(help: "Language of the text format: zh-Hans or en (default: the config's).") var lang: String?

    func validate() throws {
        if [day != nil, shift != nil, year != nil].filter({ $0 }).count > 1 {
            throw ValidationError("Give one of --day, --shift and --year.")
        }
        if let day, CivilTime.parseDate(day) == nil { throw ValidationError("--day must be a date like 2026-03-01.") }
        if let shift, ShiftID.normalize(shift) == nil { throw ValidationError("--shift must be a shift id like S-20260301-1.") }
        if let year, !(1970...9999).contains(year) { throw ValidationError("--year must be a year like 2026.") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh-Hans or en.") }
        if money && year == nil { throw ValidationError("--money goes with --year (the money of a whole plaza year).") }
    }

    func run() throws {
        let dir = data.resolved()
        guard dir.exists, !dir.years().isEmpty else { throw fail("no ledger books under \(dir.path)", code: 3) }
        let config: DeskConfig
        do {
            let path = DeskConfig.path(in: dir)
            if let bytes = FileManager.default.contents(atPath: path) {
                config = try DeskConfig.parse(String(decoding: bytes, as: UTF8.self))
            } else {
                config = DeskConfig()
            }
        } catch {
            throw fail("config.toml: \(error)", code: 1)
        }
        let language = lang.flatMap(Language.init(rawValue:)) ?? config.language
        if money, let year {
            let figures = try reading { try YearMoney.read(year: year, data: dir, config: config) }
            emit(format: format, json: figures.json, csv: figures.csv, text: figures.text(language))
            return
        }
        let now = SystemClock().now()
        let scope: ClosingReport.Scope
        if let shift {
            scope = .shift(ShiftID.normalize(shift)!)
        } else if let year {
            scope = .year(year)
        } else if let day {
            scope = .day(CivilTime.parseDate(day)!)
        } else {
            let c = config.time.civil(now)
            scope = .day(CivilTime(year: c.year, month: c.month, day: c.day))
        }
        let report = try reading { try ClosingReader.report(scope, data: dir, config: config, now: now) }
        emit(format: format, json: report.json, csv: report.csv, text: report.text(language))
    }

    /// What reading the books gave, or exit 1 with why not (a damaged book, an unknown shift).
    func reading<T>(_ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let f as DeskFailure {
            throw fail(f.message(.en), code: 1)
        } catch {
            throw fail("\(error)", code: 1)
        }
    }

    /// Prints what was read in the asked format.
    func emit(format: Format, json: JSONValue, csv: String, text: String) {
        switch format {
        case .json: print(CanonicalJSON.string(json))
        case .csv: print(csv, terminator: "")
        case .text: print(text, terminator: "")
        }
    }
}
