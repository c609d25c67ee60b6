/// Writes a state's snapshot in the snapshot's compact binary form.
///
/// A snapshot is derived data that only this program reads back, so it needs no
/// self-description: each type writes its fields in a fixed order and reads them back in
/// the same order (``SnapshotCoding``). That is what makes opening a heavy year from
/// snapshots fast: no text to parse, no keys to look up, no intermediate values.
///
///     extension Money: SnapshotCoding {
///         public func encode(to e: inout SnapshotEncoder) { e.int(fen) }
///         public init(from d: inout SnapshotDecoder) throws { self.init(fen: try d.int()) }
///     }
public struct SnapshotEncoder {
    /// What was written (since the last spill, when spilling).
    public private(set) var bytes: [UInt8] = []
    /// Takes each full chunk when writing straight to a file, so a large state never sits in
    /// memory twice (as itself and as its snapshot); nil keeps everything in ``bytes``.
    let spill: ((UnsafeRawBufferPointer) -> Void)?
    static let chunkBytes = 1 << 20

    public init() {
        spill = nil
        bytes.reserveCapacity(1 << 16)
    }

    /// An encoder that hands its bytes to `spill` a chunk at a time; call ``flush()`` at the end.
    init(spill: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.spill = spill
        bytes.reserveCapacity(Self.chunkBytes + (1 << 16))
    }

    /// Hands what is in ``bytes`` to the spill (nothing without one).
    mutating func flush() {
        guard let spill, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes(spill)
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func spillIfFull() {
        if bytes.count >= Self.chunkBytes && spill != nil { flush() }
    }

    /// A signed integer as a zig-zag varint (small numbers take one byte).
    public mutating func int(_ v: Int64) {
        var z = UInt64(bitPattern: (v << 1) ^ (v >> 63))
        while z >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: z) | 0x80)
            z >>= 7
        }
        bytes.append(UInt8(z))
        spillIfFull()
    }

    public mutating func int(_ v: Int) { int(Int64(v)) }
    public mutating func int(_ v: Int32) { int(Int64(v)) }

    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

    /// UTF-8 bytes after their count.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            int(buf.count)
            bytes.append(contentsOf: buf)
        }
        spillIfFull()
    }

    /// Raw bytes after their count.
    public mutating func blob(_ b: [UInt8]) {
        int(b.count)
        b.withUnsafeBytes { raw($0) }
    }

    /// Bytes as they are, without a count (the caller wrote how many will follow).
    mutating func raw(_ b: UnsafeRawBufferPointer) {
        // A large block (a key table's text) goes to the spill as it is, not through bytes.
        if let spill, b.count >= Self.chunkBytes {
            flush()
            spill(b)
            return
        }
        bytes.append(contentsOf: b)
        spillIfFull()
    }

    /// 32-bit numbers after their count, four little-endian bytes each: a block copy for
    /// tables of numbers (``TextKeyTable``).
    public mutating func words(_ w: [UInt32]) {
        int(w.count)
        #if _endian(little)
        w.withUnsafeBytes { raw($0) }
        #else
        for x in w { withUnsafeBytes(of: x.littleEndian) { raw($0) } }
        #endif
    }

    /// A count, then each element.
    public mutating func array<C: Collection>(_ a: C, _ write: (inout SnapshotEncoder, C.Element) -> Void) {
        int(a.count)
        for x in a { write(&self, x) }
    }

    public mutating func array<C: Collection>(_ a: C) where C.Element: SnapshotCoding { array(a) { e, x in x.encode(to: &e) } }

    /// A presence byte, then the value when present.
    public mutating func optional<T>(_ v: T?, _ write: (inout SnapshotEncoder, T) -> Void) {
        guard let v else { bytes.append(0); return }
        bytes.append(1)
        write(&self, v)
    }

    public mutating func optional(_ v: String?) { optional(v) { $0.string($1) } }
    public mutating func optional(_ v: Int64?) { optional(v) { $0.int($1) } }
    public mutating func optional<T: SnapshotCoding>(_ v: T?) { optional(v) { e, x in x.encode(to: &e) } }

    public mutating func value<T: SnapshotCoding>(_ v: T) { v.encode(to: &self) }

    /// A `String`-backed enum, by its raw value.
    public mutating func raw<T: RawRepresentable>(_ v: T) where T.RawValue == String { string(v.rawValue) }

    /// A dictionary as a count and key/value pairs, in the order of its keys' sort, so that
    /// the same state always writes the same bytes.
    public mutating func dictionary<K: Comparable, V>(_ d: [K: V], key: (inout SnapshotEncoder, K) -> Void,
                                                      value: (inout SnapshotEncoder, V) -> Void) {
        int(d.count)
        for k in d.keys.sorted() {
            key(&self, k)
            value(&self, d[k]!)
        }
    }
}

/// A type that writes itself into a snapshot and reads itself back, field by field in one
/// fixed order.
public protocol SnapshotCoding {
    func encode(to e: inout SnapshotEncoder)
    init(from d: inout SnapshotDecoder) throws
}
