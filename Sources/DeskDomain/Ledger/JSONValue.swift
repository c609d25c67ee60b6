/// The value of an event's `body`: JSON without floating point.
///
/// Bodies hold integers (money in fen, counts), strings, booleans, arrays and objects.
/// Floats are left out on purpose: they have no single canonical spelling, and a ledger
/// line must hash the same on every machine.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var intValue: Int64? { if case .int(let v) = self { return v } else { return nil } }
    public var boolValue: Bool? { if case .bool(let v) = self { return v } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let v) = self { return v } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let v) = self { return v } else { return nil } }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
}

/// A JSON object whose members are kept in canonical order (by the UTF-8 bytes of the key).
///
/// Bodies are small, so members live in a sorted array: cheaper to build while replaying a
/// million events than a dictionary, and already in the order they are written.
public struct JSONObject: Hashable, Sendable {
    /// The members in canonical order.
    public private(set) var members: [Member]

    /// One key and its value.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) { self.key = key; self.value = value }
    }

    public init() { members = [] }

    /// Builds an object from pairs in any order; a repeated key keeps its last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSONValue) {
        members = []
        for (k, v) in pairs { self[k] = v }
    }

    /// Members already in canonical order with no repeated key (as the scanner checks).
    init(canonicalMembers: [Member]) { members = canonicalMembers }

    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
                return
            }
            guard let newValue else { return }
            let at = members.firstIndex(where: { JSONObject.keyPrecedes(key, $0.key) }) ?? members.count
            members.insert(Member(key: key, value: newValue), at: at)
        }
    }

    /// Canonical key order: byte-wise on UTF-8.
    static func keyPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}
