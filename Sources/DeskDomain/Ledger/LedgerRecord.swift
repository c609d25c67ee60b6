/// One event as it stands in a book: the line's fields, decoded.
public struct LedgerRecord: Hashable, Sendable {
    /// 1, 2, 3 … without gaps, per book and year.
    public let seq: Int64
    /// When, in seconds since 1970.
    public let instant: Int64
    /// The UTC offset the timestamp was written with.
    public let offsetSeconds: Int32
    /// Who did it.
    public let op: OperatorID
    /// What happened, e.g. `umbrella.lent`.
    public let ev: String
    /// The event's fields.
    public let body: JSONObject
    /// The previous line's hash (or the previous year's last, or zeros).
    public let prev: ChainHash
    /// This line's hash.
    public let hash: ChainHash

    /// The RFC 3339 timestamp as written, e.g. `2026-03-01T10:15:00+08:00`.
    public var at: String { PlazaTime(offsetSeconds: offsetSeconds).rfc3339(instant) }

    public init(seq: Int64, instant: Int64, offsetSeconds: Int32, op: OperatorID, ev: String, body: JSONObject,
                prev: ChainHash, hash: ChainHash) {
        self.seq = seq; self.instant = instant; self.offsetSeconds = offsetSeconds; self.op = op; self.ev = ev
        self.body = body; self.prev = prev; self.hash = hash
    }
}
