import Testing

@testable import TensorBoardMonitoring

/// The monitoring rules refuse counts they cannot work with when they are made, instead of clamping them or
/// misbehaving later.
@Suite struct MonitoringConfigurationErrorTests {
    @Test(arguments: [(-1, 0, "patience"), (0, -1, "startFromEpoch"), (Int.min, 0, "patience")])
    func earlyStoppingRuleRefusesNegativeCounts(patience: Int, startFromEpoch: Int, parameter: String) {
        #expect(
            throws: ConfigurationError(
                type: "EarlyStopping",
                parameter: parameter,
                received: "\(parameter == "patience" ? patience : startFromEpoch)",
                allowed: "not be negative"
            )
        ) {
            try EarlyStoppingRule(
                rule: ImprovementRule(direction: .minimize),
                patience: patience,
                startFromEpoch: startFromEpoch
            )
        }
    }

    @Test(arguments: [1, 0, -5])
    func trendDetectorRefusesAWindowBelowTwo(window: Int) {
        #expect(
            throws: ConfigurationError(
                type: "TrendDetector",
                parameter: "window",
                received: "\(window)",
                allowed: "be at least 2"
            )
        ) { try TrendDetector(window: window) }
        #expect(throws: ConfigurationError.self) {
            try TrendDetector.detect(trainingLoss: [1, 0.5], validationLoss: [1, 2], window: window)
        }
    }

    @Test func improvementRuleNamesTheMonitorItCannotRead() {
        do {
            _ = try ImprovementRule(monitor: "val_widgets", mode: .auto)
            Issue.record("accepted val_widgets")
        } catch {
            #expect(error.parameter == "monitor" && error.received == "val_widgets")
            #expect(error.description.hasSuffix("Received: monitor=val_widgets"))
        }
    }
}
