//! Maps in our files that refuse duplicate keys.
//!
//! serde fills a map entry by entry, so a key written twice silently keeps only the last value;
//! in a session that would lose an answer without a word. Fields that use
//! `#[serde(deserialize_with = "crate::unique_keys::deserialize")]` fail instead, naming the key.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

/// Deserialises a `BTreeMap`, failing on the first key that appears twice.
pub fn deserialize<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Debug,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueMap(PhantomData))
}

struct UniqueMap<K, V>(PhantomData<(K, V)>);

/// How the message of a key written twice starts and ends (the key, quoted, between): the
/// catalogue reads it back by these (`textfile::problem::custom`), since serde carries text.
/// Kept here, free of the rest of the crate, because the build script compiles this file.
pub const DUPLICATE_KEY: &str = "the key ";
pub const DUPLICATE_KEY_END: &str = " appears twice; keep one entry (nothing was dropped)";

impl<'de, K, V> Visitor<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Debug,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map with unique keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<K>()? {
            if out.contains_key(&key) {
                return Err(A::Error::custom(format!(
                    "{DUPLICATE_KEY}{key:?}{DUPLICATE_KEY_END}"
                )));
            }
            let value = map.next_value()?;
            out.insert(key, value);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    #[derive(Debug, serde::Deserialize)]
    struct Holder {
        #[serde(deserialize_with = "super::deserialize")]
        map: BTreeMap<String, u8>,
    }

    #[test]
    fn unique_keys_load() {
        let h: Holder = ron::from_str(r#"(map: {"a": 1, "b": 2})"#).expect("parses");
        assert_eq!(h.map.len(), 2);
    }

    #[test]
    fn a_duplicate_key_is_an_error_naming_it() {
        let err = ron::from_str::<Holder>("(map: {\"a\": 1,\n \"a\": 2})").expect_err("dup");
        assert!(err.to_string().contains("\"a\" appears twice"), "{err}");
        assert_eq!(err.span.start.line, 2, "{err:?}");
    }
}
