/// The receipt (收据) of a paid business service (manual §5.2.15): the fee first stated,
/// the cash taken and the change given.
extension Slip {
    /// The customer's receipt; a voided receipt reprinted says so, with the reason.
    public static func serviceReceipt(_ r: ServiceReceipt, _ config: DeskConfig, _ l: Language) -> Slip {
        var lines: [SlipLine] = [
            .field(l.pick("收据号", "Receipt no."), r.number.description),
            .field(l.pick("项目", "Service"), r.kind.name(l)),
            .field(l.pick("数量", "Quantity"), String(r.quantity)),
            .amount(l.pick("单价", "Unit price"), r.unitPrice),
            .rule,
            .amount(l.pick("金额", "Fee"), r.fee),
            .amount(l.pick("实收", "Tendered"), r.tendered),
            .amount(l.pick("找零", "Change"), r.change),
            .rule,
        ]
        if !r.customer.isEmpty { lines.append(.field(l.pick("客户", "Customer"), r.customer)) }
        if !r.note.isEmpty { lines.append(.field(l.pick("备注", "Note"), r.note)) }
        lines += [
            .field(l.pick("开具时间", "Issued"), stamp(r.issuedAt, config)),
            .field(l.pick("经办", "Clerk"), r.issuedBy.rawValue),
        ]
        if let voidedAt = r.voidedAt {
            lines += [
                .reference(l.pick("本收据已作废", "This receipt is void"), l.pick("作废", "VOID")),
                .field(l.pick("作废时间", "Voided"), stamp(voidedAt, config)),
                .field(l.pick("批准", "Approved by"), r.voidedBy?.rawValue ?? ""),
            ]
            if let reason = r.voidReason, !reason.isEmpty { lines.append(.field(l.pick("原因", "Reason"), reason)) }
        }
        return Slip(kind: .serviceReceipt, language: l, plaza: config.plazaName, title: l.pick("收据", "Receipt"), lines: lines)
    }
}
