/// Who did something at the desk.
///
/// Every ledger event records its operator. Ids are short, lower-case and safe to print
/// anywhere: letters, digits, `.`, `_` and `-`, 1 to 32 characters.
public struct OperatorID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The id used for what the program does by itself (recovering a torn tail, say).
    public static let system = OperatorID(unchecked: "system")

    public init(_ text: String) throws(OperatorIDError) {
        guard !text.isEmpty, text.utf8.count <= 32 else { throw .badLength }
        for b in text.utf8 {
            let ok = (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b == 0x2e || b == 0x5f || b == 0x2d
            guard ok else { throw .badCharacter(text) }
        }
        rawValue = text
    }

    init(unchecked: String) { rawValue = unchecked }

    public var description: String { rawValue }
    public static func < (a: OperatorID, b: OperatorID) -> Bool { a.rawValue < b.rawValue }
}

/// Why an operator id was refused.
public enum OperatorIDError: Error, Equatable, Sendable, CustomStringConvertible {
    case badLength
    case badCharacter(String)

    public var description: String {
        switch self {
        case .badLength: return "An operator id has 1 to 32 characters."
        case .badCharacter(let s): return "\"\(s)\" is not an operator id: use lower-case letters, digits, '.', '_' or '-'."
        }
    }
}

extension OperatorID: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.string(rawValue) }
    /// Checked as when typed: a snapshot is read, not trusted.
    public init(from d: inout SnapshotDecoder) throws {
        let text = try d.string()
        if let last = d.lastOperator, last.rawValue == text { self = last; return }
        guard let id = try? OperatorID(text) else { throw SnapshotDecodingError("'\(text)' is not an operator id") }
        d.lastOperator = id
        self = id
    }
}
