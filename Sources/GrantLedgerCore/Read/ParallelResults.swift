/// One slot per task of a `concurrentPerform`, each written by its own task only.
final class ParallelResults<Value>: @unchecked Sendable {
    // @unchecked: tasks write disjoint slots of a buffer allocated up front (never an Array, whose
    // copy-on-write bookkeeping every writer would touch), and the slots are read only after
    // `concurrentPerform` returns, which orders every write before those reads.
    private let slots: UnsafeMutableBufferPointer<Value>

    init(count: Int, initialValue: Value) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initialValue)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> Value {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}
