import Glibc

/// Reads back what ``SnapshotEncoder`` wrote, in the same order.
///
/// Every read checks that the bytes are there and make sense (a count never larger than
/// what is left, text that is UTF-8); anything else throws ``SnapshotDecodingError`` and the
/// book is simply replayed instead, since a snapshot is never the truth.
public struct SnapshotDecoder {
    let base: UnsafePointer<UInt8>
    let end: Int
    var i = 0
    /// The operator read last: most fields that name one name the same few clerks.
    var lastOperator: OperatorID?

    /// For bytes of a mapped file: the mapping's start, and how far (from it) pages have
    /// been given back.
    var mapping: UnsafeRawPointer?
    var released = 0
    static let releaseBytes = 4 << 20

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = buffer.count
    }

    /// Decodes the bytes of a file mapped at `mapped` (page-aligned; `bytes` lie inside the
    /// mapping) with `body`, giving the decoded pages back to the system as it goes: the
    /// file's pages stay in the page cache, only this process stops holding them.
    static func decode<T>(_ bytes: UnsafeBufferPointer<UInt8>, mapped: UnsafeMutableRawPointer,
                          _ body: (inout SnapshotDecoder) throws -> T) throws -> T {
        var d = SnapshotDecoder(bytes)
        d.mapping = UnsafeRawPointer(mapped)
        let v = try body(&d)
        guard d.i == d.end else { throw SnapshotDecodingError("\(d.end - d.i) bytes left over") }
        return v
    }

    /// Gives back the mapped pages wholly before the read position, every few MiB.
    @inline(__always)
    mutating func releaseDecoded() {
        guard let mapping else { return }
        let upTo = UnsafeRawPointer(base + i) - mapping
        guard upTo - released >= Self.releaseBytes else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let cut = upTo / page * page
        madvise(UnsafeMutableRawPointer(mutating: mapping) + released, cut - released, MADV_DONTNEED)
        released = cut
    }

    /// Decodes `bytes` (from offset `from`) with `body`, which must read all of them.
    public static func decode<T>(_ bytes: [UInt8], from: Int = 0, _ body: (inout SnapshotDecoder) throws -> T) throws -> T {
        try bytes.withUnsafeBufferPointer { whole in
            let buf = UnsafeBufferPointer(rebasing: whole[from...])
            var d = SnapshotDecoder(buf)
            let v = try body(&d)
            guard d.i == d.end else { throw SnapshotDecodingError("\(d.end - d.i) bytes left over") }
            return v
        }
    }

    public var isAtEnd: Bool { i == end }

    public mutating func int() throws -> Int64 {
        var z: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < end else { throw SnapshotDecodingError("cut short") }
            let b = base[i]
            i += 1
            guard shift < 64 else { throw SnapshotDecodingError("number too long") }
            z |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int64(bitPattern: z >> 1) ^ -Int64(bitPattern: z & 1)
    }

    public mutating func intValue() throws -> Int {
        let v = try int()
        guard let n = Int(exactly: v) else { throw SnapshotDecodingError("number out of range") }
        return n
    }

    /// A count of things still to read (each takes at least one byte).
    public mutating func count() throws -> Int {
        releaseDecoded()
        let n = try int()
        guard n >= 0, n <= Int64(end - i) else { throw SnapshotDecodingError("a count of \(n) with \(end - i) bytes left") }
        return Int(n)
    }

    public mutating func bool() throws -> Bool {
        guard i < end else { throw SnapshotDecodingError("cut short") }
        let b = base[i]
        i += 1
        guard b <= 1 else { throw SnapshotDecodingError("not true/false") }
        return b == 1
    }

    /// Texts read lately, by a hash of their bytes: the same shop, place or clerk's name in
    /// thousands of records becomes one string instead of thousands of copies.
    private var recent: [String?] = []
    static let recentSlots = 4096

    public mutating func string() throws -> String {
        let n = try count()
        let buf = UnsafeBufferPointer(start: base + i, count: n)
        i += n
        // Texts of up to 15 bytes live inside the String itself: nothing to share.
        guard n > 15 else { return try Self.text(buf) }
        var h = FNVHash()
        h.combine(buf)
        let slot = h.value & (Self.recentSlots - 1)
        if recent.isEmpty { recent = Array(repeating: nil, count: Self.recentSlots) }
        if var seen = recent[slot], seen.withUTF8({ $0.count == n && memcmp($0.baseAddress!, buf.baseAddress!, n) == 0 }) {
            return seen
        }
        let s = try Self.text(buf)
        recent[slot] = s
        return s
    }

    static func text(_ buf: UnsafeBufferPointer<UInt8>) throws -> String {
        let n = buf.count
        // Decoding repairs bad UTF-8 (with U+FFFD), so valid text is exactly what comes back;
        // cheaper than String(validating:), whose generic path dominated reading a snapshot.
        var s = String(decoding: buf, as: UTF8.self)
        let same = s.withUTF8 { $0.count == n && (n == 0 || memcmp($0.baseAddress!, buf.baseAddress!, n) == 0) }
        guard same else { throw SnapshotDecodingError("text is not UTF-8") }
        return s
    }

    /// Raw bytes written by ``SnapshotEncoder/blob(_:)``.
    public mutating func blob() throws -> [UInt8] {
        let n = try count()
        defer { i += n }
        return Array(UnsafeBufferPointer(start: base + i, count: n))
    }

    /// Numbers written by ``SnapshotEncoder/words(_:)``.
    public mutating func words() throws -> [UInt32] {
        let n = try int()
        guard n >= 0, n <= Int64(end - i) / 4 else { throw SnapshotDecodingError("\(n) numbers with \(end - i) bytes left") }
        let count = Int(n)
        let from = base + i
        i += 4 * count
        return [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
            UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(start: from, count: 4 * count))
            #if !_endian(little)
            for k in 0..<count { out[k] = UInt32(littleEndian: out[k]) }
            #endif
            initialized = count
        }
    }

    public mutating func array<T>(_ read: (inout SnapshotDecoder) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    public mutating func array<T: SnapshotCoding>(of: T.Type = T.self) throws -> [T] { try array { try T(from: &$0) } }

    public mutating func optional<T>(_ read: (inout SnapshotDecoder) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func optionalString() throws -> String? { try optional { try $0.string() } }
    public mutating func optionalInt() throws -> Int64? { try optional { try $0.int() } }
    public mutating func optional<T: SnapshotCoding>(of: T.Type = T.self) throws -> T? { try optional { try T(from: &$0) } }

    public mutating func value<T: SnapshotCoding>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    /// A value of a `String`-backed enum, by its raw value.
    public mutating func raw<T: RawRepresentable>(_: T.Type = T.self) throws -> T where T.RawValue == String {
        let s = try string()
        guard let v = T(rawValue: s) else { throw SnapshotDecodingError("\(T.self) has no '\(s)'") }
        return v
    }

    public mutating func dictionary<K: Hashable, V>(key: (inout SnapshotDecoder) throws -> K,
                                                    value: (inout SnapshotDecoder) throws -> V) throws -> [K: V] {
        let n = try count()
        var d: [K: V] = [:]
        d.reserveCapacity(n)
        for _ in 0..<n {
            let k = try key(&self)
            d[k] = try value(&self)
        }
        return d
    }
}
