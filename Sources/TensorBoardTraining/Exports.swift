// Exports.swift: `import TensorBoardTraining` also brings the event-file library (SummaryWriter, readers, ...)
// and the monitor rules (ImprovementRule, ...), which the callbacks' API uses.

@_exported import TensorBoardEvents
@_exported import TensorBoardMonitoring
