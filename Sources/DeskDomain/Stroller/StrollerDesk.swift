/// Free stroller loans (manual §5.2.9): inside the plaza only, returned at the desk.
///
///     let loan = try desk.strollers.lend(.init(unit: "3", customer: "王芳", phone: "13812345678",
///                                              noticeAcknowledged: true), by: clerk)
///     try desk.strollers.giveBack(.init(unit: "S003", condition: .ok), by: clerk)
public final class StrollerDesk {
    public let book: ServiceBook<StrollerState>
    var config: DeskConfig { book.context.config }
    public static let prefix = "S"

    public init(context: DeskContext, useSnapshot: Bool = true) throws {
        book = try ServiceBook(.stroller, context: context, useSnapshot: useSnapshot)
    }

    public var state: StrollerState { book.state }

    /// What the clerk typed to lend a stroller.
    public struct LendForm: Sendable {
        public var unit: String
        public var customer: String
        public var phone: String
        /// The clerk told the customer: inside the plaza only, return it here before leaving.
        public var noticeAcknowledged: Bool
        public init(unit: String = "", customer: String = "", phone: String = "", noticeAcknowledged: Bool = false) {
            self.unit = unit; self.customer = customer; self.phone = phone; self.noticeAcknowledged = noticeAcknowledged
        }
    }

    /// Lends a stroller.
    @discardableResult
    public func lend(_ form: LendForm, by actor: Actor) throws -> StrollerLoan {
        try actor.requireWriter(.write)
        let unit = try self.unit(form.unit, field: "unit", forLoan: true)
        let customer = try FieldCheck.text(form.customer, field: "customer", max: 40)
        let phone = try FieldCheck.phone(form.phone, field: "phone")
        guard form.noticeAcknowledged else { throw StrollerError.noticeNotAcknowledged }
        try book.transaction { state, tx in
            let status = state.fleet.status(of: unit)
            guard status == .available else { throw FleetError.notAvailable(field: "unit", unit: unit, status: status) }
            try tx.append(StrollerEvents.lent, ["unit": .string(unit), "customer": .string(customer),
                                                 "phone": .string(phone.masked), "noticeAcknowledged": true], by: actor)
        }
        return book.state.out[unit]!
    }

    /// What the clerk records when a stroller comes back.
    public struct ReturnForm: Sendable {
        public enum Condition: String, Sendable { case ok, damaged }
        public var unit: String
        public var condition: Condition
        public var note: String
        public init(unit: String = "", condition: Condition = .ok, note: String = "") {
            self.unit = unit; self.condition = condition; self.note = note
        }
    }

    /// Marks a stroller returned (damaged ones stay out of service until repaired).
    @discardableResult
    public func giveBack(_ form: ReturnForm, by actor: Actor) throws -> StrollerLoan {
        try actor.requireWriter(.write)
        let unit = try self.unit(form.unit, field: "unit")
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: form.condition == .damaged)
        try book.transaction { state, tx in
            guard let loan = state.out[unit] else { throw FleetError.notOnLoan(field: "unit", unit: unit) }
            try tx.append(StrollerEvents.returned, ["unit": .string(unit), "lentSeq": .int(loan.lentSeq),
                                                     "condition": .string(form.condition.rawValue), "note": .string(note)], by: actor)
        }
        return book.state.history[unit]!.last!
    }

    /// A lead puts a repaired stroller back into service.
    public func repair(unit text: String, reason: String, by actor: Actor) throws {
        try actor.requireLead(.manageFleet)
        try FleetMaintenance.repair(book, unit: try unit(text, field: "unit"), reason: reason, event: StrollerEvents.unitRepaired, by: actor)
    }

    /// A lead takes a stroller out of service for good.
    public func retire(unit text: String, reason: String, by actor: Actor) throws {
        try actor.requireLead(.manageFleet)
        try FleetMaintenance.retire(book, unit: try unit(text, field: "unit"), reason: reason, event: StrollerEvents.unitRetired, by: actor)
    }

    /// Strollers out now, longest out first.
    public var unitsOut: [StrollerLoan] { state.out.values.sorted { ($0.lentAt, $0.unit) < ($1.lentAt, $1.unit) } }

    /// How many minutes a stroller out now has been out.
    public func minutesOut(_ loan: StrollerLoan) -> Int64 { max(0, book.context.now() - loan.lentAt) / 60 }

    /// A unit's returned loans, newest first (the latest ``StrollerState/historyLength``).
    public func history(of text: String) -> [StrollerLoan] {
        guard let unit = FleetState.normalize(text, prefix: Self.prefix, count: 9999) else { return [] }
        return (state.history[unit] ?? []).reversed()
    }

    /// Every unit of the fleet with its status, then any unit beyond it the book still holds
    /// (out, damaged or retired before the fleet was made smaller).
    public var units: [(unit: String, status: FleetState.Status)] {
        let fleet = FleetState.unitNames(prefix: Self.prefix, count: config.strollerUnits)
        let beyond = state.fleet.statuses.keys.filter { FleetState.normalize($0, prefix: Self.prefix, count: config.strollerUnits) == nil }.sorted()
        return (fleet + beyond).map { ($0, state.fleet.status(of: $0)) }
    }

    /// The unit typed: for a loan, one of the configured fleet; for anything else, also a
    /// unit beyond it that the book still holds (``FleetState/knownUnit(_:prefix:count:)``).
    func unit(_ text: String, field: String, forLoan: Bool = false) throws -> String {
        if text.trimmingSpaces().isEmpty { throw CommonError.required(field: field) }
        let found = forLoan ? FleetState.normalize(text, prefix: Self.prefix, count: config.strollerUnits)
                            : book.state.fleet.knownUnit(text, prefix: Self.prefix, count: config.strollerUnits)
        guard let u = found else {
            throw FleetError.unknownUnit(field: field, text: FieldCheck.echo(text))
        }
        return u
    }
}

/// Refusals of the stroller desk.
public enum StrollerError: DeskFailure, Equatable {
    case noticeNotAcknowledged

    public var field: String? { "noticeAcknowledged" }

    public func message(_ l: Language) -> String {
        l.pick("请先告知顾客：童车仅限商场内使用，离场前在服务台归还，并勾选确认。",
               "First tell the customer the stroller is for use inside the plaza only and must be returned here before leaving, then tick the box.")
    }
}
