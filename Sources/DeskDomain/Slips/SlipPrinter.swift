import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends a slip's ESC/POS bytes where `[printer]` in config.toml says: a raw CUPS queue
/// (`lp -d QUEUE -o raw`, the bytes on its standard input) or a device file such as
/// `/dev/usb/lp0`.
///
///     let loan = try desk.umbrellas.lend(form, by: clerk)        // recorded first
///     do { try SlipPrinter(config).print(Slip.umbrellaLoan(loan, config, l)) }
///     catch { status = error.message(l) }                         // "Slip not printed: … reprint …"
///
/// Printing never stands in for the record: the caller records, then prints, and a printer
/// that fails, is missing or hangs only costs the slip (a ``SlipPrintError`` that says how to
/// get it again). Nothing here waits longer than ``timeoutSeconds``.
public struct SlipPrinter: Sendable {
    public let config: PrinterConfig
    /// How long `lp` may take, or a device may take no bytes, before printing gives up.
    public var timeoutSeconds = 10
    /// Where `lp` and `lpstat` are looked for: `$PATH`.
    var searchPath: String

    public init(_ config: PrinterConfig) {
        self.config = config
        searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    public init(_ config: DeskConfig) { self.init(config.printer) }

    /// Whether a printer is set up at all (else the console only previews slips).
    public var isConfigured: Bool { config.kind != .none }

    /// Prints a slip at the configured paper width.
    public func print(_ slip: Slip) throws(SlipPrintError) {
        try print(EscPosSlip.bytes(slip, widthMM: config.widthMM))
    }

    /// Sends a ready job.
    public func print(_ bytes: [UInt8]) throws(SlipPrintError) {
        switch config.kind {
        case .none: throw .notConfigured
        case .cups: try printToQueue(bytes)
        case .device: try writeDevice(bytes)
        }
    }

    // MARK: - CUPS

    /// Checks the queue with `lpstat -p` (a stopped queue would take the job and keep it
    /// unseen, so it counts as a failure), then hands the job to `lp`.
    func printToQueue(_ bytes: [UInt8]) throws(SlipPrintError) {
        let queue = config.queue
        guard let lp = tool("lp") else { throw .lpMissing }
        if let lpstat = tool("lpstat") {
            let status = try run(lpstat, ["-p", queue], input: nil, what: "lpstat")
            guard status.code == 0 else { throw .queueMissing(queue: queue, detail: status.detail) }
            // `printer deskslips disabled since … -` (C locale); `… is idle.  enabled since …` when it runs.
            if status.output.contains("printer \(queue) disabled") { throw .queueStopped(queue: queue) }
        }
        let job = try run(lp, ["-d", queue, "-o", "raw"], input: bytes, what: "lp")
        guard job.code == 0 else { throw .queueRefused(queue: queue, detail: job.detail) }
    }

    /// What a finished command said.
    struct Outcome {
        var code: Int32
        var output: String
        var errors: String
        /// The first line of what it printed on stderr (else stdout, else its exit status).
        var detail: String {
            let line = { (s: String) in s.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingSpaces() ?? "" }
            let e = line(errors), o = line(output)
            return !e.isEmpty ? e : !o.isEmpty ? o : "exit status \(code)"
        }
    }

    /// The executable `name` on the search path, if any.
    func tool(_ name: String) -> String? {
        for dir in searchPath.split(separator: ":") where !dir.isEmpty {
            let path = dir + "/" + name
            if access(path, X_OK) == 0 { return path }
        }
        return nil
    }

    /// Runs a command in the C locale (its messages are read), `input` on its standard
    /// input from an unlinked temporary file (so a command that exits early cannot raise
    /// SIGPIPE in the console), killed after ``timeoutSeconds``.
    func run(_ path: String, _ arguments: [String], input: [UInt8]?, what: String) throws(SlipPrintError) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        env["LANG"] = "C"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            guard let handle = Self.inputFile(input) else {
                throw .queueRefused(queue: config.queue, detail: "cannot write a temporary file: \(String(cString: strerror(errno)))")
            }
            process.standardInput = handle
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            if what == "lp" { throw .lpMissing }
            throw .queueMissing(queue: config.queue, detail: "\(what) did not start")
        }
        if done.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 2)
            throw .timedOut(what: what, seconds: timeoutSeconds, sent: 0, total: input?.count ?? 0)
        }
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Outcome(code: process.terminationStatus, output: o, errors: e)
    }

    /// The bytes in a temporary file already unlinked, open for reading from the start.
    static func inputFile(_ bytes: [UInt8]) -> FileHandle? {
        var template = Array((NSTemporaryDirectory() + "/plazadesk-slip-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + sent, bytes.count - sent) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { close(fd); return nil }
            sent += n
        }
        guard lseek(fd, 0, SEEK_SET) == 0 else { close(fd); return nil }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    // MARK: - Device file

    /// Writes the job to the device without blocking: a printer out of paper stops taking
    /// bytes, and the console must not hang on it. Gives up after ``timeoutSeconds``
    /// without progress.
    func writeDevice(_ bytes: [UInt8]) throws(SlipPrintError) {
        let path = config.device
        let fd = open(path, O_WRONLY | O_APPEND | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw Self.deviceError(path, errno) }
        defer { close(fd) }
        var sent = 0
        var deadline = Self.monotonicMilliseconds() + Int64(timeoutSeconds) * 1000
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + sent, bytes.count - sent) }
            if n > 0 {
                sent += n
                deadline = Self.monotonicMilliseconds() + Int64(timeoutSeconds) * 1000
                continue
            }
            let e = n < 0 ? errno : EIO
            if e == EINTR { continue }
            guard e == EAGAIN || e == EWOULDBLOCK else { throw Self.deviceError(path, e) }
            let left = deadline - Self.monotonicMilliseconds()
            var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            if left <= 0 || poll(&p, 1, Int32(min(left, Int64(Int32.max)))) == 0 {
                throw .timedOut(what: path, seconds: timeoutSeconds, sent: sent, total: bytes.count)
            }
        }
    }

    static func deviceError(_ path: String, _ e: Int32) -> SlipPrintError {
        switch e {
        case ENOENT, ENODEV, ENXIO: return .deviceMissing(path: path)
        case EACCES, EPERM, EROFS: return .deviceDenied(path: path)
        default: return .deviceFailed(path: path, detail: String(cString: strerror(e)))
        }
    }

    static func monotonicMilliseconds() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int64(t.tv_sec) * 1000 + Int64(t.tv_nsec) / 1_000_000
    }
}
