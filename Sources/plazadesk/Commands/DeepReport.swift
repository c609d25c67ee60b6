import ArgumentParser
import DeskDomain
import Foundation

/// What `verify --deep` prints after the books are found sound: every finding (the first
/// 100), one a line, then the verdict; exit 1 when there is any.
enum DeepReport {
    static let shown = 100

    /// The deep check, read-only: the config's tolerance when there is a config, the key when readable.
    static func check(data: DataDirectory, year: Int?) throws -> DeepVerifier.Result {
        let config = (try? String(contentsOfFile: DeskConfig.path(in: data), encoding: .utf8)).flatMap { try? DeskConfig.parse($0) }
        let options = DeepVerifier.Options(clockToleranceSeconds: Int64(config?.clockToleranceMinutes ?? 5) * 60,
                                           personalDataKey: SnapshotAudit.readKey(data))
        return try DeepVerifier.verify(data: data, year: year, options: options)
    }

    /// Prints `result` (checked now when nil).
    static func run(data: DataDirectory, year: Int?, result given: DeepVerifier.Result? = nil) throws {
        let result: DeepVerifier.Result
        do {
            result = try given ?? check(data: data, year: year)
        } catch {
            throw fail("\(error)", code: 3)
        }
        for f in result.findings.prefix(shown) { print("BROKEN \(f)") }
        if result.total > shown { print("… and \(result.total - shown) more") }
        if result.isSound {
            print("deep check sound: \(result.events) events replayed, every rule holds")
            return
        }
        print("DEEP CHECK FAILED: \(result.total) finding\(result.total == 1 ? "" : "s")")
        throw ExitCode(1)
    }
}
