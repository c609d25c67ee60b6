/// One line of a slip's body, before layout: a labelled figure, an amount, a reference the
/// customer quotes, a heading, a paragraph or a rule.
public enum SlipLine: Equatable, Sendable {
    /// A label and its value, e.g. 雨伞 / `U012`.
    case field(String, String)
    /// A label and an amount (integer fen), shown `¥50.00` and never broken across lines.
    case amount(String, Money)
    /// A label and a reference printed large (bold, double height) on a line of its own:
    /// what the customer quotes later, or what the lead copies into the shift log.
    case reference(String, String)
    /// A bold heading over the lines that follow.
    case heading(String)
    /// A paragraph, wrapped to the width.
    case text(String)
    /// A dashed line across the slip.
    case rule
}
