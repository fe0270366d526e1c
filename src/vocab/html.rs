//! What becomes of raw HTML written in Markdown, and the HTML a body becomes.

use std::sync::Arc;

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

/// Rendered HTML: one allocation, shared by every copy (the record's, the model's) and
/// never copied; two copies of one compare equal at once, without reading it.
#[derive(Debug, Clone, Default, Eq)]
pub(crate) struct Html(Arc<str>);

impl PartialEq for Html {
    fn eq(&self, other: &Html) -> bool {
        // `Arc<str>` compares the text even when both are the same allocation.
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl std::ops::Deref for Html {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Html {
    fn from(text: &str) -> Html {
        Html(Arc::from(text))
    }
}

impl From<String> for Html {
    fn from(text: String) -> Html {
        Html(Arc::from(text))
    }
}
