import ArgumentParser
import DeskDomain
import DeskUI
import Foundation

/// Lost-and-found search per keystroke over many stored items, in the domain and on the
/// console's screen: a row of `bench/compare.sh`.
struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-search",
        abstract: "(for bench/compare.sh) Time the lost-and-found search per keystroke over N stored items.",
        shouldDisplay: false
    )

    @OptionGroup var data: DataOption
    @Option(help: "Fill the lost-and-found book up to this many items first.") var items: Int = 50_000
    @Option(help: "Rounds of typing every query.") var rounds: Int = 20
    @Option(help: "Write the items' searchable text here (tag, foundAt, text; tab-separated).") var tsv: String?
    @Option(help: "Write the queries' prefixes (one keystroke each, in order) here.") var keystrokes: String?

    func run() throws {
        let dir = data.resolved()
        do {
            let held = try SearchBench.fill(data: dir, items: items)
            let desk = try Desk.open(dir, clock: SystemClock())
            defer { try? desk.close() }
            if let tsv {
                let text = SearchBench.searchableLines(desk: desk).joined(separator: "\n") + "\n"
                try Data(text.utf8).write(to: URL(fileURLWithPath: tsv))
            }
            if let keystrokes {
                let prefixes = SearchBench.queries.flatMap { q in (1...q.count).map { String(q.prefix($0)) } }
                try Data((prefixes.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: keystrokes))
            }
            let domain = SearchBench.keystrokes(desk: desk, rounds: rounds)
            let auditor = DemoYear.operators.first { $0.role == .auditor }!
            var screen: [Double] = []
            for q in SearchBench.queries {
                screen += ConsoleBench.searchKeystrokes(desk: desk, operatorID: auditor.id, pin: auditor.pin, query: q,
                                                        rounds: max(1, rounds / 2))
            }
            let p = { (s: [Double], q: Double) in LedgerBench.percentile(s, q) * 1000 }
            print("{\"items\":\(held),\"keys\":\(domain.count),\"domainP50Ms\":\(p(domain, 0.5)),\"domainP99Ms\":\(p(domain, 0.99)),"
                  + "\"screenKeys\":\(screen.count),\"screenP50Ms\":\(p(screen, 0.5)),\"screenP99Ms\":\(p(screen, 0.99))}")
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
