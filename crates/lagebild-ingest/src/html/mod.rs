//! HTML pages: the article's text, title, date and language, without what surrounds it.

mod collect;
mod select;

use std::io::{BufRead, Read};

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

use crate::charset::decode_html;
use crate::dates::{parse_stamp, primary_language};
use crate::{RawDocument, ReadError, ReadErrorKind, Reader, content_id};

/// The largest page read, in bytes; a larger one is an error.
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// An article shorter than this (in characters) is read again without class names.
const LENIENT_BELOW_CHARS: u32 = 250;

/// What the extractor finds in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    /// Plain text: paragraphs separated by a blank line, white space inside a paragraph
    /// collapsed to single spaces, entities decoded, no markup.
    pub text: String,
    pub published: Option<NaiveDate>,
    /// The time of day written with the date, where it is.
    pub published_time: Option<NaiveTime>,
    /// The primary language subtag (`de` for `de-DE`), lowercase.
    pub lang: Option<String>,
}

/// Extracts the article from the bytes of a page.
///
/// The charset is found as [`decode_html`](crate::decode_html) says, `transport_charset`
/// being the `charset` of an HTTP `Content-Type` where there is one. Scripts, styles,
/// forms, hidden elements, navigation, headers and footers of the site, sidebars,
/// comments, cookie banners and lists of links are dropped; among what remains, the
/// container whose paragraphs score best (after Readability) is the article, with those of
/// its siblings that score well too. The title is the page's `<h1>` where the `<title>` or
/// `og:title` confirms it, else `og:title`, JSON-LD `headline` or the `<title>` without the
/// site's name. The date is the first that parses of `article:published_time`, JSON-LD
/// `datePublished`, `itemprop="datePublished"` or `<time pubdate>`, other date `<meta>`
/// tags, and the first `<time datetime>` outside boilerplate. The language is `<html lang>`,
/// else `Content-Language`, `og:locale` or JSON-LD `inLanguage`.
///
/// A page without article text is [`ReadErrorKind::NoArticleText`].
pub fn extract_article(bytes: &[u8], transport_charset: Option<&str>) -> Result<Article, ReadErrorKind> {
    let html = decode_html(bytes, transport_charset);
    let page = collect::collect(&html);
    let mut blocks = select::article_blocks(&page, true);
    // Class names mislead on some sites (a page wrapped in `<div id="bannerframe">`): where
    // the strict reading finds little, read again without them.
    let chars = |blocks: &[usize]| blocks.iter().map(|&at| page.blocks[at].chars).sum::<u32>();
    if chars(&blocks) < LENIENT_BELOW_CHARS {
        let lenient = select::article_blocks(&page, false);
        if chars(&lenient) > chars(&blocks) {
            blocks = lenient;
        }
    }
    let linked = LinkedData::of(&page.meta.json_ld);
    let title = title(&page, &linked);
    let mut paragraphs: Vec<&str> = blocks.iter().map(|&at| page.blocks[at].text.as_str()).collect();
    // The title is not part of the text, even where the article repeats it as a heading.
    if let (Some(title), Some(&first)) = (&title, blocks.first())
        && matches!(page.blocks[first].kind, collect::Kind::Heading(_))
        && page.blocks[first].text == *title
    {
        paragraphs.remove(0);
    }
    let text = paragraphs.join("\n\n");
    if text.is_empty() {
        return Err(ReadErrorKind::NoArticleText);
    }
    let (published, published_time) = published(&page, &linked).map_or((None, None), |(date, time)| (Some(date), time));
    let lang = [page.meta.html_lang.as_deref(), page.meta.meta_lang.as_deref(), linked.language.as_deref()]
        .into_iter()
        .flatten()
        .find_map(primary_language);
    Ok(Article { title, text, published, published_time, lang })
}

/// The text of an HTML fragment, such as the content of a feed item: every paragraph but
/// scripts, styles, forms and hidden elements, in the same plain-text form as an article.
pub fn fragment_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        // Plain text, as most titles and many summaries are: no markup to read.
        let paragraph = collect::collapse(html);
        return if paragraph.chars().any(char::is_alphanumeric) { paragraph } else { String::new() };
    }
    let page = collect::collect(html);
    let blocks = select::fragment_blocks(&page);
    blocks.iter().map(|&at| page.blocks[at].text.as_str()).collect::<Vec<_>>().join("\n\n")
}

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
struct LinkedData {
    published: Option<String>,
    headline: Option<String>,
    language: Option<String>,
}

impl LinkedData {
    fn of(scripts: &[String]) -> LinkedData {
        let mut data = LinkedData::default();
        for script in scripts {
            if let Ok(value) = serde_json::from_str::<Value>(script.trim()) {
                data.visit(&value, 0);
            }
        }
        data
    }

    fn visit(&mut self, value: &Value, depth: usize) {
        if depth > 16 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|item| self.visit(item, depth + 1)),
            Value::Object(object) => {
                let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
                self.published = self.published.take().or_else(|| text("datePublished"));
                self.headline = self.headline.take().or_else(|| text("headline"));
                self.language = self.language.take().or_else(|| text("inLanguage"));
                object.values().for_each(|item| self.visit(item, depth + 1));
            }
            _ => {}
        }
    }
}

fn title(page: &collect::Page, linked: &LinkedData) -> Option<String> {
    let h1 = page
        .blocks
        .iter()
        .find(|block| block.kind == collect::Kind::Heading(1) && !block.is_boiler(true))
        .map(|block| block.text.as_str());
    let page_title = page.meta.title.as_str();
    let og = page.meta.og_title.as_deref();
    let headline = linked.headline.as_deref().map(collect::collapse);
    if let Some(h1) = h1
        && [Some(page_title), og, headline.as_deref()].into_iter().flatten().any(|title| title.contains(h1))
    {
        return Some(h1.to_owned());
    }
    og.map(str::to_owned)
        .or(headline)
        .or_else(|| Some(strip_site_name(page_title)).filter(|title| !title.is_empty()))
        .or_else(|| h1.map(str::to_owned))
}

/// `Article | Section | Site` → `Article`; `Article - Site` → `Article` where the site is
/// one or two words.
fn strip_site_name(title: &str) -> String {
    let mut title = title.trim();
    for separator in [" | ", " :: ", " » "] {
        if let Some(at) = title.find(separator)
            && title[..at].split(' ').count() >= 2
        {
            title = &title[..at];
        }
    }
    for separator in [" - ", " – ", " — "] {
        if let Some(at) = title.rfind(separator)
            && title[at + separator.len()..].split(' ').count() <= 2
            && title[..at].split(' ').count() >= 2
        {
            title = &title[..at];
        }
    }
    title.trim().to_owned()
}

/// The date and time of the first publication stamp that gives a date.
fn published(page: &collect::Page, linked: &LinkedData) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let mut candidates: Vec<(u8, &str)> =
        page.meta.published.iter().map(|(rank, value)| (*rank, value.as_str())).collect();
    if let Some(value) = &linked.published {
        candidates.push((1, value));
    }
    candidates.sort_by_key(|(rank, _)| *rank);
    candidates.into_iter().find_map(|(_, value)| parse_stamp(value))
}

/// Reads an HTML page as one document: the article's text, title, date and language (see
/// [`extract_article`]). Its id is the [`content_id`] of the text, its source the input.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlReader;

impl Reader for HtmlReader {
    fn read(&self, source: &str, input: Box<dyn BufRead>) -> Box<dyn Iterator<Item = Result<RawDocument, ReadError>>> {
        let source = source.to_owned();
        Box::new(std::iter::once_with(move || {
            let error = |kind| ReadError::new(&source, None, kind);
            let mut bytes = Vec::new();
            input.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| error(ReadErrorKind::Io(e)))?;
            if bytes.len() as u64 > MAX_PAGE_BYTES {
                return Err(error(ReadErrorKind::TooLarge { limit: MAX_PAGE_BYTES }));
            }
            let article = extract_article(&bytes, None).map_err(error)?;
            Ok(article.into_document(source.clone(), None))
        }))
    }
}

impl Article {
    /// The document of this article, found at `source` (and `url`, where known).
    pub(crate) fn into_document(self, source: String, url: Option<String>) -> RawDocument {
        RawDocument {
            id: content_id(&self.text),
            source,
            title: self.title,
            url,
            published: self.published,
            published_time: self.published_time,
            lang: self.lang,
            text: self.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_stripped_from_titles() {
        assert_eq!(
            strip_site_name("Fanuc kommt mit Zahlen zur Automatica - neue-verpackung.de"),
            "Fanuc kommt mit Zahlen zur Automatica"
        );
        assert_eq!(
            strip_site_name("Intel streicht Stellen - Prognose enttäuscht Anleger | 20.04.16 | finanzen.at"),
            "Intel streicht Stellen - Prognose enttäuscht Anleger"
        );
        assert_eq!(
            strip_site_name("Automobilindustrie - ZF will weiter wachsen"),
            "Automobilindustrie - ZF will weiter wachsen"
        );
        assert_eq!(strip_site_name("Nur ein Titel"), "Nur ein Titel");
    }
}
