/// FNV-1a over bytes: the same in every process (unlike `Hasher`, which is seeded per run),
/// cheap on the short texts the desk indexes itself (receipt keys, invoice numbers).
///
/// Not for keys an outsider chooses to collide: every table using it compares the keys
/// themselves after the hash.
struct FNVHash {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(byte: UInt8) { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine($0) }
    }

    /// The hash, its high bits folded into the low ones (tables index by the low bits).
    var value: Int { Int(truncatingIfNeeded: h ^ (h >> 29)) }
}
