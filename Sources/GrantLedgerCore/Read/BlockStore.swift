/// Elements kept in fixed blocks that never move as the store grows, so that they can be handed
/// over later by moving each once, and each block freed whole.
///
/// A parser reading a later range of a split file keeps its transactions and postings here rather
/// than in arrays (see `LedgerParser.absorb`): moving out of an array is not possible (it frees its
/// elements one by one, so a move would have to leave a value behind), and an array copies all it
/// holds each time it grows, where a filled block stays where it is.
final class BlockStore<Element> {
    private let blockSize: Int
    private var blocks: [Block] = []
    private(set) var count = 0

    /// A block, and whether its memory came straight from the kernel (`SystemCalls.mapPages`).
    /// Such memory goes back to the kernel the moment the block is freed: a block freed by the
    /// reading thread's own malloc arena would stay in the process, and a million-transaction read
    /// would peak with its later ranges held twice (in blocks and in the ledger they moved to).
    private struct Block {
        let base: UnsafeMutablePointer<Element>
        let mapped: Bool
    }

    init(blockSize: Int) {
        precondition(blockSize > 0)
        self.blockSize = blockSize
    }

    deinit {
        for (index, block) in blocks.enumerated() {
            block.base.deinitialize(count: filled(index))
            release(block)
        }
    }

    private var blockBytes: Int { blockSize * MemoryLayout<Element>.stride }

    func append(_ element: consuming Element) {
        let offset = count % blockSize
        if offset == 0 {
            if let pages = SystemCalls.mapPages(blockBytes) {
                blocks.append(Block(base: pages.bindMemory(to: Element.self, capacity: blockSize), mapped: true))
            } else {
                blocks.append(Block(base: .allocate(capacity: blockSize), mapped: false))
            }
        }
        (blocks[blocks.count - 1].base + offset).initialize(to: element)
        count += 1
    }

    private func release(_ block: Block) {
        if block.mapped {
            SystemCalls.unmapPages(UnsafeMutableRawPointer(block.base), blockBytes)
        } else {
            block.base.deallocate()
        }
    }

    /// Moves every element, in order, onto the end of `target`, freeing each block as soon as it is
    /// empty; the store is left empty.
    func moveAll(onto target: inout [Element]) {
        for (index, block) in blocks.enumerated() {
            target.append(contentsOf: MovedElements(base: block.base, count: filled(index)))
            release(block)
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
