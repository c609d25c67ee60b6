import Testing
@testable import DeskDomain

@Suite struct SlipBuilderTests {
    let config = SlipSamples.config

    func text(_ slip: Slip, _ columns: Int = 48) -> [String] { SlipText.lines(slip, columns: columns) }

    /// The slip a builder that may refuse made.
    func made(_ slip: Slip?, sourceLocation: SourceLocation = #_sourceLocation) throws -> Slip {
        try #require(slip, sourceLocation: sourceLocation)
    }

    @Test func everyKindHasATitleInEachLanguage() {
        for name in SlipSamples.names {
            let zh = SlipSamples.slip(name, .zhHans), en = SlipSamples.slip(name, .en)
            #expect(zh.kind == en.kind && zh.title != en.title, "\(name)")
            #expect(zh.language == .zhHans && en.language == .en)
            #expect(zh.lines.count == en.lines.count, "\(name): the same lines in both languages")
        }
        #expect(Set(SlipSamples.names.map { SlipSamples.slip($0, .en).kind }) == Set(Slip.Kind.allCases))
    }

    @Test func thePlazaNameComesFromTheConfig() {
        var c = DeskConfig()
        c.plazaName = "万象城 MixC"
        let slip = Slip.strollerLoan(SlipSamples.strollerLoan, c, .zhHans)
        #expect(slip.plaza == "万象城 MixC" && text(slip).first?.trimmingSpaces() == "万象城 MixC")
    }

    @Test func aLoanNotEndedHasNoReturnSlip() {
        #expect(Slip.umbrellaReturn(SlipSamples.umbrellaLoan, config, .zhHans) == nil)
    }

    @Test func aLostUmbrellaShowsTheChargeAndWhatWasPaidOnTop() throws {
        let lines = text(try made(Slip.umbrellaReturn(SlipSamples.umbrellaLost, config, .zhHans)), 32)
        #expect(lines.contains("雨伞状况                    丢失"))
        #expect(lines.contains("丢失赔偿                  ¥80.00"))
        #expect(lines.contains("退还押金                   ¥0.00"))
        #expect(lines.contains("另收赔偿                  ¥30.00"))
        let good = text(try made(Slip.umbrellaReturn({ var l = SlipSamples.umbrellaReturned
            l.damaged = false; l.charge = .zero; l.refund = l.deposit; return l }(), config, .en)), 32)
        #expect(good.contains("Condition                   good"))
        #expect(good.contains("Deposit refunded          ¥50.00"))
        #expect(!good.contains { $0.hasPrefix("Charge") || $0.hasPrefix("Paid on top") }, "no charge line without a charge")
    }

    @Test func aDepositReleasedWithoutTheCardSaysSo() throws {
        var l = SlipSamples.umbrellaReturned
        l.ending = .releasedWithoutCard; l.damaged = false; l.charge = .zero; l.refund = l.deposit; l.endedBy = SlipSamples.lead
        let slip = try #require(Slip.umbrellaReturn(l, config, .en))
        #expect(slip.notes.count == 1 && slip.notes[0].contains("card is void"))
        #expect(text(slip).contains { $0.hasSuffix("lead.li") && $0.hasPrefix("Clerk") })
    }

    @Test func anUnclaimedItemHasNoHandOverSlipAndAClaimHasASignatureLine() throws {
        var item = SlipSamples.claimedItem
        item.claim = nil
        #expect(Slip.claimHandOver(item, config, .zhHans) == nil)
        let slip = try #require(Slip.claimHandOver(SlipSamples.claimedItem, config, .zhHans))
        #expect(slip.signature == "认领人签名：")
        #expect(text(slip, 32).last == "认领人签名：____________________")
        let en = text(try made(Slip.claimHandOver(SlipSamples.claimedItem, config, .en)), 32)
        #expect(en.suffix(3) == ["Claimant's signature:", "", String(repeating: "_", count: 32)], "a long label goes above the line")
    }

    @Test func aLostReportLeadsWithItsReference() {
        let slip = Slip.lostReport(SlipSamples.lostReport, config, .zhHans)
        #expect(slip.lines.first == .reference("挂失编号（查询时请出示）", "LR-2026-000003"))
        #expect(text(slip, 32).contains("遗失时间              2026-03-01"), "only the day when the time is not known")
        var known = SlipSamples.lostReport
        known.lostTimeKnown = true; known.lostAt = SlipSamples.at(12, 40)
        #expect(text(Slip.lostReport(known, config, .zhHans), 32).contains("遗失时间        2026-03-01 12:40"))
    }

    @Test func aReceiptHasFeeTenderedAndChange() {
        let lines = text(Slip.serviceReceipt(SlipSamples.receipt, config, .zhHans), 32)
        for expected in ["收据号            SR-2026-000041", "金额                       ¥6.00", "实收                      ¥10.00",
                         "找零                       ¥4.00"] {
            #expect(lines.contains(expected))
        }
        #expect(!lines.contains { $0.contains("作废") })
        let void = text(Slip.serviceReceipt(SlipSamples.voidedReceipt, config, .zhHans), 32)
        #expect(void.contains { $0.trimmingSpaces() == "作废" } && void.contains { $0.contains("顾客不要了") })
    }

    @Test func pointsSlipsShowTheFigureOfTheirDay() throws {
        #expect(text(Slip.pointsEnrolment(SlipSamples.enrolledCard, config, .zhHans), 32).contains("积分                      128 分"))
        #expect(text(Slip.pointsEnrolment(SlipSamples.enrolledCard, config, .en, points: 90), 32).contains("Points                 90 points"))
        #expect(Slip.pointsReissue(SlipSamples.enrolledCard, config, .en) == nil, "a card that replaced none")
        let reissue = text(try made(Slip.pointsReissue(SlipSamples.reissuedCard, config, .zhHans)), 32)
        #expect(reissue.contains("原卡号（已停用）      PC00010001"))
        #expect(reissue.contains("转入积分                  428 分"))
    }

    @Test func theCloseSlipHasEveryFigureAndTheSealCode() throws {
        let report = SlipSamples.closingReport
        let slip = try #require(Slip.shiftClose(report, config, .en))
        #expect(slip.qr == "7K2Q-9XHM-4T8B-PZ3D" && slip.signature == "Shift lead's signature: ")
        let lines = text(slip)
        for expected in ["Opening float                            ¥500.00", "= Expected cash                          ¥629.00",
                         "Counted cash                             ¥624.00", "Difference (short)                        -¥5.00",
                         "+ Deposits taken (5)                     ¥250.00", "- Deposits refunded (3)                  ¥150.00",
                         "+ Damage charges (1)                      ¥30.00", "+ Service fees (5)                        ¥14.00",
                         "- Paid out                                ¥15.00", "Their deposits, in the drawer            ¥100.00",
                         "Notes and coins    ¥100.00×6 ¥20.00×1 ¥1.00×4", "Record                             shift 2026 #4"] {
            #expect(lines.contains(expected), "\(expected)")
        }
        #expect(lines.contains { $0.trimmingSpaces() == "7K2Q-9XHM-4T8B-PZ3D" })
        #expect(report.expectedCash == Money(yuan: 629), "the sample adds up")
    }

    @Test func onlyAClosedShiftHasACloseSlip() {
        var open = SlipSamples.closingReport
        open.provisional = true
        #expect(Slip.shiftClose(open, config, .zhHans) == nil)
        var unsealed = SlipSamples.closingReport
        unsealed.sealCode = nil
        #expect(Slip.shiftClose(unsealed, config, .zhHans) == nil)
        var day = SlipSamples.closingReport
        day.scope = .day(CivilTime(year: 2026, month: 3, day: 1))
        #expect(Slip.shiftClose(day, config, .zhHans) == nil)
    }

    @Test func agreeingAndOverAreNamed() throws {
        var r = SlipSamples.closingReport
        r.shifts[0].closing!.difference = .zero
        #expect(text(try made(Slip.shiftClose(r, config, .zhHans)), 32).contains("差额（相符）               ¥0.00"))
        r.shifts[0].closing!.difference = Money(fen: 250)
        #expect(text(try made(Slip.shiftClose(r, config, .en)), 32).contains("Difference (over)          ¥2.50"))
    }
}
