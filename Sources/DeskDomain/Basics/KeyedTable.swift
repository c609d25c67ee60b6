/// A value that names itself: the key a ``KeyedTable`` finds it by.
public protocol TableKeyed: Equatable, Sendable {
    var tableKey: String { get }
}

/// Values in the order first listed, found by the key each holds itself (a lost item's
/// tag, a points card's number).
///
/// A year's items or cards as `[String: Value]` cost a bucket of key and value for every
/// slot of a table at most three quarters full, doubled at each growth; here the values
/// sit end to end in chunks (``ChunkedArray``) and the index (``SlotIndex``) takes four
/// bytes a slot.
/// Nothing is ever removed: the ledger only adds.
///
///     var items = KeyedTable<LostItem>()
///     items[item.tag] = item
///     items[item.tag]?.storage = "B-2"   // changed in place
public struct KeyedTable<Value: TableKeyed>: Sendable {
    /// The values, in the order first listed.
    public private(set) var values = ChunkedArray<Value>()
    private var index = SlotIndex()

    public init() {}

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }
    public var keys: [String] { values.map(\.tableKey) }

    /// The value under `key`. Setting one not yet listed appends it; a value is never
    /// removed and keeps the key it was listed under.
    public subscript(key: String) -> Value? {
        get { position(key).map { values[$0] } }
        _modify {
            guard let p = position(key) else {
                var added: Value?
                yield &added
                if let added { list(added, under: key) }
                return
            }
            // Moved out and back rather than copied, so that a change inside the value (a
            // card's history) does not copy what the value holds.
            var value: Value? = values.withUnsafeMutablePointer(at: p) { $0.move() }
            defer {
                guard let value, value.tableKey == key else { preconditionFailure("a listed value is never removed or renamed") }
                values.withUnsafeMutablePointer(at: p) { $0.initialize(to: value) }
            }
            yield &value
        }
    }

    mutating func reserveCapacity(_ n: Int) {
        values.reserveCapacity(n)
        index.reserve(n, filled: values.count) { Self.hash(values[$0].tableKey) }
    }

    /// Lists a value read from a snapshot, which lists each once: no lookup first.
    mutating func appendListed(_ value: Value) {
        values.append(value)
        index.add(values.count - 1, hash: Self.hash(value.tableKey)) { Self.hash(values[$0].tableKey) }
    }

    private mutating func list(_ value: Value, under key: String) {
        precondition(value.tableKey == key, "a value is listed under its own key")
        appendListed(value)
    }

    static func hash(_ key: String) -> Int {
        var h = FNVHash()
        h.combine(key)
        return h.value
    }

    private func position(_ key: String) -> Int? {
        index.find(Self.hash(key)) { values[$0].tableKey == key }
    }
}

extension KeyedTable: Equatable {
    /// The same values under the same keys, in whatever order they were listed.
    public static func == (a: KeyedTable, b: KeyedTable) -> Bool {
        a.count == b.count && a.values.allSatisfy { b[$0.tableKey] == $0 }
    }
}
