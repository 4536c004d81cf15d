/// `"text"` in messages, so that an empty or spaced name is visible.
func quoted(_ text: String) -> String { "\"\(text)\"" }
