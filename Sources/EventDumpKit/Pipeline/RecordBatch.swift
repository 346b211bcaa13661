// RecordBatch.swift: record payloads copied end to end, to hand a run's records from one thread to another.

/// The payloads of consecutive records of a run, end to end in one buffer, each with its index in the run's
/// reading order: what the framing thread of the first pass hands to the decoding thread
/// (``LogScan/purgePlan(of:kinds:)``). A batch owns copies of the bytes, so the reader's buffer can be reused
/// while the batch waits.
///
/// A class over raw memory, so that filling it costs a copy per record and nothing else (no growth or
/// uniqueness checks), and handing it over copies nothing. One thread at a time uses a batch: the framing
/// thread fills it and sends it, and from then on only the decoding thread reads it.
final class RecordBatch {
    /// The most records a batch holds.
    static let recordLimit = 4096
    /// The payload bytes a batch has room for, unless one record alone needs more.
    static let byteLimit = 1 << 20

    private let bytes: UnsafeMutableRawPointer
    private let byteCapacity: Int
    private var byteCount = 0
    /// Where each payload ends in `bytes` (the next one starts there), and the record's index in the run.
    private let records: UnsafeMutablePointer<(end: Int, index: Int)>
    /// The number of records.
    private(set) var count = 0

    /// An empty batch with room for ``recordLimit`` records and `byteCapacity` bytes of payloads.
    init(byteCapacity: Int = RecordBatch.byteLimit) {
        self.byteCapacity = max(byteCapacity, 0)
        bytes = UnsafeMutableRawPointer.allocate(byteCount: max(self.byteCapacity, 1), alignment: 16)
        records = UnsafeMutablePointer.allocate(capacity: Self.recordLimit)
    }

    deinit {
        bytes.deallocate()
        records.deallocate()
    }

    /// Whether a payload of `length` bytes fits.
    func hasRoom(for length: Int) -> Bool {
        count < Self.recordLimit && length <= byteCapacity - byteCount
    }

    /// Appends a copy of a record's payload and the record's index in the run; does nothing when
    /// ``hasRoom(for:)`` says it does not fit.
    func append(_ payload: UnsafeRawBufferPointer, index: Int) {
        guard hasRoom(for: payload.count) else { return }
        if let source = payload.baseAddress {
            (bytes + byteCount).copyMemory(from: source, byteCount: payload.count)
        }
        byteCount += payload.count
        records[count] = (byteCount, index)
        count += 1
    }

    /// Calls `body` with each record's index in the run and its payload, in order.
    func forEachRecord(_ body: (_ index: Int, _ payload: UnsafeRawBufferPointer) -> Void) {
        var start = 0
        for position in 0..<count {
            let (end, index) = records[position]
            body(index, UnsafeRawBufferPointer(start: bytes + start, count: end - start))
            start = end
        }
    }
}
