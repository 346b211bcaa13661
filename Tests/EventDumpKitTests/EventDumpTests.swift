import TestSupport
import Testing

@testable import EventDumpKit

@Suite struct EventDumpTests {
    @Test func unknownSubcommandIsAUsageError() {
        let output = StringSink()
        let errors = StringSink()
        #expect(EventDump.run(["frobnicate"], output: output, errors: errors) == 2)
        #expect(output.text.isEmpty)
        #expect(
            errors.text
                == "Error: unknown subcommand 'frobnicate'\nUsage: eventdump <subcommand> [<arguments>]\nSee 'eventdump --help' for more information.\n"
        )
    }
}
