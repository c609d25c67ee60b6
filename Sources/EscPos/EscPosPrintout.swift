/// What a job puts on paper, in order: lines, QR codes, feeds and cuts (``EscPosReader``
/// plays the commands the way a printer does).
public struct EscPosPrintout: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        case line(EscPosLine)
        /// A QR code, with its payload as UTF-8 text.
        case qr(String)
        /// Blank paper fed (`ESC d n`).
        case feed(Int)
        case cut(partial: Bool)
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// The printed lines, in order.
    public var lines: [EscPosLine] {
        items.compactMap { if case .line(let l) = $0 { return l } else { return nil } }
    }

    /// The payloads of the QR codes printed, in order.
    public var qrPayloads: [String] {
        items.compactMap { if case .qr(let p) = $0 { return p } else { return nil } }
    }

    /// Whether the last thing the job does is a cut (so the slip can be torn off).
    public var endsWithCut: Bool {
        if case .cut = items.last { return true }
        return false
    }
}
