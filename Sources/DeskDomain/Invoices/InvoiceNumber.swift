/// The identity of one invoice: its code (empty for an electronic invoice without one) and
/// its number.
///
/// Paper invoices restart their numbers under each new invoice code, so the number alone
/// does not always name one invoice; code and number together do.
public struct InvoiceNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var code: String
    public var number: String

    public init(code: String, number: String) { self.code = code; self.number = number }

    /// `144001900110/00000001`, or just the number when there is no code.
    public var description: String { code.isEmpty ? number : code + "/" + number }

    /// How a message names it: "代码 144001900110 号码 00000001".
    public func name(_ l: Language) -> String {
        code.isEmpty ? l.pick("号码 \(number)", "no. \(number)") : l.pick("代码 \(code) 号码 \(number)", "code \(code) no. \(number)")
    }

    public static func < (a: InvoiceNumber, b: InvoiceNumber) -> Bool { (a.code, a.number) < (b.code, b.number) }

    /// Code and number in one text (a value of ``InvoiceState/receiptsInvoiced``); neither
    /// holds U+0001.
    var key: String { code + "\u{1}" + number }

    init?(key: String) {
        guard let cut = key.firstIndex(of: "\u{1}") else { return nil }
        self.init(code: String(key[..<cut]), number: String(key[key.index(after: cut)...]))
    }

    func body(prefix: String = "") -> JSONObject {
        let c = prefix.isEmpty ? "code" : prefix + "Code"
        let n = prefix.isEmpty ? "number" : prefix + "Number"
        return [c: .string(code), n: .string(number)]
    }

    init?(body: JSONObject, prefix: String = "") {
        let c = prefix.isEmpty ? "code" : prefix + "Code"
        let n = prefix.isEmpty ? "number" : prefix + "Number"
        guard let number = body[n]?.stringValue else { return nil }
        self.init(code: body[c]?.stringValue ?? "", number: number)
    }
}

extension InvoiceNumber: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.string(code); e.string(number) }
    public init(from d: inout SnapshotDecoder) throws { self.init(code: try d.string(), number: try d.string()) }
}
