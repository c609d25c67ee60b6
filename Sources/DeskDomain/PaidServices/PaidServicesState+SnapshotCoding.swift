// The paid-services state in the snapshot's binary form (``SnapshotCoding``): its fields
// in one fixed order. The numbers of each day's receipts are not written: decoding derives
// them from the receipts, in order.

extension ServiceReceiptNumber: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.int(year)
        e.int(serial)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(year: try d.intValue(), serial: try d.int())
    }
}

extension ServiceKindTotals: SnapshotCoding {
    public func encode(to e: inout SnapshotEncoder) {
        e.int(issued)
        e.int(voided)
        e.value(fee)
        e.value(voidedFee)
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init(issued: try d.intValue(), voided: try d.intValue(), fee: try d.value(Money.self),
                  voidedFee: try d.value(Money.self))
    }
}

extension ServicesSummary: SnapshotCoding {
    /// The kinds present (every kind, in a state's day totals), by raw value.
    public func encode(to e: inout SnapshotEncoder) {
        e.int(byKind.count)
        for kind in byKind.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            e.raw(kind)
            byKind[kind]!.encode(to: &e)
        }
    }

    /// Kinds left out read as zero, as ``init(byKind:)`` (and the JSON init) make them.
    public init(from d: inout SnapshotDecoder) throws {
        let n = try d.count()
        var byKind: [PaidServiceKind: ServiceKindTotals] = [:]
        byKind.reserveCapacity(PaidServiceKind.allCases.count)
        for _ in 0..<n {
            let kind = try d.raw(PaidServiceKind.self)
            guard byKind.updateValue(try ServiceKindTotals(from: &d), forKey: kind) == nil else {
                throw SnapshotDecodingError("\(kind.rawValue) twice in a day's totals")
            }
        }
        self.init(byKind: byKind)
    }
}

extension ServiceReceipt: SnapshotCoding {
    /// number, seq, kind, quantity, unit price, quoted fee, fee, override reason?, tendered,
    /// change, customer, note, issued at, plaza day, issued by, voided at?, voided by?, void reason?.
    public func encode(to e: inout SnapshotEncoder) {
        number.encode(to: &e)
        e.int(seq)
        e.raw(kind)
        e.int(quantity)
        e.value(unitPrice)
        e.value(quotedFee)
        e.value(fee)
        e.optional(overrideReason)
        e.value(tendered)
        e.value(change)
        e.string(customer)
        e.string(note)
        e.int(issuedAt)
        e.int(plazaDay)
        e.value(issuedBy)
        e.optional(voidedAt)
        e.optional(voidedBy)
        e.optional(voidReason)
    }

    public init(from d: inout SnapshotDecoder) throws {
        let number = try ServiceReceiptNumber(from: &d)
        let seq = try d.int()
        let kind = try d.raw(PaidServiceKind.self)
        let quantity = try d.intValue()
        let unitPrice = try d.value(Money.self), quotedFee = try d.value(Money.self), fee = try d.value(Money.self)
        let overrideReason = try d.optionalString()
        let tendered = try d.value(Money.self), change = try d.value(Money.self)
        let customer = try d.string(), note = try d.string()
        let issuedAt = try d.int(), plazaDay = try d.int()
        let issuedBy = try d.value(OperatorID.self)
        let voidedAt = try d.optionalInt()
        let voidedBy = try d.optional(of: OperatorID.self)
        let voidReason = try d.optionalString()
        self.init(number: number, seq: seq, kind: kind, quantity: quantity, unitPrice: unitPrice, quotedFee: quotedFee,
                  fee: fee, overrideReason: overrideReason, tendered: tendered, change: change, customer: customer,
                  note: note, issuedAt: issuedAt, plazaDay: plazaDay, issuedBy: issuedBy, voidedAt: voidedAt,
                  voidedBy: voidedBy, voidReason: voidReason)
    }
}

extension PaidServicesState: SnapshotCoding {
    /// Receipts in number order, the last serial of each year, then every day's totals by day.
    public func encode(to e: inout SnapshotEncoder) {
        e.int(receipts.count)
        for n in receipts.keys.sorted() { receipts[n]!.encode(to: &e) }
        e.dictionary(lastSerial, key: { $0.int($1) }, value: { $0.int($1) })
        e.dictionary(dayTotals, key: { $0.int($1) }, value: { e, s in s.encode(to: &e) })
    }

    public init(from d: inout SnapshotDecoder) throws {
        self.init()
        let n = try d.count()
        receipts.reserveCapacity(n)
        var previous: ServiceReceiptNumber?
        for _ in 0..<n {
            let r = try ServiceReceipt(from: &d)
            // Written in number order: each day's numbers are then appended in order, as the
            // JSON init derives them from the sorted receipts.
            if let previous, !(previous < r.number) { throw SnapshotDecodingError("receipt \(r.number) out of order") }
            previous = r.number
            receipts[r.number] = r
            numbersByDay[r.plazaDay, default: []].append(r.number)
        }
        lastSerial = try d.dictionary(key: { try $0.intValue() }, value: { try $0.int() })
        dayTotals = try d.dictionary(key: { try $0.int() }, value: { try ServicesSummary(from: &$0) })
    }
}
