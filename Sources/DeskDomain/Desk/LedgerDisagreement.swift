/// An action refused because the saved state disagrees with the ledger line it relies on
/// (the deposit of a loan, the amount of an invoice, a card's balance …): the state came
/// from a snapshot that was not the ledger's. The snapshot is discarded and the book
/// replayed, so trying again works from the ledger's figures.
///
///     the ledger says the deposit was ¥50.00 but the saved state says ¥5,000.00: the snapshot
///     was discarded; try again
public struct LedgerDisagreement: DeskFailure, Equatable {
    /// What the action read from the ledger line.
    public enum Fact: String, Sendable, Equatable {
        case deposit, depositCard, unit, event, item, quantity, colour, features, category, amount, invoiceNumber, invoiceKind
        case balance, card, fee, receiptNumber, description, reversed

        func name(_ l: Language) -> String {
            switch self {
            case .deposit: return l.pick("押金", "deposit")
            case .depositCard: return l.pick("押金卡", "deposit card")
            case .unit: return l.pick("编号", "unit")
            case .event: return l.pick("这一条记录", "entry")
            case .item: return l.pick("失物编号", "item")
            case .quantity: return l.pick("数量", "quantity")
            case .colour: return l.pick("颜色", "colour")
            case .features: return l.pick("特征", "features")
            case .category: return l.pick("类别", "category")
            case .amount: return l.pick("金额", "amount")
            case .invoiceNumber: return l.pick("发票号码", "invoice number")
            case .invoiceKind: return l.pick("发票种类", "invoice kind")
            case .balance: return l.pick("积分余额", "points balance")
            case .card: return l.pick("卡号", "card")
            case .fee: return l.pick("收费", "fee")
            case .receiptNumber: return l.pick("收据号", "receipt number")
            case .description: return l.pick("认领描述", "claimant's description")
            case .reversed: return l.pick("已红冲金额", "amount reversed so far")
            }
        }
    }

    public var book: BookName
    public var year: Int
    /// The ledger line relied on.
    public var seq: Int64
    public var fact: Fact
    /// As the ledger line says it (e.g. `¥50.00`); "none" when the ledger has no such line.
    public var ledger: String
    /// As the saved state said it.
    public var saved: String

    public init(book: BookName, year: Int, seq: Int64, fact: Fact, ledger: String, saved: String) {
        self.book = book; self.year = year; self.seq = seq; self.fact = fact; self.ledger = ledger; self.saved = saved
    }

    public var field: String? { nil }

    public func message(_ l: Language) -> String {
        l.pick("账本（\(book.rawValue) \(year) 第 \(seq) 条）记载的\(fact.name(l))是 \(ledger)，但保存的状态是 \(saved)：快照已作废，请重试。",
               "the ledger (book \(book.rawValue) \(year) seq \(seq)) says the \(fact.name(l)) was \(ledger) but the saved state says \(saved): the snapshot was discarded; try again")
    }
}
