// OpenWriters.swift: the writers not yet closed, flushed when the process exits normally.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Every ``SummaryWriter`` not yet closed or deinitialised, held weakly, so that what they buffer reaches their
/// files when the process exits normally (`exit()`, the end of top-level code) although nobody closed them: a
/// global writer is never deinitialised, and `exit()` skips the deinitialisers of live objects.
///
/// The C `atexit` handler that flushes them is installed with the first registration. A crash, a signal
/// (`SIGKILL`, an unhandled `SIGTERM`) or `_exit` runs no handler: then only what was already flushed is kept.
enum OpenWriters {
    /// A weak reference, so that the registry never keeps a writer alive.
    private struct Entry {
        weak var writer: SummaryWriter?
    }

    /// The registered writers by identity; an entry is removed when its writer closes or is deinitialised, so
    /// an identity is never that of another, later writer.
    private static let entries = LockedValue<[ObjectIdentifier: Entry]>([:])

    /// Installs the exit handler, once (a static's initialiser runs exactly once, whichever thread gets there
    /// first).
    private static let handlerInstalled: Bool = {
        atexit { OpenWriters.flushAll() }
        return true
    }()

    /// Adds `writer`, to be flushed at exit unless it is closed first.
    /// - Parameter writer: A writer whose file is open.
    static func register(_ writer: SummaryWriter) {
        _ = handlerInstalled
        entries.withLock { $0[ObjectIdentifier(writer)] = Entry(writer: writer) }
    }

    /// Removes the writer with identity `id` (closed or being deinitialised); nothing if it is not there.
    /// - Parameter id: The writer's `ObjectIdentifier`.
    static func unregister(_ id: ObjectIdentifier) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }

    /// Whether the writer with identity `id` is registered (for tests).
    /// - Parameter id: The writer's `ObjectIdentifier`.
    static func isRegistered(_ id: ObjectIdentifier) -> Bool {
        entries.withLock { $0[id] != nil }
    }

    /// Flushes every registered writer still alive, ignoring failures (at exit there is no caller to report
    /// them to; what could not be written is lost, as after a crash). The writers are flushed outside the
    /// registry's lock, so that a writer's deinitialisation, which unregisters it, can run meanwhile.
    static func flushAll() {
        let writers = entries.withLock { entries in entries.values.compactMap(\.writer) }
        for writer in writers {
            try? writer.flush()
        }
    }
}
