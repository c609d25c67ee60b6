/// What kind of thing was found or lost: drives matching, retention and safe-keeping.
///
/// Valuables (cash, phones, ID documents, bank cards, jewellery) go to the safe; ID
/// documents and bank cards are kept a shorter time (config `lostfound.id_document_days`,
/// `lostfound.bank_card_days`) before they go to the police or the issuer.
public enum LostItemCategory: String, CaseIterable, Sendable {
    case cash, phone, idDocument, bankCard, jewellery, wallet, bag, keys, clothing, umbrella, electronics, documents, other

    /// Kept in the safe, flagged on the item.
    public var isValuable: Bool {
        switch self {
        case .cash, .phone, .idDocument, .bankCard, .jewellery: return true
        default: return false
        }
    }

    public func name(_ l: Language) -> String {
        switch self {
        case .cash: return l.pick("现金", "cash")
        case .phone: return l.pick("手机", "phone")
        case .idDocument: return l.pick("身份证件", "ID document")
        case .bankCard: return l.pick("银行卡", "bank card")
        case .jewellery: return l.pick("首饰", "jewellery")
        case .wallet: return l.pick("钱包", "wallet")
        case .bag: return l.pick("包", "bag")
        case .keys: return l.pick("钥匙", "keys")
        case .clothing: return l.pick("衣物", "clothing")
        case .umbrella: return l.pick("雨伞", "umbrella")
        case .electronics: return l.pick("电子产品", "electronics")
        case .documents: return l.pick("文件资料", "documents")
        case .other: return l.pick("其他", "other")
        }
    }

    /// How many days an item of this category is kept before it is listed for disposal.
    public func retentionDays(_ config: DeskConfig) -> Int {
        switch self {
        case .idDocument: return config.idDocumentDays
        case .bankCard: return config.bankCardDays
        default: return config.retentionDays
        }
    }

    /// Reads what a clerk typed: the code (`bankCard`), the Chinese or the English name,
    /// in any case, with or without spaces (`bank card`, `银行卡`, `BANKCARD`).
    public init?(text: String) {
        let key = Self.key(text)
        guard !key.isEmpty, let c = Self.allCases.first(where: { c in
            Self.key(c.rawValue) == key || Self.key(c.name(.zhHans)) == key || Self.key(c.name(.en)) == key
                || (Self.aliases[key] == c)
        }) else { return nil }
        self = c
    }

    static let aliases: [String: LostItemCategory] = [
        "身份证": .idDocument, "证件": .idDocument, "护照": .idDocument, "id": .idDocument, "idcard": .idDocument,
        "mobile": .phone, "mobilephone": .phone, "money": .cash, "钱": .cash, "卡": .bankCard, "card": .bankCard,
        "jewelry": .jewellery, "衣服": .clothing, "伞": .umbrella, "key": .keys, "文件": .documents,
    ]

    static func key(_ s: String) -> String {
        String(s.lowercased().filter { $0 != " " && $0 != "\u{3000}" && $0 != "-" && $0 != "_" })
    }
}

extension LostItemCategory: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) { e.raw(self) }
    public init(from d: inout SnapshotDecoder) throws { self = try d.raw(Self.self) }
}
