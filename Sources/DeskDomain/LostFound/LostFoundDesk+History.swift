/// The whole story of an item or a lost report, oldest first: what the look-up shows on
/// Enter for a record that is no longer in storage or open.
extension LostFoundDesk {
    /// An item's history: its intake, the claim or disposal that ended its keeping.
    public func history(of item: LostItem) -> [HistoryEntry] {
        var out = [HistoryEntry(at: item.receivedAt, by: item.receivedBy,
                                "入库：\(item.foundPlace) 拾获，拾交人 \(item.handedInBy)" + (item.storage.isEmpty ? "" : "，存放 \(item.storage)"),
                                "taken in: found at \(item.foundPlace), handed in by \(item.handedInBy)"
                                    + (item.storage.isEmpty ? "" : ", kept in \(item.storage)"))]
        if item.refusedClaims > 0 {
            out.append(HistoryEntry(at: item.receivedAt, by: item.receivedBy, "描述不符被拒的认领 \(item.refusedClaims) 次",
                                    "\(item.refusedClaims) claim(s) refused: the description did not match"))
        }
        if let c = item.claim {
            out.append(HistoryEntry(at: c.claimedAt, by: c.releasedBy,
                                    "认领：\(c.claimant)（证件 \(c.idMasked)，电话 \(c.phoneMasked)）签字领回"
                                        + (c.reportID.map { "，报失 \($0) 结案" } ?? ""),
                                    "claimed by \(c.claimant) (ID \(c.idMasked), phone \(c.phoneMasked)), signed"
                                        + (c.reportID.map { "; lost report \($0) closed" } ?? "")))
        }
        if let d = item.disposal {
            out.append(HistoryEntry(at: d.disposedAt, by: d.authorisedBy,
                                    "处置：\(d.method.name(.zhHans))" + (d.note.isEmpty ? "" : "（\(d.note)）") + (d.expired ? "" : "，未满保管期"),
                                    "disposed of: \(d.method.name(.en))" + (d.note.isEmpty ? "" : " (\(d.note))")
                                        + (d.expired ? "" : ", before its retention ran out")))
        }
        return out
    }

    /// A lost report's history: taken, and how it was closed.
    public func history(of report: LostReport) -> [HistoryEntry] {
        var out = [HistoryEntry(at: report.reportedAt, by: report.reportedBy,
                                "报失：\(report.contact)（\(report.phoneMasked)）丢失 \(report.category.name(.zhHans))，\(report.description)",
                                "reported by \(report.contact) (\(report.phoneMasked)): \(report.category.name(.en)) lost, \(report.description)")]
        if let at = report.closedAt, let by = report.closedBy {
            let tag = report.foundTag.map { l in (" 对应 \(l)", " matching \(l)") } ?? ("", "")
            out.append(HistoryEntry(at: at, by: by,
                                    "结案：\(report.status.name(.zhHans))\(tag.0)" + (report.closingNote.isEmpty ? "" : "（\(report.closingNote)）"),
                                    "closed: \(report.status.name(.en))\(tag.1)" + (report.closingNote.isEmpty ? "" : " (\(report.closingNote))")))
        }
        return out
    }

    /// Every lost report, newest first (the whole-year look-up, open and closed).
    public var allReports: [LostReport] {
        state.reports.values.sorted { $0.reportedAt != $1.reportedAt ? $0.reportedAt > $1.reportedAt : $0.id > $1.id }
    }

    /// Whether a lower-cased UTF-8 text holds every word: the byte search the item search
    /// uses, for a panel's own look-up lists (reports of the year).
    public static func holdsAll(_ text: [UInt8], _ words: [[UInt8]]) -> Bool {
        text.withUnsafeBytes { LostFoundSearch.containsAll($0, words) }
    }
}
