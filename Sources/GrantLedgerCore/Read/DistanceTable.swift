/// The edit-distance table of one word against candidate after candidate (`Suggestion.closest`),
/// its three rows kept in one buffer from one candidate to the next, so that ten thousand
/// candidates cost one allocation rather than thirty thousand. Only the band of cells within
/// `limit` of the diagonal is filled: a cell further out is more than `limit` edits anyway, so a
/// comparison costs the word's length times the band's width, however long the candidate, and
/// stops once two rows are past the limit.
struct DistanceTable {
    /// How far `word` is from a candidate, each `limit + 1` when not within the limit.
    struct Distances {
        /// The whole word from the whole candidate.
        var whole: Int
        /// The word from the candidate's start: `pcc-msb` from `pcc-snb-2019-20` is 2.
        var start: Int
        /// The candidate from the word's start: `mansfield` from `mansfield-town` is 0.
        var wordStart: Int
    }

    /// Three rows of `width` cells: the row before the previous (for a swap), the previous, the current.
    private var cells: [Int]
    private var width: Int

    /// Rows for candidates of up to `width - 1` characters (the word's length and the limit).
    init(width: Int) {
        self.width = max(1, width)
        cells = [Int](repeating: 0, count: 3 * self.width)
    }

    /// Edits (insert, delete, replace, or swap two neighbours) between `word` and `candidate`,
    /// of which only the first `word.count + limit + 1` characters need be given (a longer one
    /// cannot be within the limit as a whole, and its start is all the rest looks at).
    mutating func distances(_ word: [Unicode.Scalar], _ candidate: [Unicode.Scalar], limit: Int) -> Distances {
        let n = word.count, m = candidate.count, far = limit + 1
        let cut = m > n + limit, columns = min(m, n + limit)
        if columns + 2 > width {
            width = columns + 2
            cells = [Int](repeating: 0, count: 3 * width)
        }
        let width = self.width
        return cells.withUnsafeMutableBufferPointer { cells in
            word.withUnsafeBufferPointer { word in
                candidate.withUnsafeBufferPointer { candidate in
                    // Rows rotate through the three thirds of the buffer: row i starts at `row(i)`.
                    func row(_ i: Int) -> Int { (i % 3) * width }
                    for j in 0...columns { cells[j] = min(j, far) }
                    var wordStart = !cut && m <= limit ? m : far
                    var lastMinimum = 0
                    for i in stride(from: 1, through: n, by: 1) {
                        let current = row(i), previous = row(i - 1), beforePrevious = row(i + 1)
                        let low = max(1, i - limit), high = min(columns, i + limit)
                        cells[current] = min(i, far)
                        if low > 1 { cells[current + low - 1] = far }
                        var minimum = cells[current]
                        if low <= high {
                            for j in low...high {
                                // Comparisons written out: the tests' debug builds run this millions of times.
                                var cell = cells[previous + j - 1] + (word[i - 1] == candidate[j - 1] ? 0 : 1)
                                if cells[previous + j] + 1 < cell { cell = cells[previous + j] + 1 }
                                if cells[current + j - 1] + 1 < cell { cell = cells[current + j - 1] + 1 }
                                if i > 1 && j > 1 && word[i - 1] == candidate[j - 2] && word[i - 2] == candidate[j - 1]
                                    && cells[beforePrevious + j - 2] + 1 < cell {
                                    cell = cells[beforePrevious + j - 2] + 1
                                }
                                if cell > far { cell = far }
                                cells[current + j] = cell
                                if cell < minimum { minimum = cell }
                            }
                        }
                        if high + 1 <= columns { cells[current + high + 1] = far }
                        if !cut && low <= m && m <= high { wordStart = min(wordStart, cells[current + m]) }
                        // No later cell comes back within the limit once two rows are past it.
                        if minimum > limit && lastMinimum > limit { return Distances(whole: far, start: far, wordStart: wordStart) }
                        lastMinimum = minimum
                    }
                    let last = row(n)
                    var start = far
                    if n - limit <= columns {
                        for j in max(0, n - limit)...columns { start = min(start, cells[last + j]) }
                    }
                    let whole = !cut && abs(n - m) <= limit ? cells[last + m] : far
                    return Distances(whole: whole, start: start, wordStart: wordStart)
                }
            }
        }
    }
}
