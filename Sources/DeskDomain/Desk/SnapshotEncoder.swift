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
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(1 << 16) }

    /// A signed integer as a zig-zag varint (small numbers take one byte).
    public mutating func int(_ v: Int64) {
        var z = UInt64(bitPattern: (v << 1) ^ (v >> 63))
        while z >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: z) | 0x80)
            z >>= 7
        }
        bytes.append(UInt8(z))
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
    }

    /// Raw bytes after their count.
    public mutating func blob(_ b: [UInt8]) {
        int(b.count)
        bytes.append(contentsOf: b)
    }

    /// 32-bit numbers after their count, four little-endian bytes each: a block copy for
    /// tables of numbers (``TextKeyTable``).
    public mutating func words(_ w: [UInt32]) {
        int(w.count)
        #if _endian(little)
        w.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for x in w { withUnsafeBytes(of: x.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }

    /// A count, then each element.
    public mutating func array<T>(_ a: [T], _ write: (inout SnapshotEncoder, T) -> Void) {
        int(a.count)
        for x in a { write(&self, x) }
    }

    public mutating func array<T: SnapshotCoding>(_ a: [T]) { array(a) { e, x in x.encode(to: &e) } }

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
