//! Reading the YAML of public models safely and with places: every node keeps its line and
//! column, every scalar stays the text it was written as until a number is asked for (so an
//! answer `No` is the string "No", never YAML 1.1's false), duplicate keys and alias bombs are
//! refused by the parser, and deep nesting is refused before parsing.

use saphyr::{MarkedYaml, YamlData, YamlLoader};
use saphyr_parser::Parser;

use super::{Expected, ImportError, Place};

/// Nesting deeper than any model file needs; refused before parsing so a hostile file cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A parsed YAML node and the file it came from.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    pub file: &'a str,
    pub yaml: &'a MarkedYaml<'a>,
}

/// Parses every document of a YAML text.
pub fn parse<'a>(text: &'a str, file: &str) -> Result<Vec<MarkedYaml<'a>>, ImportError> {
    check_depth(text, file)?;
    let mut loader: YamlLoader<'a, MarkedYaml<'a>> = YamlLoader::default();
    loader.early_parse(false);
    let mut parser = Parser::new_from_str(text);
    let scanned = parser.load(&mut loader, true);
    let error = scanned.err().or_else(|| loader.error().cloned());
    if let Some(err) = error {
        return Err(ImportError::Yaml {
            place: Place::new(file, err.marker().line(), err.marker().col() + 1),
            message: err.info().to_string(),
        });
    }
    Ok(loader.into_documents())
}

/// Refuses flow collections (`[[[[…`) or block indentation nested deeper than [`MAX_DEPTH`].
fn check_depth(text: &str, file: &str) -> Result<(), ImportError> {
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        let mut depth = 0usize;
        let mut quote = None;
        for (col, c) in line.char_indices() {
            match (quote, c) {
                (None, '\'' | '"') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, '#') => break,
                (None, '[' | '{') => depth += 1,
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > MAX_DEPTH || indent / 2 > MAX_DEPTH * 4 {
                return Err(ImportError::TooDeep {
                    place: Place::new(file, n + 1, col + 1),
                    limit: MAX_DEPTH,
                });
            }
        }
    }
    Ok(())
}

impl<'a> Node<'a> {
    pub fn new(file: &'a str, yaml: &'a MarkedYaml<'a>) -> Self {
        Self { file, yaml }
    }

    /// Where this node starts.
    pub fn place(&self) -> Place {
        let start = self.yaml.span.start;
        Place::new(self.file, start.line(), start.col() + 1)
    }

    fn data(&self) -> &'a YamlData<'a, MarkedYaml<'a>> {
        let mut yaml = self.yaml;
        while let YamlData::Tagged(_, inner) = &yaml.data {
            yaml = inner;
        }
        &yaml.data
    }

    /// The scalar's text as written (any scalar: `No`, `1.0`, `true` all stay text).
    pub fn text(&self) -> Option<&'a str> {
        match self.data() {
            YamlData::Representation(text, _, _) => Some(text),
            YamlData::Value(scalar) => scalar.as_str(),
            _ => None,
        }
    }

    /// Whether the node is YAML's null (`~`, `null`, or nothing at all).
    pub fn is_null(&self) -> bool {
        match self.data() {
            YamlData::Representation(text, style, _) => {
                *style == saphyr::ScalarStyle::Plain
                    && matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL")
            }
            YamlData::Value(scalar) => scalar.is_null(),
            _ => false,
        }
    }

    /// The scalar as a number (YAML 1.2 core schema integers and floats).
    pub fn number(&self) -> Option<f64> {
        let text = self.text()?.trim();
        saphyr::parse_core_schema_fp(text).or_else(|| text.parse::<i64>().ok().map(|n| n as f64))
    }

    /// The mapping's entries in file order.
    pub fn entries(&self) -> Option<Vec<(Node<'a>, Node<'a>)>> {
        match self.data() {
            YamlData::Mapping(map) => Some(
                map.iter()
                    .map(|(k, v)| (Node::new(self.file, k), Node::new(self.file, v)))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// The sequence's items.
    pub fn items(&self) -> Option<Vec<Node<'a>>> {
        match self.data() {
            YamlData::Sequence(items) => {
                Some(items.iter().map(|v| Node::new(self.file, v)).collect())
            }
            _ => None,
        }
    }

    /// The value under `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<Node<'a>> {
        self.entries()?
            .into_iter()
            .find(|(k, _)| k.text() == Some(key))
            .map(|(_, v)| v)
    }

    /// A text field that must be there.
    pub fn required_text(&self, key: &str) -> Result<&'a str, ImportError> {
        match self.get(key) {
            Some(v) if !v.is_null() => v
                .text()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .ok_or_else(|| ImportError::WrongType {
                    place: v.place(),
                    field: key.to_string(),
                    expected: Expected::Text,
                }),
            _ => Err(ImportError::Missing {
                place: self.place(),
                field: key.to_string(),
            }),
        }
    }

    /// A text field that may be absent or empty.
    pub fn optional_text(&self, key: &str) -> Option<&'a str> {
        self.get(key)
            .filter(|v| !v.is_null())
            .and_then(|v| v.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }

    /// A number field that must be there.
    pub fn required_number(&self, key: &str) -> Result<f64, ImportError> {
        let value = self.get(key).ok_or_else(|| ImportError::Missing {
            place: self.place(),
            field: key.to_string(),
        })?;
        value
            .number()
            .filter(|n| n.is_finite())
            .ok_or_else(|| ImportError::WrongType {
                place: value.place(),
                field: key.to_string(),
                expected: Expected::Number,
            })
    }

    /// A list of texts (absent or null: empty).
    pub fn texts(&self, key: &str) -> Result<Vec<&'a str>, ImportError> {
        let Some(value) = self.get(key).filter(|v| !v.is_null()) else {
            return Ok(Vec::new());
        };
        let wrong = |place| ImportError::WrongType {
            place,
            field: key.to_string(),
            expected: Expected::TextList,
        };
        value
            .items()
            .ok_or_else(|| wrong(value.place()))?
            .into_iter()
            .map(|item| {
                item.text()
                    .map(str::trim)
                    .ok_or_else(|| wrong(item.place()))
            })
            .collect()
    }
}
