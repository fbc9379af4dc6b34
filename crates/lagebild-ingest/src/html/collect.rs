//! One pass of html5ever's tokenizer over a page: the text blocks with where they sit in
//! the page, and the metadata of the head.
//!
//! There is no DOM. A stack of open elements is kept as a browser would for the usual
//! cases (void elements, end tags that close what they enclose, a `<p>`, `<li>`, `<td>`
//! closed by the next one); block-level elements are the nodes of a tree whose leaves are
//! the text blocks. Scripts, styles, forms and other hidden content never become text.

use std::cell::RefCell;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

/// The deepest nesting of elements that is tracked; deeper ones are read as inline.
const MAX_DEPTH: usize = 256;
/// The most JSON-LD kept from one script.
const MAX_JSON_LD_BYTES: usize = 1024 * 1024;
/// The longest `<title>` kept, in bytes.
const MAX_TITLE_BYTES: usize = 4096;

/// What a block of text is, from the innermost block-level element around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Heading(u8),
    Item,
    Cell,
    Quote,
    /// Text directly inside a container such as `<div>`.
    Loose,
}

/// A block-level element.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// `None` for the root, which stands for the document.
    pub(crate) parent: Option<u32>,
    /// Inside navigation, a footer, a sidebar or a dialog, by tag or ARIA role.
    pub(crate) boiler: bool,
    /// Inside an element whose class or id names comments, a cookie banner, sharing
    /// buttons, related articles and the like.
    pub(crate) boiler_names: bool,
    /// Inside `<article>`, `<main>` or an element marked as the article body.
    pub(crate) in_article: bool,
    /// A readability-style prior: the tag's and the class and id names' evidence of content.
    pub(crate) weight: i16,
    /// The element holds a block of text itself (`<p>`, `<li>`, a heading, a cell).
    pub(crate) text_level: bool,
}

/// A paragraph of text: white space collapsed, entities decoded.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub(crate) text: String,
    pub(crate) chars: u32,
    /// Characters inside links.
    pub(crate) link_chars: u32,
    pub(crate) commas: u32,
    pub(crate) kind: Kind,
    pub(crate) node: u32,
    /// See [`Node::boiler`].
    pub(crate) boiler: bool,
    /// See [`Node::boiler_names`].
    pub(crate) boiler_names: bool,
}

impl Block {
    /// Boilerplate by its tags, and in `strict` mode also by class and id names.
    pub(crate) fn is_boiler(&self, strict: bool) -> bool {
        self.boiler || strict && self.boiler_names
    }

    pub(crate) fn link_density(&self) -> f32 {
        if self.chars == 0 { 0.0 } else { self.link_chars as f32 / self.chars as f32 }
    }
}

/// Metadata found on the way.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) og_title: Option<String>,
    /// `(priority, value)`: lower is better.
    pub(crate) published: Vec<(u8, String)>,
    pub(crate) html_lang: Option<String>,
    pub(crate) meta_lang: Option<String>,
    pub(crate) json_ld: Vec<String>,
}

/// Everything one pass finds in a page.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub(crate) nodes: Vec<Node>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) meta: Meta,
}

/// Tokenizes `html` and collects its blocks and metadata.
pub(crate) fn collect(html: &str) -> Page {
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Collector::new())), TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let sink = tokenizer.sink;
    sink.0.into_inner().finish()
}

struct Sink(RefCell<Collector>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        self.0.borrow_mut().token(token)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Title,
    JsonLd,
}

/// An open element.
struct Open {
    name: html5ever::LocalName,
    /// The block node this element is, or sits in.
    node: u32,
    /// Pushed a node of its own.
    block: Option<Kind>,
    hidden: bool,
    link: bool,
    foreign: bool,
}

struct Collector {
    stack: Vec<Open>,
    nodes: Vec<Node>,
    blocks: Vec<Block>,
    meta: Meta,
    hidden: usize,
    links: usize,
    foreign: usize,
    capture: Capture,
    captured: String,
    /// The block being filled.
    text: String,
    chars: u32,
    link_chars: u32,
    commas: u32,
    pending_space: bool,
    /// `<br>`s since the last text: two in a row end a paragraph.
    breaks: u8,
    seen_html: bool,
    /// Open `<head>` elements.
    heads: usize,
}

impl Collector {
    fn new() -> Collector {
        let root =
            Node { parent: None, boiler: false, boiler_names: false, in_article: false, weight: 0, text_level: false };
        Collector {
            stack: Vec::new(),
            nodes: vec![root],
            blocks: Vec::new(),
            meta: Meta::default(),
            hidden: 0,
            links: 0,
            foreign: 0,
            capture: Capture::None,
            captured: String::new(),
            text: String::new(),
            chars: 0,
            link_chars: 0,
            commas: 0,
            pending_space: false,
            breaks: 0,
            seen_html: false,
            heads: 0,
        }
    }

    fn finish(mut self) -> Page {
        self.flush();
        Page { nodes: self.nodes, blocks: self.blocks, meta: self.meta }
    }

    fn token(&mut self, token: Token) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return self.start(tag),
            Token::TagToken(tag) => self.end(&tag),
            Token::CharacterTokens(text) => self.characters(&text),
            Token::EOFToken => self.flush(),
            Token::DoctypeToken(_) | Token::CommentToken(_) | Token::NullCharacterToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }

    fn current_node(&self) -> u32 {
        self.stack.last().map_or(0, |open| open.node)
    }

    fn current_kind(&self) -> Kind {
        self.stack.iter().rev().find_map(|open| open.block).unwrap_or(Kind::Loose)
    }

    fn start(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = &*tag.name;
        let class = classify(name);
        if self.foreign > 0 {
            // Inside SVG or MathML: nothing is text, and `<x/>` closes itself.
            if !tag.self_closing && self.stack.len() < MAX_DEPTH {
                self.push(tag.name.clone(), None, true, false, false, self.current_node());
            }
            return TokenSinkResult::Continue;
        }
        match name {
            "html" if !self.seen_html => {
                self.seen_html = true;
                self.meta.html_lang = attr(&tag, "lang").or_else(|| attr(&tag, "xml:lang")).map(str::to_owned);
            }
            "meta" => self.meta_tag(&tag),
            "time" => {
                if let Some(value) = attr(&tag, "datetime") {
                    let marked = attr(&tag, "pubdate").is_some() || attr(&tag, "itemprop") == Some("datePublished");
                    let node = &self.nodes[self.current_node() as usize];
                    let boiler = node.boiler || node.boiler_names;
                    if marked || !boiler {
                        self.meta.published.push((if marked { 2 } else { 4 }, value.to_owned()));
                    }
                }
            }
            "br" => {
                self.breaks = self.breaks.saturating_add(1);
                if self.breaks >= 2 {
                    self.flush();
                } else if !self.text.is_empty() {
                    self.pending_space = true;
                }
                return TokenSinkResult::Continue;
            }
            _ => {}
        }
        // Anything that belongs in the body closes a head that was never closed.
        if self.heads > 0
            && !matches!(name, "meta" | "title" | "link" | "script" | "style" | "base" | "noscript" | "template")
            && let Some(head) = self.stack.iter().rposition(|open| &*open.name == "head")
        {
            self.pop_to(head);
        }
        if attr(&tag, "itemprop").is_some_and(|prop| prop.eq_ignore_ascii_case("datePublished"))
            && let Some(value) = attr(&tag, "content").or_else(|| attr(&tag, "datetime"))
        {
            self.meta.published.push((2, value.to_owned()));
        }
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
            "title" | "textarea" => Some(RawKind::Rcdata),
            "plaintext" => None,
            _ => None,
        };
        if class.void {
            if class.block.is_some() && self.hidden == 0 {
                self.flush();
            }
            return self.raw_result(raw, name);
        }
        // Implied end tags: a new paragraph, item or cell closes the open one.
        if let Some(closes) = class.closes
            && let Some(top) = self.stack.last()
            && closes.contains(&&*top.name)
        {
            self.pop_to(self.stack.len() - 1);
        }
        if self.stack.len() >= MAX_DEPTH {
            return self.raw_result(raw, name);
        }
        let hidden = class.hidden || is_hidden(&tag);
        if class.block.is_some() && self.hidden == 0 {
            self.flush();
        }
        let node = if class.block.is_some() && self.hidden == 0 {
            self.new_node(&tag, name, class)
        } else {
            self.current_node()
        };
        match name {
            "title" if self.meta.title.is_empty() && self.capture == Capture::None => self.capture = Capture::Title,
            "script" if attr(&tag, "type").is_some_and(|kind| kind.contains("ld+json")) => {
                self.capture = Capture::JsonLd;
            }
            _ => {}
        }
        let foreign = matches!(name, "svg" | "math");
        self.heads += usize::from(name == "head");
        self.push(tag.name.clone(), class.block, hidden, name == "a", foreign, node);
        if tag.self_closing && foreign {
            self.pop_to(self.stack.len() - 1);
        }
        self.raw_result(raw, name)
    }

    fn raw_result(&self, raw: Option<RawKind>, name: &str) -> TokenSinkResult<()> {
        match raw {
            Some(kind) => TokenSinkResult::RawData(kind),
            None if name == "plaintext" => TokenSinkResult::Plaintext,
            None => TokenSinkResult::Continue,
        }
    }

    fn push(
        &mut self,
        name: html5ever::LocalName,
        block: Option<Kind>,
        hidden: bool,
        link: bool,
        foreign: bool,
        node: u32,
    ) {
        self.hidden += usize::from(hidden);
        self.links += usize::from(link);
        self.foreign += usize::from(foreign);
        self.stack.push(Open { name, node, block, hidden, link, foreign });
    }

    fn new_node(&mut self, tag: &Tag, name: &str, class: Class) -> u32 {
        let parent = self.current_node();
        let up = &self.nodes[parent as usize];
        let role = attr(tag, "role").unwrap_or("");
        let article_tag = matches!(name, "article" | "main")
            || role.eq_ignore_ascii_case("main")
            || role.eq_ignore_ascii_case("article")
            || attr(tag, "itemprop").is_some_and(|prop| prop.eq_ignore_ascii_case("articleBody"));
        let in_article = up.in_article || article_tag;
        let names = Names::of(tag);
        let boiler_tag = matches!(name, "nav" | "footer" | "aside" | "menu" | "dialog" | "figcaption")
            || (name == "header" && !in_article)
            || BOILER_ROLES.iter().any(|boiler| role.eq_ignore_ascii_case(boiler));
        let boiler = up.boiler || boiler_tag;
        let boiler_names = up.boiler_names || names.strong_negative && !article_tag;
        let mut weight = class.weight;
        if names.negative || names.strong_negative {
            weight -= 25;
        }
        if names.positive || article_tag {
            weight += 25;
        }
        let node =
            Node { parent: Some(parent), boiler, boiler_names, in_article, weight, text_level: class.text_level };
        self.nodes.push(node);
        u32::try_from(self.nodes.len() - 1).unwrap_or(u32::MAX)
    }

    fn end(&mut self, tag: &Tag) {
        let name = &*tag.name;
        if name == "br" {
            // `</br>` is read as `<br>` by browsers.
            self.breaks = self.breaks.saturating_add(1);
            self.pending_space = !self.text.is_empty();
            return;
        }
        if let Some(at) = self.stack.iter().rposition(|open| open.name == tag.name) {
            self.pop_to(at);
        }
    }

    /// Closes the element at `at` in the stack and all those inside it.
    fn pop_to(&mut self, at: usize) {
        while self.stack.len() > at {
            if self.stack.last().is_some_and(|open| open.block.is_some()) && self.hidden == 0 {
                self.flush();
            }
            let Some(open) = self.stack.pop() else { break };
            self.hidden -= usize::from(open.hidden);
            self.links -= usize::from(open.link);
            self.foreign -= usize::from(open.foreign);
            self.heads -= usize::from(&*open.name == "head");
            match (&*open.name, self.capture) {
                ("title", Capture::Title) => {
                    self.meta.title = collapse(&self.captured);
                    self.captured.clear();
                    self.capture = Capture::None;
                }
                ("script", Capture::JsonLd) => {
                    if self.meta.json_ld.len() < 16 {
                        self.meta.json_ld.push(std::mem::take(&mut self.captured));
                    }
                    self.captured.clear();
                    self.capture = Capture::None;
                }
                _ => {}
            }
        }
    }

    fn meta_tag(&mut self, tag: &Tag) {
        let Some(content) = attr(tag, "content") else { return };
        let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop"));
        if let Some(key) = key {
            let key = key.trim().to_ascii_lowercase();
            match key.as_str() {
                "article:published_time" | "og:article:published_time" => {
                    self.meta.published.push((0, content.to_owned()));
                }
                "datepublished" => self.meta.published.push((2, content.to_owned())),
                "date" | "pubdate" | "publishdate" | "publish-date" | "publish_date" | "published_time"
                | "og:published_time" | "dc.date" | "dc.date.issued" | "dc.date.created" | "dcterms.date"
                | "dcterms.issued" | "dcterms.created" | "sailthru.date" | "parsely-pub-date" | "article.published"
                | "last-modified" => self.meta.published.push((3, content.to_owned())),
                "og:title" | "twitter:title" if self.meta.og_title.is_none() => {
                    self.meta.og_title = Some(collapse(content)).filter(|title| !title.is_empty());
                }
                "og:locale" | "language" | "dc.language" if self.meta.meta_lang.is_none() => {
                    self.meta.meta_lang = Some(content.to_owned());
                }
                _ => {}
            }
        }
        if attr(tag, "http-equiv").is_some_and(|equiv| equiv.eq_ignore_ascii_case("content-language")) {
            self.meta.meta_lang = Some(content.to_owned());
        }
    }

    fn characters(&mut self, text: &str) {
        match self.capture {
            Capture::Title => {
                if self.captured.len() < MAX_TITLE_BYTES {
                    self.captured.push_str(text);
                }
                return;
            }
            Capture::JsonLd => {
                if self.captured.len() + text.len() <= MAX_JSON_LD_BYTES {
                    self.captured.push_str(text);
                }
                return;
            }
            Capture::None => {}
        }
        if self.hidden > 0 || self.foreign > 0 {
            return;
        }
        let in_link = self.links > 0;
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = !self.text.is_empty();
                continue;
            }
            if matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}' | '\0') {
                continue;
            }
            if self.pending_space {
                self.text.push(' ');
                self.pending_space = false;
            }
            self.text.push(c);
            self.chars += 1;
            self.link_chars += u32::from(in_link);
            self.commas += u32::from(c == ',');
            self.breaks = 0;
        }
    }

    /// Ends the block being filled.
    fn flush(&mut self) {
        self.pending_space = false;
        self.breaks = 0;
        if self.chars > 0 && self.text.chars().any(char::is_alphanumeric) {
            let node = self.current_node();
            self.blocks.push(Block {
                text: std::mem::take(&mut self.text),
                chars: self.chars,
                link_chars: self.link_chars,
                commas: self.commas,
                kind: self.current_kind(),
                node,
                boiler: self.nodes[node as usize].boiler,
                boiler_names: self.nodes[node as usize].boiler_names,
            });
        }
        self.text.clear();
        (self.chars, self.link_chars, self.commas) = (0, 0, 0);
    }
}

/// Collapses white space to single spaces and trims; drops soft hyphens, zero-width spaces,
/// byte-order marks and NULs, as the tokenizer pass does.
pub(crate) fn collapse(text: &str) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !collapsed.is_empty();
        } else if !matches!(c, '\u{ad}' | '\u{200b}' | '\u{feff}' | '\0') {
            if space {
                collapsed.push(' ');
                space = false;
            }
            collapsed.push(c);
        }
    }
    collapsed
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs.iter().find(|attribute| &*attribute.name.local == name).map(|attribute| &*attribute.value)
}

/// Hidden by an attribute: `hidden`, `aria-hidden="true"`, or an inline `display: none`.
fn is_hidden(tag: &Tag) -> bool {
    tag.attrs.iter().any(|attribute| match &*attribute.name.local {
        "hidden" => true,
        "aria-hidden" => attribute.value.eq_ignore_ascii_case("true"),
        "style" => {
            let style: String = attribute.value.chars().filter(|c| !c.is_whitespace()).collect();
            let style = style.to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        }
        _ => false,
    })
}

const BOILER_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog", "search"];

/// What the tag name alone says.
#[derive(Debug, Clone, Copy)]
struct Class {
    void: bool,
    hidden: bool,
    block: Option<Kind>,
    text_level: bool,
    weight: i16,
    /// The open elements that this start tag closes.
    closes: Option<&'static [&'static str]>,
}

const CLOSES_P: &[&str] = &["p"];

fn classify(name: &str) -> Class {
    let plain = Class { void: false, hidden: false, block: None, text_level: false, weight: 0, closes: None };
    let block = |kind: Kind, weight: i16| Class { block: Some(kind), weight, ..plain };
    let text = |kind: Kind, weight: i16| Class {
        block: Some(kind),
        weight,
        text_level: true,
        closes: Some(CLOSES_P),
        ..plain
    };
    match name {
        "area" | "base" | "col" | "embed" | "img" | "input" | "link" | "meta" | "param" | "source" | "track"
        | "wbr" | "keygen" | "basefont" | "bgsound" | "frame" | "image" => Class { void: true, ..plain },
        "hr" | "br" => Class { void: true, block: Some(Kind::Loose), ..plain },
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "canvas" | "select"
        | "button" | "textarea" | "video" | "audio" | "datalist" | "label" | "noembed" | "noframes" | "xmp"
        | "head" | "title" | "map" | "applet" => Class { hidden: true, ..plain },
        "p" => text(Kind::Paragraph, 0),
        "h1" => text(Kind::Heading(1), -5),
        "h2" => text(Kind::Heading(2), -5),
        "h3" => text(Kind::Heading(3), -5),
        "h4" => text(Kind::Heading(4), -5),
        "h5" => text(Kind::Heading(5), -5),
        "h6" => text(Kind::Heading(6), -5),
        "li" => Class { closes: Some(&["li", "p"]), ..text(Kind::Item, -3) },
        "dt" | "dd" => Class { closes: Some(&["dt", "dd", "p"]), ..text(Kind::Item, -3) },
        "td" | "th" => Class { closes: Some(&["td", "th", "p"]), ..text(Kind::Cell, 3) },
        "tr" => Class { closes: Some(&["tr", "td", "th", "p"]), ..block(Kind::Loose, 0) },
        "blockquote" => Class { closes: Some(CLOSES_P), ..text(Kind::Quote, 3) },
        "pre" => text(Kind::Paragraph, 3),
        "div" => Class { closes: Some(CLOSES_P), ..block(Kind::Loose, 5) },
        "ul" | "ol" | "dl" => Class { closes: Some(CLOSES_P), ..block(Kind::Loose, -3) },
        "option" => Class { closes: Some(&["option"]), hidden: true, ..plain },
        "section" | "article" | "main" | "header" | "footer" | "nav" | "aside" | "figure" | "figcaption" | "form"
        | "fieldset" | "legend" | "address" | "center" | "details" | "summary" | "dialog" | "menu" | "hgroup"
        | "table" | "thead" | "tbody" | "tfoot" | "caption" | "body" | "html" => {
            Class { closes: Some(CLOSES_P), ..block(Kind::Loose, 0) }
        }
        _ => plain,
    }
}

/// What the class and id names of an element say.
#[derive(Debug, Default)]
struct Names {
    /// Never article text, even next to a positive name.
    strong_negative: bool,
    negative: bool,
    positive: bool,
}

const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "cookie",
    "consent",
    "gdpr",
    "sidebar",
    "related",
    "recommend",
    "newsletter",
    "breadcrumb",
    "advert",
    "outbrain",
    "taboola",
    "plista",
    "disqus",
    "social",
    "sharing",
    "share-",
    "-share",
    "sharebar",
    "shariff",
    "popup",
    "sponsor",
    "werbung",
    "anzeige",
    "paywall",
    "subscribe",
    "meistgelesen",
    "mostread",
    "most-read",
    "skiplink",
    "skip-link",
    "pagination",
    "pager",
    "navbar",
    "navigation",
    "masthead",
    "footer",
    "login",
    "signup",
];
const WEAK_NEGATIVE: &[&str] = &[
    "nav",
    "menu",
    "header",
    "meta",
    "tools",
    "promo",
    "teaser",
    "aside",
    "extra",
    "caption",
    "widget",
    "banner",
    "byline",
    "author",
    "tag-list",
    "taglist",
    "more-articles",
];
const POSITIVE: &[&str] =
    &["article", "content", "story", "entry", "post", "text", "body", "main", "artikel", "beitrag", "inhalt", "blog"];

fn patterns() -> &'static (AhoCorasick, usize, usize) {
    static PATTERNS: OnceLock<(AhoCorasick, usize, usize)> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let all: Vec<&str> = STRONG_NEGATIVE.iter().chain(WEAK_NEGATIVE).chain(POSITIVE).copied().collect();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(all)
            .unwrap_or_else(|_| unreachable!("the patterns are plain ASCII words"));
        (automaton, STRONG_NEGATIVE.len(), STRONG_NEGATIVE.len() + WEAK_NEGATIVE.len())
    })
}

impl Names {
    fn of(tag: &Tag) -> Names {
        let mut names = Names::default();
        let (automaton, weak, positive) = patterns();
        for attribute in &tag.attrs {
            if !matches!(&*attribute.name.local, "class" | "id") {
                continue;
            }
            for found in automaton.find_overlapping_iter(&*attribute.value) {
                let pattern = found.pattern().as_usize();
                if pattern < *weak {
                    names.strong_negative = true;
                } else if pattern < *positive {
                    names.negative = true;
                } else {
                    names.positive = true;
                }
            }
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        collect(html).blocks.into_iter().map(|block| block.text).collect()
    }

    #[test]
    fn blocks_are_paragraphs_with_collapsed_white_space_and_decoded_entities() {
        let page = "<p>Erster\n  Absatz &amp; mehr</p><p>Zweiter&nbsp;Absatz &#x2013; Ende</p>";
        assert_eq!(texts(page), ["Erster Absatz & mehr", "Zweiter Absatz – Ende"]);
    }

    #[test]
    fn scripts_styles_comments_and_forms_are_not_text() {
        let page = "<div>A<script>var x = '<p>no</p>';</script><style>p{}</style><!-- no --><noscript>no</noscript>\
                    <select><option>no</select><button>no</button><template><p>no</p></template>B</div>";
        assert_eq!(texts(page), ["AB"]);
    }

    #[test]
    fn two_line_breaks_end_a_paragraph_and_one_is_a_space() {
        assert_eq!(texts("<div>eins<br>zwei<br><br>drei<br/> <br>vier</div>"), ["eins zwei", "drei", "vier"]);
    }

    #[test]
    fn unclosed_paragraphs_and_items_are_closed_by_the_next() {
        let page = collect("<ul><li>a<li>b</ul><p>c<p>d");
        let texts: Vec<_> = page.blocks.iter().map(|block| (block.text.as_str(), block.kind)).collect();
        assert_eq!(texts, [("a", Kind::Item), ("b", Kind::Item), ("c", Kind::Paragraph), ("d", Kind::Paragraph)]);
        let li_parent = page.nodes[page.blocks[1].node as usize].parent;
        assert_eq!(li_parent, page.nodes[page.blocks[0].node as usize].parent, "the items are siblings");
    }

    #[test]
    fn metadata_of_the_head() {
        let page = collect(
            "<html lang=de-DE><head><title> Der  Titel | Site</title>\
             <meta property=\"article:published_time\" content=\"2023-10-19T08:00:00+02:00\">\
             <meta property=og:title content=\"Der Titel\">\
             <script type=\"application/ld+json\">{\"datePublished\": \"2023-10-18\"}</script></head>\
             <body><p>Text</p><time datetime=\"2023-10-17\">gestern</time></body></html>",
        );
        assert_eq!(page.meta.title, "Der Titel | Site");
        assert_eq!(page.meta.og_title.as_deref(), Some("Der Titel"));
        assert_eq!(page.meta.html_lang.as_deref(), Some("de-DE"));
        assert_eq!(page.meta.json_ld, ["{\"datePublished\": \"2023-10-18\"}"]);
        assert_eq!(page.meta.published, [(0, "2023-10-19T08:00:00+02:00".to_owned()), (4, "2023-10-17".to_owned())]);
        assert_eq!(texts("<title>T</title><p>Text</p>"), ["Text"]);
    }

    #[test]
    fn navigation_and_negative_names_mark_boilerplate() {
        let page = collect(
            "<nav><p>Menü</p></nav><div class=\"cookie-banner\"><p>Cookies</p></div>\
             <div class=\"article-header\"><p>Kopf</p></div><div id=\"comments\"><p>Kommentar</p></div>\
             <article><header><p>Vorspann</p></header></article><p>Text</p>",
        );
        let boiler: Vec<_> = page.blocks.iter().map(|block| (block.text.as_str(), block.is_boiler(true))).collect();
        assert_eq!(
            boiler,
            [
                ("Menü", true),
                ("Cookies", true),
                ("Kopf", false),
                ("Kommentar", true),
                ("Vorspann", false),
                ("Text", false)
            ]
        );
    }

    #[test]
    fn hidden_elements_and_svg_are_not_text() {
        let page = "<p hidden>a</p><p style=\"display: none\">b</p><div aria-hidden=true>c</div>\
                    <svg><title>d</title><text>e</text><path/></svg><p>f</p>";
        assert_eq!(texts(page), ["f"]);
    }

    #[test]
    fn link_characters_are_counted() {
        let page = collect("<p>Lies <a href=x>mehr</a></p>");
        // White space is not counted.
        assert_eq!((page.blocks[0].chars, page.blocks[0].link_chars), (8, 4));
    }
}
