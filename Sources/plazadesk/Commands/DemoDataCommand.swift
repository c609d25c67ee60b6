import ArgumentParser
import DeskDomain

struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data",
        abstract: "Write a plausible, deterministic year of desk activity through the real desk services.",
        discussion: "Adds demo operators if the directory has none (see the README for their PINs)."
    )

    @OptionGroup var data: DataOption
    @Option(help: "How many events to write.") var events: Int
    @Option(help: "The year (default: 2026).") var year: Int = 2026
    @Option(help: "Seed of the generator: the same seed writes the same year.") var seed: UInt64 = 1

    func validate() throws {
        guard events >= 0, events <= 50_000_000 else { throw ValidationError("--events must be between 0 and 50000000.") }
        guard (2000...2999).contains(year) else { throw ValidationError("--year must be a year like 2026.") }
    }

    func run() throws {
        let dir = data.resolved()
        let t0 = LedgerBench.now()
        do {
            let total = try DemoYear(data: dir, year: year, events: events, seed: seed).write()
            print("wrote \(total) events for \(year) into \(dir.path) in \(String(format2(LedgerBench.now() - t0))) s")
            print("demo operators: " + DemoYear.operators.map { "\($0.id) (\($0.role.rawValue), PIN \($0.pin))" }.joined(separator: ", "))
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}

func format2(_ v: Double) -> String {
    let r = (v * 1000).rounded() / 1000
    return String(r)
}
