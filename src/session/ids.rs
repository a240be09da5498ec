//! Identities that never collide: evidence, findings and history entries made independently in
//! two copies of a session (two laptops, two git clones) must stay distinct when the copies are
//! merged. Each carries a random-enough id next to its short label (`E3`, `F2`); the label is
//! what people read and may be renumbered by a merge, the id never changes.
//!
//! Files from before ids existed get them on load, derived from the item's content, so two
//! copies of the same old file agree on the ids of what they share.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use super::{Change, Session};

/// Hex digits in an id: 64 bits, so even a year of history (~10^5 entries) on many laptops
/// has a collision chance far below one in a billion.
const ID_HEX: usize = 16;

/// A new id, unique across processes and machines: a digest of the time in nanoseconds, the
/// process, a per-process counter and the host and user names.
pub fn fresh_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut hasher = Sha256::new();
    hasher.update(nanos.to_le_bytes());
    hasher.update(std::process::id().to_le_bytes());
    hasher.update(count.to_le_bytes());
    hasher.update(super::host_name().as_bytes());
    hasher.update(super::current_user().as_bytes());
    hex(&hasher.finalize())
}

/// An id derived from content (for items written before ids existed).
fn derived_id(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.len().to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex(&hasher.finalize())
}

fn hex(digest: &[u8]) -> String {
    digest
        .iter()
        .take(ID_HEX / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Session {
    /// Gives every evidence entry, finding and history entry without an id one derived from its
    /// content. Identical history entries are told apart by their order among themselves,
    /// which appending never changes.
    pub fn assign_missing_ids(&mut self) {
        for (label, e) in self.evidence.iter_mut().filter(|(_, e)| e.uid.is_empty()) {
            e.uid = derived_id(&["evidence", label, &e.title, &e.added_by, &e.added_at]);
        }
        for (label, f) in self.findings.iter_mut().filter(|(_, f)| f.uid.is_empty()) {
            f.uid = derived_id(&["finding", label, &f.title, &f.added_by, &f.added_at]);
        }
        assign_history_ids(&mut self.history);
    }
}

/// Gives history entries without an id one derived from their content (files of format 2).
pub(super) fn assign_history_ids(history: &mut [Change]) {
    if history.iter().all(|c| !c.id.is_empty()) {
        return;
    }
    let mut seen: HashMap<[&str; 6], usize> = HashMap::new();
    let mut ids = Vec::with_capacity(history.len());
    for c in history.iter() {
        let key = [c.at.as_str(), &c.by, &c.target, &c.field, &c.old, &c.new];
        let n = seen.entry(key).or_default();
        *n += 1;
        ids.push(c.id.is_empty().then(|| {
            let occurrence = n.to_string();
            let mut parts = key.to_vec();
            parts.push(&occurrence);
            derived_id(&parts)
        }));
    }
    for (c, id) in history.iter_mut().zip(ids) {
        if let Some(id) = id {
            c.id = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_differ_and_are_short() {
        let a = fresh_id();
        let b = fresh_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), ID_HEX);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn derived_ids_depend_on_every_part_and_its_boundaries() {
        assert_eq!(derived_id(&["a", "b"]), derived_id(&["a", "b"]));
        assert_ne!(derived_id(&["ab", ""]), derived_id(&["a", "b"]));
    }
}
