/// What repairing and retiring a unit need from a loan service's state.
public protocol FleetLoanState: BookState {
    var fleet: FleetState { get }
    /// Whether the unit is on loan now.
    func isOut(_ unit: String) -> Bool
}

/// Repairing and retiring units, the same for umbrellas and strollers: lead only, with a
/// reason; a repair needs a damaged unit, a retirement a unit that is not out.
enum FleetMaintenance {
    static func repair<S: FleetLoanState>(_ book: ServiceBook<S>, unit: String, reason text: String, event: String,
                                          by actor: Actor) throws {
        try actor.requireLead(.manageFleet)
        let reason = try FieldCheck.text(text, field: "reason", max: 200)
        try book.transaction { state, tx in
            guard state.fleet.status(of: unit) == .damaged else { throw FleetError.notDamaged(field: "unit", unit: unit) }
            try tx.append(event, ["unit": .string(unit), "reason": .string(reason)], by: actor)
        }
    }

    static func retire<S: FleetLoanState>(_ book: ServiceBook<S>, unit: String, reason text: String, event: String,
                                          by actor: Actor) throws {
        try actor.requireLead(.manageFleet)
        let reason = try FieldCheck.text(text, field: "reason", max: 200)
        try book.transaction { state, tx in
            if state.isOut(unit) { throw FleetError.notAvailable(field: "unit", unit: unit, status: .onLoan) }
            try tx.append(event, ["unit": .string(unit), "reason": .string(reason)], by: actor)
        }
    }
}
