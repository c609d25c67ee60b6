/// One day of the demo year as a registered book sees it (``DeskBook/demoDay(_:_:)``): the
/// desk, the clock (set to the day's last chores), who works, and the book's own draws.
///
///     func demoDay(_ desk: FeedbackDesk, _ day: inout DemoDay) throws {
///         if day.rng.chance(0.2) { try desk.record(.init(text: "空调太冷"), by: day.clerk) }
///     }
struct DemoDay {
    let desk: Desk
    let clock: ManualClock
    let time: PlazaTime
    let year: Int
    /// Days since 1 January (0 …).
    let day: Int
    let lead: Actor
    let clerks: [Actor]
    /// This book's own random numbers, seeded from the demo's seed and the book's name:
    /// what it draws changes no other book's year.
    var rng: SeededRandom

    /// One of the clerks, drawn from this book's numbers.
    var clerk: Actor { mutating get { rng.pick(clerks) } }
}
