/// Operators, roles and PINs: set-up for the lead, and the login check.
///
/// A new data directory has no operator; the first one must be a shift lead and is added by
/// itself (``addFirstLead(_:)``). After that only a lead adds, disables or re-enables
/// operators; anyone may change their own PIN, a lead anyone's.
public final class OperatorDesk {
    public let book: ServiceBook<OperatorState>
    let key: PersonalDataKey
    /// PBKDF2 rounds for new PINs (lower only in tests and the demo).
    public var pinRounds: Int

    public init(context: DeskContext, useSnapshot: Bool = true, pinRounds: Int = PINHash.defaultRounds) throws {
        book = try ServiceBook(.operators, context: context, useSnapshot: useSnapshot)
        key = context.personalDataKey
        self.pinRounds = pinRounds
    }

    public var state: OperatorState { book.state }

    /// True until the first lead is added: the console then shows its first-run screen.
    public var needsFirstLead: Bool { state.operators.isEmpty }

    /// Everyone, sorted by id.
    public var all: [Operator] { state.operators.values.sorted { $0.id < $1.id } }

    /// What is typed to add an operator.
    public struct AddForm: Sendable {
        public var id: String
        public var name: String
        public var role: Role
        public var pin: String
        public init(id: String = "", name: String = "", role: Role = .clerk, pin: String = "") {
            self.id = id; self.name = name; self.role = role; self.pin = pin
        }
    }

    /// The first shift lead of a new data directory.
    @discardableResult
    public func addFirstLead(_ form: AddForm) throws -> Operator {
        let (id, name, pin) = try check(form)
        guard form.role == .lead else { throw OperatorError.firstMustBeLead }
        try book.transaction { state, tx in
            guard state.operators.isEmpty else { throw OperatorError.alreadySetUp }
            try tx.append(OperatorEvents.added, body(id: id, name: name, role: .lead, pin: pin), op: id)
        }
        return book.state.operators[id]!
    }

    /// A lead adds an operator.
    @discardableResult
    public func add(_ form: AddForm, by actor: Actor) throws -> Operator {
        try actor.requireLead(.manageOperators)
        let (id, name, pin) = try check(form)
        try book.transaction { state, tx in
            guard state.operators[id] == nil else { throw OperatorError.idTaken(id.rawValue) }
            try tx.append(OperatorEvents.added, body(id: id, name: name, role: form.role, pin: pin), op: actor.id)
        }
        return book.state.operators[id]!
    }

    /// Sets a new PIN: one's own, or (a lead) anyone's.
    public func setPIN(of idText: String, to newPIN: String, by actor: Actor) throws {
        let id = try operatorID(idText)
        guard actor.id == id || actor.role == .lead else { throw CommonError.notAllowed(action: .manageOperators, role: actor.role) }
        let pin = try checkPIN(newPIN)
        try book.transaction { state, tx in
            guard state.operators[id] != nil else { throw OperatorError.unknown(id.rawValue) }
            let h = PINHash.make(pin: pin, key: key, rounds: pinRounds)
            try tx.append(OperatorEvents.pinSet, ["id": .string(id.rawValue), "salt": .string(h.salt), "pinHash": .string(h.hash),
                                                  "rounds": .int(Int64(h.rounds))], op: actor.id)
        }
    }

    /// A lead disables an operator (never the last active lead).
    public func disable(_ idText: String, reason: String, by actor: Actor) throws {
        try actor.requireLead(.manageOperators)
        let id = try operatorID(idText)
        let reason = try FieldCheck.text(reason, field: "reason", max: 200)
        try book.transaction { state, tx in
            guard let o = state.operators[id] else { throw OperatorError.unknown(id.rawValue) }
            guard !o.disabled else { throw OperatorError.alreadyDisabled(id.rawValue) }
            if o.role == .lead && state.activeLeads.count == 1 { throw OperatorError.lastLead }
            try tx.append(OperatorEvents.disabled, ["id": .string(id.rawValue), "reason": .string(reason)], op: actor.id)
        }
    }

    /// A lead enables a disabled operator again.
    public func enable(_ idText: String, reason: String, by actor: Actor) throws {
        try actor.requireLead(.manageOperators)
        let id = try operatorID(idText)
        let reason = try FieldCheck.text(reason, field: "reason", max: 200)
        try book.transaction { state, tx in
            guard let o = state.operators[id] else { throw OperatorError.unknown(id.rawValue) }
            guard o.disabled else { throw OperatorError.notDisabled(id.rawValue) }
            try tx.append(OperatorEvents.enabled, ["id": .string(id.rawValue), "reason": .string(reason)], op: actor.id)
        }
    }

    /// The login check: the same refusal for an unknown id and a wrong PIN.
    public func authenticate(id idText: String, pin: String) throws -> Operator {
        try book.refresh()
        guard let id = try? OperatorID(idText.trimmingSpaces().lowercased()), let o = state.operators[id],
              o.pin.matches(pin, key: key) else { throw OperatorError.badLogin }
        guard !o.disabled else { throw OperatorError.disabled(id.rawValue) }
        return o
    }

    func check(_ form: AddForm) throws -> (OperatorID, String, String) {
        let id = try operatorID(form.id)
        let name = try FieldCheck.text(form.name, field: "name", max: 40)
        return (id, name, try checkPIN(form.pin))
    }

    func operatorID(_ text: String) throws -> OperatorID {
        let t = text.trimmingSpaces().lowercased()
        if t.isEmpty { throw CommonError.required(field: "id") }
        do { return try OperatorID(t) } catch { throw OperatorError.badID(t) }
    }

    func checkPIN(_ pin: String) throws -> String {
        guard (4...12).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw OperatorError.badPIN }
        return pin
    }

    func body(id: OperatorID, name: String, role: Role, pin: String) -> JSONObject {
        let h = PINHash.make(pin: pin, key: key, rounds: pinRounds)
        return ["id": .string(id.rawValue), "name": .string(name), "role": .string(role.rawValue), "salt": .string(h.salt),
                "pinHash": .string(h.hash), "rounds": .int(Int64(h.rounds))]
    }
}

/// Refusals about operators and logging in.
public enum OperatorError: DeskFailure, Equatable {
    case badLogin
    case disabled(String)
    case badID(String)
    case badPIN
    case idTaken(String)
    case unknown(String)
    case alreadyDisabled(String)
    case notDisabled(String)
    case lastLead
    case firstMustBeLead
    case alreadySetUp

    public var field: String? {
        switch self {
        case .badLogin, .badPIN: return "pin"
        case .badID, .idTaken, .unknown, .disabled, .alreadyDisabled, .notDisabled: return "id"
        case .lastLead, .alreadySetUp: return nil
        case .firstMustBeLead: return "role"
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case .badLogin: return l.pick("工号或密码不对。", "Wrong operator id or PIN.")
        case .disabled(let id): return l.pick("操作员 \(id) 已停用，请联系值班主管。", "Operator \(id) is disabled; ask the shift lead.")
        case .badID(let id): return l.pick("“\(id)”不能作工号：用小写字母、数字、点、下划线或横线，最多 32 个。", "\"\(id)\" cannot be an operator id: use lower-case letters, digits, '.', '_' or '-', at most 32.")
        case .badPIN: return l.pick("密码为 4 到 12 位数字。", "A PIN is 4 to 12 digits.")
        case .idTaken(let id): return l.pick("工号 \(id) 已有人用。", "Operator id \(id) is taken.")
        case .unknown(let id): return l.pick("没有工号 \(id)。", "There is no operator \(id).")
        case .alreadyDisabled(let id): return l.pick("\(id) 已经停用。", "\(id) is already disabled.")
        case .notDisabled(let id): return l.pick("\(id) 没有停用。", "\(id) is not disabled.")
        case .lastLead: return l.pick("不能停用最后一位值班主管。", "The last shift lead cannot be disabled.")
        case .firstMustBeLead: return l.pick("第一位操作员必须是值班主管。", "The first operator must be a shift lead.")
        case .alreadySetUp: return l.pick("已有操作员，请由值班主管添加。", "Operators exist already; a shift lead adds new ones.")
        }
    }
}
