/// One laid-out row of a slip at a width: a line of text (with how it is printed) or a QR
/// code. ``SlipText`` makes the rows; the plain text and the ESC/POS bytes are both drawn
/// from them, so the preview and the paper say the same.
public struct SlipRow: Equatable, Sendable {
    public enum Alignment: Sendable, Equatable {
        case left, center
    }

    public enum Content: Equatable, Sendable {
        /// Text that fits the width (no padding: alignment says where it goes).
        case text(String)
        /// A QR code of this payload.
        case qr(String)
    }

    public var content: Content
    public var alignment: Alignment
    public var bold: Bool
    /// Printed double height (the width is unchanged).
    public var tall: Bool

    public init(_ content: Content, alignment: Alignment = .left, bold: Bool = false, tall: Bool = false) {
        self.content = content; self.alignment = alignment; self.bold = bold; self.tall = tall
    }

    /// The row as plain text at `columns`: centred rows padded on the left, no trailing
    /// spaces; a QR code shown as `[QR payload]` (`[QR]` when the payload
    /// is too long for the line).
    public func plain(columns: Int) -> String {
        let text: String
        switch content {
        case .text(let t): text = t
        case .qr(let p): text = SlipWidth.of(p) + 5 <= columns ? "[QR " + p + "]" : "[QR]"
        }
        guard alignment == .center else { return text }
        let pad = max(0, (columns - SlipWidth.of(text)) / 2)
        return String(repeating: " ", count: pad) + text
    }
}
