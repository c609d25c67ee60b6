import Testing
@testable import DeskDomain

/// A big points state folds, and goes through its binary snapshot exactly.
///
/// A tenth of a tenth of a busy year (5,000 cards, 20,000 used receipts), to spare the
/// shared test machine; how fast a heavy year opens is measured by `plazadesk bench`.
@Suite struct PointsStateScaleTests {
    let cardCount = 5_000
    let receiptCount = 20_000

    @Test func aBigStateFoldsAndRoundTripsThroughASnapshot() throws {
        let op = try OperatorID("clerk.wang")
        var state = PointsState()
        var seq: Int64 = 0
        func record(_ ev: String, _ body: JSONObject) -> LedgerRecord {
            seq += 1
            return LedgerRecord(seq: seq, instant: march1st + seq, offsetSeconds: 28800, op: op, ev: ev, body: body,
                                prev: .zero, hash: .zero)
        }
        for i in 0..<cardCount {
            let card = "PC\(10_000_000 + i)"
            state.apply(record(PointsEvents.cardEnrolled, ["cardNumber": .string(card), "name": "顾客", "phone": "138****5678",
                                                           "idMasked": "1101**********002X", "idHash": .string("h\(i)"),
                                                           "formNumber": .string("F\(i)"), "formKept": true]))
        }
        for i in 0..<receiptCount {
            let card = "PC\(10_000_000 + i % cardCount)"
            state.apply(record(PointsEvents.earned, ["cardNumber": .string(card), "source": "backfill", "shop": "优衣库",
                                                     "receiptNumber": .string("R\(i)"), "receiptKey": .string("优衣库 R\(i)"),
                                                     "receiptDate": "2026-02-20", "amountFen": 12_800, "points": 128]))
        }
        #expect(state.cards.count == cardCount && state.usedReceipts.count == receiptCount)
        #expect(state.cards["PC10000007"]?.balance == 4 * 128 && state.cards["PC10000007"]?.history.count == 5)
        let binary = try roundTrip(state)
        #expect(binary == state)
        #expect(snapshotBytes(binary) == snapshotBytes(state), "the same state, the same bytes")
    }
}
