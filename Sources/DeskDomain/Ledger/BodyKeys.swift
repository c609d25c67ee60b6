import Glibc

/// The body members a scan builds; every other member is still checked, then skipped.
///
/// A reader that needs a few figures of each event (the money of a year) pays for those
/// figures only: skipping a value allocates nothing, building one does.
///
///     let money = BodyKeys(["depositFen", "feeFen", "kind"])
///     try BookScanner.scan(path: p, startPrev: prev, decode: true, keep: money) { records in … }
public struct BodyKeys: Sendable {
    let keys: [[UInt8]]

    public init(_ keys: [String]) { self.keys = keys.map { Array($0.utf8) } }

    /// Whether the key spelled by the `count` bytes at `p` (without quotes) is kept.
    @inline(__always) func contains(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        for k in keys where k.count == count {
            if k.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, count) }) == 0 { return true }
        }
        return false
    }
}
