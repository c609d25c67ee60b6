import Testing
@testable import DeskDomain

@Suite struct PlazaTimeTests {
    @Test func writesRFC3339WithThePlazaOffsetWhateverTheMachineZone() {
        // 2026-03-01T02:15:00Z is 10:15 in the plaza.
        let instant: Int64 = 1_772_331_300
        #expect(PlazaTime.china.rfc3339(instant) == "2026-03-01T10:15:00+08:00")
        #expect(PlazaTime(offsetSeconds: 0).rfc3339(instant) == "2026-03-01T02:15:00+00:00")
        #expect(PlazaTime(offsetSeconds: -5 * 3600 - 1800).rfc3339(instant) == "2026-02-28T20:45:00-05:30")
    }

    @Test func readsBackWhatItWrites() {
        for instant in stride(from: Int64(0), to: 4_102_444_800, by: 7_777_777) {
            for offset: Int32 in [0, 28_800, -19_800] {
                let text = PlazaTime(offsetSeconds: offset).rfc3339(instant)
                #expect(PlazaTime.parseRFC3339(text) == instant, "\(text)")
            }
        }
        #expect(PlazaTime.parseRFC3339("2026-03-01T02:15:00Z") == 1_772_331_300)
    }

    @Test func refusesWhatIsNotATime() {
        for bad in ["", "2026-02-30T10:00:00+08:00", "2026-13-01T10:00:00+08:00", "2026-03-01 10:00:00+08:00",
                    "2026-03-01T24:00:00+08:00", "2026-03-01T10:00:00", "2026-03-01T10:00:00+0800"] {
            #expect(PlazaTime.parseRFC3339(bad) == nil, "\(bad)")
        }
    }

    @Test func theYearTurnsAtPlazaMidnight() {
        let newYear = PlazaTime.china.instant(CivilTime(year: 2027, month: 1, day: 1))
        #expect(PlazaTime.china.civil(newYear - 1).year == 2026)
        #expect(PlazaTime.china.civil(newYear).year == 2027)
        #expect(PlazaTime(offsetSeconds: 0).civil(newYear).year == 2026)
    }

    @Test func leapDays() {
        #expect(CivilTime.parseDate("2024-02-29") != nil)
        #expect(CivilTime.parseDate("2026-02-29") == nil)
        #expect(CivilTime.parseDate("2000-02-29") != nil)
        #expect(CivilTime.parseDate("2100-02-29") == nil)
        let d = CivilTime.days(year: 2024, month: 2, day: 29)
        #expect(CivilTime.civil(fromDays: d) == (2024, 2, 29))
    }
}
