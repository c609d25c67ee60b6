/// Reads each line into a ``LedgerRecord``: what opening a book, catching up with other
/// writers and the reports need. `verify` uses it with `decode` off, to check every field
/// and make nothing.
struct RecordReader: LineReader {
    /// Make records (off: check every field only).
    var decode: Bool
    /// Lines up to this seq are held by a snapshot: only their chain is checked.
    var decodeAfterSeq: Int64 = 0
    /// Event names and operator ids seen lately, one cache per part.
    var strings: RecentStrings?

    init(decode: Bool, decodeAfterSeq: Int64 = 0) {
        self.decode = decode; self.decodeAfterSeq = decodeAfterSeq
    }

    func depth(seq: Int64) -> LineDepth {
        guard decode else { return .checked }
        return seq > decodeAfterSeq ? .read : .chain
    }

    /// Smaller windows when every line is decoded: two windows in flight, decoded, are tens
    /// of times their bytes in records.
    func windowBytes(after startSeq: Int64) -> Int {
        depth(seq: startSeq + 1) == .read ? BookScanner.decodedWindowBytes : BookScanner.windowBytes
    }

    func forPart() -> RecordReader {
        var copy = self
        copy.strings = decode ? RecentStrings() : nil
        return copy
    }

    mutating func item(_ line: LineHead, body: inout JSONScanner) throws(LineFault) -> LedgerRecord {
        let fields = try body.object(depth: 1)
        let op = try LedgerLine.plainString(line.bytes, at: line.opStart, strings: strings)
        let ev = try LedgerLine.plainString(line.bytes, at: line.evStart, strings: strings)
        let opID: OperatorID
        if let known = strings?.lastOperator, known.rawValue == op {
            opID = known
        } else {
            guard let checked = try? OperatorID(op) else { throw LineFault("'op' is not an operator id") }
            opID = checked
            strings?.lastOperator = checked
        }
        return LedgerRecord(seq: line.seq, instant: line.instant, offsetSeconds: line.offsetSeconds, op: opID, ev: ev,
                            body: fields, prev: line.prev, hash: line.hash)
    }
}
