//! What becomes of raw HTML written in Markdown, and the HTML a body becomes.

/// How raw HTML in Markdown is treated (`html:` in site.yaml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HtmlMode {
    /// Shown as text.
    #[default]
    Escape,
    /// Kept, but cleaned of scripts, event handlers and script URLs.
    Sanitize,
    /// Kept with embeds (iframes, video, audio, pictures) and `data-`/`aria-` attributes;
    /// still never scripts, event handlers, `style` attributes or script URLs.
    Allow,
}

/// Rendered HTML: shared, never copied, between what was parsed and the model.
pub(crate) type Html = std::sync::Arc<str>;
