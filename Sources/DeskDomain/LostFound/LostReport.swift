/// A customer's report of something lost before it turned up, kept open so that an item
/// handed in later can be matched to it (and the customer phoned).
public struct LostReport: Equatable, Sendable {
    /// Open, or how it was closed.
    public enum Status: String, Sendable, CaseIterable {
        case open, found, withdrawn

        public func name(_ l: Language) -> String {
            switch self {
            case .open: return l.pick("登记中", "open")
            case .found: return l.pick("已找到", "found")
            case .withdrawn: return l.pick("已撤销", "withdrawn")
            }
        }
    }

    /// `LR-2026-000001`.
    public var id: String
    public var category: LostItemCategory
    public var description: String
    /// Empty when the customer does not know.
    public var colour: String
    /// When it was lost; only the day counts when ``lostTimeKnown`` is false.
    public var lostAt: Int64
    public var lostTimeKnown: Bool
    public var lostPlace: String
    public var contact: String
    public var phoneMasked: String
    public var reportedAt: Int64
    public var reportedBy: OperatorID
    public var status: Status = .open
    public var closedAt: Int64?
    public var closedBy: OperatorID?
    public var closingNote: String = ""
    /// The item it was found as, when known.
    public var foundTag: String?

    init(id: String, category: LostItemCategory, description: String, colour: String, lostAt: Int64, lostTimeKnown: Bool,
         lostPlace: String, contact: String, phoneMasked: String, reportedAt: Int64, reportedBy: OperatorID) {
        self.id = id; self.category = category; self.description = description; self.colour = colour
        self.lostAt = lostAt; self.lostTimeKnown = lostTimeKnown; self.lostPlace = lostPlace; self.contact = contact
        self.phoneMasked = phoneMasked; self.reportedAt = reportedAt; self.reportedBy = reportedBy
    }

}

extension LostReport.Status: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.raw(self) }
    public init(from d: inout SnapshotDecoder) throws { self = try d.raw(Self.self) }
}

extension LostReport: SnapshotCoding {
    /// Every stored field, in declaration order.
    public func encode(to e: inout SnapshotEncoder) {
        e.string(id)
        e.value(category)
        e.string(description)
        e.string(colour)
        e.int(lostAt)
        e.bool(lostTimeKnown)
        e.string(lostPlace)
        e.string(contact)
        e.string(phoneMasked)
        e.int(reportedAt)
        e.value(reportedBy)
        e.value(status)
        e.optional(closedAt)
        e.optional(closedBy)
        e.string(closingNote)
        e.optional(foundTag)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let id = try d.string()
        let category = try d.value(LostItemCategory.self)
        let description = try d.string()
        let colour = try d.string()
        let lostAt = try d.int()
        let lostTimeKnown = try d.bool()
        let lostPlace = try d.string()
        let contact = try d.string()
        let phoneMasked = try d.string()
        let reportedAt = try d.int()
        let reportedBy = try d.value(OperatorID.self)
        self.init(id: id, category: category, description: description, colour: colour, lostAt: lostAt,
                  lostTimeKnown: lostTimeKnown, lostPlace: lostPlace, contact: contact, phoneMasked: phoneMasked,
                  reportedAt: reportedAt, reportedBy: reportedBy)
        status = try d.value(Status.self)
        closedAt = try d.optionalInt()
        closedBy = try d.optional(of: OperatorID.self)
        closingNote = try d.string()
        foundTag = try d.optionalString()
    }
}
