/// What an operator may do (design, "Who may do what").
///
/// Clerks do the counter work; a shift lead may also void invoices, dispose of lost
/// property, forfeit or release deposits, adjust points, allocate invoice numbers and close
/// shifts; an auditor reads and exports but never writes.
public enum Role: String, CaseIterable, Sendable, Codable {
    case clerk, lead, auditor

    /// May append events at all.
    public var canWrite: Bool { self != .auditor }
}

/// Who is doing something, as every desk action is told.
public struct Actor: Hashable, Sendable {
    public let id: OperatorID
    public let role: Role

    public init(id: OperatorID, role: Role) { self.id = id; self.role = role }

    /// Refuses an auditor (or anyone who may not write).
    public func requireWriter(_ action: DeskAction) throws(CommonError) {
        guard role.canWrite else { throw .notAllowed(action: action, role: role) }
    }

    /// Refuses anyone but a shift lead.
    public func requireLead(_ action: DeskAction) throws(CommonError) {
        guard role == .lead else { throw .notAllowed(action: action, role: role) }
    }
}
