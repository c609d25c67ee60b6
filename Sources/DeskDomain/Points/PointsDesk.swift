/// Points cards (manual §5.2.5, §5.2.8): enrolment with a receipt and an ID document,
/// back-filling points from receipts, redemption, loss reports and reissues.
///
///     let card = try desk.points.enrol(.init(cardNumber: "PC00012345", name: "王芳", phone: "13812345678",
///                                            idNumber: "11010519491231002X", formNumber: "F2026-0001", formKept: true,
///                                            shop: "星巴克", receiptNumber: "A-0091", receiptDate: "2026-03-01",
///                                            amount: "128.00"), by: clerk)
///     try desk.points.backfill(.init(cardNumber: "PC00012345", shop: "优衣库", receiptNumber: "778812",
///                                    receiptDate: "2026-02-20", amount: "299"), by: clerk)
public final class PointsDesk {
    public let book: ServiceBook<PointsState>
    var context: DeskContext { book.context }
    var config: DeskConfig { book.context.config }

    public init(context: DeskContext, useSnapshot: Bool = true) throws {
        book = try ServiceBook(.points, context: context, useSnapshot: useSnapshot)
    }

    public var state: PointsState { book.state }

    // MARK: Actions

    /// Creates a card for a customer with a qualifying receipt, whose points it earns.
    @discardableResult
    public func enrol(_ form: EnrolForm, by actor: Actor) throws -> PointsCard {
        try actor.requireWriter(.write)
        let number = try Self.cardNumber(form.cardNumber, field: "cardNumber")
        let name = try FieldCheck.text(form.name, field: "name", max: 40)
        let phone = try FieldCheck.phone(form.phone, field: "phone")
        let id = try FieldCheck.residentID(form.idNumber, field: "idNumber", today: context.today)
        let formNumber = try FieldCheck.text(form.formNumber, field: "formNumber", max: 30, identifier: true)
        let formKey = PointsReceipt.normalize(formNumber)
        if formKey.isEmpty { throw CommonError.required(field: "formNumber") }
        guard form.formKept else { throw PointsError.formNotKept }
        let receipt = try self.receipt(shop: form.shop, number: form.receiptNumber, date: form.receiptDate, amount: form.amount)
        guard receipt.amount >= config.minReceipt else { throw PointsError.receiptBelowMinimum(minimum: config.minReceipt) }
        let idHash = context.personalDataKey.hash(id.number)
        try book.transaction { state, tx in
            if let held = state.currentCard(idHash: idHash) { throw PointsError.alreadyHasCard(number: held.number, status: held.status) }
            if state.cards[number] != nil { throw PointsError.cardNumberTaken(field: "cardNumber", number: number) }
            if let other = state.cardByForm[formKey] { throw PointsError.formNumberUsed(formNumber: formNumber, card: other) }
            if let card = state.usedReceipts[receipt.key] { throw PointsError.receiptAlreadyUsed(card: card) }
            try tx.append(PointsEvents.cardEnrolled, ["cardNumber": .string(number), "name": .string(name),
                                                      "phone": .string(phone.masked), "idMasked": .string(id.masked),
                                                      "idHash": .string(idHash), "formNumber": .string(formNumber),
                                                      "formKept": true], by: actor)
            try tx.append(PointsEvents.earned, earnedBody(number, receipt, source: "enrolment"), by: actor)
        }
        return book.state.cards[number]!
    }

    /// Adds the points of a receipt to an active card (once per receipt, ever).
    @discardableResult
    public func backfill(_ form: BackfillForm, by actor: Actor) throws -> PointsMovement {
        try actor.requireWriter(.write)
        let number = try Self.cardNumber(form.cardNumber, field: "cardNumber")
        let receipt = try self.receipt(shop: form.shop, number: form.receiptNumber, date: form.receiptDate, amount: form.amount)
        guard receipt.amount >= Money(yuan: 1) else { throw PointsError.receiptEarnsNothing }
        try book.transaction { state, tx in
            _ = try Self.usableCard(state, number, field: "cardNumber")
            if let card = state.usedReceipts[receipt.key] { throw PointsError.receiptAlreadyUsed(card: card) }
            try tx.append(PointsEvents.earned, earnedBody(number, receipt, source: "backfill"), by: actor)
        }
        return book.state.cards[number]!.history.last!
    }

    /// Takes points off an active card for something handed over at the desk.
    @discardableResult
    public func redeem(_ form: RedeemForm, by actor: Actor) throws -> PointsMovement {
        try actor.requireWriter(.write)
        let number = try Self.cardNumber(form.cardNumber, field: "cardNumber")
        let points = try FieldCheck.integer(form.points, field: "points", min: 1, max: Self.maxPoints)
        let purpose = try FieldCheck.text(form.purpose, field: "purpose", max: 100)
        try book.transaction { state, tx in
            let card = try Self.usableCard(state, number, field: "cardNumber")
            try checkBalance(card)
            guard card.balance >= points else { throw PointsError.notEnoughPoints(balance: card.balance, requested: points) }
            try tx.append(PointsEvents.redeemed, ["cardNumber": .string(number), "points": .int(points), "purpose": .string(purpose)],
                          by: actor)
        }
        return book.state.cards[number]!.history.last!
    }

    /// A shift lead corrects a balance, with a reason; never below zero.
    @discardableResult
    public func adjust(_ form: AdjustForm, by actor: Actor) throws -> PointsMovement {
        try actor.requireLead(.adjustPoints)
        let number = try Self.cardNumber(form.cardNumber, field: "cardNumber")
        let typed = form.points.trimmingSpaces()
        let points = try FieldCheck.integer(typed.hasPrefix("+") && !typed.hasPrefix("+-") ? String(typed.dropFirst()) : typed, field: "points",
                                            min: -Self.maxPoints, max: Self.maxPoints)
        guard points != 0 else { throw PointsError.zeroAdjustment }
        let reason = try FieldCheck.text(form.reason, field: "reason", max: 200)
        try book.transaction { state, tx in
            let card = try Self.usableCard(state, number, field: "cardNumber")
            try checkBalance(card)
            guard card.balance + points >= 0 else { throw PointsError.adjustmentBelowZero(balance: card.balance) }
            try tx.append(PointsEvents.adjusted, ["cardNumber": .string(number), "points": .int(points), "reason": .string(reason)],
                          by: actor)
        }
        return book.state.cards[number]!.history.last!
    }

    /// Blocks a card at once when its holder reports it lost.
    @discardableResult
    public func reportLost(_ form: LossForm, by actor: Actor) throws -> PointsCard {
        try actor.requireWriter(.write)
        let number = try Self.optionalCardNumber(form.cardNumber, field: "cardNumber")
        let id = try FieldCheck.residentID(form.idNumber, field: "idNumber", today: context.today)
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        let idHash = context.personalDataKey.hash(id.number)
        let card = try book.transaction { state, tx in
            let card = try Self.holdersCard(state, number: number, idHash: idHash)
            switch card.status {
            case .active: break
            case .lost: throw PointsError.alreadyReportedLost(number: card.number)
            case .replaced: throw PointsError.cardBlocked(field: "cardNumber", number: card.number, status: .replaced, replacedBy: card.replacedBy)
            }
            try tx.append(PointsEvents.cardReportedLost, ["cardNumber": .string(card.number), "idMasked": .string(id.masked),
                                                          "note": .string(note)], by: actor)
            return card
        }
        return book.state.cards[card.number]!
    }

    /// Replaces a lost or damaged card: the holder proves identity, the new card takes over
    /// the balance and history, the old one is blocked for good.
    @discardableResult
    public func reissue(_ form: ReissueForm, by actor: Actor) throws -> PointsCard {
        try actor.requireWriter(.write)
        let number = try Self.optionalCardNumber(form.cardNumber, field: "cardNumber")
        let id = try FieldCheck.residentID(form.idNumber, field: "idNumber", today: context.today)
        let newNumber = try Self.cardNumber(form.newCardNumber, field: "newCardNumber")
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        let idHash = context.personalDataKey.hash(id.number)
        try book.transaction { state, tx in
            let card = try Self.holdersCard(state, number: number, idHash: idHash)
            if card.status == .replaced {
                throw PointsError.cardBlocked(field: "cardNumber", number: card.number, status: .replaced, replacedBy: card.replacedBy)
            }
            if state.cards[newNumber] != nil { throw PointsError.cardNumberTaken(field: "newCardNumber", number: newNumber) }
            try checkBalance(card)
            try tx.append(PointsEvents.cardReissued, ["oldCardNumber": .string(card.number), "newCardNumber": .string(newNumber),
                                                      "points": .int(card.balance), "wasLost": .bool(card.status == .lost),
                                                      "idMasked": .string(id.masked), "note": .string(note)], by: actor)
        }
        return book.state.cards[newNumber]!
    }

    // MARK: Ledger checks

    /// Checks a card's balance against the ledger before points are carried over or taken off.
    ///
    /// The card's first line (its enrolment, or the reissue that made it, which states the
    /// balance carried over) is always read again by its seq. The balance is a running sum,
    /// so while the state still holds what a snapshot said, the card's lines from there to the
    /// end of the book are found by their bytes (``LedgerLineLookup/lines(data:book:year:seq:containing:)``),
    /// re-hashed and summed as a replay would; a state replayed from the ledger already is that
    /// sum. A state that disagrees is refused (``LedgerDisagreement``).
    func checkBalance(_ card: PointsCard) throws {
        let first = try book.ledgerLine(year: card.issuedYear, seq: card.issuedSeq)
        let facts = first.map { LedgerFacts($0, book: book.book, year: card.issuedYear) }
        let names = [PointsEvents.cardEnrolled: "cardNumber", PointsEvents.cardReissued: "newCardNumber"]
        guard let facts, let key = names[facts.line.ev] else {
            throw LedgerDisagreement(book: book.book, year: card.issuedYear, seq: card.issuedSeq, fact: .card,
                                     ledger: first?.ev ?? "-", saved: card.number)
        }
        try facts.same(.card, key, card.number)
        guard book.stateFromSnapshot else { return }
        try book.writer.flushPending()
        var balance: Int64 = 0
        let lines = try LedgerLineLookup.lines(data: context.data, book: book.book, year: card.issuedYear, seq: card.issuedSeq,
                                               containing: Array("\"\(card.number)\"".utf8))
        for line in lines {
            let b = line.body
            switch line.ev {
            case PointsEvents.cardEnrolled where b["cardNumber"]?.stringValue == card.number: balance = 0
            case PointsEvents.cardReissued where b["newCardNumber"]?.stringValue == card.number: balance = b["points"]?.intValue ?? 0
            case PointsEvents.cardReissued where b["oldCardNumber"]?.stringValue == card.number: balance = 0
            case PointsEvents.earned where b["cardNumber"]?.stringValue == card.number: balance += b["points"]?.intValue ?? 0
            case PointsEvents.redeemed where b["cardNumber"]?.stringValue == card.number: balance -= b["points"]?.intValue ?? 0
            case PointsEvents.adjusted where b["cardNumber"]?.stringValue == card.number: balance += b["points"]?.intValue ?? 0
            default: break
            }
        }
        guard balance == card.balance else { throw facts.disagree(.balance, ledger: String(balance), saved: String(card.balance)) }
    }

    // MARK: Queries

    /// The card with this number (typed as on the card).
    public func card(number text: String) throws -> PointsCard {
        let number = try Self.cardNumber(text, field: "cardNumber")
        guard let card = state.cards[number] else { throw PointsError.unknownCard(field: "cardNumber", number: number) }
        return card
    }

    /// The current card (active or reported lost) of the person with this ID number, if any.
    public func card(idNumber text: String) throws -> PointsCard? {
        let id = try FieldCheck.residentID(text, field: "idNumber", today: context.today)
        return state.currentCard(idHash: context.personalDataKey.hash(id.number))
    }

    /// Current cards whose holder's phone masks like this one (the mask may match several).
    public func cards(phone text: String) throws -> [PointsCard] {
        state.currentCards(phoneMasked: try FieldCheck.phone(text, field: "phone").masked)
    }

    /// The card's balance.
    public func balance(of number: String) throws -> Int64 { try card(number: number).balance }

    /// The card's latest movements, newest first (a replaced card's moved to its new card).
    public func history(of number: String) throws -> [PointsMovement] { try card(number: number).history.reversed() }

    /// The card a receipt earned points on, or nil if it has not.
    public func cardThatUsed(shop: String, receiptNumber: String) -> String? {
        state.usedReceipts[PointsReceipt.key(shop: shop, number: receiptNumber)]
    }

    /// Cards enrolled, reissued, reported lost, and active now.
    public var counts: (enrolled: Int, reissued: Int, lost: Int, active: Int) {
        (state.enrolledCount, state.reissuedCount, state.lostCount, state.cards.values.reduce(0) { $0 + ($1.status == .active ? 1 : 0) })
    }

    /// Points held on all cards (what the plaza owes its card holders).
    public var outstandingPoints: Int64 { state.cards.values.reduce(0) { $0 + $1.balance } }

    /// The application forms on file, by form number: which card each belongs to.
    public var applicationForms: [(formNumber: String, cardNumber: String, holderName: String, enrolledAt: Int64)] {
        state.cards.values.filter { $0.replaces == nil }
            .map { ($0.formNumber, $0.number, $0.holderName, $0.memberSince) }
            .sorted { ($0.formNumber, $0.cardNumber) < ($1.formNumber, $1.cardNumber) }
    }

    /// The common questions, with this desk's settings filled in.
    public func faq(_ language: Language) throws -> [PointsFAQ.Entry] { try PointsFAQ.entries(language, config: config) }

    // MARK: Checks

    /// The most points one entry may move.
    public static let maxPoints: Int64 = 100_000_000

    /// A card number as printed: `PC` and 6 to 12 digits (spaces and lower case accepted).
    public static func cardNumber(_ text: String, field: String) throws -> String {
        let t = text.trimmingSpaces()
        if t.isEmpty { throw CommonError.required(field: field) }
        let n = String(t.filter { $0 != " " }).uppercased()
        let digits = n.dropFirst(2)
        guard n.hasPrefix("PC"), (6...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw PointsError.badCardNumber(field: field, text: FieldCheck.echo(t))
        }
        return n
    }

    static func optionalCardNumber(_ text: String, field: String) throws -> String? {
        text.trimmingSpaces().isEmpty ? nil : try cardNumber(text, field: field)
    }

    /// A receipt's fields, checked, and its date within the back-fill window.
    func receipt(shop: String, number: String, date: String, amount: String) throws -> PointsReceipt {
        let shop = try FieldCheck.text(shop, field: "shop", max: 40)
        let number = try FieldCheck.text(number, field: "receiptNumber", max: 40, identifier: true)
        if PointsReceipt.normalize(shop).isEmpty { throw CommonError.required(field: "shop") }
        if PointsReceipt.normalize(number).isEmpty { throw CommonError.required(field: "receiptNumber") }
        let day = try FieldCheck.date(date, field: "receiptDate")
        let money = try FieldCheck.money(amount, field: "amount")
        let today = context.time.civil(context.now())
        let age = CivilTime.days(year: today.year, month: today.month, day: today.day) - CivilTime.days(year: day.year, month: day.month, day: day.day)
        if age < 0 { throw PointsError.receiptInFuture(date: day.dateString) }
        if age > Int64(config.backfillDays) { throw PointsError.receiptTooOld(date: day.dateString, days: config.backfillDays) }
        return PointsReceipt(shop: shop, number: number, date: day, amount: money)
    }

    func earnedBody(_ number: String, _ r: PointsReceipt, source: String) -> JSONObject {
        ["cardNumber": .string(number), "source": .string(source), "shop": .string(r.shop), "receiptNumber": .string(r.number),
         "receiptKey": .string(r.key), "receiptDate": .string(r.date.dateString), "amountFen": .int(r.amount.fen),
         "points": .int(r.points(perYuan: config.pointsPerYuan))]
    }

    /// An existing card that may earn and redeem.
    static func usableCard(_ state: PointsState, _ number: String, field: String) throws -> PointsCard {
        guard let card = state.cards[number] else { throw PointsError.unknownCard(field: field, number: number) }
        if card.status.isBlocked { throw PointsError.cardBlocked(field: field, number: number, status: card.status, replacedBy: card.replacedBy) }
        return card
    }

    /// The card named (which must be the ID holder's), or the holder's current card.
    static func holdersCard(_ state: PointsState, number: String?, idHash: String) throws -> PointsCard {
        if let number {
            guard let card = state.cards[number] else { throw PointsError.unknownCard(field: "cardNumber", number: number) }
            guard card.idHash == idHash else { throw PointsError.notHolder(number: number) }
            return card
        }
        guard let card = state.currentCard(idHash: idHash) else { throw PointsError.noCardForID }
        return card
    }
}
