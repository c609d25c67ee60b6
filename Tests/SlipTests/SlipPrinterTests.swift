import Foundation
import Glibc
import Testing
@testable import DeskDomain
import EscPos

/// The printer sink without CUPS: a device file, a FIFO standing in for a printer that is
/// off or stalls, and small `lp` / `lpstat` scripts standing in for CUPS's, to see what
/// reaches them and how their failures are reported.
@Suite final class SlipPrinterTests {
    let dir = NSTemporaryDirectory() + "plazadesk-printer-" + UUID().uuidString
    let slip = SlipSamples.slip("umbrella-loan", .zhHans)

    init() throws { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func device(_ path: String, timeout: Int = 10) -> SlipPrinter {
        var c = PrinterConfig()
        c.kind = .device; c.device = path; c.widthMM = 58
        var p = SlipPrinter(c)
        p.timeoutSeconds = timeout
        return p
    }

    func queue(_ name: String, tools: String) -> SlipPrinter {
        var c = PrinterConfig()
        c.kind = .cups; c.queue = name; c.widthMM = 80
        var p = SlipPrinter(c)
        p.searchPath = tools
        p.timeoutSeconds = 10
        return p
    }

    func script(_ name: String, _ body: String) {
        let path = dir + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(("#!/bin/sh\n" + body + "\n").utf8))
        chmod(path, 0o755)
    }

    func read(_ path: String) -> [UInt8] { [UInt8](FileManager.default.contents(atPath: path) ?? Data()) }

    @Test func aDeviceFileGetsTheJobAppended() throws {
        let path = dir + "/lp0"
        #expect(FileManager.default.createFile(atPath: path, contents: Data([0x41])))
        try device(path).print(slip)
        let job = try EscPosSlip.bytes(slip, widthMM: 58)
        #expect(read(path) == [0x41] + job)
        let printout = try EscPosReader.printout(Array(read(path).dropFirst()))
        #expect(printout.endsWithCut && printout.lines.map(\.text).contains("雨伞编号                    U012"))
    }

    @Test func aMissingDeviceIsNotCreated() {
        let path = dir + "/usb/lp0"
        #expect(throws: SlipPrintError.deviceMissing(path: path)) { try device(path).print(slip) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aPrinterThatIsOffIsMissing() throws {
        // A FIFO nobody reads: opening it to write without waiting fails as an unplugged printer does.
        let path = dir + "/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: SlipPrintError.deviceMissing(path: path)) { try device(path).print([0x1B, 0x40]) }
    }

    @Test func aPrinterThatStopsTakingBytesTimesOut() throws {
        // Someone holds the FIFO open but never reads: a printer out of paper.
        let path = dir + "/stalled"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let job = [UInt8](repeating: 0x41, count: 1 << 20)
        do {
            try device(path, timeout: 1).print(job)
            Issue.record("a stalled printer must time out")
        } catch let e {
            guard case let .timedOut(what, seconds, sent, total) = e else { Issue.record("\(e)"); return }
            #expect(what == path && seconds == 1 && total == job.count && sent > 0 && sent < total)
            #expect(e.message(.en).contains("1 s") && e.message(.zhHans).contains("缺纸"))
        }
    }

    @Test func aDirectoryIsNotAPrinter() {
        #expect(throws: SlipPrintError.deviceFailed(path: dir, detail: String(cString: strerror(EISDIR)))) { try device(dir).print(slip) }
    }

    @Test func noPrinterConfiguredPrintsNothing() {
        #expect(throws: SlipPrintError.notConfigured) { try SlipPrinter(PrinterConfig()).print(slip) }
    }

    @Test func lpGetsTheRawJobOnItsStandardInput() throws {
        let out = dir + "/job.bin", args = dir + "/args"
        script("lpstat", "echo \"printer $2 is idle.  enabled since Sun Mar  1 10:00:00 2026\"")
        script("lp", "echo \"$@\" > '\(args)'; cat > '\(out)'; echo \"request id is $2-1 (0 file(s))\"")
        try queue("deskslips", tools: dir).print(slip)
        #expect(read(out) == (try EscPosSlip.bytes(slip, widthMM: 80)))
        #expect(String(decoding: read(args), as: UTF8.self) == "-d deskslips -o raw\n")
    }

    @Test func aStoppedQueueIsAFailureAndGetsNoJob() {
        let out = dir + "/job.bin"
        script("lpstat", "echo \"printer $2 disabled since Sun Mar  1 10:00:00 2026 -\"; printf '\\tPaused\\n'")
        script("lp", "cat > '\(out)'")
        #expect(throws: SlipPrintError.queueStopped(queue: "deskslips")) { try queue("deskslips", tools: dir).print(slip) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingQueueAndARefusedJobSayWhy() {
        script("lpstat", "echo 'lpstat: Invalid destination name in list \"nosuch\".' >&2; exit 1")
        script("lp", "exit 0")
        #expect(throws: SlipPrintError.queueMissing(queue: "nosuch", detail: "lpstat: Invalid destination name in list \"nosuch\".")) {
            try queue("nosuch", tools: dir).print(slip)
        }
        script("lpstat", "echo \"printer $2 is idle.  enabled since Sun Mar  1 10:00:00 2026\"")
        script("lp", "cat > /dev/null; echo 'lp: Destination \"deskslips\" is not accepting jobs.' >&2; exit 1")
        #expect(throws: SlipPrintError.queueRefused(queue: "deskslips", detail: "lp: Destination \"deskslips\" is not accepting jobs.")) {
            try queue("deskslips", tools: dir).print(slip)
        }
    }

    @Test func lpThatExitsWithoutReadingCannotHurtTheConsole() {
        // The job sits in a file, not a pipe: an lp that exits at once raises no SIGPIPE here.
        script("lp", "exit 3")
        #expect(throws: SlipPrintError.queueRefused(queue: "deskslips", detail: "exit status 3")) {
            try queue("deskslips", tools: dir).print([UInt8](repeating: 0x41, count: 1 << 20))
        }
    }

    @Test func noLpCommand() {
        #expect(throws: SlipPrintError.lpMissing) { try queue("deskslips", tools: dir + "/nothing-here").print(slip) }
    }

    @Test func aHungLpIsKilled() {
        script("lp", "exec sleep 30")
        var p = queue("deskslips", tools: dir)
        p.timeoutSeconds = 1
        #expect(throws: SlipPrintError.timedOut(what: "lp", seconds: 1, sent: 0, total: 5)) { try p.print([1, 2, 3, 4, 5]) }
    }

    @Test func everyFailureSaysTheRecordIsSafe() {
        let all: [SlipPrintError] = [.notConfigured, .encoding, .lpMissing, .queueMissing(queue: "q", detail: "d"), .queueStopped(queue: "q"),
                                     .queueRefused(queue: "q", detail: "d"), .deviceMissing(path: "/dev/usb/lp0"),
                                     .deviceDenied(path: "/dev/usb/lp0"), .deviceFailed(path: "/p", detail: "d"),
                                     .timedOut(what: "/p", seconds: 10, sent: 1, total: 2)]
        for e in all {
            #expect(e.message(.zhHans).hasPrefix("小票未打印：") && e.message(.zhHans).contains("记录已保存"))
            #expect(e.message(.en).hasPrefix("Slip not printed: ") && e.message(.en).contains("The record is saved"))
            #expect(e.field == nil && e.description == e.message(.en))
        }
        #expect(SlipPrintError.queueStopped(queue: "deskslips").message(.en).contains("cupsenable deskslips"))
    }
}
