/// A book's newest line at one moment: its seq and hash. What a seal records.
public struct BookHead: Hashable, Sendable {
    public var seq: Int64
    public var hash: ChainHash

    public init(seq: Int64, hash: ChainHash) { self.seq = seq; self.hash = hash }

    /// `{"hash": "<64 hex>", "seq": 12}`.
    public var json: JSONValue { ["hash": .string(hash.hex), "seq": .int(seq)] }

    /// Heads keyed by book name, as `shift.opened` and `shift.closed` write them.
    public static func json(_ heads: [BookName: BookHead]) -> JSONValue {
        .object(JSONObject(heads.map { ($0.key.rawValue, $0.value.json) }))
    }

    /// Reads heads written by ``json(_:)``; members that are not a head are skipped.
    public static func heads(_ value: JSONValue?) -> [BookName: BookHead] {
        var out: [BookName: BookHead] = [:]
        for m in value?.objectValue?.members ?? [] {
            guard let book = BookName(m.key), let o = m.value.objectValue, let seq = o["seq"]?.intValue,
                  let hex = o["hash"]?.stringValue, let hash = ChainHash(hex: hex) else { continue }
            out[book] = BookHead(seq: seq, hash: hash)
        }
        return out
    }
}

/// Cash put into or taken out of the drawer for something that is not a desk service.
public struct CashMovement: Equatable, Sendable {
    public enum Direction: String, Sendable, CaseIterable {
        case paidIn = "in"
        case paidOut = "out"

        public func name(_ l: Language) -> String {
            switch self {
            case .paidIn: return l.pick("存入", "paid in")
            case .paidOut: return l.pick("支出", "paid out")
            }
        }
    }

    public var shift: String
    public var direction: Direction
    public var amount: Money
    public var reason: String
    public var at: Int64
    public var by: OperatorID
    public var seq: Int64

    /// The movement a `shift.paid` event records.
    init?(_ r: LedgerRecord) {
        guard r.ev == ShiftEvents.paid, let shift = r.body["shift"]?.stringValue,
              let direction = r.body["direction"]?.stringValue.flatMap(Direction.init(rawValue:)),
              let fen = r.body["amountFen"]?.intValue else { return nil }
        self.init(shift: shift, direction: direction, amount: Money(fen: fen), reason: r.body["reason"]?.stringValue ?? "",
                  at: r.instant, by: r.op, seq: r.seq)
    }

    init(shift: String, direction: Direction, amount: Money, reason: String, at: Int64, by: OperatorID, seq: Int64) {
        self.shift = shift; self.direction = direction; self.amount = amount; self.reason = reason; self.at = at
        self.by = by; self.seq = seq
    }

    /// What it does to the drawer: positive in, negative out.
    public var signed: Money { direction == .paidIn ? amount : -amount }

}

/// One shift at the desk: its opening float, cash paid in and out, and — once a lead has
/// counted the drawer — its close and the seal of the books.
public struct Shift: Equatable, Sendable {
    /// `S-20260301-1`.
    public var id: String
    public var float: Money
    public var openedAt: Int64
    public var openedBy: OperatorID
    /// Year and seq of the `shift.opened` event.
    public var openedYear: Int
    public var openedSeq: Int64
    /// The other books' heads at opening (books of ``openedYear`` with an event): the
    /// shift's events are those after them.
    public var heads: [BookName: BookHead]
    public var movements: [CashMovement] = []
    /// Set once the shift is closed.
    public var closing: Closing?

    /// What the lead recorded at closing.
    public struct Closing: Equatable, Sendable {
        public var closedAt: Int64
        public var closedBy: OperatorID
        public var closedYear: Int
        public var closedSeq: Int64
        /// Every other book's head at closing (books of ``closedYear`` with an event).
        public var seals: [BookName: BookHead]
        public var expected: Money
        public var counted: Money
        public var difference: Money
        public var note: String
        /// Notes and coins counted, by denomination in fen (empty when only a sum was typed).
        public var notes: [Int64: Int]

        init?(_ r: LedgerRecord) {
            guard r.ev == ShiftEvents.closed, let expected = r.body["expectedFen"]?.intValue,
                  let counted = r.body["countedFen"]?.intValue else { return nil }
            var notes: [Int64: Int] = [:]
            for m in r.body["notes"]?.objectValue?.members ?? [] {
                if let d = Int64(m.key), let n = m.value.intValue { notes[d] = Int(n) }
            }
            self.init(closedAt: r.instant, closedBy: r.op, closedYear: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year,
                      closedSeq: r.seq, seals: BookHead.heads(r.body["seals"]), expected: Money(fen: expected),
                      counted: Money(fen: counted), difference: Money(fen: r.body["differenceFen"]?.intValue ?? counted - expected),
                      note: r.body["note"]?.stringValue ?? "", notes: notes)
        }

        init(closedAt: Int64, closedBy: OperatorID, closedYear: Int, closedSeq: Int64, seals: [BookName: BookHead],
             expected: Money, counted: Money, difference: Money, note: String, notes: [Int64: Int]) {
            self.closedAt = closedAt; self.closedBy = closedBy; self.closedYear = closedYear; self.closedSeq = closedSeq
            self.seals = seals; self.expected = expected; self.counted = counted; self.difference = difference
            self.note = note; self.notes = notes
        }

    }

    public var isOpen: Bool { closing == nil }
    public var paidIn: Money { movements.filter { $0.direction == .paidIn }.reduce(.zero) { $0 + $1.amount } }
    public var paidOut: Money { movements.filter { $0.direction == .paidOut }.reduce(.zero) { $0 + $1.amount } }

    /// The shift a `shift.opened` event opens.
    init?(opened r: LedgerRecord) {
        guard r.ev == ShiftEvents.opened, let id = r.body["shift"]?.stringValue, let float = r.body["floatFen"]?.intValue else { return nil }
        self.init(id: id, float: Money(fen: float), openedAt: r.instant, openedBy: r.op,
                  openedYear: PlazaTime(offsetSeconds: r.offsetSeconds).civil(r.instant).year, openedSeq: r.seq,
                  heads: BookHead.heads(r.body["heads"]))
    }

    init(id: String, float: Money, openedAt: Int64, openedBy: OperatorID, openedYear: Int, openedSeq: Int64,
         heads: [BookName: BookHead], movements: [CashMovement] = [], closing: Closing? = nil) {
        self.id = id; self.float = float; self.openedAt = openedAt; self.openedBy = openedBy; self.openedYear = openedYear
        self.openedSeq = openedSeq; self.heads = heads; self.movements = movements; self.closing = closing
    }

}

/// Shift ids: `S-YYYYMMDD-N`, the plaza date the shift opened and its number that day.
public enum ShiftID {
    public static func make(date: CivilTime, number: Int) -> String {
        "S-" + date.dateString.replacingOccurrences(of: "-", with: "") + "-\(number)"
    }

    /// The date and number of an id as typed (`S-20260301-1`, `s-20260301-1`); nil when
    /// it is not one.
    public static func parse(_ text: String) -> (date: CivilTime, number: Int)? {
        let parts = text.trimmingSpaces().uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "S", parts[1].count == 8, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              (1...4).contains(parts[2].count), parts[2].allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(parts[2]), n >= 1 else { return nil }
        let d = String(parts[1])
        guard let date = CivilTime.parseDate(String(d.prefix(4)) + "-" + String(d.dropFirst(4).prefix(2)) + "-" + String(d.suffix(2))) else { return nil }
        return (date, n)
    }

    /// The canonical spelling of a typed id.
    public static func normalize(_ text: String) -> String? {
        parse(text).map { make(date: $0.date, number: $0.number) }
    }
}

extension BookHead: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.int(seq); e.string(hash.hex) }
    public init(from d: inout SnapshotDecoder) throws {
        let seq = try d.int()
        guard let hash = ChainHash(hex: try d.string()) else { throw SnapshotDecodingError("a book head's hash") }
        self.init(seq: seq, hash: hash)
    }

    static func encode(_ heads: [BookName: BookHead], to e: inout SnapshotEncoder) {
        e.dictionary(heads, key: { $0.string($1.rawValue) }, value: { $0.value($1) })
    }

    static func decode(from d: inout SnapshotDecoder) throws -> [BookName: BookHead] {
        try d.dictionary(key: { d in
            let name = try d.string()
            guard let book = BookName(name) else { throw SnapshotDecodingError("'\(name)' is not a book") }
            return book
        }, value: { try $0.value(BookHead.self) })
    }
}

extension CashMovement: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.string(shift); e.raw(direction); e.value(amount); e.string(reason); e.int(at); e.value(by); e.int(seq)
    }
    public init(from d: inout SnapshotDecoder) throws {
        self.init(shift: try d.string(), direction: try d.raw(), amount: try d.value(), reason: try d.string(), at: try d.int(),
                  by: try d.value(), seq: try d.int())
    }
}

extension Shift.Closing: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.int(closedAt); e.value(closedBy); e.int(closedYear); e.int(closedSeq); BookHead.encode(seals, to: &e)
        e.value(expected); e.value(counted); e.value(difference); e.string(note)
        e.dictionary(notes, key: { $0.int($1) }, value: { $0.int($1) })
    }
    public init(from d: inout SnapshotDecoder) throws {
        self.init(closedAt: try d.int(), closedBy: try d.value(), closedYear: try d.intValue(), closedSeq: try d.int(),
                  seals: try BookHead.decode(from: &d), expected: try d.value(), counted: try d.value(), difference: try d.value(),
                  note: try d.string(), notes: try d.dictionary(key: { try $0.int() }, value: { try $0.intValue() }))
    }
}

extension Shift: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.string(id); e.value(float); e.int(openedAt); e.value(openedBy); e.int(openedYear); e.int(openedSeq)
        BookHead.encode(heads, to: &e); e.array(movements); e.optional(closing)
    }
    public init(from d: inout SnapshotDecoder) throws {
        self.init(id: try d.string(), float: try d.value(), openedAt: try d.int(), openedBy: try d.value(),
                  openedYear: try d.intValue(), openedSeq: try d.int(), heads: try BookHead.decode(from: &d),
                  movements: try d.array(), closing: try d.optional())
    }
}
