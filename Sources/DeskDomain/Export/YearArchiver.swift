import Glibc

/// `plazadesk archive --before YYYY`: moves whole years past the one-year retention out of
/// the live data directory into `<data>/archive/<year>/`.
///
/// The desk keeps its records for one year (manual §6): a year may leave the live folder
/// once the whole of it is more than a year old, i.e. when the current plaza year (from the
/// injected clock) is at least two later. The move is a `rename` of the year's folder, so
/// not a byte changes: `plazadesk verify --year` still finds the year, and the next year's
/// first lines still link to it. Every book's lock is taken (without waiting) for the
/// move, so it is refused while a console or command is writing.
public struct YearArchiver {
    public var data: DataDirectory
    public var clock: any Clock
    public var time: PlazaTime

    /// How many whole years records stay live after the year they were written in.
    public static let retentionYears = 1

    public init(data: DataDirectory, clock: any Clock, time: PlazaTime = .china) {
        self.data = data; self.clock = clock; self.time = time
    }

    /// Moves every live year before `before`; returns the years moved.
    @discardableResult
    public func archive(before: Int) throws -> [Int] {
        guard data.exists else { throw LedgerError.noDataDirectory(path: data.path) }
        let current = time.civil(clock.now()).year
        if before - 1 > current - 1 - Self.retentionYears {
            throw ExportError.withinRetention(year: min(before - 1, current), currentYear: current)
        }
        let years = data.years().filter { $0 < before && POSIXFile.exists(data.yearFolder($0)) }
        guard !years.isEmpty else { throw ExportError.nothingToArchive(before: before) }
        for y in years where POSIXFile.exists(data.archivedYearFolder(y)) {
            throw ExportError.alreadyArchived(year: y, path: data.archivedYearFolder(y))
        }
        let locks = try lockAllBooks()
        defer { for fd in locks { flock(fd, LOCK_UN); close(fd) } }
        let archiveFolder = "\(data.path)/archive"
        try POSIXFile.makeDirectories(archiveFolder)
        for y in years {
            guard rename(data.yearFolder(y), data.archivedYearFolder(y)) == 0 else {
                throw LedgerError.io(path: data.yearFolder(y), action: "move to \(data.archivedYearFolder(y))", errno: errno)
            }
        }
        try POSIXFile.fsyncDirectory(archiveFolder)
        try POSIXFile.fsyncDirectory(data.path)
        return years
    }

    /// Takes every book's lock without waiting; refuses when one is held.
    func lockAllBooks() throws -> [Int32] {
        var held: [Int32] = []
        let names = ((try? FileManagerShim.contents(data.lockFolder)) ?? []).filter { $0.hasSuffix(".lock") }.sorted()
        do {
            for n in names {
                let fd = try POSIXFile.open("\(data.lockFolder)/\(n)", O_RDWR | O_CLOEXEC, action: "open the lock file")
                held.append(fd)
                if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                    if errno == EWOULDBLOCK { throw ExportError.bookInUse(book: String(n.dropLast(5))) }
                    throw LedgerError.io(path: "\(data.lockFolder)/\(n)", action: "lock", errno: errno)
                }
            }
        } catch {
            for fd in held { flock(fd, LOCK_UN); close(fd) }
            throw error
        }
        return held
    }
}
