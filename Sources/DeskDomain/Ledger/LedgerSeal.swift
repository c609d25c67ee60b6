/// One book's head as a shift close recorded it: proof that the book had exactly this line
/// at this seq when the shift was closed.
///
/// A `shift.closed` event in the `shift` book carries `"seals"`: an object keyed by book
/// name, each value `{"hash": "<64 hex>", "seq": N}`. The seal holds when the named book of
/// the same year has a line with that seq and that hash. Chain checks alone cannot see a
/// book whose tail was cut off or whose lines were all re-hashed after the close; a seal can.
/// `plazadesk verify` and the export's `verify.py` check seals by these same rules.
public struct LedgerSeal: Hashable, Sendable {
    /// The book that was sealed.
    public var book: BookName
    /// Its head seq at closing.
    public var seq: Int64
    /// The hash of that line.
    public var hash: ChainHash
    /// The seq of the `shift.closed` event in the shift book that holds the seal.
    public var shiftSeq: Int64

    public init(book: BookName, seq: Int64, hash: ChainHash, shiftSeq: Int64) {
        self.book = book; self.seq = seq; self.hash = hash; self.shiftSeq = shiftSeq
    }

    /// The event that carries seals.
    public static let event = "shift.closed"
    /// The book that holds it.
    public static let shiftBook = BookName.shift
    /// The body member that holds them.
    public static let bodyKey = "seals"

    /// The body member for a set of book heads, as a shift close writes it.
    public static func bodyValue(_ heads: [(book: BookName, seq: Int64, hash: ChainHash)]) -> JSONValue {
        .object(JSONObject(heads.map { ($0.book.rawValue, JSONValue.object(["hash": .string($0.hash.hex), "seq": .int($0.seq)])) }))
    }

    /// The seals of a `shift.closed` record (none for any other event, or when it has no
    /// `seals` member; a seal at seq 0, of a book empty at closing, asserts nothing). A
    /// `seals` member that is not in the agreed shape is a fault.
    public static func seals(in record: LedgerRecord) throws(LineFault) -> [LedgerSeal] {
        guard record.ev == event, let value = record.body[bodyKey] else { return [] }
        guard let object = value.objectValue else { throw LineFault("'seals' is not an object") }
        var out: [LedgerSeal] = []
        for m in object.members {
            guard let book = BookName(m.key) else { throw LineFault("seal names '\(m.key)', which is not a book name") }
            guard let seal = m.value.objectValue, let seq = seal["seq"]?.intValue, seq >= 0,
                  let hex = seal["hash"]?.stringValue, let hash = ChainHash(hex: hex) else {
                throw LineFault("the seal of \(book) is not {\"hash\": 64 hex digits, \"seq\": 0 or more}")
            }
            // Seq 0: the book had no line yet this year; nothing to hold it to.
            if seq > 0 { out.append(LedgerSeal(book: book, seq: seq, hash: hash, shiftSeq: record.seq)) }
        }
        return out
    }
}
