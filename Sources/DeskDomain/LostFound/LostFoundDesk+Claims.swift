extension LostFoundDesk {
    /// Step 1 of a claim: what the claimant says about the item before seeing it.
    public struct DescribeClaimForm: Sendable {
        public var tag: String
        /// Optional: the claimant's name.
        public var claimant: String
        public var quantity: String
        public var colour: String
        public var features: String

        public init(tag: String = "", claimant: String = "", quantity: String = "", colour: String = "", features: String = "") {
            self.tag = tag; self.claimant = claimant; self.quantity = quantity; self.colour = colour; self.features = features
        }
    }

    /// Records the claimant's own description of quantity, colour and features, before the
    /// item is shown (manual §5.2.14). A new description replaces one not yet judged.
    @discardableResult
    public func describeClaim(_ form: DescribeClaimForm, by actor: Actor) throws -> ClaimDescription {
        try actor.requireWriter(.write)
        let tag = try self.tag(form.tag, field: "tag")
        let claimant = try FieldCheck.text(form.claimant, field: "claimant", max: 40, required: false)
        let quantity = try FieldCheck.integer(form.quantity, field: "quantity", min: 1, max: 999)
        let colour = try FieldCheck.text(form.colour, field: "colour", max: 20)
        let features = try FieldCheck.text(form.features, field: "features", max: 200)
        try book.transaction { state, tx in
            _ = try Self.itemInStorage(tag, in: state)
            try tx.append(LostFoundEvents.claimDescribed, ["tag": .string(tag), "claimant": .string(claimant),
                                                           "quantity": .int(quantity), "colour": .string(colour),
                                                           "features": .string(features)], by: actor)
        }
        return book.state.items[tag]!.pendingDescription!
    }

    /// Step 2 of a claim: the clerk's judgement and, when it matched, the claimant's signed
    /// ledger entry.
    public struct CompleteClaimForm: Sendable {
        public var tag: String
        /// The clerk's judgement: the description matched the item.
        public var matched: Bool
        /// Optional (why it did not match, anything worth keeping).
        public var note: String
        // Only when matched:
        public var claimant: String
        /// An 18-character resident ID number (kept only masked and as a keyed hash).
        public var claimantID: String
        public var phone: String
        /// The claimant signed the claim ledger.
        public var signatureConfirmed: Bool
        /// Optional: the claimant's open lost report, closed as found with this claim.
        public var reportID: String

        public init(tag: String = "", matched: Bool = false, note: String = "", claimant: String = "", claimantID: String = "",
                    phone: String = "", signatureConfirmed: Bool = false, reportID: String = "") {
            self.tag = tag; self.matched = matched; self.note = note; self.claimant = claimant
            self.claimantID = claimantID; self.phone = phone; self.signatureConfirmed = signatureConfirmed
            self.reportID = reportID
        }
    }

    /// Completes a described claim. Not matched: the refusal is recorded and the item stays
    /// in storage. Matched: the item is claimed by the named person, released by the actor.
    @discardableResult
    public func completeClaim(_ form: CompleteClaimForm, by actor: Actor) throws -> LostItem {
        try actor.requireWriter(.write)
        let tag = try self.tag(form.tag, field: "tag")
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        guard form.matched else {
            try book.transaction { state, tx in
                let description = try Self.described(tag, in: state)
                try tx.append(LostFoundEvents.claimRefused, ["tag": .string(tag), "describedYear": .int(Int64(description.describedYear)),
                                                             "describedSeq": .int(description.describedSeq),
                                                             "note": .string(note)], by: actor)
            }
            return book.state.items[tag]!
        }
        let claimant = try FieldCheck.text(form.claimant, field: "claimant", max: 40)
        let id = try FieldCheck.residentID(form.claimantID, field: "claimantID", today: book.context.today)
        let phone = try FieldCheck.phone(form.phone, field: "phone")
        guard form.signatureConfirmed else { throw LostFoundError.signatureMissing }
        let reportID = form.reportID.trimmingSpaces().isEmpty ? nil : try self.reportID(form.reportID, field: "reportID")
        try book.transaction { state, tx in
            let description = try Self.described(tag, in: state)
            try intakeAndDescriptionLines(state.items[tag]!, description)
            if let reportID { try Self.openReport(reportID, in: state, field: "reportID") }
            try tx.append(LostFoundEvents.claimed, [
                "tag": .string(tag), "describedYear": .int(Int64(description.describedYear)),
                "describedSeq": .int(description.describedSeq), "claimant": .string(claimant),
                "claimantIDMasked": .string(id.masked), "claimantIDHash": .string(context.personalDataKey.hash(id.number)),
                "phone": .string(phone.masked), "signatureConfirmed": true, "note": .string(note),
                "report": .string(reportID ?? ""),
            ], by: actor)
            if let reportID {
                try tx.append(LostFoundEvents.reportClosed, ["report": .string(reportID), "outcome": .string(ReportOutcome.found.rawValue),
                                                             "tag": .string(tag), "note": .string("")], by: actor)
            }
        }
        return book.state.items[tag]!
    }

    /// Reads the item's intake line and the claimant's description line again from the
    /// ledger (hash and link checked) before the item is handed over: what the clerk matched
    /// the description against (quantity, colour, features, cash amount) must be what was
    /// registered, not only what the saved state says. A state that disagrees is refused.
    func intakeAndDescriptionLines(_ item: LostItem, _ description: ClaimDescription) throws {
        let intake = LedgerFacts(try book.ledgerLine(year: item.receivedYear, seq: item.receivedSeq, ev: LostFoundEvents.itemReceived),
                                 book: book.book, year: item.receivedYear)
        try intake.same(.item, "tag", item.tag)
        try intake.same(.category, "category", item.category.rawValue)
        try intake.same(.quantity, "quantity", Int64(item.quantity))
        try intake.same(.colour, "colour", item.colour)
        try intake.same(.features, "features", item.features)
        if let amount = item.amount { try intake.same(.amount, "amountFen", money: amount) } else if let fen = intake.int("amountFen") {
            throw intake.disagree(.amount, ledger: Money(fen: fen).description, saved: "-")
        }
        let described = LedgerFacts(try book.ledgerLine(year: description.describedYear, seq: description.describedSeq,
                                                        ev: LostFoundEvents.claimDescribed), book: book.book, year: description.describedYear)
        try described.same(.item, "tag", item.tag)
        try described.same(.description, "quantity", Int64(description.quantity))
        try described.same(.description, "colour", description.colour)
        try described.same(.description, "features", description.features)
    }

    /// The pending description of an item in storage, or the refusal.
    static func described(_ tag: String, in state: LostFoundState) throws -> ClaimDescription {
        let item = try itemInStorage(tag, in: state)
        guard let description = item.pendingDescription else { throw LostFoundError.claimNotDescribed(tag: tag) }
        return description
    }
}
