// tbevents-testtool: programs the tests run as child processes. Not a product of the package.
//
//   tbevents-testtool write-until-killed <run-directory> <seed>
//       Writes scalar "x" = step at steps 0, 1, 2, ... with a SummaryWriter that only flushes when told, and
//       flushes after a random number (1-50, from the seed) of events, printing "flushed <count>" on standard
//       output after each flush. Runs until it is killed; the crash-safety test kills it with SIGKILL.
//
//   tbevents-testtool write-and-exit <run-directory> <count> exit|return|kill
//       Writes scalar "x" = step at steps 0..<count with a SummaryWriter that only flushes when told, never
//       flushes or closes it, and keeps it in a global (never deinitialised), then ends: `exit(0)`, falling off
//       the end of top-level code, or SIGKILL. The exit-flush test checks what each leaves in the file.
//
//   tbevents-testtool discover <logdir>
//       Prints "run <name>" for each run Logdir.discoverRuns finds and "problem <code>" for each problem, so that
//       a test running as root can see discovery as another user does (started under `setpriv`).

import Foundation
import TensorBoardEvents

let arguments = CommandLine.arguments
/// Writers kept alive until the process ends, never closed.
var writersLeftOpen: [SummaryWriter] = []
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: tbevents-testtool write-until-killed <run-directory> <seed>\n".utf8))
    exit(2)
}

switch arguments[1] {
case "write-until-killed":
    guard arguments.count == 4, let seed = UInt64(arguments[3]) else { exit(2) }
    var state = seed | 1
    func nextRandom() -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % 50) + 1
    }
    do {
        let writer = try SummaryWriter(
            runDirectory: arguments[2],
            options: .init(bufferSize: 1 << 30, flushInterval: .infinity)
        )
        var step: Int64 = 0
        while true {
            let batch = nextRandom()
            for _ in 0..<batch {
                try writer.scalar("x", Float(step), step: step, wallTime: 1_700_000_000 + Double(step))
                step += 1
            }
            try writer.flush()
            FileHandle.standardOutput.write(Data("flushed \(step)\n".utf8))
        }
    } catch {
        FileHandle.standardError.write(Data("tbevents-testtool: \(error)\n".utf8))
        exit(1)
    }
case "write-and-exit":
    guard arguments.count == 5, let count = Int64(arguments[3]), ["exit", "return", "kill"].contains(arguments[4])
    else { exit(2) }
    do {
        let writer = try SummaryWriter(
            runDirectory: arguments[2],
            options: .init(bufferSize: 1 << 30, flushInterval: .infinity)
        )
        writersLeftOpen.append(writer)
        for step in 0..<count {
            try writer.scalar("x", Float(step), step: step, wallTime: 1_700_000_000 + Double(step))
        }
    } catch {
        FileHandle.standardError.write(Data("tbevents-testtool: \(error)\n".utf8))
        exit(1)
    }
    switch arguments[4] {
    case "exit": exit(0)
    case "kill": kill(getpid(), SIGKILL)
    default: break  // the end of top-level code
    }
case "discover":
    guard arguments.count == 3 else { exit(2) }
    do {
        let (runs, problems) = try Logdir.discoverRuns(in: arguments[2])
        for run in runs { print("run \(run.name)") }
        for problem in problems { print("problem \(problem.code)") }
    } catch {
        print("error \(error.code)")
        exit(1)
    }
default:
    exit(2)
}
