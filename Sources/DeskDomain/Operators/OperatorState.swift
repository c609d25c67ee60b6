/// Who may log in: the operators book replayed.
public struct OperatorState: BookState {
    public var operators: [OperatorID: Operator] = [:]
    /// Wrong PINs since the last login, per id typed (ids that do not exist included).
    public var failures: [OperatorID: LoginFailures] = [:]
    /// The data directory key's fingerprint the ledger carries (the first one registered).
    public var keyFingerprint: String?

    public init() {}

    public mutating func apply(_ r: LedgerRecord) {
        if r.ev == OperatorEvents.keyRegistered {
            if keyFingerprint == nil, let f = r.body["fingerprint"]?.stringValue { keyFingerprint = f }
            return
        }
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
            failures[id] = nil
        case OperatorEvents.disabled:
            operators[id]?.disabled = true
        case OperatorEvents.enabled:
            operators[id]?.disabled = false
        case OperatorEvents.loginFailed:
            let count = Int(r.body["failures"]?.intValue ?? Int64((failures[id]?.count ?? 0) + 1))
            failures[id] = LoginFailures(count: count, lastAt: r.instant, lockedUntil: failures[id]?.lockedUntil ?? 0)
        case OperatorEvents.lockedOut:
            if let until = r.body["untilAt"]?.stringValue.flatMap(PlazaTime.parseRFC3339) {
                var f = failures[id] ?? LoginFailures(count: Int(r.body["failures"]?.intValue ?? 0), lastAt: r.instant)
                f.lockedUntil = until
                failures[id] = f
            }
        case OperatorEvents.loggedIn:
            failures[id] = nil
        default:
            break
        }
    }

    func pin(_ r: LedgerRecord) -> PINHash {
        // A hash recorded without its rounds was made when 210,000 was the default.
        PINHash(salt: r.body["salt"]?.stringValue ?? "", hash: r.body["pinHash"]?.stringValue ?? "",
                rounds: Int(r.body["rounds"]?.intValue ?? 210_000))
    }

    /// Active shift leads.
    public var activeLeads: [Operator] { operators.values.filter { $0.role == .lead && !$0.disabled } }

}

extension OperatorState: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.array(operators.keys.sorted().map { operators[$0]! })
        e.array(failures.keys.sorted()) { e, id in
            let f = failures[id]!
            e.value(id); e.int(f.count); e.int(f.lastAt); e.int(f.lockedUntil)
        }
        e.optional(keyFingerprint)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        for o in try d.array(of: Operator.self) { operators[o.id] = o }
        for (id, f) in try d.array({ d -> (OperatorID, LoginFailures) in
            let id: OperatorID = try d.value()
            return (id, LoginFailures(count: try d.intValue(), lastAt: try d.int(), lockedUntil: try d.int()))
        }) { failures[id] = f }
        keyFingerprint = try d.optionalString()
    }
}
