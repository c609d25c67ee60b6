import Foundation
import Testing
@testable import DeskDomain
import EscPos

/// Runs a command and says what it printed and how it ended (nil when it cannot start).
func runTool(_ path: String, _ arguments: [String]) -> (code: Int32, output: String)? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    p.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C", "LANG": "C"]) { $1 }
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    p.standardInput = FileHandle.nullDevice
    do { try p.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A real CUPS: `.ci/cups.sh start` runs cupsd with a raw queue whose backend appends each
/// job to a file. A slip printed through ``SlipPrinter`` arrives there byte for byte; with
/// the queue stopped, the action is still recorded and the slip fails in plain words; once
/// the queue runs again, the slip is reprinted from the record.
@Suite(.serialized) struct CupsTests {
    static let env = ProcessInfo.processInfo.environment
    static let queue = env["PLAZADESK_CUPS_QUEUE"] ?? "deskslips"
    static let out = env["PLAZADESK_CUPS_OUT"] ?? "/tmp/plazadesk-cups/deskslips.bin"
    static let bin = ["/usr/bin", "/usr/sbin", "/bin", "/sbin"]

    static func tool(_ name: String) -> String? { bin.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) } }

    static var schedulerRunning: Bool {
        guard let lpstat = tool("lpstat"), let r = runTool(lpstat, ["-r"]) else { return false }
        return r.output.contains("scheduler is running")
    }

    func fileBytes() -> [UInt8] { [UInt8](FileManager.default.contents(atPath: Self.out) ?? Data()) }

    /// Waits (up to 30 s) until the file holds `count` bytes past `offset`; returns them.
    func arrived(after offset: Int, count: Int) -> [UInt8] {
        for _ in 0..<300 {
            let b = fileBytes()
            if b.count >= offset + count { return Array(b[offset..<(offset + count)]) }
            usleep(100_000)
        }
        return Array(fileBytes().dropFirst(offset))
    }

    @Test(.enabled(if: CupsTests.schedulerRunning, "cupsd is not running here: .ci/cups.sh start runs it with the deskslips queue"))
    func slipsPrintThroughARealQueueAndAStoppedQueueLosesNoRecord() throws {
        let lpstat = try #require(Self.tool("lpstat"))
        let status = try #require(runTool(lpstat, ["-p", Self.queue]))
        try #require(status.code == 0, "cupsd runs but has no queue \(Self.queue) (\(status.output)): run .ci/cups.sh start")

        let d = SlipDesk()
        var printer = PrinterConfig()
        printer.kind = .cups; printer.queue = Self.queue; printer.widthMM = 58
        d.config.printer = printer
        let desk = try d.open()
        defer { try? desk.close() }
        try desk.shift.open(.init(float: "500"), by: d.lead)

        // Recorded, then printed: the job reaches the queue's device unchanged.
        let loan = try desk.umbrellas.lend(.init(unit: "7", depositCard: "7", customer: "王芳", phone: "13812345678"), by: d.clerk)
        let slip = Slip.umbrellaLoan(loan, d.config, .zhHans)
        let job = try EscPosSlip.bytes(slip, widthMM: 58)
        let before = fileBytes().count
        try SlipPrinter(d.config).print(slip)
        let got = arrived(after: before, count: job.count)
        #expect(got == job, "the queue's device got the job byte for byte")
        let printout = try EscPosReader.printout(got)
        #expect(printout.endsWithCut)
        #expect(printout.lines.map(\.text) == SlipText.layout(slip, columns: 32).compactMap { row in
            if case .text(let t) = row.content { return t } else { return nil }
        })

        // The queue stopped: the next action is recorded all the same, its slip fails and says so.
        let cupsdisable = try #require(Self.tool("cupsdisable")), cupsenable = try #require(Self.tool("cupsenable"))
        #expect(runTool(cupsdisable, [Self.queue])?.code == 0)
        defer { _ = runTool(cupsenable, [Self.queue]) }
        d.later(minutes: 3)
        let second = try desk.umbrellas.lend(.init(unit: "8", depositCard: "8", customer: "李娜", phone: "13900000000"), by: d.clerk)
        let secondSlip = Slip.umbrellaLoan(second, d.config, .zhHans)
        let stopped = fileBytes().count
        #expect(throws: SlipPrintError.queueStopped(queue: Self.queue)) { try SlipPrinter(d.config).print(secondSlip) }
        #expect(SlipPrintError.queueStopped(queue: Self.queue).message(.zhHans).contains("记录已保存"))
        #expect(desk.umbrellas.state.out["U008"]?.lentSeq == second.lentSeq, "the loan is recorded")
        let reopened = try d.open()
        #expect(reopened.umbrellas.state.out["U008"]?.customer == "李娜", "and in the ledger")
        try reopened.close()
        #expect(fileBytes().count == stopped, "nothing was sent to the stopped queue")

        // Running again: the slip is reprinted from the record, marked.
        #expect(runTool(cupsenable, [Self.queue])?.code == 0)
        let again = Slip.umbrellaLoan(try #require(desk.umbrellas.state.out["U008"]), d.config, .zhHans).reprinted()
        let reprint = try EscPosSlip.bytes(again, widthMM: 58)
        try SlipPrinter(d.config).print(again)
        let back = try EscPosReader.printout(arrived(after: stopped, count: reprint.count))
        #expect(back.lines.contains { $0.text == "** 重印 **" && $0.alignment == .center })
        #expect(back.lines.contains { $0.text == "雨伞编号                    U008" })
    }
}
