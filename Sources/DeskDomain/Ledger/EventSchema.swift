/// What one event's body holds, declared once next to the event's name: each field's name,
/// type and whether it must be there. `verify --deep` holds every recorded body to it, and
/// a test holds every event the demo year writes to it, so the code that appends and the
/// description cannot drift apart.
///
///     EventSchema(UmbrellaEvents.returned, [
///         .text("unit"), .seq("lentSeq", of: [UmbrellaEvents.lent]), .fen("refundFen"), …
///     ], leadOnly: false)
public struct EventSchema: Sendable {
    /// The event's name, e.g. `umbrella.lent`.
    public let event: String
    /// The body's fields, in canonical key order (sorted when the schema is made).
    public let fields: [EventField]
    /// Only an active shift lead may record it (the desk's `requireLead`), or a clerk with an
    /// active lead's `approvedBy`.
    public let leadOnly: Bool
    /// An optional field whose presence makes this event lead-only (a deposit other than the
    /// configured one carries `depositReason`):
    /// such an event needs a lead or a lead's `approvedBy`, like a ``leadOnly`` one.
    public let leadOnlyWith: String?
    /// Members not declared here are allowed (an event whose shape another part still
    /// settles); otherwise an undeclared member breaks the schema.
    public let open: Bool

    /// Every event may name the shift lead who approved it on a clerk's console
    /// (`approvedBy`, only there when one did; see ``Actor/approver``): declared here once.
    public static let approvedBy = EventField.text("approvedBy", required: false)

    public init(_ event: String, _ fields: [EventField], leadOnly: Bool = false, leadOnlyWith: String? = nil, open: Bool = false) {
        self.event = event
        let all = fields.contains { $0.name == Self.approvedBy.name } ? fields : fields + [Self.approvedBy]
        self.fields = all.sorted { JSONObject.keyPrecedes($0.name, $1.name) }
        self.leadOnly = leadOnly
        self.leadOnlyWith = leadOnlyWith
        self.open = open
    }

    /// Whether `body` needs a shift lead (or a lead's approval): always for a ``leadOnly``
    /// event, else when it carries ``leadOnlyWith``.
    public func needsLead(_ body: JSONObject) -> Bool {
        leadOnly || leadOnlyWith.map { body[$0] != nil } ?? false
    }

    /// The first way `body` breaks the schema, in plain words, or nil when it conforms.
    ///
    /// Both lists are in canonical key order, so they are walked side by side: no lookup
    /// per member.
    public func violation(in body: JSONObject) -> String? {
        let members = body.members
        var m = 0
        for f in fields {
            // Usually the next member is the field itself: equal bytes, no ordering needed.
            if m < members.count, members[m].key == f.name {
                if let problem = f.type.violation(members[m].value) { return "'\(f.name)' \(problem)" }
                m += 1
                continue
            }
            while m < members.count, JSONObject.keyPrecedes(members[m].key, f.name) {
                if !open { return "'\(members[m].key)' is not a field of \(event)" }
                m += 1
            }
            guard m < members.count, members[m].key == f.name else {
                if f.required { return "'\(f.name)' is missing" }
                continue
            }
            if let problem = f.type.violation(members[m].value) { return "'\(f.name)' \(problem)" }
            m += 1
        }
        if m < members.count, !open { return "'\(members[m].key)' is not a field of \(event)" }
        return nil
    }

    /// The fields that name an earlier event of the same book by its seq.
    public var references: [EventField] { fields.filter { if case .seq = $0.type { return true } else { return false } } }
}

/// One field of an event's body.
public struct EventField: Sendable, Equatable {
    public let name: String
    public let type: EventFieldType
    public let required: Bool

    public init(_ name: String, _ type: EventFieldType, required: Bool = true) {
        self.name = name; self.type = type; self.required = required
    }

    public static func text(_ n: String, required: Bool = true) -> EventField { EventField(n, .text, required: required) }
    public static func fen(_ n: String, required: Bool = true) -> EventField { EventField(n, .fen, required: required) }
    public static func int(_ n: String, required: Bool = true) -> EventField { EventField(n, .int, required: required) }
    public static func bool(_ n: String, required: Bool = true) -> EventField { EventField(n, .bool, required: required) }
    public static func time(_ n: String, required: Bool = true) -> EventField { EventField(n, .time, required: required) }
    public static func object(_ n: String, required: Bool = true) -> EventField { EventField(n, .object, required: required) }
    public static func array(_ n: String, required: Bool = true) -> EventField { EventField(n, .array, required: required) }
    public static func oneOf(_ n: String, _ values: [String], required: Bool = true) -> EventField {
        EventField(n, .oneOf(values), required: required)
    }
    /// A seq of an earlier event of the same book; `yearField` names the member that gives
    /// its year when it may be in another year's file.
    public static func seq(_ n: String, of events: [String], yearField: String? = nil) -> EventField {
        EventField(n, .seq(events: events, yearField: yearField))
    }
}

/// The type of a body field.
public enum EventFieldType: Sendable, Equatable {
    /// A string (may be empty).
    case text
    /// Money in integer fen.
    case fen
    /// Any integer (a count, a year, points).
    case int
    case bool
    /// An RFC 3339 time string.
    case time
    /// A JSON object (its own members are not described further).
    case object
    /// A JSON array.
    case array
    /// A string that must be one of these.
    case oneOf([String])
    /// The seq (≥ 1) of an earlier event of the same book, of one of these types.
    case seq(events: [String], yearField: String?)

    /// What is wrong with `value` for this type, or nil.
    func violation(_ value: JSONValue) -> String? {
        switch (self, value) {
        case (.text, .string), (.fen, .int), (.int, .int), (.bool, .bool), (.object, .object), (.array, .array): return nil
        case (.time, .string(let s)): return PlazaTime.parseRFC3339(s) == nil ? "is not an RFC 3339 time" : nil
        case (.oneOf(let allowed), .string(let s)):
            return allowed.contains(s) ? nil : "is '\(s)', not one of \(allowed.joined(separator: ", "))"
        case (.seq, .int(let v)): return v >= 1 ? nil : "is \(v), not a seq"
        default: return "should be \(name), not \(Self.kind(value))"
        }
    }

    var name: String {
        switch self {
        case .text: return "text"
        case .fen: return "an amount in fen"
        case .int: return "an integer"
        case .bool: return "true or false"
        case .time: return "a time"
        case .object: return "an object"
        case .array: return "a list"
        case .oneOf: return "a text"
        case .seq: return "a seq"
        }
    }

    static func kind(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "true/false"
        case .int: return "an integer"
        case .string: return "text"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Every event one book may hold.
public struct BookSchema: Sendable {
    public let book: BookName
    public let events: [EventSchema]
    let index: [String: Int]

    /// The book's own events; `ledger.recovered` is added, since any book may hold it.
    public init(_ book: BookName, _ events: [EventSchema]) {
        self.book = book
        self.events = events + [LedgerEvents.schema]
        var index: [String: Int] = [:]
        for (i, e) in self.events.enumerated() { index[e.event] = i }
        self.index = index
    }

    /// The schema of an event type, if the book has it.
    public func schema(_ event: String) -> EventSchema? { index[event].map { events[$0] } }

    /// The position of an event type in ``events`` (what deep verify keeps per seq).
    public func position(_ event: String) -> Int? { index[event] }
}

/// Every book and its events, in `BookName.desk` order: the schemas of the books
/// registered in ``BookRegistry/standard`` (each declared once, in its book's events).
public enum BookSchemas {
    public static var all: [BookSchema] { BookRegistry.standard.schemas }

    /// The schema of a book, if it is one of the desk's.
    public static func of(_ book: BookName) -> BookSchema? { BookRegistry.standard.schema(book) }
}
