import Testing

@testable import TensorBoardTraining

/// A checkpoint template is checked when the callback is made, and a key the logs lack stops training at the
/// first save (as Keras's `KeyError`), instead of a warning every epoch.
@Suite struct TemplateValidationTests {
    @Test(arguments: ["{epoch", "model-}.json", "{}", "{epoch!r}", "{a.b}", "{val_loss:d}", "{epoch:.2d}", "{epoch:x}"])
    func refusesABadTemplateWhenMade(_ template: String) {
        #expect(throws: FileNameTemplate.Error.self) { try FileNameTemplate(template) }
        do {
            _ = try ModelCheckpoint(filePath: template, save: { _ in })
            Issue.record("accepted \(template)")
        } catch {
            #expect(error.type == "ModelCheckpoint" && error.parameter == "filePath" && error.received == template)
        }
    }

    @Test func acceptsKeysThatOnlyTheLogsWillHold() throws {
        let template = try FileNameTemplate("m-{epoch:02d}-{val_loss:.4f}-{{x}}")
        #expect(template.metricKeys == ["val_loss"])
        #expect(try template.fileName(epoch: 2, logs: ["val_loss": 0.25]) == "m-03-0.2500-{x}")
    }

    @Test func anUnknownKeyStopsTrainingAtTheFirstSaveWithTheNearestKey() throws {
        var saved: [String] = []
        let checkpoint = try ModelCheckpoint(filePath: "m-{epoch}-{val_los:.3f}", save: { saved.append($0) })
        let trainer = Trainer(callbacks: [checkpoint])
        var epochsRun = 0
        let expected = TrainingError.unknownTemplateKey(
            key: "val_los",
            template: "m-{epoch}-{val_los:.3f}",
            available: ["val_loss", "loss"],
            suggestion: "val_loss"
        )
        #expect(throws: expected) {
            try trainer.fit(
                epochs: 5,
                trainingBatches: 1,
                trainStep: { _, _ in
                    epochsRun += 1
                    return try BatchResult(loss: 1)
                },
                validationBatches: 1,
                validationStep: { _, _ in try BatchResult(loss: 2) },
                model: ModelHooks()
            )
        }
        #expect(epochsRun == 1 && saved.isEmpty)
        #expect(
            expected.description
                == "ModelCheckpoint: the file name template names 'val_los', which is not among the logged keys "
                + "(val_loss, loss); did you mean 'val_loss'?. Received: template=m-{epoch}-{val_los:.3f}"
        )
    }
}
