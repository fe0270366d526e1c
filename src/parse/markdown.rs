//! Markdown → HTML in one pass, collecting on the way what the model stage must check:
//! links to `actor:`, `proposal:`, `article:` and `source:` ids, citations of sources
//! (`citations`), and the anchors of the headings.
//!
//! Every body is shown on a page two folders below the site root (`articles/ID/`,
//! `actors/ID/`, `proposals/ID/`), so internal links are rewritten to `../../KIND/ID/`.

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::citations::{self, Citation, Numbering};

use crate::slug::slugify;
use crate::vocab::{Html, HtmlMode, Kind};

/// What rendering a body gives: its HTML, or (for `check`, which writes no page) only
/// what the model checks: its links, anchors and limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bodies {
    pub(crate) mode: HtmlMode,
    pub(crate) write_html: bool,
}

impl From<HtmlMode> for Bodies {
    fn from(mode: HtmlMode) -> Bodies {
        Bodies { mode, write_html: true }
    }
}

/// A link to another item, found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLink {
    pub(crate) kind: Kind,
    pub(crate) id: String,
    pub(crate) fragment: Option<String>,
    /// Byte range of the destination (`actor:ID#frag`) within the Markdown source.
    pub offset: usize,
    pub len: usize,
}

/// A link or image whose URL could run script, found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsafeUrl {
    pub(crate) url: String,
    pub offset: usize,
    pub len: usize,
}

/// A body rendered: its HTML, and what the model checks of it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    pub(crate) html: Html,
    pub(crate) outline: Outline,
}

/// What the model checks of a body: its links and anchors, and whether it kept within
/// the limits.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub links: Vec<BodyLink>,
    pub unsafe_urls: Vec<UnsafeUrl>,
    /// Every citation of a source (`[@ID]`), in order.
    pub citations: Vec<Citation>,
    /// Ids of every heading, in order.
    pub(crate) anchors: Vec<String>,
    /// Quotes or lists nested deeper than `MAX_DEPTH`: not rendered, an error.
    pub(crate) too_deep: bool,
    /// More than `MAX_RAW_TAGS` raw HTML tags to sanitize: not rendered, an error.
    pub(crate) too_much_html: bool,
}

/// Deeper nesting is never writing, and HTML parsers slow down on it.
pub(crate) const MAX_DEPTH: usize = 100;

/// Raw HTML tags kept in one body (`html: sanitize` or `allow`): enough for any
/// article, few enough that the sanitizer's parser stays fast however they nest.
pub(crate) const MAX_RAW_TAGS: usize = 10_000;

/// Control characters (other than tab and line breaks) are invisible in editors and
/// not allowed in XML; each becomes a space, so that offsets stay where they were.
pub(crate) fn blank_controls(text: &str) -> std::borrow::Cow<'_, str> {
    // The ASCII control characters, as bytes: a byte below 0x80 is always a whole
    // character in UTF-8, so replacing it with a space keeps the text valid.
    let is_control = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f;
    if !super::may_hold_controls(text) || !text.bytes().any(is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes: Vec<u8> = text.bytes().map(|b| if is_control(b) { b' ' } else { b }).collect();
    std::borrow::Cow::Owned(
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a body; its citations are numbered by `numbering`, the page's list of sources.
pub(crate) fn render(source: &str, bodies: impl Into<Bodies>, numbering: &mut Numbering) -> Rendered {
    render_beside(source, bodies, &[], numbering)
}

/// Renders a body shown on a page that already has the anchors `reserved` (a
/// proposal's point ids): headings never take those ids.
pub(crate) fn render_beside(
    source: &str,
    bodies: impl Into<Bodies>,
    reserved: &[&str],
    numbering: &mut Numbering,
) -> Rendered {
    let Bodies { mode, write_html } = bodies.into();
    let source = &*blank_controls(source);
    let mut events = Events::new(source, mode, reserved, std::mem::take(numbering));
    if !write_html {
        events.by_ref().for_each(drop);
        *numbering = std::mem::take(&mut events.numbering);
        return events.finish(Html::default());
    }
    // Written into a buffer kept per thread and copied out at its exact size: a
    // buffer per body would leave a third of it unused, on every body of the site.
    let html = HTML_BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        pulldown_cmark::html::push_html(buffer, &mut events);
        let html = match mode {
            HtmlMode::Escape => Html::from(buffer.as_str()),
            HtmlMode::Sanitize => Html::from(sanitizer(false).clean(buffer).to_string()),
            HtmlMode::Allow => Html::from(sanitizer(true).clean(buffer).to_string()),
        };
        if buffer.capacity() > MAX_KEPT_BUFFER {
            *buffer = String::new();
        }
        html
    });
    *numbering = std::mem::take(&mut events.numbering);
    events.finish(html)
}

impl Events<'_, '_> {
    /// What was found on the way, with the body's HTML.
    fn finish(self, html: Html) -> Rendered {
        let Events { mut out, names, stopped, .. } = self;
        match stopped {
            Some(Stop::TooDeep) => {
                Rendered { outline: Outline { too_deep: true, ..Outline::default() }, ..Rendered::default() }
            }
            Some(Stop::TooMuchHtml) => {
                Rendered { outline: Outline { too_much_html: true, ..Outline::default() }, ..Rendered::default() }
            }
            None => {
                out.anchors = names.taken;
                Rendered { html, outline: out }
            }
        }
    }
}

thread_local! {
    static HTML_BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// A thread's HTML buffer is let go after a body bigger than this.
const MAX_KEPT_BUFFER: usize = 4 << 20;

/// Why a body was not rendered.
enum Stop {
    TooDeep,
    TooMuchHtml,
}

/// The parser's events on their way to the HTML writer: links rewritten and recorded,
/// raw HTML escaped or counted, headings given ids. Only a heading's own events are
/// held back (its id is made from its text); everything else streams through.
struct Events<'s, 'r> {
    parser: pulldown_cmark::OffsetIter<'s, CitationLabel<'s>>,
    source: &'s str,
    mode: HtmlMode,
    out: Outline,
    names: HeadingNames<'r>,
    /// The events of the heading being read, from its start.
    heading: Vec<Event<'s>>,
    /// A named heading's events, on their way out.
    ready: std::collections::VecDeque<Event<'s>>,
    depth: usize,
    raw_tags: usize,
    stopped: Option<Stop>,
    /// The page's sources, as its citations number them.
    numbering: Numbering,
    /// Within a citation, whose own events (the label's text) are left out.
    citing: bool,
}

/// The parser's fallback for bracketed text that is no link (`citations::citation_label`).
type CitationLabel<'s> = fn(BrokenLink<'s>) -> Option<(CowStr<'s>, CowStr<'s>)>;

impl<'s, 'r> Events<'s, 'r> {
    fn new(source: &'s str, mode: HtmlMode, reserved: &'r [&'r str], numbering: Numbering) -> Self {
        let fallback: CitationLabel<'s> = citations::citation_label;
        Events {
            parser: Parser::new_with_broken_link_callback(source, options(), Some(fallback)).into_offset_iter(),
            source,
            mode,
            out: Outline::default(),
            names: HeadingNames::new(reserved),
            heading: Vec::new(),
            ready: Default::default(),
            depth: 0,
            raw_tags: 0,
            stopped: None,
            numbering,
            citing: false,
        }
    }

    /// One event as it should be written, or why rendering stops.
    fn transform(&mut self, event: Event<'s>, range: std::ops::Range<usize>) -> Result<Event<'s>, Stop> {
        match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => self.depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                self.depth = self.depth.saturating_sub(1)
            }
            _ => {}
        }
        if self.depth > MAX_DEPTH {
            return Err(Stop::TooDeep);
        }
        if self.citing {
            self.citing = !matches!(event, Event::End(TagEnd::Link));
            return Ok(Event::Text(CowStr::Borrowed("")));
        }
        Ok(match event {
            Event::Start(Tag::Link { link_type, dest_url, .. }) if is_citation(link_type, &dest_url) => {
                self.citing = true;
                let html = citations::render(self.source, &range, &mut self.numbering, &mut self.out.citations);
                Event::InlineHtml(CowStr::from(html))
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = rewrite_url(self.source, range, dest_url, &mut self.out);
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                let dest_url = rewrite_url(self.source, range, dest_url, &mut self.out);
                Event::Start(Tag::Image { link_type, dest_url, title, id })
            }
            Event::Html(html) | Event::InlineHtml(html) if self.mode == HtmlMode::Escape => Event::Text(html),
            Event::Html(html) | Event::InlineHtml(html) => {
                // The sanitizer's HTML parser is slow on deep nesting: bound the tags.
                self.raw_tags += html.matches('<').count();
                if self.raw_tags > MAX_RAW_TAGS {
                    return Err(Stop::TooMuchHtml);
                }
                Event::Html(html)
            }
            other => other,
        })
    }
}

impl<'s> Iterator for Events<'s, '_> {
    type Item = Event<'s>;

    fn next(&mut self) -> Option<Event<'s>> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(event);
            }
            if self.stopped.is_some() {
                return None;
            }
            let Some((event, range)) = self.parser.next() else {
                // A heading always ends before the text does; should one not, it still shows.
                self.ready.extend(self.heading.drain(..));
                return self.ready.pop_front();
            };
            let event = match self.transform(event, range) {
                Ok(event) => event,
                Err(stop) => {
                    self.stopped = Some(stop);
                    return None;
                }
            };
            match event {
                Event::Start(Tag::Heading { .. }) => self.heading.push(event),
                Event::End(TagEnd::Heading(_)) => {
                    self.heading.push(event);
                    name_heading(&mut self.heading, 0, &mut self.names);
                    self.ready.extend(self.heading.drain(..));
                }
                event if !self.heading.is_empty() => self.heading.push(event),
                event => return Some(event),
            }
        }
    }
}

/// The ids given to headings so far, and the next number to try for each.
struct HeadingNames<'r> {
    taken: Vec<String>,
    seen: std::collections::HashSet<String>,
    next: std::collections::HashMap<String, usize>,
    reserved: &'r [&'r str],
}

impl<'r> HeadingNames<'r> {
    fn new(reserved: &'r [&'r str]) -> Self {
        HeadingNames { taken: Vec::new(), seen: Default::default(), next: Default::default(), reserved }
    }

    /// `base`, or `base-1`, `base-2`, … the first one not yet used.
    fn unique(&mut self, base: String) -> String {
        let free = |names: &Self, id: &str| !names.seen.contains(id) && !names.reserved.contains(&id);
        let mut id = base.clone();
        if !free(self, &id) {
            let n = self.next.entry(base.clone()).or_insert(1);
            loop {
                id = format!("{base}-{n}");
                *n += 1;
                if !self.seen.contains(&id) && !self.reserved.contains(&id.as_str()) {
                    break;
                }
            }
        }
        self.seen.insert(id.clone());
        self.taken.push(id.clone());
        id
    }
}

/// Gives the heading that starts at `events[start]` its id: its own `{#id}`, or one
/// made from its text, made unique within the body.
fn name_heading(events: &mut [Event<'_>], start: usize, names: &mut HeadingNames<'_>) {
    let text: String = events[start + 1..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
        let base = match id {
            Some(own) => own.to_string(),
            None => {
                let made = slugify(&text);
                if made.is_empty() { "section".to_owned() } else { made }
            }
        };
        *id = Some(CowStr::from(names.unique(base)));
    }
}

/// Internal links become relative URLs and are recorded; script URLs are dropped and recorded.
fn rewrite_url<'a>(source: &str, range: std::ops::Range<usize>, dest: CowStr<'a>, out: &mut Outline) -> CowStr<'a> {
    let (offset, len) = match where_in(source, &range, &dest) {
        Some(i) => (i, dest.len()),
        None => (range.start, range.len()),
    };
    if let Some((kind, rest)) = internal_target(&dest) {
        let (id, fragment) = match rest.split_once('#') {
            Some((id, frag)) => (id, Some(frag.to_owned())),
            None => (rest, None),
        };
        let url = match &fragment {
            Some(f) => format!("../../{}/{id}/index.html#{f}", kind.folder()),
            None => format!("../../{}/{id}/index.html", kind.folder()),
        };
        out.links.push(BodyLink { kind, id: id.to_owned(), fragment, offset, len });
        return CowStr::from(url);
    }
    if is_script_url(&dest) {
        out.unsafe_urls.push(UnsafeUrl { url: dest.to_string(), offset, len });
        return CowStr::from("#");
    }
    dest
}

/// Where in `source` the URL `dest` of the link written at `range` is: usually the
/// parser lends it from the source (no search needed); otherwise its last occurrence in
/// the link, if any (a reference link's URL is written elsewhere).
fn where_in(source: &str, range: &std::ops::Range<usize>, dest: &CowStr<'_>) -> Option<usize> {
    if let CowStr::Borrowed(lent) = dest {
        // (Anything not lent from the source lands outside the range, or wraps around.)
        let start = (lent.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
        if start >= range.start && start.checked_add(lent.len()).is_some_and(|end| end <= range.end) {
            return Some(start);
        }
    }
    source[range.clone()].rfind(dest.as_ref()).map(|i| range.start + i)
}

/// Whether a link is a citation: bracketed text without a definition, which the
/// parser's fallback marked.
fn is_citation(link_type: LinkType, dest: &str) -> bool {
    matches!(link_type, LinkType::ShortcutUnknown | LinkType::CollapsedUnknown | LinkType::ReferenceUnknown)
        && dest == citations::MARK
}

fn internal_target(dest: &str) -> Option<(Kind, &str)> {
    Kind::ALL.into_iter().find_map(|k| dest.strip_prefix(k.noun())?.strip_prefix(':').map(|rest| (k, rest)))
}

/// `javascript:`, `vbscript:` and `data:` URLs (browsers ignore blanks and case here).
pub(crate) fn is_script_url(url: &str) -> bool {
    let cleaned: String =
        url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).take(12).collect::<String>().to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"].iter().any(|s| cleaned.starts_with(s))
}

/// Attributes whose value is a URL, in any tag the sanitizer may keep. (ammonia checks
/// `href`, `src` and a few more itself, but not `cite`, nor `srcset`'s list.)
const URL_ATTRIBUTES: [&str; 16] = [
    "href",
    "src",
    "cite",
    "poster",
    "action",
    "formaction",
    "background",
    "longdesc",
    "data",
    "ping",
    "xlink:href",
    "usemap",
    "manifest",
    "codebase",
    "lowsrc",
    "dynsrc",
];

/// What the sanitizer keeps of an attribute that it otherwise allows: script URLs go
/// from every URL (from each candidate of a `srcset`), and `style` only stays as the
/// alignment Markdown writes on table cells, since CSS can lay a fake page over the
/// real one or load what it likes.
fn filter_attribute<'v>(_element: &str, attribute: &str, value: &'v str) -> Option<std::borrow::Cow<'v, str>> {
    use std::borrow::Cow;
    match attribute {
        "srcset" | "imagesrcset" => {
            let all = value.split(',').count();
            let kept: Vec<&str> = value
                .split(',')
                // The whole candidate: `is_script_url` reads past blanks, as browsers do in URLs.
                .filter(|candidate| !is_script_url(candidate))
                .collect();
            match kept.len() {
                0 => None,
                n if n == all => Some(Cow::Borrowed(value)),
                _ => Some(Cow::Owned(kept.join(","))),
            }
        }
        "style" => {
            let alignment = ["text-align: left", "text-align: center", "text-align: right"];
            alignment.contains(&value.trim()).then_some(Cow::Borrowed(value))
        }
        url if URL_ATTRIBUTES.contains(&url) => (!is_script_url(value)).then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

fn sanitizer(permissive: bool) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.attribute_filter(filter_attribute);
    b.add_generic_attributes(["id"])
        .add_tags(["input", "sup", "section"])
        // Task lists' boxes; any other input (a text field asking for a password) becomes one.
        .add_tag_attributes("input", ["checked"])
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_allowed_classes("sup", ["footnote-reference"])
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("sup", ["footnote-definition-label"])
        .add_allowed_classes("span", ["footnote-definition-label", "cite", "visually-hidden"]);
    if permissive {
        b.add_tags([
            "iframe",
            "video",
            "audio",
            "source",
            "track",
            "picture",
            "figure",
            "figcaption",
            "details",
            "summary",
            "mark",
            "abbr",
            "aside",
        ])
        .add_tag_attributes("iframe", ["src", "width", "height", "title", "allow", "allowfullscreen", "loading"])
        .add_tag_attributes("video", ["src", "controls", "width", "height", "poster"])
        .add_tag_attributes("audio", ["src", "controls"])
        .add_tag_attributes("source", ["src", "type", "srcset", "sizes", "media"])
        .add_tag_attributes("img", ["srcset", "sizes", "loading"])
        .add_generic_attribute_prefixes(["data-", "aria-"])
        .add_generic_attributes(["title", "lang", "dir", "role"])
        .link_rel(None);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(source: &str, mode: HtmlMode) -> Rendered {
        render(source, mode, &mut Numbering::default())
    }

    #[test]
    fn citations_become_numbered_references_to_the_pages_sources() {
        let mut numbering = Numbering::listed([Some("listed".to_owned())]);
        let source = "Said so [@cited, p. 3]; again [see @listed; @cited]. Not [a link], nor [mail a@b.org].";
        let r = render(source, HtmlMode::Escape, &mut numbering);
        let two = "<a href=\"#_source-2\"><span class=\"visually-hidden\">source </span>2</a>";
        let one = "<a href=\"#_source-1\"><span class=\"visually-hidden\">source </span>1</a>";
        assert!(r.html.contains(&format!("Said so <span class=\"cite\">[{two}, p. 3]</span>; again")), "{}", r.html);
        assert!(r.html.contains(&format!("<span class=\"cite\">[see {one}; {two}]</span>")), "{}", r.html);
        assert!(r.html.contains("Not [a link], nor [mail a@b.org]."), "{}", r.html);
        let cited: Vec<&str> = r.outline.citations.iter().map(|c| &source[c.offset..c.offset + c.len]).collect();
        assert_eq!(cited, ["cited", "listed", "cited"]);
        // Kept whole when raw HTML is cleaned.
        let clean = render("[@x]", HtmlMode::Sanitize, &mut Numbering::default()).html;
        assert!(clean.contains("<span class=\"cite\">[<a href=\"#_source-1\""), "{clean}");
        assert!(clean.contains("<span class=\"visually-hidden\">source </span>1</a>]</span>"), "{clean}");
    }

    #[test]
    fn rewrites_internal_links_and_records_them() {
        let r = md("See [Putin](actor:vladimir-putin#bio).", HtmlMode::Escape);
        assert!(r.html.contains(r#"href="../../actors/vladimir-putin/index.html#bio""#), "{}", r.html);
        assert_eq!(r.outline.links[0].id, "vladimir-putin");
        assert_eq!(r.outline.links[0].fragment.as_deref(), Some("bio"));
        assert_eq!(
            &"See [Putin](actor:vladimir-putin#bio)."[r.outline.links[0].offset..][..r.outline.links[0].len],
            "actor:vladimir-putin#bio"
        );
    }

    #[test]
    fn a_link_is_placed_at_its_url_not_at_its_title_nor_its_text() {
        let source = "See [actor:kyiv](actor:kyiv \"actor:kyiv\") and [it][ref].\n\n[ref]: proposal:plan\n";
        let r = md(source, HtmlMode::Escape);
        assert_eq!(r.outline.links[0].offset, source.find("(actor:kyiv").unwrap() + 1);
        assert_eq!(r.outline.links[0].len, "actor:kyiv".len());
        // A reference link's URL is written elsewhere: the link itself is what is placed.
        assert_eq!(&source[r.outline.links[1].offset..][..r.outline.links[1].len], "[it][ref]");
        // Empty URLs, and URLs the parser makes up (`mailto:`), are placed without panicking.
        for source in ["[a]()", "[a](<>)", "<x@example.org> [b](javascript:x)"] {
            let r = md(source, HtmlMode::Escape);
            for u in &r.outline.unsafe_urls {
                assert_eq!(&source[u.offset..][..u.len], "javascript:x");
            }
        }
    }

    #[test]
    fn every_heading_gets_a_unique_id() {
        let r = md("## What Moscow wants\n\n## Outcome {#result}\n\n## What Moscow wants\n", HtmlMode::Escape);
        assert_eq!(r.outline.anchors, ["what-moscow-wants", "result", "what-moscow-wants-1"]);
        assert!(r.html.contains(r#"<h2 id="what-moscow-wants">"#));
    }

    #[test]
    fn headings_never_take_a_reserved_id() {
        let r = render_beside("## Territory\n", HtmlMode::Escape, &["territory"], &mut Numbering::default());
        assert_eq!(r.outline.anchors, ["territory-1"]);
    }

    #[test]
    fn raw_html_is_escaped_by_default() {
        let r = md("<script>alert(1)</script>\n\nHi <b>there</b>", HtmlMode::Escape);
        assert!(!r.html.contains("<script>") && !r.html.contains("<b>"), "{}", r.html);
    }

    #[test]
    fn script_urls_never_reach_an_href_in_any_mode() {
        for mode in [HtmlMode::Escape, HtmlMode::Sanitize, HtmlMode::Allow] {
            let r = md("[x](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">y</a>", mode);
            let html = r.html.to_lowercase();
            assert!(!html.contains("<a href=\"javascript:"), "{mode:?}: {}", r.html);
            assert_eq!(r.outline.unsafe_urls.len(), 1);
        }
    }

    #[test]
    fn script_urls_leave_every_url_attribute_in_sanitize_and_allow() {
        let source = "<img src=\"a.png\" srcset=\"javascript:alert(1) 1x, b.png 2x,  JaVa&#x09;Script:x 3x\">\n\
            <picture><source srcset=\"javascript:alert(2)\"><img src=\"c.png\"></picture>\n\
            <blockquote cite=\"javascript:alert(3)\">q</blockquote> <q cite=\"https://ok.example/\">r</q>\n\
            <video poster=\"javascript:alert(4)\" src=\"v.mp4\"></video>\n";
        for mode in [HtmlMode::Sanitize, HtmlMode::Allow] {
            let html = md(source, mode).html.to_lowercase();
            assert!(!html.contains("script:"), "{mode:?}: {html}");
            assert!(html.contains("cite=\"https://ok.example/\""), "{mode:?}: {html}");
        }
        let html = md(source, HtmlMode::Allow).html;
        assert!(html.contains(r#"srcset=" b.png 2x""#), "{html}");
        assert!(html.contains(r#"<source>"#), "{html}");
    }

    #[test]
    fn style_attributes_are_dropped_but_table_alignment_stays() {
        let source = "<p style=\"position:fixed;inset:0\">x</p>\n\n\
            <table><tr><td style=\"position:fixed\">z</td></tr></table>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n";
        for mode in [HtmlMode::Sanitize, HtmlMode::Allow] {
            let html = md(source, mode).html;
            assert!(!html.contains("style=\"position"), "{mode:?}: {html}");
            assert!(html.contains(r#"<th style="text-align: left">a</th>"#), "{mode:?}: {html}");
            assert!(html.contains(r#"<td style="text-align: right">2</td>"#), "{mode:?}: {html}");
        }
    }

    #[test]
    fn sanitize_keeps_markup_but_drops_handlers() {
        let r = md("<b onclick=\"x()\">bold</b>", HtmlMode::Sanitize);
        assert!(r.html.contains("<b>bold</b>"), "{}", r.html);
    }
}
