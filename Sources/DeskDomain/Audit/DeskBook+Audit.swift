/// `verify --deep` of one registered book: its every year replayed through its own rules.
extension DeskBook {
    /// Audits the book (``BookAudit``) and returns what it found, with the lead timeline
    /// its rules built when it is the book that ``saysWhoLeads``.
    ///
    ///     let (audited, timeline) = try OperatorsBook().audit(run, leads: nil)
    func audit(_ run: DeepVerifier.Run, leads: LeadTimeline?) throws -> (DeepVerifier.Audited, LeadTimeline?) {
        var a = BookAudit(data: run.data, schema: schema, rules: rules(leads: leads ?? LeadTimeline()),
                          leads: saysWhoLeads ? nil : leads, tolerance: run.tolerance, cap: run.cap,
                          snapshotKey: run.key, plan: run.plan)
        try a.run(lastYear: run.year)
        return (DeepVerifier.Audited(log: a.log, events: a.events, scans: a.scans), self.leads(from: a.rules))
    }
}
