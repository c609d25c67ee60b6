import Foundation

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
    /// Where logins are typed, recorded with every wrong PIN: `tty:pts/3` for a console on a
    /// terminal, `console:<pid>` without one, `cli:<pid>` for a command's `--as`.
    public var console = "desk"
    /// PINs checked with PBKDF2 by this desk (for tests: a locked id costs none).
    var pinChecks = 0

    /// Opens the operators book; refuses a key whose fingerprint is not the one the ledger
    /// carries (see ``PersonalDataKey/fingerprint``).
    public init(context: DeskContext, useSnapshot: Bool = true, pinRounds: Int = PINHash.defaultRounds) throws {
        book = try ServiceBook(.operators, context: context, useSnapshot: useSnapshot)
        key = context.personalDataKey
        self.pinRounds = pinRounds
        if let registered = book.state.keyFingerprint, registered != key.fingerprint {
            try? book.close()
            throw KeyError.changed(path: PersonalDataKey.path(context.data), found: key.fingerprint, registered: registered)
        }
    }

    public var state: OperatorState { book.state }

    /// Whether the operators book of `data` holds any line (in any year, live or archived),
    /// read without opening it: a directory without one has nobody to log in.
    public static func anyRecorded(in data: DataDirectory) -> Bool {
        data.years().contains { y in
            let path = LedgerPaths.bookPath(data, year: y, book: .operators)
            return ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        }
    }

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
        if book.context.readOnly { throw ReadOnlyRefusal(data: book.context.data.path, what: .firstLead) }
        let (id, name, pin) = try check(form)
        guard form.role == .lead else { throw OperatorError.firstMustBeLead }
        try book.transaction { state, tx in
            guard state.operators.isEmpty else { throw OperatorError.alreadySetUp }
            try tx.append(OperatorEvents.added, body(id: id, name: name, role: .lead, pin: pin), op: id)
            if state.keyFingerprint == nil {
                try tx.append(OperatorEvents.keyRegistered, ["fingerprint": .string(key.fingerprint), "how": .string("first-lead")], op: id)
            }
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
            try tx.append(OperatorEvents.added, body(id: id, name: name, role: form.role, pin: pin), by: actor)
        }
        return book.state.operators[id]!
    }

    /// Sets a new PIN: one's own, or (a lead) anyone's.
    public func setPIN(of idText: String, to newPIN: String, by actor: Actor) throws {
        let id = try operatorID(idText)
        guard actor.id == id || actor.actsAsLead else { throw CommonError.notAllowed(action: .manageOperators, role: actor.role) }
        let pin = try checkPIN(newPIN)
        try book.transaction { state, tx in
            guard state.operators[id] != nil else { throw OperatorError.unknown(id.rawValue) }
            let h = PINHash.make(pin: pin, key: key, rounds: pinRounds)
            try tx.append(OperatorEvents.pinSet, ["id": .string(id.rawValue), "salt": .string(h.salt), "pinHash": .string(h.hash),
                                                  "rounds": .int(Int64(h.rounds))], by: actor)
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
            try tx.append(OperatorEvents.disabled, ["id": .string(id.rawValue), "reason": .string(reason)], by: actor)
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
            try tx.append(OperatorEvents.enabled, ["id": .string(id.rawValue), "reason": .string(reason)], by: actor)
        }
    }

    /// The login check: the same refusal for an unknown id and a wrong PIN.
    public func authenticate(id idText: String, pin: String) throws -> Operator {
        try login(id: idText, pin: pin).operator
    }

    /// Logs in, counting wrong PINs in the operators book so every console and command sees
    /// the same count.
    ///
    /// An id that does not exist is counted and locked like one that does (and costs the
    /// same PBKDF2), so the answers do not tell which ids exist. While an id is locked
    /// (``LoginLock``) every attempt is refused before any PIN is checked, and not recorded
    /// (it is no guess at the PIN). The right PIN after wrong ones records
    /// `operator.logged-in`, which starts the count again; so does a new PIN. An id that
    /// cannot be an operator id at all is refused without being counted.
    ///
    /// On a read-only desk the PIN is checked the same way and a lock recorded by any
    /// writer holds, but nothing is recorded: a wrong PIN is refused uncounted (whoever can
    /// open the directory can read the PIN hashes and the key, and try PINs offline anyway).
    ///
    ///     let login = try ops.login(id: "clerk.wang", pin: "1357")
    ///     login.message(.en)   // "3 wrong PINs for clerk.wang since your last login." or nil
    public func login(id idText: String, pin: String) throws -> Login {
        guard let id = try? OperatorID(idText.trimmingSpaces().lowercased()) else { throw OperatorError.badLogin }
        try book.refresh()
        let now = book.context.now()
        if let f = state.failures[id], f.isLocked(at: now) { throw locked(id, f) }
        let found = state.operators[id]
        pinChecks += 1
        let right: Bool
        if let found { right = found.pin.matches(pin, key: key) } else {
            PINHash.spend(pin: pin, key: key, rounds: pinRounds)
            right = false
        }
        guard let o = found, right else {
            if book.context.readOnly { throw OperatorError.badLogin }   // cannot be counted here
            throw try recordFailure(id, at: now)
        }
        guard !o.disabled else { throw OperatorError.disabled(id.rawValue) }
        let before = state.failures[id]?.count ?? 0
        let register = o.role == .lead && state.keyFingerprint == nil
        if (before > 0 || register) && !book.context.readOnly {
            try book.transaction { state, tx in
                if let n = state.failures[id]?.count, n > 0 {
                    try tx.append(OperatorEvents.loggedIn, ["id": .string(id.rawValue), "console": .string(console),
                                                            "failuresBefore": .int(Int64(n))], op: id)
                }
                if register && state.keyFingerprint == nil {
                    try tx.append(OperatorEvents.keyRegistered, ["fingerprint": .string(key.fingerprint),
                                                                 "how": .string("first-lead-login")], op: id)
                }
            }
        }
        let open = o.role == .lead ? openFailures(now: now) : []
        return Login(operator: o, failuresBefore: before, openFailures: open, time: book.context.time)
    }

    /// A shift lead approves a lead-only action on a clerk's console, typing their id and
    /// PIN into the clerk's form: the clerk's actor carrying the lead as ``Actor/approver``.
    ///
    /// The lead is authenticated exactly as ``login(id:pin:)`` does it (the same wrong-PIN
    /// count, in the operators book, and the same lockout); then an operator who is not an
    /// active shift lead is refused. Nothing is recorded for a right PIN unless wrong ones
    /// came before it (as at a login).
    ///
    ///     let approved = try desk.operators.approve(clerk, leadID: "lead.li", pin: "2468")
    ///     try desk.umbrellas.forfeit(form, by: approved)   // op clerk.wang, "approvedBy": "lead.li"
    public func approve(_ clerk: Actor, leadID: String, pin: String) throws -> Actor {
        try clerk.requireWriter(.write)
        if leadID.trimmingSpaces().isEmpty { throw CommonError.required(field: ApprovalError.leadIDField) }
        if pin.isEmpty { throw CommonError.required(field: ApprovalError.leadPINField) }
        let lead: Operator
        do {
            lead = try login(id: leadID, pin: pin).operator
        } catch let e as OperatorError {
            if case .disabled(let id) = e { throw ApprovalError.notActiveLead(id) }
            throw ApprovalError.login(e)
        }
        guard lead.role == .lead, !lead.disabled else { throw ApprovalError.notActiveLead(lead.id.rawValue) }
        guard lead.id != clerk.id else { throw ApprovalError.ownApproval }
        return Actor(id: clerk.id, role: clerk.role, approver: lead.id)
    }

    /// Records one wrong PIN (and the lock it starts) under the book's lock, against the
    /// latest count; returns the refusal to throw.
    func recordFailure(_ id: OperatorID, at now: Int64) throws -> OperatorError {
        let outcome: LoginFailures? = try book.transaction { state, tx in
            if let f = state.failures[id], f.isLocked(at: now) { return f }   // another console locked it meanwhile
            let n = (state.failures[id]?.count ?? 0) + 1
            try tx.append(OperatorEvents.loginFailed, ["id": .string(id.rawValue), "console": .string(console),
                                                       "failures": .int(Int64(n))], op: .system)
            guard let seconds = LoginLock.seconds(afterFailures: n) else { return nil }
            try tx.append(OperatorEvents.lockedOut, ["id": .string(id.rawValue), "failures": .int(Int64(n)),
                                                     "untilAt": .string(book.context.time.rfc3339(now + seconds))], op: .system)
            return LoginFailures(count: n, lastAt: now, lockedUntil: now + seconds)
        }
        if let f = outcome { return locked(id, f) }
        return .badLogin
    }

    func locked(_ id: OperatorID, _ f: LoginFailures) -> OperatorError {
        .locked(id: id.rawValue, until: Login.clock(f.lockedUntil, book.context.time), failures: f.count)
    }

    /// Ids with wrong PINs not yet followed by a login, typed in the last 24 hours: what a
    /// lead is shown on logging in.
    public func openFailures(now: Int64) -> [(id: OperatorID, failures: LoginFailures)] {
        state.failures.filter { $0.value.count > 0 && now - $0.value.lastAt < 86_400 }
            .map { (id: $0.key, failures: $0.value) }.sorted { $0.id < $1.id }
    }

    /// Records that a lead printed the key's recovery text.
    public func recordKeyBackup(by actor: Actor) throws {
        try actor.requireLead(.manageOperators)
        try book.transaction { _, tx in
            try tx.append(OperatorEvents.keyBackedUp, ["fingerprint": .string(key.fingerprint)], by: actor)
        }
    }

    /// Records that a lead put the key back from its recovery text.
    public func recordKeyRestore(setAside: String?, by actor: Actor) throws {
        try actor.requireLead(.manageOperators)
        try book.transaction { _, tx in
            try tx.append(OperatorEvents.keyRestored, ["fingerprint": .string(key.fingerprint),
                                                       "setAside": .string(setAside ?? "")], by: actor)
        }
    }

    /// Records the years a lead moved to `archive/`.
    public func recordArchive(years: [Int], before: Int, by actor: Actor) throws {
        try actor.requireLead(.manageOperators)
        try book.transaction { _, tx in
            try tx.append(OperatorEvents.archived, ["years": .array(years.map { .int(Int64($0)) }), "before": .int(Int64(before))],
                          by: actor)
        }
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
    /// Too many wrong PINs: `until` is the plaza time of day (`14:32:10`).
    case locked(id: String, until: String, failures: Int)

    public var field: String? {
        switch self {
        case .badLogin, .badPIN, .locked: return "pin"
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
        case .locked(let id, let until, let n):
            return l.pick("工号 \(id) 因连续 \(n) 次密码错误已锁定到 \(until)，请稍后再试或联系值班主管。",
                          "id \(id) is locked until \(until) after \(n) wrong PINs; try later or ask the shift lead.")
        }
    }
}
