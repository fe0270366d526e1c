//! The site's settings, from `content/site.yaml` (see docs/settings.md).

use serde_json::Value;

use super::HtmlMode;

/// `content/site.yaml`.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) base_url: String,
    pub(crate) language: String,
    pub(crate) author: String,
    pub(crate) articles_per_page: usize,
    pub(crate) html: HtmlMode,
    pub(crate) extra: Value,
    /// The picture shown where a page without one of its own is shared (`image:`): a
    /// file of `static/` or a web address, as written.
    pub(crate) image: Option<String>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Briefing".to_owned(),
            description: String::new(),
            base_url: "/".to_owned(),
            language: "en".to_owned(),
            author: String::new(),
            articles_per_page: 50,
            html: HtmlMode::Escape,
            extra: Value::Object(Default::default()),
            image: None,
        }
    }
}
