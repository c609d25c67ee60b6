import Testing
@testable import DeskDomain

@Suite struct OutOfLineTests {
    /// A lost item's out-of-line claim behaves as a plain field: set, changed, cleared, and
    /// copies made before a change keep what they had.
    @Test func anOutOfLineFieldBehavesAsAValue() throws {
        let clerk = try OperatorID("clerk.wang")
        var item = LostItem(tag: "LF-2026-000001", category: .wallet, valuable: true, quantity: 1, colour: "黑", brand: "",
                            features: "钱包", amount: nil, foundAt: 0, foundPlace: "B1", handedInBy: "保洁", storage: "A-1",
                            receivedAt: 0, receivedBy: clerk, receivedYear: 2026, receivedSeq: 1)
        let plain = item
        #expect(item.claim == nil && item.disposal == nil && item.pendingDescription == nil)
        item.disposal = LostItemDisposal(method: DisposalMethod.allCases[0], note: "到期", expired: true, disposedAt: 5,
                                         authorisedBy: clerk)
        let disposed = item
        item.disposal?.note = "改过"
        #expect(disposed.disposal?.note == "到期" && item.disposal?.note == "改过", "a copy keeps what it had")
        #expect(item != plain && disposed != item)
        item.disposal = nil
        #expect(item == plain, "cleared, it is the plain item again")
        #expect(OutOfLine(3) == OutOfLine(3) && OutOfLine(3) != OutOfLine(4))
    }
}
