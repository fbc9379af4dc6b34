//! RSS and Atom feeds: one document per item, read with quick-xml's pull parser.

use std::borrow::Cow;
use std::io::{BufRead, Read};

use encoding_rs::{Encoding, UTF_8};
use quick_xml::events::{BytesStart, Event};

use crate::charset::{decode_utf8_or_guess, find_ascii_ci};
use crate::dates::{parse_stamp, primary_language};
use crate::html::fragment_text;
use crate::{Part, RawDocument, ReadError, ReadErrorKind, Reader, content_id};

/// The largest feed read, in bytes; a larger one is an error.
pub const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;
/// The deepest nesting of elements read.
const MAX_DEPTH: usize = 256;

/// Reads an RSS (0.9x, 1.0, 2.0) or Atom feed as one document per item (`<item>`,
/// `<entry>`).
///
/// An item's text is its full content (`content:encoded`, Atom `<content>`) where it has
/// one, else its summary (`<description>`, `<summary>`); either is read as HTML, keeping
/// every paragraph (see [`fragment_text`](crate::fragment_text)), whether it is escaped,
/// in CDATA or XHTML. The item's link is its `source` and `url` (an item without a link
/// has `INPUT#N` as source), its publication date (`pubDate`, `dc:date`, `published`,
/// else `updated`) as written is `published`, its title the title, and the item's or
/// feed's language the `lang`. The charset is a byte-order mark, else the XML declaration's,
/// else UTF-8 (or a guess where the bytes are not UTF-8).
///
/// An item without text is an error for that item. Input that is not a feed is an error
/// for the whole input; XML that breaks off or goes wrong in the middle yields the items
/// before it, then an error naming the item where it happened.
#[derive(Debug, Clone, Copy, Default)]
pub struct FeedReader;

impl Reader for FeedReader {
    fn read(&self, source: &str, input: Box<dyn BufRead>) -> Box<dyn Iterator<Item = Result<RawDocument, ReadError>>> {
        let error = |kind| ReadError::new(source, None, kind);
        let mut bytes = Vec::new();
        if let Err(e) = input.take(MAX_FEED_BYTES + 1).read_to_end(&mut bytes) {
            return Box::new(std::iter::once(Err(error(ReadErrorKind::Io(e)))));
        }
        if bytes.len() as u64 > MAX_FEED_BYTES {
            return Box::new(std::iter::once(Err(error(ReadErrorKind::TooLarge { limit: MAX_FEED_BYTES }))));
        }
        Box::new(read_feed(source, &decode_xml(&bytes)).into_iter())
    }
}

/// Decodes a feed: a byte-order mark, else the XML declaration's encoding, else UTF-8 where
/// valid, else chardetng's guess.
fn decode_xml(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    let head = &bytes[..bytes.len().min(512)];
    let declared = head
        .starts_with(b"<?xml")
        .then(|| {
            let end = head.windows(2).position(|pair| pair == b"?>")?;
            let declaration = &head[..end];
            let at = find_ascii_ci(declaration, b"encoding")? + 8;
            let rest = declaration[at..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
            let quote = *rest.first()?;
            let rest = &rest[1..];
            let label = &rest[..rest.iter().position(|&byte| byte == quote)?];
            Encoding::for_label(label)
        })
        .flatten();
    match declared {
        // A declaration of UTF-16 in bytes that have no byte-order mark is wrong; read as UTF-8.
        Some(encoding) if encoding != UTF_8 && encoding.is_ascii_compatible() => {
            encoding.decode_without_bom_handling(bytes).0
        }
        _ => decode_utf8_or_guess(bytes),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Guid,
    Published,
    Updated,
    Summary,
    Content,
}

/// What one item holds, as read so far.
#[derive(Debug, Default)]
struct Item {
    number: u64,
    /// The depth of the item element.
    depth: usize,
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    summary: Option<String>,
    content: Option<String>,
    lang: Option<String>,
}

/// The field being read: what it is, its depth, where its inner XML starts, the text read
/// so far, and whether it has child elements (then its inner XML is taken as it is).
struct Open {
    field: Field,
    depth: usize,
    start: usize,
    text: String,
    markup: bool,
}

/// The state of reading one feed.
struct Parser<'a> {
    source: &'a str,
    xml: &'a str,
    documents: Vec<Result<RawDocument, ReadError>>,
    depth: usize,
    root: bool,
    feed_lang: Option<String>,
    items: u64,
    item: Option<Item>,
    open: Option<Open>,
    /// The depth of the element whose text is the feed's language (`<language>`,
    /// `<dc:language>`), while it is open.
    language_at: Option<usize>,
}

/// Why reading a feed stops early.
enum Stop {
    /// The input is not a feed at all: one error for the whole input.
    NotAFeed(String),
    /// The feed breaks off: the items before are kept, then this error.
    Broken(ReadErrorKind),
}

/// Reads every item of a feed; see [`FeedReader`].
fn read_feed(source: &str, xml: &str) -> Vec<Result<RawDocument, ReadError>> {
    let head = xml.trim_start_matches('\u{feff}').trim_start();
    if !head.starts_with('<') {
        let kind = ReadErrorKind::NotAFeed { message: "the input is not XML".to_owned() };
        return vec![Err(ReadError::new(source, None, kind))];
    }
    let mut parser = Parser {
        source,
        xml,
        documents: Vec::new(),
        depth: 0,
        root: false,
        feed_lang: None,
        items: 0,
        item: None,
        open: None,
        language_at: None,
    };
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let stop = loop {
        let outcome = match reader.read_event() {
            Err(error) => Err(Stop::Broken(ReadErrorKind::MalformedFeed {
                message: format!("at byte {}: {error}", reader.error_position()),
            })),
            Ok(Event::Eof) => break parser.end_of_input(),
            Ok(event) => parser.event(event, reader.buffer_position() as usize),
        };
        if let Err(stop) = outcome {
            break Some(stop);
        }
    };
    match stop {
        None => parser.documents,
        Some(Stop::NotAFeed(message)) => vec![Err(ReadError::new(source, None, ReadErrorKind::NotAFeed { message }))],
        Some(Stop::Broken(kind)) if !parser.root => {
            vec![Err(ReadError::new(source, None, ReadErrorKind::NotAFeed { message: kind.to_string() }))]
        }
        Some(Stop::Broken(kind)) => {
            let error = match parser.item.take() {
                Some(item) => ReadError::in_part(source, Part::Item { number: item.number, link: item.link }, kind),
                None => ReadError::new(source, None, kind),
            };
            parser.documents.push(Err(error));
            parser.documents
        }
    }
}

impl Parser<'_> {
    /// Handles one event; `position` is the byte offset just after it.
    fn event(&mut self, event: Event<'_>, position: usize) -> Result<(), Stop> {
        match event {
            Event::Start(element) => self.start(&element, false, position)?,
            Event::Empty(element) => self.start(&element, true, position)?,
            Event::End(_) => self.end(position),
            Event::Text(text) => {
                if let Some(field) = self.open.as_mut() {
                    field.text.push_str(&text.xml10_content());
                } else if self.language_at.is_some() {
                    self.feed_lang = Some(text.xml10_content().trim().to_owned()).filter(|lang| !lang.is_empty());
                }
            }
            Event::CData(data) => {
                if let Some(field) = self.open.as_mut() {
                    field.text.push_str(&data.into_inner());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(field) = self.open.as_mut() {
                    if let Ok(Some(c)) = reference.resolve_char_ref() {
                        field.text.push(c);
                    } else {
                        let name = reference.into_inner();
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(value) => field.text.push_str(value),
                            // An HTML entity such as &nbsp;, which XML does not define: the
                            // HTML reader decodes it.
                            None => {
                                field.text.push('&');
                                field.text.push_str(&name);
                                field.text.push(';');
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, element: &BytesStart<'_>, empty: bool, position: usize) -> Result<(), Stop> {
        let qualified = element.name();
        let name = qualified.as_ref();
        let name = name.strip_prefix("atom:").unwrap_or(name);
        if !self.root {
            self.root = true;
            match name.rsplit(':').next().unwrap_or_default() {
                "rss" | "RDF" | "feed" => self.feed_lang = attribute(element, "xml:lang"),
                other => {
                    return Err(Stop::NotAFeed(format!(
                        "the root element is <{other}>, not <rss>, <rdf:RDF> or <feed>"
                    )));
                }
            }
        }
        if let Some(field) = self.open.as_mut() {
            field.markup = true;
        } else if let Some(item) = self.item.as_mut() {
            if self.depth == item.depth + 1
                && let Some(field) = field_of(name)
            {
                if field == Field::Link
                    && let Some(href) = attribute(element, "href")
                    && attribute(element, "rel").is_none_or(|rel| rel == "alternate")
                    && item.link.is_none()
                {
                    // Atom: <link rel="alternate" href="…"/>; RSS: <link>URL</link>.
                    item.link = Some(href);
                }
                if !empty {
                    self.open =
                        Some(Open { field, depth: self.depth, start: position, text: String::new(), markup: false });
                }
            }
        } else if matches!(name, "item" | "entry") && !empty {
            self.items += 1;
            let lang = attribute(element, "xml:lang");
            self.item = Some(Item { number: self.items, depth: self.depth, lang, ..Item::default() });
        } else if matches!(name, "language" | "dc:language") && self.feed_lang.is_none() && !empty {
            self.language_at = Some(self.depth);
        }
        if !empty {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(Stop::Broken(ReadErrorKind::MalformedFeed {
                    message: format!("elements are nested deeper than {MAX_DEPTH}"),
                }));
            }
        }
        Ok(())
    }

    fn end(&mut self, position: usize) {
        self.depth = self.depth.saturating_sub(1);
        if self.language_at == Some(self.depth) {
            self.language_at = None;
        }
        if let Some(field) = self.open.take_if(|field| field.depth == self.depth) {
            let inner_end = self.xml[..position].rfind('<').unwrap_or(position).max(field.start);
            let value = if field.markup { self.xml[field.start..inner_end].to_owned() } else { field.text };
            if let Some(item) = self.item.as_mut() {
                store(item, field.field, value);
            }
        } else if let Some(item) = self.item.take_if(|item| item.depth == self.depth) {
            self.documents.push(item_document(item, self.source, self.feed_lang.as_deref()));
        }
    }

    fn end_of_input(&mut self) -> Option<Stop> {
        if !self.root {
            return Some(Stop::NotAFeed("the input has no XML element".to_owned()));
        }
        if self.item.is_some() {
            return Some(Stop::Broken(ReadErrorKind::MalformedFeed {
                message: "the feed ends inside this item".to_owned(),
            }));
        }
        (self.depth > 0).then(|| {
            Stop::Broken(ReadErrorKind::MalformedFeed {
                message: "the feed ends before its root element is closed".to_owned(),
            })
        })
    }
}

/// The field of an item that an element holds, by its name (namespace prefixes of Atom
/// removed before).
fn field_of(name: &str) -> Option<Field> {
    Some(match name {
        "title" => Field::Title,
        "link" => Field::Link,
        "guid" => Field::Guid,
        "pubDate" | "published" | "dc:date" | "issued" => Field::Published,
        "updated" | "modified" => Field::Updated,
        "description" | "summary" => Field::Summary,
        "content:encoded" | "content" => Field::Content,
        _ => return None,
    })
}

fn store(item: &mut Item, field: Field, value: String) {
    let slot = match field {
        Field::Title => &mut item.title,
        Field::Link => &mut item.link,
        Field::Guid => &mut item.guid,
        Field::Published => &mut item.published,
        Field::Updated => &mut item.updated,
        Field::Summary => &mut item.summary,
        Field::Content => &mut item.content,
    };
    let value = if field == Field::Link { value.trim().to_owned() } else { value };
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value);
    }
}

/// The unescaped value of an attribute, by its qualified name.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|attribute| attribute.key.as_ref() == name)
        .and_then(|attribute| attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(Cow::into_owned))
        .filter(|value| !value.trim().is_empty())
}

fn item_document(item: Item, source: &str, feed_lang: Option<&str>) -> Result<RawDocument, ReadError> {
    let link =
        item.link.or_else(|| item.guid.filter(|guid| guid.starts_with("http://") || guid.starts_with("https://")));
    let text = [item.content.as_deref(), item.summary.as_deref()]
        .into_iter()
        .flatten()
        .map(fragment_text)
        .find(|text| !text.is_empty());
    let Some(text) = text else {
        return Err(ReadError::in_part(source, Part::Item { number: item.number, link }, ReadErrorKind::NoItemText));
    };
    let title = item.title.as_deref().map(|title| fragment_text(title).replace("\n\n", " ")).filter(|t| !t.is_empty());
    let stamp = [item.published.as_deref(), item.updated.as_deref()].into_iter().flatten().find_map(parse_stamp);
    let (published, published_time) = stamp.map_or((None, None), |(date, time)| (Some(date), time));
    Ok(RawDocument {
        id: content_id(&text),
        source: link.clone().unwrap_or_else(|| format!("{source}#{}", item.number)),
        title,
        url: link,
        published,
        published_time,
        lang: item.lang.as_deref().or(feed_lang).and_then(primary_language),
        text,
    })
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn read(feed: &str) -> Vec<Result<RawDocument, String>> {
        FeedReader
            .read("f.xml", Box::new(Cursor::new(feed.as_bytes().to_vec())))
            .map(|result| result.map_err(|error| error.to_string()))
            .collect()
    }

    #[test]
    fn rss_items_prefer_full_content_over_the_summary() {
        let docs = read(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Nachrichten</title><language>de-de</language>
<item><title>Erste &amp; Meldung</title><link>https://news.example/1</link>
<description>Kurz.</description>
<content:encoded><![CDATA[<p>Voller <b>Text</b>.</p><p>Zweiter Absatz.</p><script>x()</script>]]></content:encoded>
<pubDate>Thu, 19 Oct 2023 23:30:00 -0400</pubDate></item>
<item><title>Zweite</title><description>&lt;p&gt;Nur die Zusammenfassung &amp;amp; &nbsp;mehr.&lt;/p&gt;</description></item>
</channel></rss>"#,
        );
        let first = docs[0].as_ref().unwrap();
        assert_eq!(first.text, "Voller Text.\n\nZweiter Absatz.");
        assert_eq!(first.title.as_deref(), Some("Erste & Meldung"));
        assert_eq!(
            (first.source.as_str(), first.url.as_deref()),
            ("https://news.example/1", Some("https://news.example/1"))
        );
        assert_eq!(first.published.map(|date| date.to_string()).as_deref(), Some("2023-10-19"));
        assert_eq!(first.published_time.map(|time| time.to_string()).as_deref(), Some("23:30:00"));
        assert_eq!(first.lang.as_deref(), Some("de"));
        let second = docs[1].as_ref().unwrap();
        assert_eq!(
            (second.text.as_str(), second.source.as_str(), second.published),
            ("Nur die Zusammenfassung & mehr.", "f.xml#2", None)
        );
    }

    #[test]
    fn atom_entries_with_html_and_xhtml_content() {
        let docs = read(
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>t</title><id>urn:x</id>
<entry><title type="html">A &lt;em&gt;title&lt;/em&gt;</title><id>urn:1</id>
<link rel="enclosure" href="https://news.example/a.mp3"/><link rel="alternate" href="https://news.example/a"/>
<updated>2023-10-20T01:00:00+02:00</updated>
<summary>Summary text.</summary><content type="html">&lt;p&gt;Body text.&lt;/p&gt;</content></entry>
<entry xml:lang="de"><title>X</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Erster &amp; Absatz.</p><p>Zweiter.</p></div></content></entry>
<entry><title>Empty</title><id>urn:2</id><link href="https://news.example/b"/></entry>
</feed>"#,
        );
        let first = docs[0].as_ref().unwrap();
        assert_eq!((first.text.as_str(), first.title.as_deref()), ("Body text.", Some("A title")));
        assert_eq!(first.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(first.published.map(|date| date.to_string()).as_deref(), Some("2023-10-20"));
        let second = docs[1].as_ref().unwrap();
        assert_eq!((second.text.as_str(), second.lang.as_deref()), ("Erster & Absatz.\n\nZweiter.", Some("de")));
        assert_eq!(
            docs[2].as_ref().unwrap_err(),
            "f.xml: item 3 (https://news.example/b): the item has no text (neither content nor summary)"
        );
    }

    #[test]
    fn rss_1_items_sit_beside_the_channel() {
        let docs = read(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>c</title><dc:language>en</dc:language></channel>
<item rdf:about="https://news.example/1"><title>One</title><link>https://news.example/1</link><description>First item.</description><dc:date>2023-10-19T08:00:00Z</dc:date></item>
</rdf:RDF>"#,
        );
        let first = docs[0].as_ref().unwrap();
        assert_eq!((first.text.as_str(), first.lang.as_deref()), ("First item.", Some("en")));
        assert_eq!(first.published.map(|date| date.to_string()).as_deref(), Some("2023-10-19"));
    }

    #[test]
    fn input_that_is_not_a_feed_is_one_error() {
        assert_eq!(
            read("{\"version\": \"https://jsonfeed.org/version/1\"}"),
            [Err("f.xml: not an RSS or Atom feed: the input is not XML".to_owned())]
        );
        assert_eq!(
            read("<html><body>no feed</body></html>"),
            [Err(
                "f.xml: not an RSS or Atom feed: the root element is <html>, not <rss>, <rdf:RDF> or <feed>".to_owned()
            )]
        );
        assert_eq!(
            read("<?xml version=\"1.0\"?>"),
            [Err("f.xml: not an RSS or Atom feed: the input has no XML element".to_owned())]
        );
    }

    #[test]
    fn a_feed_broken_in_the_middle_keeps_the_items_before() {
        let feed = "<rss><channel><item><title>a</title><description>Eins.</description></item>\
                    <item><title>b</title><description>Zwei.</description></item><item><title>c</title><descr";
        let docs = read(feed);
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert_eq!(docs[1].as_ref().unwrap().text, "Zwei.");
        assert!(docs[2].as_ref().unwrap_err().starts_with("f.xml: item 3: malformed feed XML: "), "{docs:?}");
        let docs = read("<rss><channel><item><description>Eins.</description></item><item><description>Zw");
        assert_eq!(docs[1].as_ref().unwrap_err(), "f.xml: item 2: malformed feed XML: the feed ends inside this item");
    }

    #[test]
    fn a_declared_latin1_feed_is_decoded() {
        let mut feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><description>Stra".to_vec();
        feed.extend_from_slice(b"\xDFe.</description></item></channel></rss>");
        let docs: Vec<_> = FeedReader.read("l.rss", Box::new(Cursor::new(feed))).collect();
        assert_eq!(docs[0].as_ref().unwrap().text, "Straße.");
    }
}
