import DeskDomain

/// Small formatting shared by the panels.
enum PanelText {
    /// `03-01 10:15` in the plaza's time; `2025-12-30 14:05` when not of the desk clock's year.
    static func dayTime(_ instant: Int64, _ desk: Desk) -> String {
        let time = desk.context.time
        let c = time.civil(instant)
        let thisYear = time.civil(desk.context.now()).year == c.year
        return (thisYear ? String(c.dateString.dropFirst(5)) : c.dateString) + " " + c.timeString
    }

    /// `2h05m` / `3d4h` since an instant.
    static func duration(since instant: Int64, _ desk: Desk) -> String {
        let minutes = max(0, (desk.context.now() - instant) / 60)
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 24 * 60 { return "\(minutes / 60)h\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)m" }
        return "\(minutes / 1440)d\((minutes % 1440) / 60)h"
    }

    /// Whether every word of the query occurs in one of the texts (case-insensitive).
    static func matches(_ query: String, _ texts: [String]) -> Bool {
        let words = query.lowercased().split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
        guard !words.isEmpty else { return true }
        let hay = texts.joined(separator: " ").lowercased()
        return words.allSatisfy { hay.contains($0) }
    }
}
