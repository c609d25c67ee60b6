/// Who may log in: the operators book replayed.
public struct OperatorState: BookState {
    public var operators: [OperatorID: Operator] = [:]

    public init() {}

    public mutating func apply(_ r: LedgerRecord) {
        guard let idText = r.body["id"]?.stringValue, let id = try? OperatorID(idText) else { return }
        switch r.ev {
        case OperatorEvents.added:
            guard let role = r.body["role"]?.stringValue.flatMap(Role.init(rawValue:)) else { return }
            let hash = pin(r)
            operators[id] = Operator(id: id, name: r.body["name"]?.stringValue ?? "", role: role, pin: hash,
                                     disabled: false, addedAt: r.instant)
        case OperatorEvents.pinSet:
            let hash = pin(r)
            operators[id]?.pin = hash
        case OperatorEvents.disabled:
            operators[id]?.disabled = true
        case OperatorEvents.enabled:
            operators[id]?.disabled = false
        default:
            break
        }
    }

    func pin(_ r: LedgerRecord) -> PINHash {
        PINHash(salt: r.body["salt"]?.stringValue ?? "", hash: r.body["pinHash"]?.stringValue ?? "",
                rounds: Int(r.body["rounds"]?.intValue ?? Int64(PINHash.defaultRounds)))
    }

    /// Active shift leads.
    public var activeLeads: [Operator] { operators.values.filter { $0.role == .lead && !$0.disabled } }

}

extension OperatorState: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.array(operators.keys.sorted().map { operators[$0]! }) }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        for o in try d.array(of: Operator.self) { operators[o.id] = o }
    }
}
