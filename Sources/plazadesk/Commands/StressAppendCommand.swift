import ArgumentParser
import DeskDomain
import Glibc

/// Appends numbered events and prints "ok SEQ N" after each one is durable: the tests
/// spawn it to run writers in parallel and to kill one mid-append.
struct StressAppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-append",
        abstract: "(for tests) Append numbered events to one book, printing each acknowledgement.",
        shouldDisplay: false
    )

    @OptionGroup var data: DataOption
    @Option(help: "Book name.") var book: String = "umbrella"
    @Option(help: "How many events.") var count: Int = 1000
    @Option(help: "A name for this writer, recorded in each event.") var writer: String = "w"
    @Option(help: "Pad each event's body to about this many bytes.") var pad: Int = 0

    func run() throws {
        guard let b = BookName(book) else { throw fail("'\(book)' is not a book name", code: 2) }
        do {
            let w = try BookWriter(data: data.resolved(), book: b, clock: SystemClock())
            let filler = String(repeating: "x", count: max(0, pad))
            for i in 1...max(count, 1) where count > 0 {
                let r = try w.append("test.numbered", JSONObject([("n", .int(Int64(i))), ("writer", .string(writer)), ("pad", .string(filler))]), op: .system)
                let line = "ok \(r.seq) \(i)\n"
                _ = line.withCString { Glibc.write(1, $0, strlen($0)) }
            }
            try w.close()
        } catch {
            throw fail("\(error)", code: 1)
        }
    }
}
