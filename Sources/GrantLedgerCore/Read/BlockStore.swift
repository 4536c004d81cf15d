/// Elements kept in fixed blocks that never move as the store grows, so that they can be handed
/// over later by moving each once, and each block freed whole.
///
/// A parser reading a later range of a split file keeps its transactions and postings here rather
/// than in arrays (see `LedgerParser.absorb`): moving out of an array is not possible (it frees its
/// elements one by one, so a move would have to leave a value behind), and copying would retain
/// each string of each element only for the array to release it again.
final class BlockStore<Element> {
    private let blockSize: Int
    private var blocks: [UnsafeMutablePointer<Element>] = []
    private(set) var count = 0

    init(blockSize: Int) {
        precondition(blockSize > 0)
        self.blockSize = blockSize
    }

    deinit {
        for (index, block) in blocks.enumerated() {
            block.deinitialize(count: filled(index))
            block.deallocate()
        }
    }

    func append(_ element: consuming Element) {
        let offset = count % blockSize
        if offset == 0 {
            let block = UnsafeMutablePointer<Element>.allocate(capacity: blockSize)
            SystemCalls.preferHugePages(UnsafeMutableRawBufferPointer(start: block, count: blockSize * MemoryLayout<Element>.stride))
            blocks.append(block)
        }
        (blocks[blocks.count - 1] + offset).initialize(to: element)
        count += 1
    }

    /// Moves every element, in order, onto the end of `target`, freeing each block as soon as it is
    /// empty; the store is left empty.
    func moveAll(onto target: inout [Element]) {
        for (index, block) in blocks.enumerated() {
            target.append(contentsOf: MovedElements(base: block, count: filled(index)))
            block.deallocate()
        }
        blocks = []
        count = 0
    }

    /// How many elements block `index` holds.
    private func filled(_ index: Int) -> Int { min(blockSize, count - index * blockSize) }
}

/// The elements of a block, each moved out as it is reached (its memory left uninitialised).
private struct MovedElements<Element>: Sequence, IteratorProtocol {
    let base: UnsafeMutablePointer<Element>
    let count: Int
    var index = 0

    var underestimatedCount: Int { count - index }

    mutating func next() -> Element? {
        guard index < count else { return nil }
        defer { index += 1 }
        return (base + index).move()
    }
}
