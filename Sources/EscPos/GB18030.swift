import Glibc

/// GB18030, the encoding Chinese receipt printers read in their Chinese mode, through
/// glibc's iconv (its `GB18030` converter ships with libc6: nothing to install).
///
/// GB18030 covers all of Unicode, so encoding never loses a character: ASCII stays one
/// byte, the common Chinese characters (GB2312 and GBK) take two, everything else four.
public enum GB18030 {
    /// The bytes of `text`; nil only if iconv has no GB18030 converter on this machine.
    public static func encode(_ text: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
    }

    /// The text of GB18030 `bytes`; nil when they are not valid GB18030 (or iconv has no
    /// converter).
    public static func decode(_ bytes: [UInt8]) -> String? {
        guard let utf8 = convert(bytes, from: "GB18030", to: "UTF-8") else { return nil }
        return String(validating: utf8, as: UTF8.self)
    }

    /// How many bytes the GB18030 sequence starting with `lead`, `second` takes: 1 for
    /// ASCII, 4 when the second byte is a digit (0x30–0x39), else 2; nil when `lead`
    /// cannot start a character (0x80, 0xFF).
    public static func sequenceLength(lead: UInt8, second: UInt8?) -> Int? {
        if lead < 0x80 { return 1 }
        guard lead >= 0x81 && lead <= 0xFE else { return nil }
        guard let second else { return 2 }
        return (0x30...0x39).contains(second) ? 4 : 2
    }

    /// One iconv descriptor per call: a descriptor keeps shift state and is not safe to
    /// share between threads, and a slip is a few hundred bytes.
    static func convert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        guard let cd, cd != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        if input.isEmpty { return [] }
        var source = input.map { CChar(bitPattern: $0) }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress
                var inLeft = src.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(dst.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = dst.count
                // The whole input at once; a failure (invalid or cut sequence) is a refusal.
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return nil }
                // Flush any shift state (none for these encodings, but iconv asks for it).
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }
                return dst.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output.prefix(produced))
    }
}
