/// What the desk's generic loops need of a book's service (``UmbrellaDesk``,
/// ``ShiftDesk`` …): the book it keeps. The typed API (lend, return …) stays the service's own.
///
///     extension StrollerDesk: BookService {
///         var ledger: ServiceBook<StrollerState> { book }
///     }
protocol BookService: AnyObject {
    associatedtype State: BookState
    /// The book and its replayed state.
    var ledger: ServiceBook<State> { get }
}

/// A bare ``ServiceBook`` is a service too: a book that needs no desk functions of its own
/// (a test's book, a log that only appends) registers it as it is.
extension ServiceBook: BookService {
    var ledger: ServiceBook<State> { self }
}
