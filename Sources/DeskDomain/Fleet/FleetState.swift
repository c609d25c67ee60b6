/// The numbered units of a loan service (umbrellas, strollers) and what each is doing.
///
/// How many units exist comes from the config (`units = 60` gives U001 … U060); the ledger
/// records only what happens to them, so this keeps just the units that are not simply
/// available.
public struct FleetState: Equatable, Sendable {
    /// What a unit is doing.
    public enum Status: String, Sendable, CaseIterable {
        case available, onLoan = "on-loan", damaged, retired

        public func name(_ l: Language) -> String {
            switch self {
            case .available: return l.pick("可借", "available")
            case .onLoan: return l.pick("借出", "on loan")
            case .damaged: return l.pick("损坏待修", "damaged")
            case .retired: return l.pick("已报废", "retired")
            }
        }
    }

    /// Units whose status is not `available`.
    public private(set) var statuses: [String: Status] = [:]

    public init() {}

    public func status(of unit: String) -> Status { statuses[unit] ?? .available }

    public mutating func set(_ unit: String, _ status: Status) {
        statuses[unit] = status == .available ? nil : status
    }

    /// `U001` … for a fleet of `count` units with a prefix.
    public static func unitNames(prefix: String, count: Int) -> [String] {
        (0..<count).map { name(prefix: prefix, number: $0 + 1) }
    }

    public static func name(prefix: String, number: Int) -> String {
        let n = String(number)
        return prefix + String(repeating: "0", count: max(0, 3 - n.count)) + n
    }

    /// Reads what a clerk typed for a unit (`7`, `u7`, `U007`) as the unit's name, if the
    /// fleet has such a unit.
    public static func normalize(_ text: String, prefix: String, count: Int) -> String? {
        var t = text.trimmingSpaces().uppercased()
        if t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        guard !t.isEmpty, t.count <= 4, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n >= 1, n <= count else { return nil }
        return name(prefix: prefix, number: n)
    }

}

extension FleetState {
    /// Reads a typed unit for an action on a unit the book already holds (a return, a
    /// repair): a unit of the configured fleet, or one beyond it that the book still knows
    /// (lent or damaged before the fleet was made smaller), so its loan can still end.
    public func knownUnit(_ text: String, prefix: String, count: Int) -> String? {
        if let u = Self.normalize(text, prefix: prefix, count: count) { return u }
        guard let u = Self.normalize(text, prefix: prefix, count: 9999), statuses[u] != nil else { return nil }
        return u
    }
}

extension FleetState: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.dictionary(statuses, key: { $0.string($1) }, value: { $0.raw($1) }) }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        statuses = try d.dictionary(key: { try $0.string() }, value: { try $0.raw(Status.self) })
    }
}
