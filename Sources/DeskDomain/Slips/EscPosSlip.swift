import EscPos

/// A slip as the ESC/POS bytes of one print job: the rows of ``SlipText/layout(_:columns:)``
/// in GB18030 with the printer's Chinese mode on, centred and large where the layout says,
/// the QR code drawn by the printer's own command, then a cut.
public enum EscPosSlip {
    /// The job for paper `widthMM` wide (58 or 80).
    public static func bytes(_ slip: Slip, widthMM: Int) throws(SlipPrintError) -> [UInt8] {
        try bytes(slip, columns: SlipWidth.columns(widthMM: widthMM))
    }

    /// The job for a printer of `columns` half-width characters a line.
    public static func bytes(_ slip: Slip, columns: Int) throws(SlipPrintError) -> [UInt8] {
        var b = EscPosBuilder()
        b.initialize()
        b.chineseMode(true)
        var alignment = SlipRow.Alignment.left, bold = false, tall = false
        for row in SlipText.layout(slip, columns: columns) {
            if row.alignment != alignment { b.align(row.alignment == .center ? .center : .left); alignment = row.alignment }
            if row.bold != bold { b.bold(row.bold); bold = row.bold }
            if row.tall != tall { b.size(width: 1, height: row.tall ? 2 : 1); tall = row.tall }
            switch row.content {
            case .text(let text):
                do { try b.line(text) } catch { throw .encoding }
            case .qr(let payload):
                // Six dots a module: a seal code's symbol is about 2 cm across, easy to scan.
                b.qr(payload, moduleSize: 6, level: .medium)
            }
        }
        if alignment != .left { b.align(.left) }
        if bold { b.bold(false) }
        if tall { b.size(width: 1, height: 1) }
        b.cut()
        return b.bytes
    }
}
