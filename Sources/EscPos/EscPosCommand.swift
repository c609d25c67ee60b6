/// One command of an ESC/POS job as ``EscPosReader`` reads it back.
public enum EscPosCommand: Equatable, Sendable {
    /// `ESC @`.
    case initialize
    /// `FS &` (true) / `FS .` (false).
    case chineseMode(Bool)
    /// `ESC a n`.
    case align(EscPosAlignment)
    /// `ESC E n`.
    case bold(Bool)
    /// `GS ! n`, as multiples.
    case size(width: Int, height: Int)
    /// `ESC R n`.
    case internationalSet(UInt8)
    /// A run of printable characters, decoded (GB18030 in Chinese mode; `0x5C` as `¥` in
    /// the Japanese set).
    case text(String)
    /// `LF`.
    case lineFeed
    /// `ESC d n`.
    case feed(Int)
    /// `GS V m` (or `GS V 65/66 n`): a cut, partial or full.
    case cut(partial: Bool)
    /// `GS ( k` function 165: the QR model (49 model 1, 50 model 2, 51 micro).
    case qrModel(UInt8)
    /// `GS ( k` function 167.
    case qrModuleSize(Int)
    /// `GS ( k` function 169.
    case qrErrorLevel(QRErrorLevel)
    /// `GS ( k` function 180: the symbol's data.
    case qrStore([UInt8])
    /// `GS ( k` function 181: print the stored symbol.
    case qrPrint
}
