/// The ledger's line format: writing one, and reading one back with its hash checked.
///
///     {"seq":7,"at":"2026-03-01T10:15:00+08:00","op":"li.na","ev":"umbrella.lent",
///      "body":{…},"prev":"<64 hex>","hash":"<64 hex>"}\n
///
/// (one line in the file). `hash` is SHA-256 of the line's canonical bytes without the
/// hash member, i.e. of everything before `,"hash":` followed by `}`. Since the hash
/// member always has the same length, the hashed part is found without parsing.
public enum LedgerLine {
    /// `,"hash":"` + 64 hex + `"}`.
    static let hashSuffixLength = 75
    /// `,"prev":"` + 64 hex + `"`.
    static let prevMemberLength = 74
    /// The shortest possible line (without its newline).
    static let minimumLength = 40 + hashSuffixLength + prevMemberLength

    /// The complete line, newline included, and its hash.
    public static func encode(seq: Int64, at: String, op: OperatorID, ev: String, body: JSONObject,
                              prev: ChainHash) -> (bytes: [UInt8], hash: ChainHash) {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        out.append(contentsOf: Array(#"{"seq":"#.utf8))
        CanonicalJSON.appendInt(seq, to: &out)
        out.append(contentsOf: Array(#","at":"#.utf8))
        CanonicalJSON.appendString(at, to: &out)
        out.append(contentsOf: Array(#","op":"#.utf8))
        CanonicalJSON.appendString(op.rawValue, to: &out)
        out.append(contentsOf: Array(#","ev":"#.utf8))
        CanonicalJSON.appendString(ev, to: &out)
        out.append(contentsOf: Array(#","body":"#.utf8))
        CanonicalJSON.append(.object(body), to: &out)
        out.append(contentsOf: Array(#","prev":""#.utf8))
        prev.appendHex(to: &out)
        out.append(34)
        let hash = out.withUnsafeBytes { ChainHash.sha256($0, then: UInt8(ascii: "}")) }
        out.append(contentsOf: Array(#","hash":""#.utf8))
        hash.appendHex(to: &out)
        out.append(contentsOf: [34, 125, 10])
        return (out, hash)
    }

    /// What reading a line found.
    struct Parsed<Item> {
        var seq: Int64
        var prev: ChainHash
        var hash: ChainHash
        var item: Item?
    }

    /// Reads one line (without its newline), checks its structure and its own hash, and
    /// makes the reader's item of it when the reader reads the line. The hash is checked
    /// before the body is read, so a changed line is reported as changed whoever reads it.
    static func parse<Reader: LineReader>(_ p: UnsafePointer<UInt8>, count n: Int,
                                          reader: inout Reader) throws(LineFault) -> Parsed<Reader.Item> {
        guard n >= minimumLength else { throw LineFault("line too short to be an event") }
        let hashStart = n - hashSuffixLength
        var s = JSONScanner(p, from: 0, to: hashStart)
        try s.expect(literal: #"{"seq":"#)
        let seq = try s.integer()
        guard seq >= 1 else { throw LineFault("seq must be 1 or more") }
        let depth = reader.depth(seq: seq)
        if depth == .chain { return try linked(p, count: n, seq: seq) }
        try s.expect(literal: #","at":"#)
        let atStart = s.i
        try s.skipString()
        guard s.i - atStart == 27 || s.i - atStart == 22,
              let when = PlazaTime.parseRFC3339(p + atStart + 1, count: s.i - atStart - 2) else {
            throw LineFault("'at' is not an RFC 3339 time")
        }
        try s.expect(literal: #","op":"#)
        let opStart = s.i
        try s.skipString()
        try s.expect(literal: #","ev":"#)
        let evStart = s.i
        try s.skipString()
        let evCount = s.i - evStart - 2
        guard evCount > 0 else { throw LineFault("'ev' is empty") }
        try s.expect(literal: #","body":"#)
        let (prev, stored) = try chain(p, count: n)
        var item: Reader.Item?
        if depth == .read {
            let head = LineHead(bytes: p, seq: seq, instant: when.instant, offsetSeconds: when.offset, opStart: opStart,
                                evStart: evStart, evCount: evCount, prev: prev, hash: stored)
            item = try reader.item(head, body: &s)
        } else {
            try s.skipObject(depth: 1)
        }
        guard s.i == hashStart - prevMemberLength else {
            try s.expect(literal: #","prev":""#)
            throw LineFault("'prev' is not where it belongs")
        }
        return Parsed(seq: seq, prev: prev, hash: stored, item: item)
    }

    /// A line that a snapshot's state already holds (opening skips to the events after it):
    /// its seq, `prev` and `hash` are read where they always stand and its hash is computed,
    /// so the chain is checked as on every line; its fields, read when that state was built,
    /// are not read again. (`verify` reads every field of every line.)
    static func linked<Item>(_ p: UnsafePointer<UInt8>, count n: Int, seq: Int64) throws(LineFault) -> Parsed<Item> {
        let (prev, hash) = try chain(p, count: n)
        return Parsed(seq: seq, prev: prev, hash: hash, item: nil)
    }

    /// The line's `prev` and `hash` members, read where they always stand (the last
    /// ``prevMemberLength`` + ``hashSuffixLength`` bytes), and the hash checked.
    static func chain(_ p: UnsafePointer<UInt8>, count n: Int) throws(LineFault) -> (prev: ChainHash, hash: ChainHash) {
        let hashStart = n - hashSuffixLength
        var s = JSONScanner(p, from: hashStart - prevMemberLength, to: hashStart)
        try s.expect(literal: #","prev":""#)
        guard let prev = ChainHash(hexAt: p + s.i) else { throw LineFault("'prev' is not 64 lower-case hex digits") }
        s.i += 64
        try s.expect(UInt8(ascii: "\""))
        var t = JSONScanner(p, from: hashStart, to: n)
        try t.expect(literal: #","hash":""#)
        guard let stored = ChainHash(hexAt: p + t.i) else { throw LineFault("'hash' is not 64 lower-case hex digits") }
        t.i += 64
        try t.expect(literal: #""}"#)
        let computed = ChainHash.sha256(UnsafeRawBufferPointer(start: p, count: hashStart), then: UInt8(ascii: "}"))
        guard computed == stored else { throw LineFault("hash does not match the line's content") }
        return (prev, stored)
    }

    /// The string whose opening quote is at `start`, reused from `strings` when it has no
    /// escapes.
    static func plainString(_ p: UnsafePointer<UInt8>, at start: Int, strings: RecentStrings?) throws(LineFault) -> String {
        var k = start + 1
        while p[k] != UInt8(ascii: "\"") {
            if p[k] == UInt8(ascii: "\\") {
                var scanner = JSONScanner(p, from: start, to: Int.max)
                return try scanner.string()
            }
            k += 1
        }
        if let strings { return strings.string(p + start + 1, count: k - start - 1) }
        return String(decoding: UnsafeBufferPointer(start: p + start + 1, count: k - start - 1), as: UTF8.self)
    }
}
