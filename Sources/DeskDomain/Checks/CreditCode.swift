/// An 18-character unified social credit code (GB 32100), a company's taxpayer ID.
///
/// Some genuine early codes fail the check character; a shift lead may accept one anyway
/// (``init(_:allowFailedCheck:)``), and the event records that it was accepted that way.
public struct CreditCode: Hashable, Sendable {
    public let code: String
    /// True when a lead accepted it although its check character fails.
    public let checkOverridden: Bool

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public init(_ text: String, allowFailedCheck: Bool = false) throws(CreditCodeError) {
        let chars = Array(text.trimmingSpaces())
        guard chars.count == 18 else { throw .wrongLength(chars.count) }
        var values: [Int] = []
        for c in chars {
            guard let v = Self.alphabet.firstIndex(of: c) else {
                if c.isLetter && c.isLowercase { throw .lowerCase }
                throw .badCharacter(String(c))
            }
            values.append(v)
        }
        var sum = 0
        for i in 0..<17 { sum += values[i] * Self.weights[i] }
        let check = (31 - sum % 31) % 31
        if check != values[17] {
            guard allowFailedCheck else { throw .checkFails }
            checkOverridden = true
        } else {
            checkOverridden = false
        }
        code = String(chars)
    }
}

/// Why a credit code was refused.
public enum CreditCodeError: Error, Equatable, Sendable {
    case wrongLength(Int)
    case lowerCase
    case badCharacter(String)
    case checkFails

    public func message(_ l: Language) -> String {
        switch self {
        case .wrongLength(let n): return l.pick("统一社会信用代码应为 18 位，现在是 \(n) 位。", "A credit code has 18 characters, not \(n).")
        case .lowerCase: return l.pick("信用代码中的字母请用大写。", "Type the letters of the credit code in capitals.")
        case .badCharacter(let c): return l.pick("信用代码中不能有“\(c)”（不用 I、O、S、V、Z）。", "A credit code cannot contain \"\(c)\" (no I, O, S, V or Z).")
        case .checkFails: return l.pick("信用代码校验位不对；如确为真实的早期代码，请值班主管确认。", "The credit code's check character is wrong; if it is a genuine early code, a shift lead may accept it.")
        }
    }
}
