import Glibc

/// Why a line is not a sound ledger line: a short reason for `verify` to print.
public struct LineFault: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Reads canonical JSON (as ``CanonicalJSON`` writes it) straight from bytes.
///
/// It is the reason a year opens in about a second instead of eighteen: no Foundation,
/// no intermediate copies, and it refuses any other spelling (spaces, floats, unsorted
/// or repeated keys, needless escapes), so that what it accepts re-encodes to the same
/// bytes. Nesting deeper than ``maxDepth`` is refused rather than followed.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    var i: Int
    let end: Int

    static let maxDepth = 16

    init(_ base: UnsafePointer<UInt8>, from: Int, to: Int) { self.base = base; i = from; self.end = to }

    @inline(__always) func peek() -> UInt8? { i < end ? base[i] : nil }

    @inline(__always) mutating func expect(_ c: UInt8) throws(LineFault) {
        guard i < end, base[i] == c else { throw LineFault("expected '\(Character(Unicode.Scalar(c)))' at byte \(i)") }
        i += 1
    }

    /// Checks that the literal bytes come next and steps over them.
    @inline(__always) mutating func expect(literal: StaticString) throws(LineFault) {
        let n = literal.utf8CodeUnitCount
        guard end - i >= n, memcmp(base + i, literal.utf8Start, n) == 0 else {
            throw LineFault("expected \(literal) at byte \(i)")
        }
        i += n
    }

    mutating func value(depth: Int = 0) throws(LineFault) -> JSONValue {
        guard let c = peek() else { throw LineFault("value missing at byte \(i)") }
        switch c {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return .object(try object(depth: depth + 1))
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw LineFault("nested too deeply") }
            i += 1
            var items: [JSONValue] = []
            if peek() == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                guard let c = peek() else { throw LineFault("array not closed") }
                i += 1
                if c == UInt8(ascii: "]") { return .array(items) }
                guard c == UInt8(ascii: ",") else { throw LineFault("expected ',' or ']' at byte \(i - 1)") }
            }
        case UInt8(ascii: "t"): try expect(literal: "true"); return .bool(true)
        case UInt8(ascii: "f"): try expect(literal: "false"); return .bool(false)
        case UInt8(ascii: "n"): try expect(literal: "null"); return .null
        default: return .int(try integer())
        }
    }

    /// Reads an object, every member built.
    mutating func object(depth: Int) throws(LineFault) -> JSONObject {
        var members: [JSONObject.Member] = []
        members.reserveCapacity(8)
        try self.members(depth: depth) { (key: UnsafeBufferPointer<UInt8>, s: inout JSONScanner) throws(LineFault) -> Bool in
            // The key's quotes stand either side of its bytes.
            var again = JSONScanner(s.base, from: key.baseAddress! - s.base - 1, to: key.baseAddress! - s.base + key.count + 1)
            members.append(JSONObject.Member(key: try again.string(), value: try s.value(depth: depth)))
            return true
        }
        return JSONObject(canonicalMembers: members)
    }

    /// Walks an object member by member, by the rules of canonical JSON (keys in order,
    /// none repeated). Each key's bytes (without quotes, escapes as written) go to `visit`,
    /// which either reads the value from the scanner and returns true, or returns false to
    /// have the value checked and skipped.
    ///
    /// A reader that wants a few members of a large object reads just those:
    ///
    ///     try s.members(depth: 1) { (key: UnsafeBufferPointer<UInt8>, s: inout JSONScanner) throws(LineFault) in
    ///         guard key.elementsEqual("feeFen".utf8) else { return false }
    ///         fee = try s.integer()
    ///         return true
    ///     }
    @inline(__always)
    mutating func members(depth: Int, _ visit: (UnsafeBufferPointer<UInt8>, inout JSONScanner) throws(LineFault) -> Bool)
        throws(LineFault) {
        guard depth <= Self.maxDepth else { throw LineFault("nested too deeply") }
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") { i += 1; return }
        var lastKey: (Int, Int) = (0, -1)
        while true {
            let keyStart = i
            try skipString()
            let keyRange = (keyStart, i - keyStart)
            if lastKey.1 >= 0 {
                let n = min(lastKey.1, keyRange.1)
                let cmp = memcmp(base + lastKey.0, base + keyRange.0, n)
                if cmp > 0 || (cmp == 0 && lastKey.1 >= keyRange.1) {
                    throw LineFault("object keys not in canonical order at byte \(keyStart)")
                }
            }
            lastKey = keyRange
            try expect(UInt8(ascii: ":"))
            if try !visit(UnsafeBufferPointer(start: base + keyStart + 1, count: keyRange.1 - 2), &self) {
                try skipValue(depth: depth)
            }
            guard let c = peek() else { throw LineFault("object not closed") }
            i += 1
            if c == UInt8(ascii: "}") { return }
            guard c == UInt8(ascii: ",") else { throw LineFault("expected ',' or '}' at byte \(i - 1)") }
        }
    }

    /// Checks a value by the same rules as ``value(depth:)`` without building it.
    mutating func skipValue(depth: Int = 0) throws(LineFault) {
        guard let c = peek() else { throw LineFault("value missing at byte \(i)") }
        switch c {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try skipObject(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { throw LineFault("nested too deeply") }
            i += 1
            if peek() == UInt8(ascii: "]") { i += 1; return }
            while true {
                try skipValue(depth: depth + 1)
                guard let c = peek() else { throw LineFault("array not closed") }
                i += 1
                if c == UInt8(ascii: "]") { return }
                guard c == UInt8(ascii: ",") else { throw LineFault("expected ',' or ']' at byte \(i - 1)") }
            }
        case UInt8(ascii: "t"): try expect(literal: "true")
        case UInt8(ascii: "f"): try expect(literal: "false")
        case UInt8(ascii: "n"): try expect(literal: "null")
        default: _ = try integer()
        }
    }

    /// Checks an object by the same rules as ``object(depth:)`` without building it.
    mutating func skipObject(depth: Int) throws(LineFault) {
        try members(depth: depth) { (_: UnsafeBufferPointer<UInt8>, _: inout JSONScanner) throws(LineFault) -> Bool in false }
    }

    /// Checks a string by the same rules as ``string()`` without building it.
    mutating func skipString() throws(LineFault) {
        try expect(UInt8(ascii: "\""))
        skipPlainBytes()
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c < 0x20 { throw LineFault("raw control character in a string at byte \(i)") }
            if c != UInt8(ascii: "\\") { i += 1; continue }
            guard i + 1 < end else { throw LineFault("string not closed") }
            let e = base[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                 UInt8(ascii: "b"), UInt8(ascii: "f"):
                continue
            case UInt8(ascii: "u"):
                guard i + 4 <= end, base[i] == 48, base[i + 1] == 48,
                      let hi = Self.hexValue(base[i + 2]), let lo = Self.hexValue(base[i + 3]) else {
                    throw LineFault("escape is not canonical at byte \(i - 2)")
                }
                let v = hi << 4 | lo
                guard v < 0x20, ![8, 9, 10, 12, 13].contains(v) else { throw LineFault("escape is not canonical at byte \(i - 2)") }
                i += 4
            default: throw LineFault("escape is not canonical at byte \(i - 2)")
            }
        }
        throw LineFault("string not closed")
    }

    mutating func integer() throws(LineFault) -> Int64 {
        let start = i
        var negative = false
        if peek() == UInt8(ascii: "-") { negative = true; i += 1 }
        guard let first = peek(), first >= 48, first <= 57 else { throw LineFault("not a value at byte \(start)") }
        if first == 48 {
            i += 1
            if negative { throw LineFault("-0 is not canonical at byte \(start)") }
            if let c = peek(), c >= 48, c <= 57 { throw LineFault("leading zero at byte \(start)") }
            return 0
        }
        var v: Int64 = 0
        while let c = peek(), c >= 48, c <= 57 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - 48))
            guard !o1, !o2 else { throw LineFault("number too large at byte \(start)") }
            v = a
            i += 1
        }
        return negative ? -v : v
    }

    mutating func string() throws(LineFault) -> String {
        try expect(UInt8(ascii: "\""))
        let start = i
        skipPlainBytes()
        // Fast path: no escapes.
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw LineFault("raw control character in a string at byte \(i)") }
            i += 1
        }
        guard i < end else { throw LineFault("string not closed") }
        var bytes = Array(UnsafeBufferPointer(start: base + start, count: i - start))
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: bytes, as: UTF8.self)
            }
            if c < 0x20 { throw LineFault("raw control character in a string at byte \(i)") }
            if c != UInt8(ascii: "\\") { bytes.append(c); i += 1; continue }
            guard i + 1 < end else { throw LineFault("string not closed") }
            let e = base[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): bytes.append(34)
            case UInt8(ascii: "\\"): bytes.append(92)
            case UInt8(ascii: "n"): bytes.append(10)
            case UInt8(ascii: "r"): bytes.append(13)
            case UInt8(ascii: "t"): bytes.append(9)
            case UInt8(ascii: "b"): bytes.append(8)
            case UInt8(ascii: "f"): bytes.append(12)
            case UInt8(ascii: "u"):
                guard i + 4 <= end, base[i] == 48, base[i + 1] == 48,
                      let hi = Self.hexValue(base[i + 2]), let lo = Self.hexValue(base[i + 3]) else {
                    throw LineFault("escape is not canonical at byte \(i - 2)")
                }
                let v = hi << 4 | lo
                guard v < 0x20, ![8, 9, 10, 12, 13].contains(v) else { throw LineFault("escape is not canonical at byte \(i - 2)") }
                bytes.append(v)
                i += 4
            default: throw LineFault("escape is not canonical at byte \(i - 2)")
            }
        }
        throw LineFault("string not closed")
    }

    /// Steps over bytes that need no attention inside a string (not `"`, `\\` or a
    /// control character), eight at a time.
    @inline(__always) mutating func skipPlainBytes() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= end {
            let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let q = x ^ (0x22 * ones)
            let b = x ^ (0x5C * ones)
            let hits = ((q &- ones) & ~q) | ((b &- ones) & ~b) | ((x &- 0x20 * ones) & ~x)
            if hits & high != 0 { return }
            i += 8
        }
    }

    @inline(__always) static func hexValue(_ c: UInt8) -> UInt8? {
        if c >= 48 && c <= 57 { return c - 48 }
        if c >= 97 && c <= 102 { return c - 87 }
        return nil
    }
}
