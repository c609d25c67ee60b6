extension LostFoundDesk {
    /// What a shift lead records when an unclaimed item leaves the desk.
    public struct DisposeForm: Sendable {
        public var tag: String
        public var method: DisposalMethod
        /// The reason, or who received it (police station and officer, charity, bank).
        public var note: String

        public init(tag: String = "", method: DisposalMethod = .police, note: String = "") {
            self.tag = tag; self.method = method; self.note = note
        }
    }

    /// Disposes of an item still in storage, on a shift lead's authority. Any method is
    /// allowed for any category (ID documents usually go to the police, bank cards to the
    /// issuer); the event records whether its retention had run out.
    @discardableResult
    public func dispose(_ form: DisposeForm, by actor: Actor) throws -> LostItem {
        try actor.requireLead(.disposeLostProperty)
        let tag = try self.tag(form.tag, field: "tag")
        let note = try FieldCheck.text(form.note, field: "note", max: 200)
        try book.transaction { state, tx in
            let item = try Self.itemInStorage(tag, in: state)
            try tx.append(LostFoundEvents.disposed, ["tag": .string(tag), "method": .string(form.method.rawValue),
                                                     "note": .string(note),
                                                     "expired": .bool(item.isExpired(now: context.now(), config: config))],
                          by: actor)
        }
        return book.state.items[tag]!
    }
}
