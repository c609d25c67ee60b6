import Glibc

/// Reads the ``CashEvent`` of each line of the umbrella or services book straight from its
/// bytes: the money of a year without a record, a string or a dictionary per event.
///
/// Every member of every body is still checked by the canonical rules; only the members
/// that move money are read.
struct CashReader: LineReader {
    let kinds: [(ev: [UInt8], kind: CashEvent.Kind)]

    static let amountKeys = CashEvent.Amount.allCases.map { (key: Array($0.key.utf8), amount: $0) }
    static let damageNames = CashEvent.Damage.allCases.map { (name: Array($0.rawValue.utf8), damage: $0) }
    static let serviceNames = PaidServiceKind.allCases.map { (name: Array($0.rawValue.utf8), kind: $0) }
    static let damageKey = Array("damage".utf8)
    static let serviceKey = Array("kind".utf8)

    init(book: BookName) { self.init(kinds: CashEvent.kinds(of: book)) }

    init(kinds: [(ev: String, kind: CashEvent.Kind)]) {
        self.kinds = kinds.map { (Array($0.ev.utf8), $0.kind) }
    }

    func depth(seq: Int64) -> LineDepth { .read }

    /// Small windows: the three money books are small, and many small windows keep both
    /// cores busy to the end (measured: 4 MiB 89 ms, 1 MiB 76 ms, 512 KiB 73 ms at 100,000 events).
    func windowBytes(after startSeq: Int64) -> Int { 512 << 10 }

    func item(_ line: LineHead, body: inout JSONScanner) throws(LineFault) -> CashEvent {
        var event = CashEvent(instant: line.instant, kind: kinds.first { Self.equal($0.ev, line.ev) }?.kind ?? .other)
        try body.members(depth: 1) { (key: UnsafeBufferPointer<UInt8>, s: inout JSONScanner) throws(LineFault) -> Bool in
            if let a = Self.amountKeys.first(where: { Self.equal($0.key, key) }) {
                guard let c = s.peek(), c == UInt8(ascii: "-") || (c >= 48 && c <= 57) else { return false }
                event.fen[a.amount.rawValue] = try s.integer()
                return true
            }
            if Self.equal(Self.damageKey, key) {
                guard let text = try Self.plainText(&s) else { return false }
                event.damage = Self.damageNames.first { Self.equal($0.name, text) }?.damage ?? .none
                return true
            }
            if Self.equal(Self.serviceKey, key) {
                guard let text = try Self.plainText(&s) else { return false }
                event.service = Self.serviceNames.first { Self.equal($0.name, text) }?.kind
                return true
            }
            return false
        }
        return event
    }

    /// A string value's bytes between its quotes, escapes as written (the names matched
    /// against are plain ASCII, which canonical JSON never escapes); nil when the value is
    /// not a string.
    @inline(__always) static func plainText(_ s: inout JSONScanner) throws(LineFault) -> UnsafeBufferPointer<UInt8>? {
        guard s.peek() == UInt8(ascii: "\"") else { return nil }
        let start = s.i
        try s.skipString()
        return UnsafeBufferPointer(start: s.base + start + 1, count: s.i - start - 2)
    }

    @inline(__always) static func equal(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
    }
}
