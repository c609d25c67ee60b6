import Glibc

/// Text keys with a short text value each, packed into three flat arrays.
///
/// Receipt keys ("this receipt already earned points", "this receipt is on a live
/// invoice") number in the hundreds of thousands in a busy year. As `[String: String]`
/// each costs two heap strings and a dictionary slot, and loading a snapshot rebuilds them
/// one allocation at a time. Here a key is its UTF-8 bytes in one buffer and four numbers
/// in another, found through an open-addressing index (``SlotIndex``) over a hash of those
/// bytes: a few times less memory, and a snapshot stores and loads the buffers in block
/// copies.
///
/// Keys compare by their bytes, like ``TextKey``: the desk builds its keys itself, in one
/// spelling. Nothing is taken out of the buffers: removing a key marks it absent, and
/// setting it again reuses its place.
///
///     var used = TextKeyTable()
///     used["屈臣氏 R2026"] = "PC00010002"
///     used["屈臣氏 R2026"]        // "PC00010002"
///     used["屈臣氏 R2026"] = nil  // absent again
public struct TextKeyTable: Sendable {
    /// Every key's bytes, each followed by its value's (a changed value is appended).
    private var text: [UInt8] = []
    /// Four numbers per key, in the order first set: key offset, key length, value offset,
    /// value length (``absent`` when the key was removed).
    private var entries: [UInt32] = []
    /// Entries by a hash of their key's bytes.
    private var index = SlotIndex()
    /// Keys present.
    public private(set) var count = 0
    /// Where the value last set lies: an equal value set next (the receipts of one invoice
    /// all name that invoice) points there instead of being written again.
    private var lastValue: (offset: UInt32, length: UInt32)?

    static let absent = UInt32.max

    public init() {}

    public var isEmpty: Bool { count == 0 }

    /// The bytes of keys and values held (removed ones included).
    var textBytes: Int { text.count }

    /// The value of `key`; setting nil removes it.
    public subscript(key: String) -> String? {
        get {
            var key = key
            return key.withUTF8 { k in find(k).flatMap { value(of: $0) } }
        }
        set {
            var key = key
            key.withUTF8 { k in set(k, newValue) }
        }
    }

    /// Every key present with its value, in the order first set.
    public var pairs: [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        out.reserveCapacity(count)
        for e in 0..<entries.count / 4 where entries[4 * e + 3] != Self.absent {
            out.append((string(entries[4 * e], entries[4 * e + 1]), value(of: e)!))
        }
        return out
    }

    // MARK: - Finding

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h = FNVHash()
        h.combine(bytes)
        return h.value
    }

    /// The entry holding `key` (present or removed), if it was ever set.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        index.find(Self.hash(key)) { keyEquals($0, key) }
    }

    /// The hash of entry `e`'s key (for growing the index).
    private static func hash(ofEntry e: Int, text: [UInt8], entries: [UInt32]) -> Int {
        let offset = Int(entries[4 * e]), length = Int(entries[4 * e + 1])
        return text.withUnsafeBufferPointer { hash(UnsafeBufferPointer(rebasing: $0[offset..<offset + length])) }
    }

    private func keyEquals(_ e: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let offset = Int(entries[4 * e]), length = Int(entries[4 * e + 1])
        guard length == key.count else { return false }
        return text.withUnsafeBufferPointer { t in
            length == 0 || memcmp(t.baseAddress! + offset, key.baseAddress!, length) == 0
        }
    }

    private func value(of e: Int) -> String? {
        let length = entries[4 * e + 3]
        return length == Self.absent ? nil : string(entries[4 * e + 2], length)
    }

    private func string(_ offset: UInt32, _ length: UInt32) -> String {
        text.withUnsafeBufferPointer { t in
            String(decoding: UnsafeBufferPointer(rebasing: t[Int(offset)..<Int(offset) + Int(length)]), as: UTF8.self)
        }
    }

    // MARK: - Changing

    /// The offset of a value's bytes: those of the value last set when they are the same,
    /// else appended.
    private mutating func appendValue(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let (offset, length) = lastValue, Int(length) == bytes.count,
           text.withUnsafeBufferPointer({ UnsafeBufferPointer(rebasing: $0[Int(offset)..<Int(offset) + Int(length)]) }).elementsEqual(bytes) {
            return offset
        }
        let offset = UInt32(text.count)
        text.append(contentsOf: bytes)
        lastValue = (offset, UInt32(bytes.count))
        return offset
    }

    private mutating func set(_ key: UnsafeBufferPointer<UInt8>, _ newValue: String?) {
        if let e = find(key) {
            let wasPresent = entries[4 * e + 3] != Self.absent
            guard var v = newValue else {
                if wasPresent { entries[4 * e + 3] = Self.absent; count -= 1 }
                return
            }
            if wasPresent && value(of: e) == v { return }
            v.withUTF8 { vb in
                entries[4 * e + 2] = appendValue(vb)
                entries[4 * e + 3] = UInt32(vb.count)
            }
            if !wasPresent { count += 1 }
            return
        }
        guard var v = newValue else { return }
        let e = entries.count / 4
        v.withUTF8 { vb in
            entries.append(UInt32(text.count))
            entries.append(UInt32(key.count))
            text.append(contentsOf: key)
            entries.append(appendValue(vb))
            entries.append(UInt32(vb.count))
        }
        count += 1
        let (allText, allEntries) = (text, entries)
        index.add(e, hash: Self.hash(key)) { Self.hash(ofEntry: $0, text: allText, entries: allEntries) }
    }
}

extension TextKeyTable: Equatable {
    /// The same keys with the same values (however the buffers came to be laid out).
    public static func == (a: TextKeyTable, b: TextKeyTable) -> Bool {
        a.count == b.count && a.pairs.allSatisfy { b[$0.key] == $0.value }
    }
}

extension TextKeyTable: SnapshotCoding {
    /// The three arrays as they are in memory: loading is three block copies and one pass
    /// that checks every number points inside them.
    public func encode(to e: inout SnapshotEncoder) {
        e.blob(text)
        e.words(entries)
        e.words(index.slots)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        text = try d.blob()
        entries = try d.words()
        let slots = try d.words()
        let n = entries.count / 4
        guard entries.count % 4 == 0 else { throw SnapshotDecodingError("key table entries come in fours") }
        index = try SlotIndex(validating: slots, count: n)
        var present = 0
        for e in 0..<n {
            let k = Int(entries[4 * e]), kl = Int(entries[4 * e + 1]), v = Int(entries[4 * e + 2]), vl = entries[4 * e + 3]
            guard k <= text.count, kl <= text.count - k else { throw SnapshotDecodingError("a key past the key table's text") }
            if vl != Self.absent {
                guard v <= text.count, Int(vl) <= text.count - v else { throw SnapshotDecodingError("a value past the key table's text") }
                present += 1
            }
        }
        count = present
    }
}
