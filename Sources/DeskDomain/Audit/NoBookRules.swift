/// The rules of a book that has none beyond its schema, its references, its clock and its
/// lead-only events (which every book is held to): a log that only records.
///
///     func rules(leads: LeadTimeline) -> NoBookRules<PagingState> { NoBookRules() }
struct NoBookRules<State: BookState>: BookRules {
    mutating func check(_ r: LedgerRecord, _ state: State, _ log: inout AuditLog) {}
}
