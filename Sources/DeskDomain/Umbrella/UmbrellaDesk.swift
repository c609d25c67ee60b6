/// Umbrella loans against a deposit (manual §5.2.8): lend with a numbered deposit card,
/// take umbrella and card back, check for damage, refund the deposit less any charge.
///
///     let loan = try desk.umbrellas.lend(.init(unit: "3", depositCard: "12", customer: "王芳",
///                                              phone: "13812345678"), by: clerk)
///     try desk.umbrellas.giveBack(.init(unit: "U003", depositCard: "D012", damage: .none), by: clerk)
///
/// A lost deposit card (``releaseWithoutCard(_:by:)``) and an umbrella never returned
/// (``forfeit(_:by:)``) need a shift lead. Every money event records the deposit, the
/// charge, the refund and what was paid on top, so a shift close only sums.
public final class UmbrellaDesk {
    public let book: ServiceBook<UmbrellaState>
    var config: DeskConfig { book.context.config }
    public static let prefix = "U"
    public static let cardPrefix = "D"
    /// Deposit cards are numbered D001 … D999.
    public static let cardCount = 999

    /// Lending, returning and releasing move cash: each needs an open shift.
    let shiftGate: ShiftGate

    public init(context: DeskContext, useSnapshot: Bool = true) throws {
        book = try ServiceBook(.umbrella, context: context, useSnapshot: useSnapshot)
        shiftGate = ShiftGate(context: context)
    }

    public var state: UmbrellaState { book.state }

    /// The damage check at a return: fine, damaged (charged the damage price, out of service
    /// until repaired), or lost (the customer brings the deposit card but not the umbrella:
    /// charged the lost price, the unit is retired).
    public enum Damage: String, Sendable, CaseIterable {
        case none, damaged, lost
    }

    /// What the clerk typed to lend an umbrella.
    public struct LendForm: Sendable {
        public var unit: String
        /// The number of the deposit card handed over (`D12`, `12`, `D012`).
        public var depositCard: String
        /// The deposit taken; empty means the configured deposit.
        public var deposit: String
        public var customer: String
        public var phone: String
        /// Why the deposit differs from the configured one (required then, with a lead's
        /// approval; ignored when the deposit is the configured one).
        public var depositReason: String
        public init(unit: String = "", depositCard: String = "", deposit: String = "", customer: String = "", phone: String = "",
                    depositReason: String = "") {
            self.unit = unit; self.depositCard = depositCard; self.deposit = deposit; self.customer = customer; self.phone = phone
            self.depositReason = depositReason
        }
    }

    /// Lends an umbrella against a deposit and a deposit card.
    @discardableResult
    public func lend(_ form: LendForm, by actor: Actor) throws -> UmbrellaLoan {
        try actor.requireWriter(.write)
        let unit = try self.unit(form.unit, field: "unit", forLoan: true)
        let card = try self.card(form.depositCard)
        let deposit = try self.deposit(form.deposit)
        let customer = try FieldCheck.text(form.customer, field: "customer", max: 40)
        let phone = try FieldCheck.phone(form.phone, field: "phone")
        var body: JSONObject = ["unit": .string(unit), "depositCard": .string(card), "depositFen": .int(deposit.fen),
                                "customer": .string(customer), "phone": .string(phone.masked)]
        let reason = try FieldCheck.optionalText(form.depositReason, field: "depositReason", max: 200)
        if deposit == config.umbrellaDeposit, reason != nil {
            // A reason typed for the usual deposit: the other amount was meant, not typed.
            throw UmbrellaError.reasonWithoutOtherDeposit(configured: config.umbrellaDeposit)
        }
        if deposit != config.umbrellaDeposit {
            // The reason first: a lead approving in place then sees why, and types the PIN once.
            guard let reason else { throw UmbrellaError.depositNeedsReason(configured: config.umbrellaDeposit) }
            guard actor.actsAsLead else { throw UmbrellaError.depositNeedsApproval(configured: config.umbrellaDeposit) }
            body["depositReason"] = .string(reason)
        }
        try shiftGate.whileShiftOpen {
            try book.transaction { state, tx in
                let status = state.fleet.status(of: unit)
                guard status == .available else { throw FleetError.notAvailable(field: "unit", unit: unit, status: status) }
                if let holder = state.loan(holdingCard: card) { throw UmbrellaError.cardOut(card: card, unit: holder.unit) }
                try tx.append(UmbrellaEvents.lent, body, by: actor)
            }
        }
        return book.state.out[unit]!
    }

    /// What the clerk records when an umbrella comes back with its deposit card (or, when
    /// `damage` is `.lost`, when the customer brings the card back without the umbrella).
    public struct ReturnForm: Sendable {
        public var unit: String
        public var depositCard: String
        public var damage: Damage
        /// What is wrong with it (required when damaged; optional when lost).
        public var note: String
        public init(unit: String = "", depositCard: String = "", damage: Damage = .none, note: String = "") {
            self.unit = unit; self.depositCard = depositCard; self.damage = damage; self.note = note
        }
    }

    /// Takes back umbrella and deposit card and refunds the deposit less any damage charge
    /// (damaged umbrellas stay out of service until repaired; a lost one is retired and
    /// charged the lost price, anything above the deposit paid on top).
    @discardableResult
    public func giveBack(_ form: ReturnForm, by actor: Actor) throws -> UmbrellaLoan {
        try actor.requireWriter(.write)
        let unit = try self.unit(form.unit, field: "unit")
        if form.depositCard.trimmingSpaces().isEmpty { throw UmbrellaError.cardMissing }
        let card = try self.card(form.depositCard)
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: form.damage == .damaged)
        try shiftGate.whileShiftOpen {
            try book.transaction { state, tx in
                guard let saved = state.out[unit] else { throw FleetError.notOnLoan(field: "unit", unit: unit) }
                let loan = try lentLine(saved)
                guard loan.depositCard == card else { throw UmbrellaError.wrongCard(unit: unit, typed: card) }
                try tx.append(UmbrellaEvents.returned, settlement(loan, damage: form.damage, note: note), by: actor)
            }
        }
        return book.state.history[unit]!.last!
    }

    /// What a lead records when an umbrella comes back but its deposit card was lost.
    public struct ReleaseForm: Sendable {
        public var unit: String
        public var damage: Damage
        public var note: String
        /// Why the deposit is released without the card (e.g. how the customer was identified).
        public var reason: String
        public init(unit: String = "", damage: Damage = .none, note: String = "", reason: String = "") {
            self.unit = unit; self.damage = damage; self.note = note; self.reason = reason
        }
    }

    /// A lead takes back an umbrella whose deposit card was lost and releases the deposit,
    /// less any damage charge (or, with `.lost`, settles a customer who lost both card and
    /// umbrella at the lost price).
    @discardableResult
    public func releaseWithoutCard(_ form: ReleaseForm, by actor: Actor) throws -> UmbrellaLoan {
        try actor.requireLead(.releaseDeposit)
        let unit = try self.unit(form.unit, field: "unit")
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: form.damage == .damaged)
        let reason = try FieldCheck.text(form.reason, field: "reason", max: 200)
        try shiftGate.whileShiftOpen {
            try book.transaction { state, tx in
                guard let saved = state.out[unit] else { throw FleetError.notOnLoan(field: "unit", unit: unit) }
                var body = settlement(try lentLine(saved), damage: form.damage, note: note)
                body["reason"] = .string(reason)
                try tx.append(UmbrellaEvents.depositReleased, body, by: actor)
            }
        }
        return book.state.history[unit]!.last!
    }

    /// What a lead records when an umbrella is never coming back.
    public struct ForfeitForm: Sendable {
        public var unit: String
        public var reason: String
        public init(unit: String = "", reason: String = "") { self.unit = unit; self.reason = reason }
    }

    /// A lead keeps the deposit of an umbrella never returned: the unit is retired, the
    /// deposit card is free again. Nothing beyond the deposit is collected.
    @discardableResult
    public func forfeit(_ form: ForfeitForm, by actor: Actor) throws -> UmbrellaLoan {
        try actor.requireLead(.forfeitDeposit)
        let unit = try self.unit(form.unit, field: "unit")
        let reason = try FieldCheck.text(form.reason, field: "reason", max: 200)
        let lostPrice = config.umbrellaLostPrice
        try book.transaction { state, tx in
            guard let saved = state.out[unit] else { throw FleetError.notOnLoan(field: "unit", unit: unit) }
            let loan = try lentLine(saved)
            let uncollected = lostPrice > loan.deposit ? lostPrice - loan.deposit : .zero
            try tx.append(UmbrellaEvents.depositForfeited,
                          ["unit": .string(unit), "lentSeq": .int(loan.lentSeq), "depositCard": .string(loan.depositCard),
                           "reason": .string(reason), "depositFen": .int(loan.deposit.fen), "keptFen": .int(loan.deposit.fen),
                           "lostPriceFen": .int(lostPrice.fen), "refundFen": 0, "paidOnTopFen": 0,
                           "uncollectedFen": .int(uncollected.fen)], by: actor)
        }
        return book.state.history[unit]!.last!
    }

    /// A lead puts a repaired umbrella back into service.
    public func repair(unit text: String, reason: String, by actor: Actor) throws {
        try actor.requireLead(.manageFleet)
        try FleetMaintenance.repair(book, unit: try unit(text, field: "unit"), reason: reason, event: UmbrellaEvents.unitRepaired, by: actor)
    }

    /// A lead takes an umbrella out of service for good.
    public func retire(unit text: String, reason: String, by actor: Actor) throws {
        try actor.requireLead(.manageFleet)
        try FleetMaintenance.retire(book, unit: try unit(text, field: "unit"), reason: reason, event: UmbrellaEvents.unitRetired, by: actor)
    }

    /// The loan as its `umbrella.lent` line has it, read again from the ledger by its seq
    /// (hash and link checked): the deposit refunded or kept is the ledger's, never only the
    /// saved state's. A state that disagrees is refused (``LedgerDisagreement``).
    func lentLine(_ loan: UmbrellaLoan) throws -> UmbrellaLoan {
        let lent = LedgerFacts(try book.ledgerLine(year: loan.lentYear, seq: loan.lentSeq, ev: UmbrellaEvents.lent),
                               book: book.book, year: loan.lentYear)
        try lent.same(.unit, "unit", loan.unit)
        try lent.same(.depositCard, "depositCard", loan.depositCard)
        try lent.same(.deposit, "depositFen", money: loan.deposit)
        return loan
    }

    /// What a return settles: the damage charge comes out of the deposit; a charge larger
    /// than the deposit is paid on top.
    public static func settle(deposit: Money, charge: Money) -> (refund: Money, paidOnTop: Money) {
        charge > deposit ? (.zero, charge - deposit) : (deposit - charge, .zero)
    }

    /// The charge of a damage check: the configured damage or lost price.
    func charge(for damage: Damage) -> Money {
        switch damage {
        case .none: return .zero
        case .damaged: return config.umbrellaDamagePrice
        case .lost: return config.umbrellaLostPrice
        }
    }

    func settlement(_ loan: UmbrellaLoan, damage: Damage, note: String) -> JSONObject {
        let charge = charge(for: damage)
        let (refund, onTop) = Self.settle(deposit: loan.deposit, charge: charge)
        return ["unit": .string(loan.unit), "lentSeq": .int(loan.lentSeq), "depositCard": .string(loan.depositCard),
                "damage": .string(damage.rawValue), "note": .string(note), "depositFen": .int(loan.deposit.fen),
                "chargeFen": .int(charge.fen), "refundFen": .int(refund.fen), "paidOnTopFen": .int(onTop.fen)]
    }

    /// Umbrellas out now with how many minutes they have been out, longest out first.
    public var unitsOut: [(loan: UmbrellaLoan, minutesOut: Int64)] {
        let now = book.context.now()
        return state.out.values.sorted { ($0.lentAt, $0.unit) < ($1.lentAt, $1.unit) }
            .map { ($0, max(0, now - $0.lentAt) / 60) }
    }

    /// Every unit of the fleet with its status, then any unit beyond it the book still holds
    /// (out, damaged or retired before the fleet was made smaller).
    public var units: [(unit: String, status: FleetState.Status)] {
        let fleet = FleetState.unitNames(prefix: Self.prefix, count: config.umbrellaUnits)
        let beyond = state.fleet.statuses.keys.filter { FleetState.normalize($0, prefix: Self.prefix, count: config.umbrellaUnits) == nil }.sorted()
        return (fleet + beyond).map { ($0, state.fleet.status(of: $0)) }
    }

    /// The latest ended loans of a unit (as typed: `7`, `u7`, `U007`), newest first.
    public func history(of text: String) -> [UmbrellaLoan] {
        guard let unit = FleetState.normalize(text, prefix: Self.prefix, count: 9999) else { return [] }
        return (state.history[unit] ?? []).reversed()
    }

    /// The loan a deposit card (as typed: `12`, `D12`, `D012`) is out with, if any.
    public func loan(forCard text: String) -> UmbrellaLoan? {
        guard let card = FleetState.normalize(text, prefix: Self.cardPrefix, count: Self.cardCount) else { return nil }
        return state.loan(holdingCard: card)
    }

    /// The unit typed: for a loan, one of the configured fleet; for anything else, also a
    /// unit beyond it that the book still holds (``FleetState/knownUnit(_:prefix:count:)``).
    func unit(_ text: String, field: String, forLoan: Bool = false) throws -> String {
        if text.trimmingSpaces().isEmpty { throw CommonError.required(field: field) }
        let found = forLoan ? FleetState.normalize(text, prefix: Self.prefix, count: config.umbrellaUnits)
                            : book.state.fleet.knownUnit(text, prefix: Self.prefix, count: config.umbrellaUnits)
        guard let u = found else {
            throw FleetError.unknownUnit(field: field, text: FieldCheck.echo(text))
        }
        return u
    }

    func card(_ text: String) throws -> String {
        if text.trimmingSpaces().isEmpty { throw CommonError.required(field: "depositCard") }
        guard let c = FleetState.normalize(text, prefix: Self.cardPrefix, count: Self.cardCount) else {
            throw UmbrellaError.unknownCard(text: FieldCheck.echo(text.trimmingSpaces()))
        }
        return c
    }

    func deposit(_ text: String) throws -> Money {
        if text.trimmingSpaces().isEmpty { return config.umbrellaDeposit }
        let amount = try FieldCheck.money(text, field: "deposit")
        guard amount > .zero else { throw UmbrellaError.depositNotPositive }
        return amount
    }
}
