//! P4's peer: the search a Rust engineer would reach for — tantivy with the
//! tantivy-jieba tokenizer (search mode, lower-cased) — over the same
//! section documents our index holds, ranked by tantivy's BM25 with the same
//! field weights (title 10, heading 4, body 1), asked for the same number
//! of hits with a snippet each.
//!
//! The query is cut by the same analyser and asked with our search's rule:
//! every word must occur (in any of the three fields), and when no document
//! holds them all, any of them. Term queries are built by hand, the usual
//! way to query Chinese with tantivy: its QueryParser turns a run of Han
//! characters cut into several tokens into a phrase query, which misses any
//! section where the words are not adjacent in that order. Questions are
//! indexed beside the sections, as in our index, and a learner's search is
//! limited to sections by a required `scope` term, as ours is.

use std::path::Path;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, TextAnalyzer, TokenStream};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument, Term};
use tantivy_jieba::JiebaTokenizer;

const TOKENIZER: &str = "jieba";
/// Field weights, as in our bm25(search_fts, 10, 4, 1).
const WEIGHTS: [f32; 3] = [10.0, 4.0, 1.0];
/// tantivy's default snippet length.
const SNIPPET_CHARS: usize = 150;

/// One document as our index holds it (a module section or a question).
#[derive(Debug, Clone)]
pub struct SectionDoc {
    /// The module the section belongs to; empty for a question.
    pub module_id: String,
    /// The module's title on its first section only (empty on the others); a question's stem.
    pub title: String,
    /// The section's heading; a question's tags, space-separated.
    pub heading: String,
    /// The section's text; a question's text.
    pub body: String,
    /// A module section (not a question).
    pub is_section: bool,
}

/// Which documents a search may find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Module sections only (a learner).
    Sections,
    /// Sections and questions (an instructor).
    Everything,
}

/// The `scope` value of a section.
const SECTION: &str = "section";

/// A hit: where it is, and its snippet (as work done, not compared).
#[derive(Debug, Clone)]
pub struct Hit {
    /// A module section (else a question).
    pub is_section: bool,
    /// The hit's module; empty for a question.
    pub module_id: String,
    /// The stored heading of the hit (a question's tags).
    pub heading: String,
    /// tantivy's snippet of the body: built as work done, not compared.
    pub snippet: String,
}

/// P4's peer: a tantivy index of the same documents, asked with our rule (every word, else any), snippets included.
pub struct TantivySearch {
    reader: IndexReader,
    analyzer: TextAnalyzer,
    text_fields: [Field; 3],
    module_id: Field,
    heading_stored: Field,
    scope: Field,
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::new()).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).build()
}

/// Jieba's default mode for snippets: search mode's overlapping sub-words
/// break tantivy's snippet ranges (an overflow in
/// `select_best_fragment_combination`, a panic in a debug build).
fn snippet_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::with_search_mode(false)).filter(LowerCaser).build()
}

impl TantivySearch {
    /// Indexes `docs` into a new index in `dir` (on disk, memory-mapped, as
    /// our SQLite file is).
    pub fn build(docs: &[SectionDoc], dir: &Path) -> anyhow::Result<Self> {
        let mut schema = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let title = schema.add_text_field("title", text.clone());
        let heading = schema.add_text_field("heading", text.clone());
        // The body is stored for the snippet, as search_docs keeps it.
        let body = schema.add_text_field("body", text | STORED);
        let module_id = schema.add_text_field("module_id", STRING | STORED);
        let heading_stored = schema.add_text_field("heading_text", STORED);
        let scope = schema.add_text_field("scope", STRING | STORED);
        let index = Index::create_in_dir(dir, schema.build())?;
        index.tokenizers().register(TOKENIZER, analyzer());
        let mut writer = index.writer::<TantivyDocument>(100_000_000)?;
        for section in docs {
            writer.add_document(doc!(
                title => section.title.as_str(),
                heading => section.heading.as_str(),
                body => section.body.as_str(),
                module_id => section.module_id.as_str(),
                heading_stored => section.heading.as_str(),
                scope => if section.is_section { SECTION } else { "question" },
            ))?;
        }
        writer.commit()?;
        // Searched as one merged segment, like an index built once and kept.
        writer.wait_merging_threads()?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(Self { reader, analyzer: analyzer(), text_fields: [title, heading, body], module_id, heading_stored, scope })
    }

    /// The query's distinct words, cut as the documents were.
    fn words(&mut self, query: &str) -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        let mut stream = self.analyzer.token_stream(query);
        while let Some(token) = stream.next() {
            if token.text.chars().any(char::is_alphanumeric) && !words.contains(&token.text) {
                words.push(token.text.clone());
            }
        }
        words
    }

    /// What `SnippetGenerator::create` does (rarer words weigh more), with
    /// the snippet analyser.
    fn snippet_generator(&self, searcher: &tantivy::Searcher, words: &[String]) -> anyhow::Result<SnippetGenerator> {
        let mut weights = std::collections::BTreeMap::new();
        for word in words {
            let frequency = searcher.doc_freq(&Term::from_field_text(self.text_fields[2], word))?;
            if frequency > 0 {
                weights.insert(word.clone(), 1.0 / (1.0 + frequency as f32));
            }
        }
        Ok(SnippetGenerator::new(weights, snippet_analyzer(), self.text_fields[2], SNIPPET_CHARS))
    }

    /// The best `limit` documents in `scope` for `query`, each with a body
    /// snippet: those holding every word, else those holding any.
    pub fn search(&mut self, query: &str, scope: Scope, limit: usize) -> anyhow::Result<Vec<Hit>> {
        let words = self.words(query);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let hits = self.search_with(&words, Occur::Must, scope, limit)?;
        if hits.is_empty() && words.len() > 1 {
            return self.search_with(&words, Occur::Should, scope, limit);
        }
        Ok(hits)
    }

    /// Each word as a disjunction over the fields (weighted), the words
    /// joined by `join`.
    fn search_with(&self, words: &[String], join: Occur, scope: Scope, limit: usize) -> anyhow::Result<Vec<Hit>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|word| {
                let fields: Vec<(Occur, Box<dyn Query>)> = self
                    .text_fields
                    .iter()
                    .zip(WEIGHTS)
                    .map(|(field, weight)| {
                        let term = TermQuery::new(Term::from_field_text(*field, word), IndexRecordOption::WithFreqs);
                        (Occur::Should, Box::new(BoostQuery::new(Box::new(term), weight)) as Box<dyn Query>)
                    })
                    .collect();
                (join, Box::new(BooleanQuery::new(fields)) as Box<dyn Query>)
            })
            .collect();
        if join == Occur::Should {
            clauses = vec![(Occur::Must, Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)];
        }
        if scope == Scope::Sections {
            let section = TermQuery::new(Term::from_field_text(self.scope, SECTION), IndexRecordOption::Basic);
            // Required, scoring nothing: it filters and leaves the ranking alone.
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(Box::new(section), 0.0))));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let snippets = self.snippet_generator(&searcher, words)?;
        let mut hits = Vec::with_capacity(top.len());
        for (_, address) in top {
            let document: TantivyDocument = searcher.doc(address)?;
            let text =
                |field: Field| document.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string();
            hits.push(Hit {
                is_section: text(self.scope) == SECTION,
                module_id: text(self.module_id),
                heading: text(self.heading_stored),
                snippet: snippets.snippet_from_doc(&document).fragment().to_string(),
            });
        }
        Ok(hits)
    }
}
