import Glibc

/// The few strings that nearly every line repeats (event names, operator ids), found again
/// by their bytes instead of being made anew for each of a million lines. One per
/// scanning thread, never shared.
final class RecentStrings {
    private var entries: [(bytes: [UInt8], string: String)] = []
    /// The operator of the line before: most lines share it.
    var lastOperator: OperatorID?
    static let capacity = 32

    /// The string of these bytes (which hold no escapes).
    func string(_ p: UnsafePointer<UInt8>, count: Int) -> String {
        for e in entries where e.bytes.count == count {
            if count == 0 || e.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, count) == 0 }) { return e.string }
        }
        let bytes = Array(UnsafeBufferPointer(start: p, count: count))
        let s = String(decoding: bytes, as: UTF8.self)
        if entries.count >= Self.capacity { entries.removeFirst() }
        entries.append((bytes, s))
        return s
    }
}
