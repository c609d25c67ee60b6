import Foundation
import Testing
@testable import DeskDomain

/// A forgery for every rule of `verify --deep`: a line with a correct hash and link that
/// breaks one rule, named by book, year, seq and rule.
@Suite struct DeepVerifierForgeryTests {
    static let lent: JSONObject = ["unit": "U002", "depositCard": "D002", "depositFen": 5000, "customer": "王芳", "phone": "138****5678"]

    /// A return of U001 (lent at seq 1 for ¥50) with these figures.
    static func returned(deposit: Int64 = 5000, charge: Int64 = 0, refund: Int64 = 5000, onTop: Int64 = 0,
                         damage: String = "none", lentSeq: Int64 = 1) -> JSONObject {
        ["unit": "U001", "lentSeq": .int(lentSeq), "depositCard": "D001", "damage": .string(damage), "note": "",
         "depositFen": .int(deposit), "chargeFen": .int(charge), "refundFen": .int(refund), "paidOnTopFen": .int(onTop)]
    }

    @Test func theUntouchedFixtureIsDeepSound() throws {
        let x = try Forgery { d, x in try Forgery.lendU001(d, x.f) }
        #expect(try x.findings() == [])
    }

    @Test func aBodyThatBreaksItsSchema() throws {
        let x = try Forgery()
        var body = Self.lent
        body["depositFen"] = "50.00"
        let seq = try x.forge(.umbrella, UmbrellaEvents.lent, body)
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [schema]: umbrella.lent: 'depositFen' should be an amount in fen, not text"])
    }

    @Test func anEventTheBookDoesNotHave() throws {
        let x = try Forgery()
        let seq = try x.forge(.umbrella, "umbrella.gifted", ["unit": "U001"])
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [unknown-event]: umbrella has no event 'umbrella.gifted'"])
    }

    @Test func aReferenceToAnEventOfTheWrongType() throws {
        let x = try Forgery { d, x in
            try Forgery.lendU001(d, x.f)
            try d.umbrellas.giveBack(.init(unit: "1", depositCard: "1"), by: x.f.clerk)   // seq 2
            try Forgery.lendU001(d, x.f)                                                      // seq 3
        }
        let seq = try x.forge(.umbrella, UmbrellaEvents.returned, Self.returned(lentSeq: 2))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [reference]: lentSeq 2 is umbrella.returned, not umbrella.lent"])
    }

    @Test func aReferenceToNoEarlierEvent() throws {
        let x = try Forgery { d, x in try Forgery.lendU001(d, x.f) }
        let seq = try x.forge(.umbrella, UmbrellaEvents.returned, Self.returned(lentSeq: 9))
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [reference]: lentSeq 9 names no earlier event of the book"])
    }

    @Test func aClaimAgainstAnotherDescription() throws {
        let x = try Forgery { d, x in
            try d.lostFound.intake(.init(foundPlace: "东门", handedInBy: "保洁员", category: "wallet", colour: "黑色",
                                         features: "有划痕", storage: "A架"), by: x.f.clerk)                         // seq 1
            try d.lostFound.describeClaim(.init(tag: "1", quantity: "1", colour: "黑色", features: "有划痕"), by: x.f.clerk)  // seq 2
            try d.lostFound.describeClaim(.init(tag: "1", quantity: "1", colour: "黑", features: "划痕"), by: x.f.clerk)     // seq 3
        }
        var body = try x.lastBody(.lostfound, LostFoundEvents.claimDescribed)
        body = ["tag": .string(body["tag"]!.stringValue!), "describedYear": 2026, "describedSeq": 2, "note": ""]
        let seq = try x.forge(.lostfound, LostFoundEvents.claimRefused, body)
        #expect(try x.findings() == ["lostfound 2026 seq \(seq) [reference]: describedSeq 2 is not LF-2026-000001's pending description (seq 3 of 2026)"])
    }

    @Test func aClockSetBackBeyondTheTolerance() throws {
        let x = try Forgery { d, x in try Forgery.lendU001(d, x.f) }
        let seq = try x.forge(.umbrella, UmbrellaEvents.lent, Self.lent, at: x.f.clock.now() - 10 * 60)
        // Lent at 10:01; the forged line says 09:51.
        #expect(try x.findings() == ["umbrella 2026 seq \(seq) [clock]: 2026-03-01T09:51:00+08:00 is earlier than the book's latest entry 2026-03-01T10:01:00+08:00 by more than 5 minutes"])
    }
}
