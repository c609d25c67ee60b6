/// The plaza's local time: a fixed UTC offset, not the machine's time zone.
///
/// Ledger timestamps are RFC 3339 with the plaza's offset (`2026-03-01T10:15:00+08:00`), the
/// year of a book is the plaza's year, and "the month an invoice was issued" is the plaza's
/// month; none of that may change with the machine's locale or `TZ`.
public struct PlazaTime: Hashable, Sendable {
    /// Offset from UTC in seconds (China: +28800).
    public let offsetSeconds: Int32

    public init(offsetSeconds: Int32) { self.offsetSeconds = offsetSeconds }

    /// China Standard Time, UTC+08:00, the default.
    public static let china = PlazaTime(offsetSeconds: 8 * 3600)

    /// The local calendar fields of an instant.
    public func civil(_ instant: Int64) -> CivilTime {
        let local = instant + Int64(offsetSeconds)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = Int(local - days * 86400)
        let (y, m, d) = CivilTime.civil(fromDays: days)
        return CivilTime(year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60)
    }

    /// The instant of a local date and time.
    public func instant(_ c: CivilTime) -> Int64 {
        CivilTime.days(year: c.year, month: c.month, day: c.day) * 86400
            + Int64(c.hour * 3600 + c.minute * 60 + c.second) - Int64(offsetSeconds)
    }

    /// `2026-03-01T10:15:00+08:00`.
    public func rfc3339(_ instant: Int64) -> String {
        let c = civil(instant)
        var s = c.dateString + "T" + pad2(c.hour) + ":" + pad2(c.minute) + ":" + pad2(c.second)
        let off = Int(offsetSeconds)
        let sign = off < 0 ? "-" : "+"
        s += sign + pad2(abs(off) / 3600) + ":" + pad2(abs(off) / 60 % 60)
        return s
    }

    /// Reads an RFC 3339 timestamp with an explicit offset (`Z` or `±hh:mm`) back to an
    /// instant; `nil` when it is not one.
    public static func parseRFC3339(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { parseRFC3339($0.baseAddress!, count: $0.count)?.instant }
    }

    /// The same, straight from bytes (the ledger scanner's path: no String is made), with
    /// the offset the timestamp was written with.
    static func parseRFC3339(_ b: UnsafePointer<UInt8>, count: Int) -> (instant: Int64, offset: Int32)? {
        guard count == 20 || count == 25 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<(from + len) {
                let c = b[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
              (1...12).contains(mo), d >= 1, d <= CivilTime.daysIn(year: y, month: mo),
              h < 24, mi < 60, s < 60 else { return nil }
        var offset = 0
        if count == 20 {
            guard b[19] == 90 else { return nil }
        } else {
            guard b[19] == 43 || b[19] == 45, b[22] == 58, let oh = num(20, 2), let om = num(23, 2) else { return nil }
            offset = (oh * 3600 + om * 60) * (b[19] == 45 ? -1 : 1)
        }
        return (CivilTime.days(year: y, month: mo, day: d) * 86400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset), Int32(offset))
    }
}

/// A local date and time of day, as the plaza's wall clock shows it.
public struct CivilTime: Hashable, Sendable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
    }

    /// `2026-03-01`.
    public var dateString: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + pad2(month) + "-" + pad2(day)
    }

    /// `10:15`.
    public var timeString: String { pad2(hour) + ":" + pad2(minute) }

    /// Parses `YYYY-MM-DD`.
    public static func parseDate(_ text: String) -> CivilTime? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= daysIn(year: y, month: m) else { return nil }
        return CivilTime(year: y, month: m, day: d)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date of a count of days since 1970-01-01.
    public static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}

@inline(__always) func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
