import Crypto

/// The data directory's key as text a lead can write down and type back: 52 Crockford
/// base32 letters of the 32 bytes, then a check group of 4 (the first 20 bits of the key's
/// SHA-256), in groups of four.
///
///     ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN-PQRS-TVW0-K7Q2
///
/// Reading ignores case, spaces and dashes and takes O as 0 and I, L as 1 (Crockford's
/// rules); a letter outside the alphabet, a wrong length or a check group that does not
/// match (a mistyped or swapped letter) is refused.
public enum KeyRecoveryText {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The recovery text of `key`.
    public static func encode(_ key: PersonalDataKey) -> String {
        var letters = base32(key.bytes, count: 52)
        letters += base32(check(key.bytes), count: 4)
        var groups: [String] = []
        var i = 0
        while i < letters.count {
            groups.append(String(decoding: letters[i..<min(i + 4, letters.count)], as: UTF8.self))
            i += 4
        }
        return groups.joined(separator: "-")
    }

    /// The key a recovery text holds; throws ``KeyError/mistyped(detail:)``.
    public static func decode(_ text: String) throws -> PersonalDataKey {
        var values: [UInt8] = []
        for c in text.uppercased().utf8 {
            switch c {
            case UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "O"): values.append(0)
            case UInt8(ascii: "I"), UInt8(ascii: "L"): values.append(1)
            default:
                guard let v = alphabet.firstIndex(of: c) else {
                    throw KeyError.mistyped(detail: "'\(String(decoding: [c], as: UTF8.self))' is not one of its letters")
                }
                values.append(UInt8(v))
            }
        }
        guard values.count == 56 else { throw KeyError.mistyped(detail: "\(values.count) letters, not 56") }
        guard let bytes = bytes(values[0..<52], count: 32) else {
            throw KeyError.mistyped(detail: "the check group does not match")
        }
        let typed = values[52..<56].map { alphabet[Int($0)] }
        guard typed == base32(check(bytes), count: 4) else { throw KeyError.mistyped(detail: "the check group does not match") }
        return PersonalDataKey(bytes: bytes)
    }

    /// The first 20 bits of SHA-256 of the key, as 3 bytes (the last 4 bits zero).
    static func check(_ bytes: [UInt8]) -> [UInt8] {
        let d = Array(SHA256.hash(data: bytes))
        return [d[0], d[1], d[2] & 0xF0]
    }

    /// `count` base32 letters of the bits of `bytes`, most significant first, zero-padded.
    static func base32(_ bytes: [UInt8], count: Int) -> [UInt8] {
        var out: [UInt8] = []
        var acc = 0, bits = 0
        for b in bytes {
            acc = (acc << 8) | Int(b); bits += 8
            while bits >= 5 && out.count < count { bits -= 5; out.append(alphabet[(acc >> bits) & 31]) }
            acc &= (1 << bits) - 1
        }
        if bits > 0 && out.count < count { out.append(alphabet[(acc << (5 - bits)) & 31]) }
        return out
    }

    /// The bytes of base32 values; nil when the padding bits are not zero.
    static func bytes(_ values: ArraySlice<UInt8>, count: Int) -> [UInt8]? {
        var out: [UInt8] = []
        var acc = 0, bits = 0
        for v in values {
            acc = (acc << 5) | Int(v); bits += 5
            if bits >= 8 && out.count < count { bits -= 8; out.append(UInt8((acc >> bits) & 0xFF)) }
            acc &= (1 << bits) - 1
        }
        // What is left over (4 bits after 32 bytes: 260 - 256) must be zero padding.
        guard out.count == count, acc == 0 else { return nil }
        return out
    }
}
