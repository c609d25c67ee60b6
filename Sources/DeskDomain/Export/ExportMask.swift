/// What of a ledger's personal data may appear in an export's CSV, and how.
///
/// The ledger already holds phones and ID numbers only masked, but the CSV is what leaves
/// the building: keyed hashes and PIN material are left out, a `phone` column is masked
/// again in case an older event held more, and free text (notes, descriptions) has any
/// mobile number or valid resident ID number in it masked. Identifier columns (invoice
/// numbers, card numbers, receipt numbers …) are left as they are: they are not personal
/// and an auditor needs them whole.
public enum ExportMask {
    /// Body fields never exported to CSV (they stay in the ledger file, which must be
    /// unchanged for its hashes to hold).
    public static let droppedColumns: Set<String> = ["claimantIDHash", "idHash", "pinHash", "salt"]

    /// Columns that hold a phone number.
    public static let phoneColumns: Set<String> = ["phone"]

    /// Columns that are identifiers or codes, not free text.
    public static let identifierColumns: Set<String> = [
        "cardNumber", "oldCardNumber", "newCardNumber", "code", "number", "first", "last", "originalCode",
        "originalNumber", "taxpayerID", "receiptNumber", "receiptKey", "receipts", "tag", "report", "formNumber",
        "unit", "depositCard", "idMasked", "claimantIDMasked", "quarantine", "seals", "id",
    ]

    /// The value of `column` as the CSV shows it.
    public static func text(_ value: String, column: String) -> String {
        if phoneColumns.contains(column) { return phone(value) }
        if identifierColumns.contains(column) { return value }
        return freeText(value)
    }

    /// A phone as `138****5678`; already masked values stay.
    public static func phone(_ value: String) -> String {
        if value.isEmpty || value.contains("*") { return value }
        if let p = try? PhoneNumber(value) { return p.masked }
        return ResidentID.mask(value, keepFirst: 3, keepLast: 4)
    }

    /// Free text with mobile numbers (11 digits from 1) and valid resident ID numbers masked.
    public static func freeText(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var runs: [(Int, Int)] = []
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]) else { i += 1; continue }
            var j = i
            while j < bytes.count, isDigit(bytes[j]) { j += 1 }
            if j < bytes.count, j - i == 17, bytes[j] == UInt8(ascii: "X") { j += 1 }
            if j - i >= 11 { runs.append((i, j)) }
            i = j
        }
        guard !runs.isEmpty else { return value }
        var out = bytes
        for (a, b) in runs {
            let run = String(decoding: bytes[a..<b], as: UTF8.self)
            var masked: String?
            if b - a == 11, bytes[a] == UInt8(ascii: "1") {
                masked = ResidentID.mask(run, keepFirst: 3, keepLast: 4)
            } else if b - a == 18, let id = try? ResidentID(run) {
                masked = id.masked
            }
            if let masked { out.replaceSubrange(a..<b, with: Array(masked.utf8)) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
