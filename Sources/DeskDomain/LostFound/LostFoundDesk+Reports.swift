extension LostFoundDesk {
    /// What the clerk typed when a customer reports something lost.
    public struct ReportForm: Sendable {
        /// A category code or its Chinese or English name.
        public var category: String
        /// What it is and what it looks like, in the customer's words.
        public var description: String
        /// Optional: the customer may not know.
        public var colour: String
        /// `2026-03-01`, “today”/“今天”, “yesterday”/“昨天”, or “now”.
        public var lostDate: String
        /// Optional `14:30`.
        public var lostTime: String
        /// Optional: where the customer thinks it was lost.
        public var lostPlace: String
        public var contact: String
        public var phone: String

        public init(category: String = "", description: String = "", colour: String = "", lostDate: String = "today",
                    lostTime: String = "", lostPlace: String = "", contact: String = "", phone: String = "") {
            self.category = category; self.description = description; self.colour = colour; self.lostDate = lostDate
            self.lostTime = lostTime; self.lostPlace = lostPlace; self.contact = contact; self.phone = phone
        }
    }

    /// The recorded report and the items in storage it may be (suggestions only: the
    /// customer still describes the item and signs before anything is handed over).
    public struct ReportResult: Sendable {
        public var report: LostReport
        public var matchingItems: [LostItem]
    }

    /// Takes a lost report under the next `LR-YYYY-NNNNNN` id of the plaza year.
    @discardableResult
    public func report(_ form: ReportForm, by actor: Actor) throws -> ReportResult {
        try actor.requireWriter(.write)
        let category = try self.category(form.category, field: "category")
        let description = try FieldCheck.text(form.description, field: "description", max: 200)
        let colour = try FieldCheck.text(form.colour, field: "colour", max: 20, required: false)
        let lost = try LostFoundInput.moment(date: form.lostDate, time: form.lostTime, dateField: "lostDate",
                                             timeField: "lostTime", timeRequired: false, now: context.now(), plaza: context.time)
        let place = try FieldCheck.text(form.lostPlace, field: "lostPlace", max: 60, required: false)
        let contact = try FieldCheck.text(form.contact, field: "contact", max: 40)
        let phone = try FieldCheck.phone(form.phone, field: "phone")
        let id = try book.transaction { state, tx in
            let year = currentYear
            var id: String
            var n = (state.lastReportNumber[year] ?? 0) + 1
            repeat {
                id = LostFoundNumber.format(prefix: LostFoundNumber.report, year: year, number: n)
                n += 1
            } while state.reports[id] != nil
            try tx.append(LostFoundEvents.reportTaken, [
                "report": .string(id), "category": .string(category.rawValue), "description": .string(description),
                "colour": .string(colour), "lostAt": .string(rfc3339(lost.instant)), "lostTimeKnown": .bool(lost.timeKnown),
                "lostPlace": .string(place), "contact": .string(contact), "phone": .string(phone.masked),
            ], by: actor)
            return id
        }
        let report = book.state.reports[id]!
        return ReportResult(report: report, matchingItems: LostFoundMatcher.items(matching: report, in: book.state))
    }

    /// How a lost report ends.
    public enum ReportOutcome: String, Sendable, CaseIterable {
        /// The customer has the item back (through a claim, or it turned up elsewhere).
        case found
        /// The customer no longer looks for it here.
        case withdrawn
    }

    /// What the clerk typed to close a report.
    public struct CloseReportForm: Sendable {
        public var report: String
        public var outcome: ReportOutcome
        /// Optional: the item's tag, when it was found here.
        public var tag: String
        public var note: String

        public init(report: String = "", outcome: ReportOutcome = .found, tag: String = "", note: String = "") {
            self.report = report; self.outcome = outcome; self.tag = tag; self.note = note
        }
    }

    /// Closes an open report as found or withdrawn.
    @discardableResult
    public func closeReport(_ form: CloseReportForm, by actor: Actor) throws -> LostReport {
        try actor.requireWriter(.write)
        let id = try reportID(form.report, field: "report")
        let tag = form.tag.trimmingSpaces().isEmpty ? nil : try self.tag(form.tag, field: "tag")
        let note = try FieldCheck.text(form.note, field: "note", max: 200, required: false)
        try book.transaction { state, tx in
            try Self.openReport(id, in: state, field: "report")
            if let tag, state.items[tag] == nil { throw LostFoundError.unknownTag(field: "tag", text: tag) }
            try tx.append(LostFoundEvents.reportClosed, ["report": .string(id), "outcome": .string(form.outcome.rawValue),
                                                         "tag": .string(tag ?? ""), "note": .string(note)], by: actor)
        }
        return book.state.reports[id]!
    }

    static func openReport(_ id: String, in state: LostFoundState, field: String) throws {
        guard let report = state.reports[id] else { throw LostFoundError.unknownReport(field: field, text: id) }
        guard report.status == .open else { throw LostFoundError.reportNotOpen(field: field, id: id, status: report.status) }
    }
}
