/// The error correction of a printed QR code (`GS ( k` function 169): how much of the
/// symbol may be smudged or torn and still read. A slip in a pocket gets creased: M is the
/// usual choice for a short code.
public enum QRErrorLevel: UInt8, Sendable, CaseIterable {
    /// About 7% recoverable.
    case low = 48
    /// About 15%.
    case medium = 49
    /// About 25%.
    case quartile = 50
    /// About 30%.
    case high = 51
}
