import ArgumentParser
import DeskDomain

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure cold open, verify and durable append latency on a year of the data directory."
    )

    @OptionGroup var data: DataOption
    @Option(help: "The year to measure (default: the newest).") var year: Int?
    @Option(help: "How many durable appends to time.") var appends: Int = 1000

    func run() throws {
        let dir = data.resolved()
        guard let y = year ?? dir.years().last else { throw fail("no year to measure under \(dir.path)", code: 1) }
        do {
            let f = try LedgerBench(data: dir, year: y, appends: appends).run()
            let ms = { (s: Double) in String(format2(s * 1000)) + " ms" }
            print("year                 \(y)")
            print("events               \(f.events)")
            print("bytes                \(f.bytes)")
            print("scan                 \(format2(f.scanSeconds)) s   (every line hashed, linked, decoded)")
            print("cold open            \(format2(f.coldOpenSeconds)) s   (desk opened: chain check + snapshots + replay after them)")
            print("cold replay          \(format2(f.coldReplaySeconds)) s   (desk opened ignoring snapshots: every event replayed)")
            print("verify               \(format2(f.verifySeconds)) s")
            print("durable append p50   \(ms(f.appendP50))   p99 \(ms(f.appendP99))   (\(appends) appends)")
            print("bare write+fsync p50 \(ms(f.bareP50))   p99 \(ms(f.bareP99))")
            print("append/bare p50      \(format2(f.bareP50 > 0 ? f.appendP50 / f.bareP50 : 0))")
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
