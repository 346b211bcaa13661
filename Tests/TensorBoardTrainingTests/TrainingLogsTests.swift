import Testing

@testable import TensorBoardTraining

@Suite struct TrainingLogsTests {
    @Test func logsAreAPlainDictionary() {
        let logs: TrainingLogs = ["loss": 0.5, "val_loss": 0.6]
        #expect(logs["val_loss"] == 0.6)
    }
}
