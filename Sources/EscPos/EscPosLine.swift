/// One printed line as the paper shows it: its text and how it was printed.
public struct EscPosLine: Equatable, Sendable {
    public var text: String
    public var alignment: EscPosAlignment
    public var bold: Bool
    /// Width and height multiples (`GS !`).
    public var width: Int
    public var height: Int

    public init(text: String, alignment: EscPosAlignment = .left, bold: Bool = false, width: Int = 1, height: Int = 1) {
        self.text = text; self.alignment = alignment; self.bold = bold; self.width = width; self.height = height
    }
}
