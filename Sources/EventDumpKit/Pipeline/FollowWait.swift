// FollowWait.swift: the wait between two polls of `--follow`, cut short when standard output's reader leaves.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wait between two polls of `--follow`, which also watches standard output, so that following ends
/// promptly when the reader of a pipe or socket goes away while the log is idle (as `tail -f` does), rather
/// than at the next write, which an idle log may never make.
///
/// The watch is `poll(2)` on the output's descriptor asking for no events: only `POLLERR` (a pipe with no
/// reader left) or `POLLHUP` (a socket shut down) wake it early. Other outputs (a file, a terminal, a sink in
/// memory) are not watched: their waits are plain sleeps.
struct FollowWait {
    /// Standard output's descriptor when it is a pipe or a socket, or `nil`.
    private let watched: Int32?

    /// A wait watching `output` when it is a pipe or a socket.
    init(output: TextSink) {
        var info = stat()
        if let sink = output as? FileDescriptorSink, fstat(sink.descriptor, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            watched = kind == S_IFIFO || kind == S_IFSOCK ? sink.descriptor : nil
        } else {
            watched = nil
        }
    }

    /// Waits `seconds` (0 < seconds ≤ 3600, as `--interval` allows), or less when Ctrl-C interrupts it.
    /// - Returns: `false` when standard output's reader has gone away (the wait then ends at once).
    func wait(_ seconds: Double) -> Bool {
        if let watched {
            var watch = pollfd(fd: watched, events: 0, revents: 0)
            let result = poll(&watch, 1, Int32((seconds * 1000).rounded(.up)))
            if result > 0 && watch.revents & Int16(POLLERR | POLLHUP) != 0 { return false }
            // The time passed (0) or Ctrl-C (-1, EINTR). Any other wake-up (POLLNVAL) falls back to a sleep,
            // so that the polls keep their interval.
            if result <= 0 { return true }
        }
        let whole = seconds.rounded(.down)
        var request = timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
        _ = nanosleep(&request, nil)
        return true
    }
}
