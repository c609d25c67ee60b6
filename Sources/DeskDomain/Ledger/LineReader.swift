/// What a scan makes of each sound line, on the thread that checked it.
///
/// Opening a book needs every event as a ``LedgerRecord``; the money of a year needs a few
/// figures of two kinds of event, and building a record per line would cost it more than
/// checking the line. A reader turns a line into whatever its caller sums, and the scanner
/// hands on only the items of lines whose hash, seq and link are sound.
///
///     struct Fees: LineReader {
///         func depth(seq: Int64) -> LineDepth { .read }
///         func item(_ line: LineHead, body: inout JSONScanner) throws(LineFault) -> Int64 {
///             var fee: Int64 = 0
///             try body.members(depth: 1) { (key: UnsafeBufferPointer<UInt8>, s: inout JSONScanner) throws(LineFault) in
///                 guard key.elementsEqual("feeFen".utf8) else { return false }
///                 fee = try s.integer()
///                 return true
///             }
///             return fee
///         }
///     }
protocol LineReader {
    associatedtype Item

    /// How much of line `seq` is read.
    func depth(seq: Int64) -> LineDepth

    /// The size of the windows to read when the scan starts after `startSeq`.
    func windowBytes(after startSeq: Int64) -> Int

    /// A reader for one part of a window: each part is read on its own thread.
    func forPart() -> Self

    /// The line's item. `body` stands on the body's `{` and must be left just after its
    /// `}`, every member checked (``JSONScanner/members(depth:_:)`` does both). The line's
    /// hash is already checked; an item of a line that fails after is dropped.
    mutating func item(_ line: LineHead, body: inout JSONScanner) throws(LineFault) -> Item
}

extension LineReader {
    func windowBytes(after startSeq: Int64) -> Int { BookScanner.windowBytes }
    func forPart() -> Self { self }
}

/// How much of a line a scan reads.
enum LineDepth {
    /// Its seq, `prev` and `hash` only (a snapshot already holds the event).
    case chain
    /// Every field checked, nothing made (`verify`).
    case checked
    /// Every field checked and the reader's item made.
    case read
}

/// The fields of a line before its body: what a ``LineReader`` needs besides the body.
struct LineHead {
    let bytes: UnsafePointer<UInt8>
    let seq: Int64
    let instant: Int64
    let offsetSeconds: Int32
    /// Where the `op` and `ev` strings start (at their opening quote).
    let opStart: Int
    let evStart: Int
    /// The length of `ev` between its quotes, escapes as written.
    let evCount: Int
    /// The line's `prev` and `hash` (the hash already checked against the line).
    let prev: ChainHash
    let hash: ChainHash

    /// The event's type between its quotes (event types are plain ASCII, never escaped).
    var ev: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: bytes + evStart + 1, count: evCount) }
}
