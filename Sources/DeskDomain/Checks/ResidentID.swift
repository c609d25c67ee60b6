/// An 18-character PRC resident ID number, checked by GB 11643 (ISO 7064 MOD 11-2).
///
/// The desk never stores the number itself: only ``masked`` (for people to compare) and a
/// keyed hash (to find the same person again), see ``PersonalDataKey``.
///
///     let id = try ResidentID("11010519491231002X")
///     id.masked   // "1101**********002X"
public struct ResidentID: Hashable, Sendable {
    /// The 18 characters, with an upper-case X.
    public let number: String

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// - Parameter today: when given, a birth date after it is refused (a typo in the year).
    public init(_ text: String, today: CivilTime? = nil) throws(ResidentIDError) {
        let chars = Array(text.trimmingSpaces())
        guard chars.count == 18 else { throw .wrongLength(chars.count) }
        var sum = 0
        for i in 0..<17 {
            guard let d = chars[i].wholeNumberValue, chars[i].isASCII else { throw .notDigits }
            sum += d * Self.weights[i]
        }
        let last = chars[17]
        if last == "x" { throw .lowerCaseX }
        guard last.isASCII, last.isNumber || last == "X" else { throw .notDigits }
        let birth = String(chars[6..<14])
        guard let year = Int(birth.prefix(4)), let month = Int(birth.dropFirst(4).prefix(2)), let day = Int(birth.suffix(2)),
              year >= 1900, (1...12).contains(month), day >= 1, day <= CivilTime.daysIn(year: year, month: month) else {
            throw .badBirthDate(birth)
        }
        if let today, (year, month, day) > (today.year, today.month, today.day) { throw .birthInFuture(birth) }
        let expected = Self.checkCharacters[sum % 11]
        guard last == expected else { throw .checkFails }
        number = String(chars)
    }

    /// `1101**********002X`: the first four and last four characters.
    public var masked: String { Self.mask(number, keepFirst: 4, keepLast: 4) }

    static func mask(_ s: String, keepFirst: Int, keepLast: Int) -> String {
        let c = Array(s)
        guard c.count > keepFirst + keepLast else { return String(repeating: "*", count: c.count) }
        return String(c.prefix(keepFirst)) + String(repeating: "*", count: c.count - keepFirst - keepLast) + String(c.suffix(keepLast))
    }
}

/// Why a resident ID number was refused.
public enum ResidentIDError: Error, Equatable, Sendable {
    case wrongLength(Int)
    case notDigits
    case lowerCaseX
    case badBirthDate(String)
    case birthInFuture(String)
    case checkFails

    public func message(_ l: Language) -> String {
        switch self {
        case .wrongLength(let n): return l.pick("身份证号应为 18 位，现在是 \(n) 位。", "A resident ID number has 18 characters, not \(n).")
        case .notDigits: return l.pick("身份证号前 17 位是数字，最后一位是数字或 X。", "A resident ID number is 17 digits and a digit or X.")
        case .lowerCaseX: return l.pick("最后一位请用大写 X。", "Type the last character as a capital X.")
        case .badBirthDate(let d): return l.pick("身份证号中的出生日期 \(d) 不存在。", "The birth date \(d) in the ID number does not exist.")
        case .birthInFuture(let d): return l.pick("身份证号中的出生日期 \(d) 还没到，请核对证件。", "The birth date \(d) in the ID number is in the future; compare it with the card.")
        case .checkFails: return l.pick("身份证号校验位不对，请核对证件。", "The ID number's check character is wrong; compare it with the card.")
        }
    }
}
