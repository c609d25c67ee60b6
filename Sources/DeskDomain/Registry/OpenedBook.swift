/// A registered book, open in a ``Desk``: its definition, its typed service and its book
/// with the state's type erased, so the desk's loops run over every book alike.
///
///     for b in desk.books where try b.ledger.refreshIfChanged() { changed.append(b.name) }
struct OpenedBook {
    let definition: any DeskBook
    /// The typed service (``UmbrellaDesk`` …): ``Desk/service(_:)`` casts it back.
    let service: AnyObject
    let ledger: any OpenBook
    /// What is still out by the live state (nil when the book tracks nothing that can be).
    let stillOut: ((inout StillOut, DeskConfig) -> Void)?
    /// The book's own part of a demo day.
    let demoDay: (inout DemoDay) throws -> Void

    init<D: DeskBook>(_ definition: D, _ service: D.Service) {
        self.definition = definition
        self.service = service
        ledger = service.ledger
        stillOut = definition.tracksStillOut
            ? { s, config in definition.stillOut(service.ledger.state, into: &s, config: config) } : nil
        demoDay = { day in try definition.demoDay(service, &day) }
    }

    var name: BookName { definition.name }

    /// Opens `definition`'s service.
    static func open<D: DeskBook>(_ definition: D, _ opening: BookOpening) throws -> OpenedBook {
        OpenedBook(definition, try definition.open(opening))
    }
}
