// Exports.swift: `import TensorBoardTraining` also brings the event-file library (SummaryWriter, readers,
// ImprovementRule, ...), which the callbacks' API uses.

@_exported import TensorBoardEvents
