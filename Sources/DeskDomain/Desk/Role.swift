/// What an operator may do (design, "Who may do what").
///
/// Clerks do the counter work; a shift lead may also void invoices, dispose of lost
/// property, forfeit or release deposits, adjust points, allocate invoice numbers and close
/// shifts; an auditor reads and exports but never writes.
public enum Role: String, CaseIterable, Sendable, Codable {
    case clerk, lead, auditor

    /// May append events at all.
    public var canWrite: Bool { self != .auditor }

    /// The role's name for messages: 柜员, 值班主管, 审计员; in English "clerk", "shift lead",
    /// "auditor", or with its article ("A clerk", "A shift lead", "An auditor") to begin a
    /// sentence.
    public func name(_ l: Language, article: Bool = false) -> String {
        switch self {
        case .clerk: return l.pick("柜员", article ? "A clerk" : "clerk")
        case .lead: return l.pick("值班主管", article ? "A shift lead" : "shift lead")
        case .auditor: return l.pick("审计员", article ? "An auditor" : "auditor")
        }
    }
}

/// Who is doing something, as every desk action is told.
///
/// A clerk's actor may carry a shift lead's approval (``approver``): the lead typed their
/// id and PIN into the clerk's form (``OperatorDesk/approve(_:leadID:pin:)``), so one
/// lead-only action is done without the clerk logging out. Events it appends record the
/// clerk as `op` and the lead as `approvedBy` in the body.
public struct Actor: Hashable, Sendable {
    public let id: OperatorID
    public let role: Role
    /// The shift lead who approved what this actor does (nil: no approval).
    public let approver: OperatorID?

    public init(id: OperatorID, role: Role, approver: OperatorID? = nil) {
        self.id = id; self.role = role; self.approver = approver
    }

    /// The same operator without any approval.
    public var withoutApproval: Actor { Actor(id: id, role: role) }

    /// Whether this actor may do what needs a shift lead: a lead, or a writer carrying a
    /// lead's approval.
    public var actsAsLead: Bool { role == .lead || (role.canWrite && approver != nil) }

    /// The lead who answers for a lead-only action: the approver, else the actor itself.
    public var answeringLead: OperatorID { approver ?? id }

    /// Refuses an auditor (or anyone who may not write).
    public func requireWriter(_ action: DeskAction) throws(CommonError) {
        guard role.canWrite else { throw .notAllowed(action: action, role: role) }
    }

    /// Refuses anyone but a shift lead or an actor carrying a lead's approval.
    public func requireLead(_ action: DeskAction) throws(CommonError) {
        guard actsAsLead else { throw .notAllowed(action: action, role: role) }
    }
}

extension BookWriter.Appender {
    /// The body member naming the lead who approved an event (see ``Actor/approver``).
    public static let approvedByKey = "approvedBy"

    /// Appends an event done by `actor`: `op` is the actor; when it carries a lead's
    /// approval the body gains `approvedBy` (and only then: events without approval are
    /// exactly as before).
    @discardableResult
    public mutating func append(_ ev: String, _ body: JSONObject, by actor: Actor) throws -> LedgerRecord {
        try append(ev, Self.approved(body, by: actor), op: actor.id)
    }

    /// `body` with `approvedBy` when `actor` carries an approval.
    public static func approved(_ body: JSONObject, by actor: Actor) -> JSONObject {
        guard let lead = actor.approver else { return body }
        var b = body
        b[approvedByKey] = .string(lead.rawValue)
        return b
    }
}
