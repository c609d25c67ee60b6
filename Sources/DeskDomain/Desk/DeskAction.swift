/// The desk actions that a role check can refuse, named for messages.
public enum DeskAction: String, Sendable, CaseIterable {
    case write
    case manageOperators
    case disposeLostProperty
    case releaseDeposit
    case forfeitDeposit
    case manageFleet
    case adjustPoints
    case allocateInvoiceNumbers
    case voidInvoice
    case reverseInvoice
    case overrideCreditCode
    case voidServiceReceipt
    case openShift
    case recordCashMovement
    case closeShift

    public func name(_ language: Language) -> String {
        switch self {
        case .write: return language.pick("登记", "record anything")
        case .manageOperators: return language.pick("管理操作员", "manage operators")
        case .disposeLostProperty: return language.pick("处置失物", "dispose of lost property")
        case .releaseDeposit: return language.pick("无押金卡退押金", "release a deposit without its card")
        case .forfeitDeposit: return language.pick("没收押金", "forfeit a deposit")
        case .manageFleet: return language.pick("管理雨伞/童车", "manage umbrellas and strollers")
        case .adjustPoints: return language.pick("调整积分", "adjust points")
        case .allocateInvoiceNumbers: return language.pick("登记发票号段", "allocate invoice numbers")
        case .voidInvoice: return language.pick("作废发票", "void an invoice")
        case .reverseInvoice: return language.pick("开具红字发票", "issue a red-letter invoice")
        case .overrideCreditCode: return language.pick("确认校验不通过的信用代码", "accept a credit code that fails its check")
        case .voidServiceReceipt: return language.pick("作废服务收据", "void a service receipt")
        case .openShift: return language.pick("开班", "open a shift")
        case .recordCashMovement: return language.pick("登记现金存入/支出", "record cash paid in or out")
        case .closeShift: return language.pick("交班结算", "close a shift")
        }
    }
}
