/// Where slips are printed: the `[printer]` section of config.toml.
///
///     [printer]
///     kind = "cups"            # "none", "cups" (lp -d QUEUE -o raw) or "device" (a file such as /dev/usb/lp0)
///     queue = "deskslips"
///     device = "/dev/usb/lp0"
///     width_mm = 80            # 58 or 80: 32 or 48 characters a line
///     auto = false             # print after every action without asking
///
/// Only a section with `kind` other than "none" needs the rest; the defaults print nothing.
public struct PrinterConfig: Equatable, Sendable {
    /// How the bytes reach the printer.
    public enum Kind: String, Sendable, CaseIterable {
        /// No printer: slips are only previewed.
        case none
        /// A CUPS queue, raw (the job is the printer's own ESC/POS).
        case cups
        /// A device file written directly (a USB printer's `/dev/usb/lp0`).
        case device
    }

    public var kind = Kind.none
    /// The CUPS queue (`kind = "cups"`).
    public var queue = ""
    /// The device file (`kind = "device"`).
    public var device = "/dev/usb/lp0"
    /// The paper: 58 or 80 mm.
    public var widthMM = 80
    /// Print after each action without asking (else the console offers to).
    public var auto = false

    public init() {}

    /// Half-width characters a line on this paper.
    public var columns: Int { SlipWidth.columns(widthMM: widthMM) }

    /// Reads the section, refusing what cannot print: a queue name `lp` would take for an
    /// option or that CUPS does not allow, a device path that is not absolute.
    static func read(_ r: inout DeskConfig.Reader) throws(ConfigError) -> PrinterConfig {
        var p = PrinterConfig()
        let kind = try r.string("printer.kind", default: p.kind.rawValue)
        guard let k = Kind(rawValue: kind) else { throw .badValue(key: "printer.kind", expected: "\"none\", \"cups\" or \"device\"") }
        p.kind = k
        p.queue = try r.string("printer.queue", default: p.queue)
        p.device = try r.string("printer.device", default: p.device)
        p.widthMM = try r.int("printer.width_mm", default: p.widthMM, range: 58...80)
        guard p.widthMM == 58 || p.widthMM == 80 else { throw .badValue(key: "printer.width_mm", expected: "58 or 80") }
        p.auto = try r.bool("printer.auto", default: p.auto)
        if k == .cups || !p.queue.isEmpty {
            guard isQueueName(p.queue) else {
                throw .badValue(key: "printer.queue", expected: "a CUPS queue name of letters, digits, '-', '_' or '.' (not starting with '-')")
            }
        }
        if k == .device {
            guard p.device.hasPrefix("/"), !p.device.contains("\0") else { throw .badValue(key: "printer.device", expected: "an absolute path, like \"/dev/usb/lp0\"") }
        }
        return p
    }

    /// A queue name CUPS accepts and `lp -d` cannot take for an option.
    static func isQueueName(_ s: String) -> Bool {
        guard let first = s.utf8.first, first != UInt8(ascii: "-"), s.utf8.count <= 127 else { return false }
        return s.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E
        }
    }
}
