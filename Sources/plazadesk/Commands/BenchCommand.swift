import ArgumentParser
import DeskDomain
import DeskUI
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure cold open, verify, export and durable append latency on a year of the data directory."
    )

    @OptionGroup var data: DataOption
    @Option(help: "The year to measure (default: the newest).") var year: Int?
    @Option(help: "How many durable appends to time.") var appends: Int = 1000
    @Option(help: "Only these parts, comma-separated: replay,open,scan,verify,deep,export,append (default: all; replay writes the snapshots open starts from).") var only: String?
    @Option(help: "Copy the lines the durable appends wrote to this file (the same payloads for a peer).")
    var payloads: String?
    @Flag(help: "Print the figures as one JSON object (seconds).") var json = false
    @Flag(help: "Also time the console's search box, key to screen (needs the demo operators).")
    var console = false

    func run() throws {
        let dir = data.resolved()
        guard let y = year ?? dir.years().last else { throw fail("no year to measure under \(dir.path)", code: 1) }
        var parts = Set(LedgerBench.Part.allCases)
        if let only {
            parts = []
            for name in only.split(separator: ",") {
                guard let p = LedgerBench.Part(rawValue: String(name)) else {
                    throw fail("--only takes replay, open, scan, verify, deep, export or append, not '\(name)'", code: 2)
                }
                parts.insert(p)
            }
        }
        do {
            let f = try LedgerBench(data: dir, year: y, appends: appends, payloadsPath: payloads).run(parts)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(f), as: UTF8.self))
                return
            }
            let ms = { (s: Double) in String(format2(s * 1000)) + " ms" }
            print("year                 \(y)")
            print("events               \(f.events)")
            print("bytes                \(f.bytes)")
            if parts.contains(.scan) { print("scan                 \(format2(f.scanSeconds)) s   (every line hashed, linked, decoded)") }
            if parts.contains(.replay) {
                print("cold replay          \(format2(f.coldReplaySeconds)) s   (desk opened ignoring snapshots: every event replayed)")
            }
            if parts.contains(.open) {
                print("cold open            \(format2(f.coldOpenSeconds)) s   (desk opened as after a clean close: every line checked, state from the snapshots)")
            }
            if parts.contains(.verify) { print("verify               \(format2(f.verifySeconds)) s") }
            if parts.contains(.deep) {
                print("verify --deep        \(format2(f.deepVerifySeconds)) s   (verify, then every book replayed through the desk's rules: \(f.deepFindings) findings)")
            }
            if parts.contains(.export) {
                print("export zip           \(format2(f.exportSeconds)) s   (\(f.exportBytes) bytes: verify, CSVs, manifest, deflate)")
                print("export ledger        \(format2(f.journalSeconds)) s   (ledger-cli journal of the money events)")
            }
            if parts.contains(.append) {
                print("durable append p50   \(ms(f.appendP50))   p99 \(ms(f.appendP99))   (\(appends) appends, \(format2(f.appendsPerSecond))/s)")
                print("bare write+fsync p50 \(ms(f.bareP50))   p99 \(ms(f.bareP99))")
                print("append/bare p50      \(format2(f.bareP50 > 0 ? f.appendP50 / f.bareP50 : 0))")
            }
            if console {
                let desk = try Desk.open(dir, clock: SystemClock())
                let auditor = DemoYear.operators.first { $0.role == .auditor }!
                let samples = ConsoleBench.searchKeystrokes(desk: desk, operatorID: auditor.id, pin: auditor.pin)
                print("search key-to-screen p50 \(format2(LedgerBench.percentile(samples, 0.5) * 1000)) ms   p99 \(format2(LedgerBench.percentile(samples, 0.99) * 1000)) ms   (\(samples.count) keys, lost-and-found search, 120x40)")
                try desk.close()
            }
        } catch let e as ExitCode {
            throw e
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
