/// Reads ESC/POS bytes back into commands and into what the paper would show: the test
/// side of ``EscPosBuilder``, and a way to look at a job saved from a printer queue.
///
/// It knows the commands the builder writes and refuses anything else (and any text that
/// is not GB18030 in Chinese mode), so a test that reads a job back also proves the job
/// holds nothing unexpected.
public enum EscPosReader {
    /// The commands of `bytes`, in order; runs of text are decoded.
    public static func commands(_ bytes: [UInt8]) throws(EscPosReadError) -> [EscPosCommand] {
        var out: [EscPosCommand] = []
        var i = 0
        var chinese = false
        var set: UInt8 = 0
        var text = ""            // the current run of text, decoded
        var pending: [UInt8] = [] // GB18030 bytes not yet decoded
        var pendingStart = 0

        func decodePending() throws(EscPosReadError) {
            guard !pending.isEmpty else { return }
            guard let s = GB18030.decode(pending) else { throw .badText(offset: pendingStart) }
            text += s
            pending = []
        }
        func endRun() throws(EscPosReadError) {
            try decodePending()
            if !text.isEmpty { out.append(.text(text)); text = "" }
        }
        func need(_ n: Int) throws(EscPosReadError) {
            if i + n > bytes.count { throw .truncated(offset: i) }
        }

        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x1B, 0x1C, 0x1D:
                try endRun()
                try need(2)
                let start = i
                switch (b, bytes[i + 1]) {
                case (0x1B, 0x40):
                    out.append(.initialize); chinese = false; set = 0; i += 2
                case (0x1C, 0x26):
                    out.append(.chineseMode(true)); chinese = true; i += 2
                case (0x1C, 0x2E):
                    out.append(.chineseMode(false)); chinese = false; i += 2
                case (0x1B, 0x61):
                    try need(3)
                    let n = bytes[i + 2]
                    guard let a = EscPosAlignment(rawValue: n >= 48 ? n - 48 : n) else {
                        throw .badParameter(offset: start, bytes: Array(bytes[i..<i + 3]))
                    }
                    out.append(.align(a)); i += 3
                case (0x1B, 0x45):
                    try need(3)
                    out.append(.bold(bytes[i + 2] & 1 == 1)); i += 3
                case (0x1B, 0x52):
                    try need(3)
                    set = bytes[i + 2]
                    out.append(.internationalSet(set)); i += 3
                case (0x1B, 0x64):
                    try need(3)
                    out.append(.feed(Int(bytes[i + 2]))); i += 3
                case (0x1D, 0x21):
                    try need(3)
                    let n = bytes[i + 2]
                    out.append(.size(width: Int(n >> 4) + 1, height: Int(n & 0x0F) + 1)); i += 3
                case (0x1D, 0x56):
                    try need(3)
                    let m = bytes[i + 2]
                    switch m {
                    case 0, 48: out.append(.cut(partial: false)); i += 3
                    case 1, 49: out.append(.cut(partial: true)); i += 3
                    case 65, 66:
                        try need(4)
                        out.append(.cut(partial: m == 66)); i += 4
                    default: throw .badParameter(offset: start, bytes: Array(bytes[i..<i + 3]))
                    }
                case (0x1D, 0x28):
                    try need(5)
                    guard bytes[i + 2] == 0x6B else { throw .unknownCommand(offset: start, bytes: Array(bytes[i..<i + 3])) }
                    let n = Int(bytes[i + 3]) + Int(bytes[i + 4]) * 256
                    try need(5 + n)
                    let body = Array(bytes[(i + 5)..<(i + 5 + n)])
                    let whole = Array(bytes[i..<(i + 5 + n)])
                    guard body.count >= 2, body[0] == 0x31 else { throw .unknownCommand(offset: start, bytes: whole) }
                    switch (body[1], body.count) {
                    case (0x41, 4): out.append(.qrModel(body[2]))
                    case (0x43, 3):
                        guard (1...16).contains(body[2]) else { throw .badParameter(offset: start, bytes: whole) }
                        out.append(.qrModuleSize(Int(body[2])))
                    case (0x45, 3):
                        guard let level = QRErrorLevel(rawValue: body[2]) else { throw .badParameter(offset: start, bytes: whole) }
                        out.append(.qrErrorLevel(level))
                    case (0x50, _) where body.count >= 3 && body[2] == 0x30:
                        out.append(.qrStore(Array(body.dropFirst(3))))
                    case (0x51, 3) where body[2] == 0x30:
                        out.append(.qrPrint)
                    default: throw .unknownCommand(offset: start, bytes: whole)
                    }
                    i += 5 + n
                default:
                    throw .unknownCommand(offset: start, bytes: Array(bytes[i..<i + 2]))
                }
            case 0x0A:
                try endRun()
                out.append(.lineFeed); i += 1
            case 0x00..<0x20, 0x7F:
                throw .strayControl(offset: i, byte: b)
            case 0x5C where set == 8:
                try decodePending()
                text += "¥"; i += 1
            case 0x20..<0x80:
                if pending.isEmpty { pendingStart = i }
                pending.append(b); i += 1
            default:
                guard chinese, let n = GB18030.sequenceLength(lead: b, second: i + 1 < bytes.count ? bytes[i + 1] : nil) else {
                    throw .badText(offset: i)
                }
                try need(n)
                if pending.isEmpty { pendingStart = i }
                pending += bytes[i..<i + n]; i += n
            }
        }
        try endRun()
        return out
    }

    /// What the job puts on paper: lines (with the alignment, bold and size they were
    /// printed with), QR codes, feeds and cuts.
    public static func printout(_ bytes: [UInt8]) throws(EscPosReadError) -> EscPosPrintout {
        var items: [EscPosPrintout.Item] = []
        var align = EscPosAlignment.left, bold = false, width = 1, height = 1
        var current: EscPosLine?
        var stored: [UInt8]?
        func flush() {
            if let l = current { items.append(.line(l)); current = nil }
        }
        for c in try commands(bytes) {
            switch c {
            case .initialize:
                flush(); align = .left; bold = false; width = 1; height = 1; stored = nil
            case .chineseMode, .internationalSet, .qrModel, .qrModuleSize, .qrErrorLevel: break
            case .align(let a): align = a
            case .bold(let on): bold = on
            case let .size(w, h): width = w; height = h
            case .text(let s):
                // A printer takes a line's alignment when the line starts.
                if current == nil { current = EscPosLine(text: "", alignment: align, bold: bold, width: width, height: height) }
                current!.text += s
            case .lineFeed:
                items.append(.line(current ?? EscPosLine(text: "", alignment: align, bold: bold, width: width, height: height)))
                current = nil
            case .feed(let n):
                flush(); items.append(.feed(n))
            case .cut(let partial):
                flush(); items.append(.cut(partial: partial))
            case .qrStore(let data): stored = data
            case .qrPrint:
                flush()
                if let stored { items.append(.qr(String(decoding: stored, as: UTF8.self))) }
            }
        }
        flush()
        return EscPosPrintout(items: items)
    }
}
