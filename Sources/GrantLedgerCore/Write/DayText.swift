/// Each day's text, made once for the run of postings on it.
struct DayText {
    private var day: Day?
    private var bytes: [UInt8] = []

    mutating func text(_ date: Day) -> [UInt8] {
        if date != day {
            day = date
            bytes = Array(date.description.utf8)
        }
        return bytes
    }
}
