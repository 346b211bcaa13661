// eventdump: prints TensorBoard event logs as tables. All the work is in EventDumpKit.

import EventDumpKit
import TensorBoardEvents

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

signal(SIGPIPE, SIG_IGN)
// The arguments as their bytes say, so that a path that is not valid UTF-8 still names its file.
let arguments = (1..<Int(CommandLine.argc)).map { index -> String in
    guard let argument = CommandLine.unsafeArgv[index] else { return "" }
    return LosslessUTF8.decode(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
}
let status = EventDump.run(
    arguments,
    output: FileDescriptorSink.standardOutput,
    errors: FileDescriptorSink.standardError
)
exit(status)
