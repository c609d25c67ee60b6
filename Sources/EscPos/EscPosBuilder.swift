/// Builds the bytes of one ESC/POS print job, command by command, for the 58 mm and 80 mm
/// thermal receipt printers Chinese desks use (Epson's command set, which their makers
/// follow).
///
///     var b = EscPosBuilder()
///     b.initialize()
///     b.chineseMode(true)
///     b.align(.center)
///     try b.line("收据 Receipt")
///     b.qr("7K2Q-9XHM-4T8B-PZ3D")
///     b.cut()
///
/// Text is sent as GB18030, which the printer reads in its Chinese mode (`FS &`): ASCII as
/// one byte, Chinese as two. Control characters in text are printed as `?`, so nothing
/// typed at the counter can reach the printer as a command.
public struct EscPosBuilder: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// The international character set last selected with `ESC R`.
    private var internationalSet: UInt8 = 0

    public init() {}

    static let esc: UInt8 = 0x1B, fs: UInt8 = 0x1C, gs: UInt8 = 0x1D, lf: UInt8 = 0x0A

    /// `ESC @`: clears what an earlier job left set (sizes, bold, alignment, Chinese mode).
    public mutating func initialize() {
        bytes += [Self.esc, 0x40]
        internationalSet = 0
    }

    /// `FS &` / `FS .`: Chinese character mode on or off. Text with Chinese in it needs it on.
    public mutating func chineseMode(_ on: Bool) {
        bytes += [Self.fs, on ? 0x26 : 0x2E]
    }

    /// `ESC a n`: alignment of the lines that follow (taken at the start of a line).
    public mutating func align(_ a: EscPosAlignment) {
        bytes += [Self.esc, 0x61, a.rawValue]
    }

    /// `ESC E n`: emphasised (bold) on or off.
    public mutating func bold(_ on: Bool) {
        bytes += [Self.esc, 0x45, on ? 1 : 0]
    }

    /// `GS ! n`: character width and height, each 1 to 8 times (applies to ASCII and Chinese).
    /// A double-width line holds half as many characters.
    public mutating func size(width: Int, height: Int) {
        let w = UInt8(min(8, max(1, width)) - 1), h = UInt8(min(8, max(1, height)) - 1)
        bytes += [Self.gs, 0x21, (w << 4) | h]
    }

    /// Text without a line feed.
    ///
    /// `¥` has only a four-byte GB18030 code, which the two-byte Chinese fonts of these
    /// printers lack; it is sent as the Japanese international set's `0x5C` (`ESC R 8`),
    /// which prints `¥` in one column, and the set is put back at once.
    public mutating func text(_ s: String) throws(EscPosError) {
        var run = ""   // characters that go through GB18030 as they are
        func flush(_ b: inout EscPosBuilder) throws(EscPosError) {
            guard !run.isEmpty else { return }
            guard let encoded = GB18030.encode(run) else { throw .noGB18030Converter }
            b.bytes += encoded
            run = ""
        }
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0xA5:
                try flush(&self)
                if internationalSet != 8 { bytes += [Self.esc, 0x52, 8]; internationalSet = 8 }
                bytes.append(0x5C)
            case 0..<0x20, 0x7F, 0x80..<0xA0:
                run.append("?")
            default:
                if internationalSet != 0 {
                    try flush(&self)
                    bytes += [Self.esc, 0x52, 0]; internationalSet = 0
                }
                run.unicodeScalars.append(scalar)
            }
        }
        try flush(&self)
        if internationalSet != 0 { bytes += [Self.esc, 0x52, 0]; internationalSet = 0 }
    }

    /// Text and `LF`: prints the line.
    public mutating func line(_ s: String) throws(EscPosError) {
        try text(s)
        lineFeed()
    }

    /// `LF`: prints what is buffered and moves to the next line (an empty line if nothing is).
    public mutating func lineFeed() {
        bytes.append(Self.lf)
    }

    /// `ESC d n`: prints what is buffered and feeds `lines` lines.
    public mutating func feed(_ lines: Int) {
        bytes += [Self.esc, 0x64, UInt8(min(255, max(0, lines)))]
    }

    /// A QR code of `payload` (UTF-8 bytes) drawn by the printer itself, `GS ( k`: model 2
    /// (function 165), module size in dots (167), error correction (169), store the data
    /// (180), print it (181). Starts on a line of its own.
    public mutating func qr(_ payload: String, moduleSize: Int = 6, level: QRErrorLevel = .medium) {
        let data = Array(payload.utf8.prefix(7089))
        bytes += [Self.gs, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]
        bytes += [Self.gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, UInt8(min(16, max(1, moduleSize)))]
        bytes += [Self.gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, level.rawValue]
        let n = data.count + 3
        bytes += [Self.gs, 0x28, 0x6B, UInt8(n & 0xFF), UInt8(n >> 8), 0x31, 0x50, 0x30] + data
        bytes += [Self.gs, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30]
    }

    /// Feeds the last line past the cutter (`ESC d`), then `GS V`: a partial cut (leaves a
    /// hinge, so the slip does not fall on the floor) or a full one.
    public mutating func cut(feed lines: Int = 4, partial: Bool = true) {
        feed(lines)
        bytes += [Self.gs, 0x56, partial ? 1 : 0]
    }
}
