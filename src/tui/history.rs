//! Undo and redo as a bounded stack of snapshots (the workbench keeps, for each change, the
//! session without its answers and the answers of the one practice changed).

/// How many steps back undo can go.
pub const LIMIT: usize = 200;

/// Snapshots taken before each change (undo) and before each undo (redo).
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: Vec<T>,
    redo: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Records the state before a change; a new change forgets what was undone.
    pub fn record(&mut self, before: T) {
        self.undo.push(before);
        if self.undo.len() > LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back: returns the state to restore, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    /// The state the next undo (or, with `redo`, redo) would restore.
    pub fn peek(&self, redo: bool) -> Option<&T> {
        if redo {
            self.redo.last()
        } else {
            self.undo.last()
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo_walk_back_and_forth() {
        let mut h = History::default();
        h.record(1);
        h.record(2);
        assert_eq!(h.undo(3), Some(2));
        assert_eq!(h.undo(2), Some(1));
        assert_eq!(h.undo(1), None);
        assert_eq!(h.redo(1), Some(2));
        h.record(2);
        assert_eq!(h.redo(5), None, "a new change forgets the redo stack");
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::default();
        for i in 0..LIMIT + 10 {
            h.record(i);
        }
        let mut n = 0;
        let mut cur = 0;
        while let Some(prev) = h.undo(cur) {
            cur = prev;
            n += 1;
        }
        assert_eq!(n, LIMIT);
    }
}
