/// How many columns text takes on a receipt printer in Chinese mode, where a column is one
/// half-width character (Font A: 32 on 58 mm paper, 48 on 80 mm).
///
/// Unlike a terminal, the printer prints every character of two or more GB18030 bytes from
/// its Chinese font, full width: `×`, `·` and `é` take two columns there as Chinese does.
/// ASCII takes one, and so does `¥` (printed from the printer's own Japanese set). A width
/// counted this way is never less than a terminal's, so a slip laid out for paper also
/// fits the on-screen preview.
public enum SlipWidth {
    /// Columns one Unicode scalar takes on paper: 0 for controls and format characters
    /// (a slip's text has them removed), 1 for ASCII and `¥`, 2 for everything else.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) { return 0 }
        if v < 0x7F || v == 0xA5 { return 1 }
        if scalar.properties.generalCategory == .format { return 0 }
        return 2
    }

    /// Columns a character takes: each scalar is a glyph of its own on the printer.
    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns a string takes.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The columns of a paper width: 58 mm paper prints 32 half-width characters a line,
    /// 80 mm paper 48.
    public static func columns(widthMM: Int) -> Int { widthMM <= 58 ? 32 : 48 }
}
