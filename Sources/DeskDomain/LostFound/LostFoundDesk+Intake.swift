extension LostFoundDesk {
    /// What the clerk typed when an item is handed in.
    public struct IntakeForm: Sendable {
        /// `2026-03-01`, “today”/“今天”, “yesterday”/“昨天”, or “now”/“现在” (then
        /// ``foundTime`` is not needed).
        public var foundDate: String
        /// `14:30`.
        public var foundTime: String
        public var foundPlace: String
        /// Who handed it in (a staff member, a customer).
        public var handedInBy: String
        /// A category code or its Chinese or English name (“wallet”, “钱包”).
        public var category: String
        /// 1 to 999.
        public var quantity: String
        public var colour: String
        /// Optional.
        public var brand: String
        public var features: String
        /// Cash counted with the finder: required for cash, optional otherwise (cash in a wallet).
        public var amount: String
        /// Where it is kept; required for valuables (the safe).
        public var storage: String

        public init(foundDate: String = "now", foundTime: String = "", foundPlace: String = "", handedInBy: String = "",
                    category: String = "", quantity: String = "1", colour: String = "", brand: String = "",
                    features: String = "", amount: String = "", storage: String = "") {
            self.foundDate = foundDate; self.foundTime = foundTime; self.foundPlace = foundPlace
            self.handedInBy = handedInBy; self.category = category; self.quantity = quantity; self.colour = colour
            self.brand = brand; self.features = features; self.amount = amount; self.storage = storage
        }
    }

    /// The registered item and the open lost reports it may answer (suggestions only:
    /// nothing is closed or handed over by them).
    public struct IntakeResult: Sendable {
        public var item: LostItem
        public var matchingReports: [LostReport]
    }

    /// Registers a found item under the next tag of the plaza year; the receiving clerk is
    /// the actor.
    @discardableResult
    public func intake(_ form: IntakeForm, by actor: Actor) throws -> IntakeResult {
        try actor.requireWriter(.write)
        let now = context.now()
        let found = try LostFoundInput.moment(date: form.foundDate, time: form.foundTime, dateField: "foundDate",
                                              timeField: "foundTime", timeRequired: true, now: now, plaza: context.time)
        let place = try FieldCheck.text(form.foundPlace, field: "foundPlace", max: 60)
        let handedInBy = try FieldCheck.text(form.handedInBy, field: "handedInBy", max: 40)
        let category = try self.category(form.category, field: "category")
        let quantity = try FieldCheck.integer(form.quantity, field: "quantity", min: 1, max: 999)
        let colour = try FieldCheck.text(form.colour, field: "colour", max: 20)
        let brand = try FieldCheck.text(form.brand, field: "brand", max: 40, required: false)
        let features = try FieldCheck.text(form.features, field: "features", max: 200)
        var amount: Money?
        if category == .cash || !form.amount.trimmingSpaces().isEmpty {
            if form.amount.trimmingSpaces().isEmpty { throw LostFoundError.cashNeedsAmount }
            amount = try FieldCheck.money(form.amount, field: "amount")
        }
        let storage = try FieldCheck.text(form.storage, field: "storage", max: 40, required: false)
        if category.isValuable && storage.isEmpty { throw LostFoundError.valuableNeedsSafe(category: category) }
        let tag = try book.transaction { state, tx in
            let year = currentYear
            var tag: String
            var n = (state.lastTagNumber[year] ?? 0) + 1
            repeat {
                tag = LostFoundNumber.format(prefix: LostFoundNumber.tag, year: year, number: n)
                n += 1
            } while state.items[tag] != nil
            var body: JSONObject = [
                "tag": .string(tag), "category": .string(category.rawValue), "valuable": .bool(category.isValuable),
                "quantity": .int(quantity), "colour": .string(colour), "brand": .string(brand), "features": .string(features),
                "foundAt": .string(rfc3339(found.instant)), "foundPlace": .string(place), "handedInBy": .string(handedInBy),
                "storage": .string(storage),
            ]
            if let amount { body["amountFen"] = .int(amount.fen) }
            try tx.append(LostFoundEvents.itemReceived, body, by: actor)
            return tag
        }
        let item = book.state.items[tag]!
        return IntakeResult(item: item, matchingReports: LostFoundMatcher.reports(matching: item, in: book.state))
    }
}
