// eventdump: prints TensorBoard event logs as tables. All the work is in EventDumpKit.

import EventDumpKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

signal(SIGPIPE, SIG_IGN)
let status = EventDump.run(
    Array(CommandLine.arguments.dropFirst()),
    output: FileDescriptorSink.standardOutput,
    errors: FileDescriptorSink.standardError
)
exit(status)
