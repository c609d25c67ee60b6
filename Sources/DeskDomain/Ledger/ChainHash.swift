import Crypto

/// A SHA-256 digest that links a ledger line to the one before it.
///
/// Kept as four words rather than bytes or hex so that comparing a million links while a
/// year opens costs nothing; written as 64 lower-case hex digits in the ledger.
public struct ChainHash: Hashable, Sendable, CustomStringConvertible {
    var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// 64 zeros: the `prev` of a book's very first line.
    public static let zero = ChainHash(w0: 0, w1: 0, w2: 0, w3: 0)

    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0; self.w1 = w1; self.w2 = w2; self.w3 = w3
    }

    /// The digest of 32 raw bytes.
    init(bytes p: UnsafeRawBufferPointer) {
        func word(_ at: Int) -> UInt64 {
            var v: UInt64 = 0
            for i in 0..<8 { v = v << 8 | UInt64(p[at + i]) }
            return v
        }
        self.init(w0: word(0), w1: word(8), w2: word(16), w3: word(24))
    }

    /// The 32 raw bytes (what ``init(bytes:)`` reads).
    var bytes: [UInt8] {
        [w0, w1, w2, w3].flatMap { w in (0..<8).map { UInt8(truncatingIfNeeded: w >> (56 - 8 * UInt64($0))) } }
    }

    /// Parses 64 lower-case hex digits.
    public init?(hex: String) {
        var utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        guard let h = utf8.withUnsafeMutableBufferPointer({ ChainHash(hexAt: UnsafePointer($0.baseAddress!)) }) else { return nil }
        self = h
    }

    /// Parses 64 lower-case hex digits at a pointer (the caller checked there are 64 bytes).
    init?(hexAt p: UnsafePointer<UInt8>) {
        let raw = UnsafeRawPointer(p)
        var ok = true
        let a = ChainHash.word(raw, &ok), b = ChainHash.word(raw + 16, &ok)
        let c = ChainHash.word(raw + 32, &ok), d = ChainHash.word(raw + 48, &ok)
        guard ok else { return nil }
        self.init(w0: a, w1: b, w2: c, w3: d)
    }

    /// Sixteen hex digits to a word, eight at a time (SWAR); clears `ok` on a byte that is
    /// not `0-9a-f`.
    @inline(__always)
    static func word(_ p: UnsafeRawPointer, _ ok: inout Bool) -> UInt64 {
        let hi = octet(UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)), &ok)
        let lo = octet(UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), &ok)
        return UInt64(hi) << 32 | UInt64(lo)
    }

    /// Eight hex digits (first digit in the lowest byte) to 32 bits.
    @inline(__always)
    static func octet(_ x: UInt64, _ ok: inout Bool) -> UInt32 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Valid bytes: 0x30-0x39 or 0x61-0x66. All are < 0x80.
        let isLetter = (x >> 6) & ones                       // 1 where 0x40-0x7f
        let low = x & (0x0F * ones)
        // digits: byte - 0x30 in 0...9  -> (x ^ 0x30*ones) has no bits above 0x0F and low <= 9
        // letters: byte - 0x60 in 1...6
        let expectedTop = (0x30 * ones) &+ isLetter &* 0x30   // 0x30 for digits, 0x60 for letters
        let topOK = (x & (0xF0 * ones)) ^ expectedTop          // 0 in every byte when the top nibble fits
        let maxLow = (9 * ones) &- isLetter &* 3               // digits allow 0-9, letters 1-6 (checked below)
        let tooBig = ((maxLow | high) &- low) & high            // high bit cleared where low > max
        let letterZero = isLetter & ~(((low | high) &- ones) >> 7) & ones // letter with low 0 ('`')
        if topOK != 0 || tooBig != high || letterZero != 0 || x & high != 0 { ok = false }
        let nib = low &+ isLetter &* 9
        // Bytes b0..b7 (b0 lowest) hold nibbles n0..n7; result is n0 n1 … n7.
        let pairs = ((nib & 0x000F_000F_000F_000F) << 4) | ((nib >> 8) & 0x000F_000F_000F_000F)
        let b0 = UInt32(pairs & 0xFF), b1 = UInt32((pairs >> 16) & 0xFF)
        let b2 = UInt32((pairs >> 32) & 0xFF), b3 = UInt32((pairs >> 48) & 0xFF)
        return b0 << 24 | b1 << 16 | b2 << 8 | b3
    }

    /// SHA-256 of `bytes` followed by the bytes of `tail`.
    static func sha256(_ bytes: UnsafeRawBufferPointer, then tail: UInt8) -> ChainHash {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        withUnsafeBytes(of: tail) { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { ChainHash(bytes: $0) }
    }

    /// SHA-256 of some bytes.
    public static func sha256(_ bytes: UnsafeRawBufferPointer) -> ChainHash {
        SHA256.hash(data: bytes).withUnsafeBytes { ChainHash(bytes: $0) }
    }

    /// Appends the 64 hex digits.
    func appendHex(to out: inout [UInt8]) {
        for w in [w0, w1, w2, w3] {
            var shift: UInt64 = 60
            for _ in 0..<16 {
                out.append(CanonicalJSON.hexDigit(UInt8((w >> shift) & 15)))
                shift &-= 4
            }
        }
    }

    /// The 64 lower-case hex digits.
    public var hex: String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        appendHex(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    /// The first 12 hex digits, for screens and one-line reports.
    public var short: String { String(hex.prefix(12)) }
}
