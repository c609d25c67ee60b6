/// A book's state replayed on its own, for what it says is still out (`report` reads the
/// ledgers, not a live desk): fold the book's records in, then add its part.
///
///     let replay = UmbrellaBook().stillOutReplay()!
///     for r in records { replay.apply(r) }
///     replay.addTo(&stillOut, config)
struct StillOutReplay {
    /// Folds one record of the book in.
    let apply: (LedgerRecord) -> Void
    /// Adds what the state replayed so far says is still out.
    let addTo: (inout StillOut, DeskConfig) -> Void

    init<D: DeskBook>(_ definition: D) {
        let box = ReplayedState<D.State>()
        apply = { box.state.apply($0) }
        addTo = { s, config in definition.stillOut(box.state, into: &s, config: config) }
    }
}

/// A state being replayed, shared by the closures of a ``StillOutReplay``.
final class ReplayedState<S: BookState> {
    var state = S()
}

extension DeskBook {
    /// A fresh replay of the book for what is still out, if the book can have something out.
    func stillOutReplay() -> StillOutReplay? { tracksStillOut ? StillOutReplay(self) : nil }
}
