/// The open-addressing index behind the desk's packed tables (``TextKeyTable``,
/// ``KeyedTable``, ``InvoiceTable``): each slot holds a position in the table's own storage
/// plus one (0 for empty); a power of two long, at most three quarters full, probed
/// linearly from a key's ``FNVHash``.
///
/// The index knows only hashes and positions; whether the entry at a position has the key
/// sought is the table's question (`matches`), so each table compares keys where it keeps
/// them and an entry costs the index four bytes.
struct SlotIndex: Sendable {
    private(set) var slots: [UInt32] = []

    init() {}

    /// An index read back from a snapshot: a power of two long (or empty, for no entries),
    /// every slot empty or pointing at one of `count` entries, and exactly `count` filled.
    init(validating slots: [UInt32], count: Int) throws {
        guard slots.isEmpty ? count == 0 : slots.count & (slots.count - 1) == 0 && count * 4 <= slots.count * 3 else {
            throw SnapshotDecodingError("an index of \(slots.count) slots for \(count) entries")
        }
        var filled = 0
        for s in slots where s != 0 {
            guard Int(s) <= count else { throw SnapshotDecodingError("an index slot past its entries") }
            filled += 1
        }
        guard filled == count else { throw SnapshotDecodingError("\(filled) index slots for \(count) entries") }
        self.slots = slots
    }

    /// The first position, probing from `hash`, for which `matches` is true.
    func find(_ hash: Int, _ matches: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var i = hash & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if matches(Int(s) - 1) { return Int(s) - 1 }
            i = (i + 1) & mask
        }
    }

    /// Indexes entry `position` (the table's last) under `hash`, first growing the index
    /// when it would be more than three quarters full (then `hashOf` gives every earlier
    /// entry's hash again).
    mutating func add(_ position: Int, hash: Int, hashOf: (Int) -> Int) {
        if (position + 1) * 4 > slots.count * 3 {
            rebuild(capacity: position + 1, filled: position + 1, hashOf: hashOf)
        } else {
            place(position, hash)
        }
    }

    /// Makes room for `capacity` entries, indexing positions `0..<filled` again.
    mutating func reserve(_ capacity: Int, filled: Int, hashOf: (Int) -> Int) {
        if capacity * 4 > slots.count * 3 { rebuild(capacity: max(capacity, filled), filled: filled, hashOf: hashOf) }
    }

    private mutating func rebuild(capacity: Int, filled: Int, hashOf: (Int) -> Int) {
        var size = 16
        while capacity * 4 > size * 3 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        for p in 0..<filled { place(p, hashOf(p)) }
    }

    private mutating func place(_ position: Int, _ hash: Int) {
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = UInt32(position + 1)
    }
}
