/// One book's CSV: the columns (the union of its events' body fields, sorted, between
/// `seq, at, op, ev` and `hash`) and the rows, one per event.
///
/// Written for Excel and for scripts alike: UTF-8 with a byte-order mark (else Excel takes
/// Chinese text for the local code page), CRLF line ends, RFC 4180 quoting. Personal data
/// goes through ``ExportMask``. A text that starts with `=`, `+`, `-` or `@` gets a leading
/// `'` so that a spreadsheet shows it instead of running it as a formula. Money stays in
/// integer fen, as in the ledger, so every figure can be traced to its line.
public struct BookCSV: Sendable {
    /// The body fields that get a column, in canonical key order.
    public let bodyColumns: [String]

    /// The line-level columns before the body's.
    public static let leadingColumns = ["seq", "at", "op", "ev"]
    /// The line-level column after the body's.
    public static let trailingColumns = ["hash"]

    /// Columns from the body keys seen in a book; dropped fields are left out.
    public init<S: Sequence>(bodyKeys: S) where S.Element == String {
        bodyColumns = Set(bodyKeys).subtracting(ExportMask.droppedColumns).sorted(by: JSONObject.keyPrecedes)
    }

    /// The header's names: a body field whose name is also a line-level column is named
    /// `body.<name>`.
    public var header: [String] {
        let lineLevel = Set(Self.leadingColumns + Self.trailingColumns)
        return Self.leadingColumns + bodyColumns.map { lineLevel.contains($0) ? "body." + $0 : $0 } + Self.trailingColumns
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    func writeHeader(to w: HashingFileWriter) throws {
        w.write(Self.bom)
        for (i, name) in header.enumerated() {
            if i > 0 { w.write(UInt8(ascii: ",")) }
            Self.field(name, to: w)
        }
        w.write([13, 10])
        try w.rowDone()
    }

    func writeRow(_ r: LedgerRecord, to w: HashingFileWriter) throws {
        w.write(String(r.seq)); w.write(UInt8(ascii: ","))
        w.write(r.at); w.write(UInt8(ascii: ","))
        Self.field(r.op.rawValue, to: w); w.write(UInt8(ascii: ","))
        Self.field(r.ev, to: w)
        // Both lists are in canonical key order: walk them side by side.
        let members = r.body.members
        var m = 0
        for column in bodyColumns {
            w.write(UInt8(ascii: ","))
            while m < members.count, JSONObject.keyPrecedes(members[m].key, column) { m += 1 }
            guard m < members.count, members[m].key == column else { continue }
            Self.value(members[m].value, column: column, to: w)
            m += 1
        }
        w.write(UInt8(ascii: ","))
        w.write(r.hash.hex)
        w.write([13, 10])
        try w.rowDone()
    }

    static func value(_ v: JSONValue, column: String, to w: HashingFileWriter) {
        switch v {
        case .null: break
        case .bool(let b): w.write(b ? "true" : "false")
        case .int(let n): w.write(String(n))
        case .string(let s): field(guardFormula(ExportMask.text(s, column: column)), to: w)
        case .array, .object: field(CanonicalJSON.string(v), to: w)
        }
    }

    /// A text a spreadsheet would run as a formula, with a leading `'`.
    static func guardFormula(_ s: String) -> String {
        guard let f = s.utf8.first else { return s }
        switch f {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + s
        default: return s
        }
    }

    /// A field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
    static func field(_ s: String, to w: HashingFileWriter) {
        var needsQuotes = false
        for b in s.utf8 where b == 44 || b == 34 || b == 10 || b == 13 { needsQuotes = true; break }
        guard needsQuotes else { w.write(s); return }
        w.write(34)
        for b in s.utf8 {
            if b == 34 { w.write(34) }
            w.write(b)
        }
        w.write(34)
    }
}
