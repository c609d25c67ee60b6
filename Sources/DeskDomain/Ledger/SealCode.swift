import Crypto

/// The short code of one shift close: a digest over every book's head at that close, that
/// a lead writes in the shift log and signs, so the day can be proved from paper even when
/// every file on the machine was rewritten.
///
///     7K2Q-9XHM-4T8B-PZ3D
///
/// 16 characters of Crockford base32 (no I, L, O or U) in groups of four: the first 80 bits
/// of SHA-256 over, in this order and as UTF-8 text,
///
///     plazadesk seal v1\n
///     year 2026\n
///     <book> <seq> <hash hex>\n        one per book, by name, the shift book's own head
///                                     before the close line included (seq 0 in a new year)
///     close <seq> <operator>\n         the `shift.closed` line's seq and operator
///     <its body in canonical JSON, without the sealCode member>
///
/// Everything it covers is in the `shift.closed` line itself (`seals`, `prev`, the body), so
/// the code of any close — old ones without a stored code too — is recomputed from the
/// ledger; the stored `sealCode` member is only for showing. The printed close slip and
/// head office use this same type.
public struct SealCode: Hashable, Sendable, CustomStringConvertible {
    /// The 16 characters, without dashes.
    public let characters: String

    /// The `shift.closed` body member that holds the code (closes from this version on).
    public static let bodyKey = "sealCode"
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let length = 16

    /// Grouped by four: `7K2Q-9XHM-4T8B-PZ3D`.
    public var description: String {
        var out = ""
        for (i, c) in characters.enumerated() {
            if i > 0 && i % 4 == 0 { out.append("-") }
            out.append(c)
        }
        return out
    }

    init(characters: String) { self.characters = characters }

    /// Reads a code as a lead types it: with or without dashes and spaces, any case; O is
    /// read as 0 and I or L as 1 (Crockford's rule). Nil when it is not 16 code characters.
    public init?(_ text: String) {
        var out = ""
        for ch in text.uppercased() {
            switch ch {
            case "-", " ": continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard Self.alphabet.contains(ch) else { return nil }
                out.append(ch)
            }
        }
        guard out.count == Self.length else { return nil }
        characters = out
    }

    /// The code of a close: `heads` are every other book's heads (as in `seals`),
    /// `shiftHead` the shift book's head before the close line.
    public static func compute(year: Int, heads: [BookName: BookHead], shiftHead: BookHead, closeSeq: Int64,
                               op: OperatorID, body: JSONObject) -> SealCode {
        var all = heads
        all[.shift] = shiftHead
        var text = "plazadesk seal v1\nyear \(year)\n"
        for (b, h) in all.sorted(by: { $0.key < $1.key }) { text += "\(b.rawValue) \(h.seq) \(h.hash.hex)\n" }
        text += "close \(closeSeq) \(op.rawValue)\n"
        var bytes = Array(text.utf8)
        var plain = body
        plain[bodyKey] = nil
        CanonicalJSON.append(.object(plain), to: &bytes)
        return SealCode(digest: Array(SHA256.hash(data: bytes)))
    }

    /// The code of a `shift.closed` record, recomputed from what the line holds; nil for
    /// any other event.
    public static func of(_ r: LedgerRecord) -> SealCode? {
        guard r.ev == LedgerSeal.event else { return nil }
        return compute(year: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year, heads: BookHead.heads(r.body[LedgerSeal.bodyKey]),
                       shiftHead: BookHead(seq: r.seq - 1, hash: r.prev), closeSeq: r.seq, op: r.op, body: r.body)
    }

    /// The code stored in a close's body, if any (for showing; checks recompute it).
    public static func stored(in r: LedgerRecord) -> SealCode? {
        r.body[bodyKey]?.stringValue.flatMap(SealCode.init)
    }

    /// The first 80 bits of a digest as 16 base32 characters.
    init(digest: [UInt8]) {
        var out = ""
        var acc: UInt32 = 0, bits = 0
        for b in digest.prefix(10) {
            acc = (acc << 8) | UInt32(b); bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(Self.alphabet[Int((acc >> UInt32(bits)) & 31)])
            }
        }
        characters = out
    }
}

/// `plazadesk verify --seal CODE`: whether the books still hold the day a seal code was
/// written down for.
public enum SealCheck {
    /// What checking a code found.
    public enum Outcome: Equatable, Sendable {
        /// The close with this code, and every book it names holds that line at that seq
        /// with a sound chain up to it.
        case holds(shift: String, year: Int, books: Int, closedAt: String)
        /// No close in the shift books recomputes to this code.
        case noClose
        /// The close was found, but a book no longer holds its head.
        case broken(shift: String, book: BookName, year: Int, seq: Int64, reason: String)
    }

    /// Finds the close whose recomputed code is `code` and checks every book it names.
    public static func check(_ code: SealCode, data: DataDirectory) throws -> Outcome {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        for year in data.years() {
            let path = LedgerPaths.bookPath(data, year: year, book: .shift)
            guard POSIXFile.exists(path) else { continue }
            var found: LedgerRecord?
            let prev = try LedgerPaths.incomingPrev(data, year: year, book: .shift)
            _ = try BookScanner.scan(path: path, startPrev: prev, decode: true) { records in
                for r in records where found == nil && r.ev == LedgerSeal.event && SealCode.of(r) == code { found = r }
            }
            guard let close = found else { continue }
            return try check(close, year: year, data: data)
        }
        return .noClose
    }

    static func check(_ close: LedgerRecord, year: Int, data: DataDirectory) throws -> Outcome {
        let shift = close.body["shift"]?.stringValue ?? "?"
        var heads = BookHead.heads(close.body[LedgerSeal.bodyKey])
        heads[.shift] = BookHead(seq: close.seq, hash: close.hash)   // the close line itself, and the chain to it
        for (b, h) in heads.sorted(by: { $0.key < $1.key }) where h.seq > 0 {
            let path = LedgerPaths.bookPath(data, year: year, book: b)
            guard POSIXFile.exists(path) else {
                return .broken(shift: shift, book: b, year: year, seq: h.seq, reason: "the book has no file")
            }
            let prev = try LedgerPaths.incomingPrev(data, year: year, book: b)
            let scan = try BookScanner.scan(path: path, startPrev: prev, decode: false, collect: [h.seq])
            if let p = scan.problem, p.seq <= h.seq {
                return .broken(shift: shift, book: b, year: year, seq: p.seq, reason: p.reason)
            }
            guard let got = scan.collectedHashes[h.seq] else {
                return .broken(shift: shift, book: b, year: year, seq: h.seq, reason: "the book ends at seq \(scan.lastSeq)")
            }
            if got != h.hash {
                return .broken(shift: shift, book: b, year: year, seq: h.seq, reason: "the line differs from the one sealed")
            }
        }
        let t = PlazaTime(offsetSeconds: close.offsetSeconds).civil(close.instant)
        return .holds(shift: shift, year: year, books: heads.filter { $0.value.seq > 0 }.count, closedAt: t.dateString + " " + t.timeString)
    }
}
