/// Reading the dates and times a clerk types on the lost-and-found forms.
enum LostFoundInput {
    static let nowWords: Set<String> = ["now", "现在", "刚才"]
    static let todayWords: Set<String> = ["today", "今天", "今日"]
    static let yesterdayWords: Set<String> = ["yesterday", "昨天", "昨日"]

    /// `14:30`, `9:05` or `14：30` (full-width colon).
    static func timeOfDay(_ text: String, field: String) throws -> (hour: Int, minute: Int) {
        let t = text.trimmingSpaces().replacingColon()
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else {
            throw LostFoundError.badTime(field: field, text: FieldCheck.echo(t))
        }
        return (h, m)
    }

    /// A moment typed as a date (`2026-03-01`, “today”, “yesterday”) and a time of day, or
    /// “now” in the date field. Refuses the future and dates over a year back.
    ///
    /// - Returns: the instant, and whether the time of day was given (when not required and
    ///   left empty, the instant is the start of the day).
    static func moment(date: String, time: String, dateField: String, timeField: String, timeRequired: Bool,
                       now: Int64, plaza: PlazaTime) throws -> (instant: Int64, timeKnown: Bool) {
        let d = date.trimmingSpaces().lowercased()
        if nowWords.contains(d) { return (now, true) }
        var day: CivilTime
        if todayWords.contains(d) {
            day = plaza.civil(now)
        } else if yesterdayWords.contains(d) {
            day = plaza.civil(now - 86_400)
        } else {
            day = try FieldCheck.date(date, field: dateField)
        }
        day.hour = 0; day.minute = 0; day.second = 0
        var timeKnown = false
        if !time.trimmingSpaces().isEmpty || timeRequired {
            if time.trimmingSpaces().isEmpty { throw CommonError.required(field: timeField) }
            let (h, m) = try timeOfDay(time, field: timeField)
            day.hour = h; day.minute = m
            timeKnown = true
        }
        let instant = plaza.instant(day)
        if instant > now {
            // Today at a later hour: the time is wrong; a later day: the date.
            let dayStart = plaza.instant(CivilTime(year: day.year, month: day.month, day: day.day))
            throw LostFoundError.inFuture(field: timeKnown && dayStart <= now ? timeField : dateField)
        }
        if instant < now - 366 * 86_400 { throw LostFoundError.tooLongAgo(field: dateField) }
        return (instant, timeKnown)
    }
}

extension String {
    fileprivate func replacingColon() -> String { String(map { $0 == "：" ? ":" : $0 }) }
}
