import Glibc

/// Thin wrappers over the system calls the ledger relies on, turning `errno` into
/// ``LedgerError/io(path:action:errno:)``.
enum POSIXFile {
    static func open(_ path: String, _ flags: Int32, action: String, mode: mode_t = 0o644) throws(LedgerError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(path: path, action: action, errno: errno) }
        return fd
    }

    static func size(_ fd: Int32, path: String) throws(LedgerError) -> (size: Int64, inode: UInt64) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, action: "read the size of", errno: errno) }
        return (Int64(st.st_size), UInt64(st.st_ino))
    }

    static func fsync(_ fd: Int32, path: String) throws(LedgerError) {
        guard Glibc.fsync(fd) == 0 else { throw .io(path: path, action: "flush to disk", errno: errno) }
    }

    /// fsyncs a folder, so that a file created in it survives a crash.
    static func fsyncDirectory(_ path: String) throws(LedgerError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY, action: "open folder")
        defer { close(fd) }
        try fsync(fd, path: path)
    }

    /// Writes all bytes with as few calls as the kernel allows (one for a ledger line on
    /// an O_APPEND descriptor); throws on the first error, reporting how much got out.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(LedgerError) {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, action: "write to", errno: errno)
            }
            if n == 0 { throw .io(path: path, action: "write to", errno: EIO) }
            done += n
        }
    }

    static func pread(_ fd: Int32, into p: UnsafeMutableRawPointer, count: Int, at offset: Int64, path: String) throws(LedgerError) -> Int {
        while true {
            let n = Glibc.pread(fd, p, count, off_t(offset))
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, action: "read", errno: errno)
            }
            return n
        }
    }

    /// Creates a folder and its parents; fsyncs each parent that gained an entry.
    static func makeDirectories(_ path: String) throws(LedgerError) {
        var isDir = stat()
        if stat(path, &isDir) == 0 {
            guard (isDir.st_mode & S_IFMT) == S_IFDIR else { throw .io(path: path, action: "use as a folder", errno: ENOTDIR) }
            return
        }
        let parent = parentOf(path)
        if parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .io(path: path, action: "create folder", errno: errno)
        }
        try fsyncDirectory(parent)
    }

    static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}
